from django.core.management.base import BaseCommand
from django.utils import timezone

from opportunities.freshness import DEFAULT_REMINDER_INTERVAL_DAYS, stale_months
from opportunities.reminders import opportunities_send_verification_reminders


class Command(BaseCommand):
    help = (
        "Email each organization's editors about its opportunities not verified for months, with a one-click "
        "'still valid' link (run weekly, e.g. from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=None, help="Stale after this many months (default FRESHNESS_STALE_MONTHS)."
        )
        parser.add_argument(
            "--interval-days",
            type=int,
            default=DEFAULT_REMINDER_INTERVAL_DAYS,
            help="Do not remind about the same opportunity again within this many days.",
        )

    def handle(self, *args, months, interval_days, **options):
        months = stale_months() if months is None else months
        sent, reminded = opportunities_send_verification_reminders(
            today=timezone.localdate(), months=months, interval_days=interval_days
        )
        self.stdout.write(f"{sent} reminder emails sent about {reminded} opportunities (stale after {months} months).")
