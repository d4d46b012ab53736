"""Which opportunities are out of date: queries shared by the daily jobs, the reminders, the report and dashboards.

Every function returns an `OpportunityPage` queryset (no evaluation, no ordering
imposed), so callers can narrow it further (`.filter(organization=...)`, `.live()`)
or count it cheaply. "Today" and "now" are always passed in, so that jobs and tests
agree on the date and nothing depends on when the module was imported.

An opportunity's *last day* is the latest day any of its schedules can take
place: a schedule's end date, or the single date of a one-day schedule. A weekly
schedule without an end date never ends, and neither does an opportunity with one.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Case, DateField, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from opportunities.models import OpportunityPage, OpportunitySchedule, Status

DEFAULT_STALE_MONTHS = 6
DEFAULT_EXPIRING_DAYS = 30
# A reminder is not sent again about the same opportunity within this many days.
DEFAULT_REMINDER_INTERVAL_DAYS = 30


def stale_months():
    """How many months after its last verification an opportunity counts as stale (setting FRESHNESS_STALE_MONTHS)."""
    return getattr(settings, "FRESHNESS_STALE_MONTHS", DEFAULT_STALE_MONTHS)


def months_before(day, months):
    """The same day of the month `months` earlier, clamped to the month's length (31 March - 1 → 28/29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def _schedules():
    return OpportunitySchedule.objects.filter(opportunity_id=OuterRef("pk"))


def _runs_on_or_after(day):
    """Schedules that can still take place on `day` or later: open-ended weekly ones, or ending no earlier."""
    open_ended = Q(end_date__isnull=True) & ~Q(weekdays="")
    single_day_ahead = Q(end_date__isnull=True, weekdays="", start_date__gte=day)
    return _schedules().filter(open_ended | single_day_ahead | Q(end_date__gte=day))


def _last_day_between(first, last):
    """Schedules whose last day falls in [first, last]."""
    ends_in_window = Q(end_date__gte=first, end_date__lte=last)
    single_day_in_window = Q(end_date__isnull=True, weekdays="", start_date__gte=first, start_date__lte=last)
    return _schedules().filter(ends_in_window | single_day_in_window)


def with_last_day(queryset):
    """Annotate `last_day`: the opportunity's last date, or None when a schedule never ends (or there is none)."""
    days = _schedules().annotate(day=Coalesce("end_date", "start_date")).order_by(F("day").desc(nulls_last=True))
    never_ends = Exists(_schedules().filter(Q(end_date__isnull=True) & ~Q(weekdays="")))
    return queryset.annotate(
        last_day=Case(
            When(never_ends, then=Value(None, output_field=DateField())),
            default=Subquery(days.values("day")[:1]),
            output_field=DateField(),
        )
    )


def past_opportunities(*, now=None):
    """Opportunities whose last day is before today and that are not concluded yet.

    An opportunity is concluded the day after its last date (not at the closing time
    of its last occurrence): a daily job is enough, and families who look the same
    evening still find it. Opportunities without any schedule are left alone.
    """
    today = timezone.localtime(now or timezone.now()).date()
    return (
        OpportunityPage.objects.exclude(status=Status.CONCLUDED)
        .filter(Exists(_schedules()))
        .exclude(Exists(_runs_on_or_after(today)))
    )


def expiring_opportunities(*, today, days=DEFAULT_EXPIRING_DAYS):
    """Not-concluded opportunities that end, or close registrations, within `days` days from `today` (inclusive).

    "End" means the last day of every schedule: an opportunity with one open-ended
    schedule never expires by date, though its registration deadline may.
    """
    until = today + dt.timedelta(days=days)
    ends_soon = Exists(_last_day_between(today, until)) & ~Exists(_runs_on_or_after(until + dt.timedelta(days=1)))
    deadline_soon = Q(registration_deadline__gte=today, registration_deadline__lte=until)
    return OpportunityPage.objects.exclude(status=Status.CONCLUDED).filter(ends_soon | deadline_soon)


def stale_opportunities(*, today, months=None):
    """Not-concluded opportunities whose information was last verified more than `months` months before `today`.

    `months` defaults to the FRESHNESS_STALE_MONTHS setting (6).
    """
    threshold = months_before(today, stale_months() if months is None else months)
    return OpportunityPage.objects.exclude(status=Status.CONCLUDED).filter(last_verified__lt=threshold)


def due_for_reminder(*, today, months=None, interval_days=DEFAULT_REMINDER_INTERVAL_DAYS):
    """Live stale opportunities whose organization was not reminded about them in the last `interval_days` days."""
    reminded_recently = Q(verification_reminded_on__gt=today - dt.timedelta(days=interval_days))
    return stale_opportunities(today=today, months=months).live().exclude(reminded_recently)
