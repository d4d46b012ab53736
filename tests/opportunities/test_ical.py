"""'Add to my calendar': the iCalendar file of an opportunity, read back with a parser."""

import datetime as dt

import pytest
from icalendar import Calendar

from opportunities.models import OpportunitySchedule
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


def test_a_summer_camp_over_consecutive_days_repeats_daily_and_whole_days_have_no_time(client, home_page):
    page = OpportunityPageFactory(
        schedules=[OpportunitySchedule(start_date=dt.date(2027, 7, 1), end_date=dt.date(2027, 7, 3))]
    )
    (event,) = download(client, page).walk("VEVENT")
    assert event.decoded("DTSTART") == dt.date(2027, 7, 1)
    assert event["RRULE"]["FREQ"] == ["DAILY"]


def test_a_one_off_event_does_not_repeat_and_the_calendar_declares_its_timezone(client, home_page):
    page = OpportunityPageFactory(schedules=[OpportunitySchedule(start_date=dt.date(2027, 3, 6), opens_at=dt.time(21))])
    calendar = download(client, page)
    (event,) = calendar.walk("VEVENT")
    assert "RRULE" not in event
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]


def test_the_opportunity_page_links_to_its_calendar_file(client, home_page):
    page = OpportunityPageFactory()
    assert f'href="{page.url}calendario/"' in client.get(page.url).content.decode()
