"""iCalendar (RFC 5545) export: one VEVENT per schedule, recurring ones with an RRULE."""

import datetime as dt

from icalendar import Calendar, Event, vRecur

from django.utils import timezone

from opportunities.schedules import occurrence_dates

PRODID = "-//Portale delle opportunita//IT"


def opportunities_calendar(opportunities, *, base_url, now=None):
    """A calendar with the schedules of `opportunities` (schedules and places prefetched or not)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    now = now or timezone.now()
    for opportunity in opportunities:
        for schedule in opportunity.schedules.all():
            event = schedule_event(opportunity, schedule, base_url=base_url, now=now)
            if event is not None:
                calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


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
    _add_times(event, schedule, first_day)
    rule = _recurrence(schedule)
    if rule:
        event.add("rrule", rule)
    return event


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
        rule = {"freq": "daily"}
    else:
        return None
    if schedule.end_date:
        # UNTIL is inclusive; the end of the last day, in UTC as RFC 5545 requires with a zoned DTSTART.
        last_moment = dt.datetime.combine(
            schedule.end_date, dt.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
        )
        rule["until"] = last_moment.astimezone(dt.UTC)
    return vRecur(rule)
