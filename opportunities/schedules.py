"""Occurrences of schedules, the way iCalendar RRULEs define them.

A schedule without weekdays is a single date or a run of consecutive days; a
schedule with weekdays repeats weekly between its optional bounds. Kept free
of the ORM so that the same code serves pages, feeds and search indexing.
"""

import datetime as dt

from django.utils import timezone
from django.utils.dateformat import time_format
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, gettext_noop

from opportunities.fields import WEEKDAY_CODES, WEEKDAYS

# How far ahead an open-ended weekly schedule is followed.
HORIZON = dt.timedelta(days=366)


def occurrence_dates(schedule, start, end):
    """Yield the dates in [start, end] on which the schedule takes place."""
    first = max(start, schedule.start_date) if schedule.start_date else start
    last = min(end, schedule.end_date) if schedule.end_date else end
    if not schedule.weekdays:
        if schedule.start_date is None:
            return
        last = min(last, schedule.end_date or schedule.start_date)
    weekdays = {WEEKDAY_CODES.index(code) for code in schedule.weekdays}
    day = first
    while day <= last:
        if not weekdays or day.weekday() in weekdays:
            yield day
        day += dt.timedelta(days=1)


def occurrence_bounds(schedule, day):
    """The aware start and end datetimes of the occurrence on `day`."""
    tz = timezone.get_current_timezone()
    opens = schedule.opens_at or dt.time.min
    closes = schedule.closes_at or dt.time.max
    return (
        timezone.make_aware(dt.datetime.combine(day, opens), tz),
        timezone.make_aware(dt.datetime.combine(day, closes), tz),
    )


def next_occurrence(schedules, now=None):
    """The start of the earliest occurrence that has not ended yet, or None."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    starts = []
    for schedule in schedules:
        for day in occurrence_dates(schedule, today, today + HORIZON):
            starts_at, ends_at = occurrence_bounds(schedule, day)
            if ends_at >= now:
                starts.append(starts_at)
                break
    return min(starts, default=None)


def first_occurrence(schedules, start, end, *, weekdays=(), now=None):
    """The start of the earliest occurrence on a day in [start, end] that has not ended by `now`, or None.

    `weekdays` (iCalendar codes, "SA") narrows the days, as the search's weekday filter does. Pass schedules
    already fetched (a prefetched `opportunity.schedules.all()`): this reads no database.
    """
    now = now or timezone.now()
    wanted = {WEEKDAY_CODES.index(code) for code in weekdays}
    starts = []
    for schedule in schedules:
        for day in occurrence_dates(schedule, start, end):
            if wanted and day.weekday() not in wanted:
                continue
            starts_at, ends_at = occurrence_bounds(schedule, day)
            if ends_at >= now:
                starts.append(starts_at)
                break
    return min(starts, default=None)


def last_day(schedules):
    """The last day the schedules reach, or None when one of them repeats without an end (or there are none)."""
    days = []
    for schedule in schedules:
        if schedule.weekdays and schedule.end_date is None:
            return None
        days.append(schedule.end_date or schedule.start_date)
    return max(filter(None, days), default=None)


def describe_schedule(schedule):
    """A schedule in plain Italian: "Ogni martedì e giovedì, dalle 17:00 alle 18:30"."""
    parts = []
    if schedule.weekdays:
        parts.append(_weekly_phrase(schedule.weekdays))
    if schedule.start_date and schedule.end_date and schedule.end_date != schedule.start_date:
        parts.append(f"{day_phrase(schedule.start_date, 'dal')} {day_phrase(schedule.end_date, 'al')}")
    elif schedule.start_date and not schedule.weekdays:
        parts.append(format_day(schedule.start_date, "l j E Y"))
    elif schedule.start_date:
        parts.append(day_phrase(schedule.start_date, "dal"))
    elif schedule.end_date:
        parts.append(day_phrase(schedule.end_date, "fino al"))
    if schedule.opens_at and schedule.closes_at:
        parts.append(
            gettext("dalle %(opens)s alle %(closes)s")
            % {"opens": time_format(schedule.opens_at, "H:i"), "closes": time_format(schedule.closes_at, "H:i")}
        )
    elif schedule.opens_at:
        parts.append(gettext("alle %(opens)s") % {"opens": time_format(schedule.opens_at, "H:i")})
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _weekly_phrase(codes):
    labels = dict(WEEKDAYS)
    names = [str(labels[code]) for code in codes]
    if len(names) == 7:
        return gettext("tutti i giorni")
    if codes == WEEKDAY_CODES[:5]:
        return gettext("dal lunedì al venerdì")
    listed = (
        names[0]
        if len(names) == 1
        else gettext("%(first)s e %(last)s")
        % {
            "first": ", ".join(names[:-1]),
            "last": names[-1],
        }
    )
    return gettext("ogni %(days)s") % {"days": listed}


def format_day(day, fmt="j E Y"):
    """A date in words, as Italian writes it ("sabato 12 dicembre 2026", "1° marzo 2027")."""
    if not _italian():
        return date_format(day, fmt)
    if day.day == 1:
        fmt = fmt.replace("j", "j°")  # the first of the month is read "primo": "1° marzo"
    # Django's Italian locale capitalises month and day names; Italian writes them lowercase.
    return date_format(day, fmt).lower()


# The article (alone or joined to a preposition) before a day of the month: Italian elides it before the
# numbers read with a vowel, 8 ("otto") and 11 ("undici"): "l'8 marzo", "dall'11 febbraio", "entro l'8";
# every other day, the first ("il 1° marzo", "primo") included, takes "il": "il 3", "dal 1°", "al 12".
DAY_PHRASES = {
    "il": (gettext_noop("il %(day)s"), gettext_noop("l'%(day)s")),
    "dal": (gettext_noop("dal %(day)s"), gettext_noop("dall'%(day)s")),
    "al": (gettext_noop("al %(day)s"), gettext_noop("all'%(day)s")),
    "fino al": (gettext_noop("fino al %(day)s"), gettext_noop("fino all'%(day)s")),
    "entro il": (gettext_noop("entro il %(day)s"), gettext_noop("entro l'%(day)s")),
}
ELIDED_DAYS = (8, 11)


def day_phrase(day, phrase, fmt="j E Y"):
    """A date after "il", "dal", "al", "fino al" or "entro il", with the article Italian wants.

    day_phrase(date(2027, 2, 11), "entro il") == "entro l'11 febbraio 2027"; other languages translate
    both forms of each phrase to their own.
    """
    plain, elided = DAY_PHRASES[phrase]
    return gettext(elided if day.day in ELIDED_DAYS else plain) % {"day": format_day(day, fmt)}


def _italian():
    return (get_language() or "").startswith("it")


def format_occurrence(moment, with_year=False):
    """An occurrence's start in words; midnight means "no time given", so no time is shown."""
    moment = timezone.localtime(moment)
    text = format_day(moment.date(), "l j E Y" if with_year else "l j E")
    if moment.time() != dt.time.min:
        text += ", " + time_format(moment.time(), "H:i")
    return text
