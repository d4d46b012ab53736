"""iCalendar (RFC 5545) export: one VEVENT per schedule.

- a weekly schedule is an event with a weekly RRULE (BYDAY, UNTIL its end date);
- a run of consecutive days without times (a call open from one date to another, a camp) is one
  multi-day all-day event: DTSTART;VALUE=DATE is its first day and DTEND;VALUE=DATE the day after
  its last, since an all-day DTEND is exclusive (RFC 5545, 3.6.1);
- a run of days with times (a festival, every evening from 17 to 23) repeats daily at those times;
- a single date is a single event.

Suspended and concluded opportunities have no dates to offer, so they add no event.
"""

import datetime as dt

from icalendar import Calendar, Event, vRecur

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from opportunities.schedules import occurrence_dates

PRODID = "-//Portale delle opportunita//IT"


def opportunities_calendar(opportunities, *, base_url, now=None, name="", description=""):
    """A calendar with the schedules of `opportunities` (schedules and places prefetched or not).

    `name` and `description` become the calendar's NAME and DESCRIPTION (RFC 7986) and their
    X-WR-CALNAME and X-WR-CALDESC twins, which most calendar applications read.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    now = now or timezone.now()
    for opportunity in opportunities:
        if opportunity.is_on_hold:
            continue
        for schedule in opportunity.schedules.all():
            event = schedule_event(opportunity, schedule, base_url=base_url, now=now)
            if event is not None:
                calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def search_calendar(opportunities, *, total, base_url, search_url, name, now=None):
    """The calendar of a search's first results (at most the API's page size), saying how many of the
    `total` matches it holds, so that a feed cut short never looks complete."""
    opportunities = list(opportunities)
    included = sum(1 for opportunity in opportunities if not opportunity.is_on_hold)
    description = search_calendar_description(
        included=included, listed=len(opportunities), total=total, search_url=search_url
    )
    return opportunities_calendar(opportunities, base_url=base_url, now=now, name=name, description=description)


def search_calendar_description(*, included, listed, total, search_url):
    """ "Contiene le prime 100 delle 111 opportunità trovate: ..." and the search's address.

    `listed` results were read (the first ones, in the search's order), `included` of them are in the
    calendar (suspended and concluded ones have no dates), of `total` found.
    """
    if listed < total:
        text = gettext(
            "Contiene le prime %(listed)s delle %(total)s opportunità trovate: restringi la ricerca per averle tutte."
        )
    elif included < total:
        text = gettext("Contiene %(included)s delle %(total)s opportunità trovate.")
    else:
        text = ngettext(
            "Contiene l'opportunità trovata.",
            "Contiene tutte le %(total)s opportunità trovate.",
            total,
        )
    sentences = [text % {"listed": listed, "included": included, "total": total}]
    left_out = listed - included
    if left_out and listed < total:
        sentences.append(
            ngettext(
                "Tra queste, %(count)s è sospesa e non ha date in programma.",
                "Tra queste, %(count)s sono sospese e non hanno date in programma.",
                left_out,
            )
            % {"count": left_out}
        )
    elif left_out:
        sentences.append(gettext("Le opportunità sospese non sono nel calendario: non hanno date in programma."))
    sentences.append(search_url)
    return " ".join(sentences)


def schedule_event(opportunity, schedule, *, base_url, now):
    first_day = _first_day(schedule, now)
    if first_day is None:
        return None
    url = base_url + opportunity.url
    event = Event()
    event.add("uid", f"opportunity-{opportunity.pk}-schedule-{schedule.pk}@{base_url.split('://')[-1]}")
    event.add("dtstamp", opportunity.last_published_at or now)
    event.add("summary", opportunity.title)
    event.add("description", "\n".join(filter(None, [opportunity.summary, schedule.note, url])))
    event.add("url", url)
    place = opportunity.primary_place
    if place is not None:
        event.add("location", f"{place.name}, {place.full_address}")
        if place.latitude is not None:
            event.add("geo", (float(place.latitude), float(place.longitude)))
    if _is_run_of_whole_days(schedule):
        event.add("dtstart", schedule.start_date)  # VALUE=DATE
        event.add("dtend", schedule.end_date + dt.timedelta(days=1))  # exclusive: the day after the last
        return event
    _add_times(event, schedule, first_day)
    rule = _recurrence(schedule)
    if rule:
        event.add("rrule", rule)
    return event


def _is_run_of_whole_days(schedule):
    return (
        not schedule.weekdays
        and schedule.opens_at is None
        and schedule.start_date is not None
        and schedule.end_date is not None
        and schedule.end_date > schedule.start_date
    )


def _first_day(schedule, now):
    """The first occurrence: DTSTART must itself be an occurrence of the rule."""
    start = schedule.start_date or timezone.localtime(now).date()
    return next(occurrence_dates(schedule, start, start + dt.timedelta(days=6)), None)


def _add_times(event, schedule, day):
    if schedule.opens_at is None:
        event.add("dtstart", day)  # a whole-day event (VALUE=DATE)
        event.add("dtend", day + dt.timedelta(days=1))
        return
    tz = timezone.get_current_timezone()
    event.add("dtstart", dt.datetime.combine(day, schedule.opens_at, tzinfo=tz))
    if schedule.closes_at:
        event.add("dtend", dt.datetime.combine(day, schedule.closes_at, tzinfo=tz))


def _recurrence(schedule):
    if schedule.weekdays:
        rule = {"freq": "weekly", "byday": schedule.weekdays}
    elif schedule.end_date and schedule.start_date and schedule.end_date > schedule.start_date:
        rule = {"freq": "daily"}  # only runs with times get here: whole days are one multi-day event
    else:
        return None
    if schedule.end_date:
        # UNTIL is inclusive and must have DTSTART's value type (RFC 5545, 3.3.10): a DATE for whole-day
        # events; otherwise the end of the last day, in UTC as required with a zoned DTSTART.
        if schedule.opens_at is None:
            rule["until"] = schedule.end_date
        else:
            last_moment = dt.datetime.combine(
                schedule.end_date, dt.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
            )
            rule["until"] = last_moment.astimezone(dt.UTC)
    return vRecur(rule)
