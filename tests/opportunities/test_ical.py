"""'Add to my calendar': the iCalendar file of an opportunity, read back with a parser."""

import datetime as dt

import pytest
from icalendar import Calendar

from opportunities.models import Kind, OpportunitySchedule, Status
from tests.factories import OpportunityPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def download(client, page):
    response = client.get(page.url + "calendario/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{page.slug}.ics"' in response["Content-Disposition"]
    return Calendar.from_ical(response.content)


def test_a_weekly_course_becomes_a_recurring_event(client, home_page):
    page = OpportunityPageFactory(
        title="Corso di italiano per stranieri",
        places=[PlaceFactory(name="Biblioteca civica", address="Via Manin 3")],
        schedules=[
            OpportunitySchedule(
                start_date=dt.date(2027, 1, 10),  # a Sunday: the first lesson is Tuesday 12
                end_date=dt.date(2027, 5, 27),
                weekdays=["TU", "TH"],
                opens_at=dt.time(18),
                closes_at=dt.time(19, 30),
            )
        ],
    )
    (event,) = download(client, page).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Corso di italiano per stranieri"
    assert event.decoded("DTSTART") == dt.datetime(2027, 1, 12, 18, 0, tzinfo=event.decoded("DTSTART").tzinfo)
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Rome"
    assert event.decoded("DTEND").time() == dt.time(19, 30)
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU", "TH"]
    assert rule["UNTIL"][0].date() == dt.date(2027, 5, 27)
    assert str(event["LOCATION"]) == "Biblioteca civica, Via Manin 3, Valdoria"
    assert page.url in str(event["URL"])


def test_a_run_of_whole_days_is_one_multi_day_event_ending_the_day_after_its_last(client, home_page):
    """RFC 5545 3.6.1: an all-day DTEND is exclusive, so a call open until 11 February ends on the 12th."""
    page = OpportunityPageFactory(
        kind=Kind.CALL, schedules=[OpportunitySchedule(start_date=dt.date(2026, 11, 8), end_date=dt.date(2027, 2, 11))]
    )
    (event,) = download(client, page).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2026, 11, 8)
    assert event.decoded("DTEND") == dt.date(2027, 2, 12)
    assert "RRULE" not in event
    assert event["DTSTART"].params.get("VALUE") == "DATE" and event["DTEND"].params.get("VALUE") == "DATE"


def test_a_run_of_days_with_times_repeats_daily_at_those_times(client, home_page):
    page = OpportunityPageFactory(
        schedules=[
            OpportunitySchedule(
                start_date=dt.date(2027, 7, 1),
                end_date=dt.date(2027, 7, 3),
                opens_at=dt.time(17),
                closes_at=dt.time(23),
            )
        ]
    )
    (event,) = download(client, page).walk("VEVENT")
    assert event.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2027, 7, 1, 17)
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert event["RRULE"]["UNTIL"][0].date() == dt.date(2027, 7, 3)


def test_a_weekly_schedule_of_whole_days_ends_with_a_date_like_its_start(client, home_page):
    """RFC 5545 3.3.10: UNTIL must have the value type of DTSTART, a DATE for whole-day events."""
    page = OpportunityPageFactory(
        schedules=[OpportunitySchedule(weekdays=["SA"], start_date=dt.date(2027, 1, 9), end_date=dt.date(2027, 3, 27))]
    )
    (event,) = download(client, page).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2027, 1, 9)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["SA"]
    assert event["RRULE"]["UNTIL"] == [dt.date(2027, 3, 27)]


@pytest.mark.parametrize("status", [Status.SUSPENDED, Status.CONCLUDED])
def test_a_suspended_or_concluded_opportunity_puts_nothing_in_a_calendar(client, home_page, status):
    page = OpportunityPageFactory(status=status, schedules=[OpportunitySchedule(weekdays=["MO"], opens_at=dt.time(9))])
    assert download(client, page).walk("VEVENT") == []


def test_the_calendar_is_named_after_the_opportunity(client, home_page):
    page = OpportunityPageFactory(title="Coro dei ragazzi")
    calendar = download(client, page)
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == "Coro dei ragazzi"


def test_a_one_off_event_does_not_repeat_and_the_calendar_declares_its_timezone(client, home_page):
    page = OpportunityPageFactory(schedules=[OpportunitySchedule(start_date=dt.date(2027, 3, 6), opens_at=dt.time(21))])
    calendar = download(client, page)
    (event,) = calendar.walk("VEVENT")
    assert "RRULE" not in event
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]


def test_the_opportunity_page_links_to_its_calendar_file(client, home_page):
    page = OpportunityPageFactory()
    assert f'href="{page.url}calendario/"' in client.get(page.url).content.decode()
