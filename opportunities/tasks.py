"""Background tasks (django_tasks, the framework Wagtail 8 runs its own tasks on).

With a worker-backed TASKS backend these run outside the request; the daily
management commands `refresh_next_occurrences` and `send_verification_reminders`
run the same services directly for sites that schedule with cron.
"""

from django_tasks import task

from django.utils import timezone

from opportunities.reminders import opportunities_send_verification_reminders
from opportunities.services import opportunities_conclude_past, opportunities_refresh_next_occurrence


@task()
def refresh_opportunity_dates():
    """Conclude opportunities whose last date has passed, then move every other next date forward."""
    return {"concluded": opportunities_conclude_past(), "refreshed": opportunities_refresh_next_occurrence()}


@task()
def send_verification_reminders():
    """Weekly: remind organizations about opportunities nobody has verified for months."""
    sent, reminded = opportunities_send_verification_reminders(today=timezone.localdate())
    return {"emails": sent, "opportunities": reminded}
