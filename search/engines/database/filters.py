"""The schedules' conditions of a search (date window, weekdays, time of day) as ORM conditions; every other
filter is a set of the catalogue index (`index.py`)."""

import datetime as dt

from django.db.models import F, Q

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import OpportunityPage, OpportunitySchedule

NOON, SIX_PM = dt.time(12), dt.time(18)
# Date windows up to this many days are checked day by day, which is exact; longer ones by overlap.
EXACT_WINDOW_DAYS = 31

Categories = OpportunityPage.categories.through
Audiences = OpportunityPage.audiences.through
Features = OpportunityPage.accessibility_features.through
Languages = OpportunityPage.languages.through
Places = OpportunityPage.places.through


def scheduled_keys(query):
    """The keys of the opportunities with one schedule that satisfies the date window, weekdays and time of
    day together, or None if the query asks for none of them."""
    conditions = [
        condition for condition in (occurrence_condition(query), time_of_day_condition(query)) if condition is not None
    ]
    if not conditions:
        return None
    schedules = OpportunitySchedule.objects.all()
    for condition in conditions:
        schedules = schedules.filter(condition)
    return set(schedules.values_list("opportunity_id", flat=True))


def occurrence_condition(query):
    """Schedules with an occurrence in the date window that falls on one of the requested weekdays."""
    if query.date_from is None and query.date_to is None:
        return weekday_condition(query.weekdays) if query.weekdays else None
    days = window_days(query.date_from, query.date_to)
    if days is None:
        condition = overlap_condition(query.date_from, query.date_to)
        return condition & weekday_condition(query.weekdays) if query.weekdays else condition
    if query.weekdays:
        days = [day for day in days if weekday_code(day) in query.weekdays]
    condition = Q(pk__in=[])
    for day in days:
        condition |= occurs_on(day)
    return condition


def window_days(date_from, date_to):
    """The days of a bounded window short enough to be checked one by one (exact), else None."""
    if date_from is None or date_to is None or (date_to - date_from).days >= EXACT_WINDOW_DAYS:
        return None
    return [date_from + dt.timedelta(days=offset) for offset in range((date_to - date_from).days + 1)]


def weekday_code(day):
    return WEEKDAY_CODES[day.weekday()]


def occurs_on(day):
    """Schedules that take place on `day`, as `occurrence_dates` defines it."""
    weekly = (
        Q(weekdays__contains=weekday_code(day))
        & (Q(start_date__isnull=True) | Q(start_date__lte=day))
        & (Q(end_date__isnull=True) | Q(end_date__gte=day))
    )
    dated = Q(weekdays="", start_date__lte=day) & (Q(end_date__gte=day) | Q(end_date__isnull=True, start_date=day))
    return weekly | dated


def overlap_condition(date_from, date_to):
    """Long or open-ended windows: the schedule's validity overlaps the window, which holds every weekday."""
    weekly = ~Q(weekdays="")
    dated = Q(weekdays="", start_date__isnull=False)
    if date_to is not None:
        weekly &= Q(start_date__isnull=True) | Q(start_date__lte=date_to)
        dated &= Q(start_date__lte=date_to)
    if date_from is not None:
        weekly &= Q(end_date__isnull=True) | Q(end_date__gte=date_from)
        dated &= Q(end_date__gte=date_from) | Q(end_date__isnull=True, start_date__gte=date_from)
    return weekly | dated


def weekday_condition(codes):
    return (~Q(weekdays="") & any_weekday(codes)) | dated_on_weekdays(codes)


def dated_on_weekdays(codes):
    """Dated schedules with a day on one of `codes`, exact for runs of any length.

    A run of `length` + 1 days starting on weekday s holds weekday w when w - s (mod 7) <= length,
    so each short length becomes a condition on the start date's weekday; a week or more holds them all.
    """
    indexes = {WEEKDAY_CODES.index(code) for code in codes}
    condition = Q(end_date__gte=F("start_date") + dt.timedelta(days=6))
    for length in range(6):
        starts = {(index - offset) % 7 for index in indexes for offset in range(length + 1)}
        if length == 0:
            span = Q(end_date__isnull=True) | Q(end_date=F("start_date"))
        else:
            span = Q(end_date=F("start_date") + dt.timedelta(days=length))
        condition |= span & Q(start_date__week_day__in=[django_week_day(start) for start in starts])
    return Q(weekdays="", start_date__isnull=False) & condition


def any_weekday(codes):
    condition = Q()
    for code in sorted(codes):
        condition |= Q(weekdays__contains=code)
    return condition


def django_week_day(index):
    """Django's __week_day counts from Sunday = 1; Python's weekday() from Monday = 0."""
    return (index + 1) % 7 + 1


def time_of_day_condition(query):
    if not query.time_of_day:
        return None
    ranges = {
        "morning": Q(opens_at__lt=NOON),
        "afternoon": Q(opens_at__gte=NOON, opens_at__lt=SIX_PM),
        "evening": Q(opens_at__gte=SIX_PM),
    }
    condition = Q()
    for name in query.time_of_day:
        condition |= ranges[name]
    return condition
