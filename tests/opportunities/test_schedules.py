"""Occurrences and plain-language descriptions of schedules (HSDS / iCalendar semantics)."""

import datetime as dt

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from opportunities.fields import WeekdaysField
from opportunities.models import OpportunitySchedule
from opportunities.schedules import (
    day_phrase,
    describe_schedule,
    format_day,
    format_occurrence,
    next_occurrence,
    occurrence_dates,
)

ROME = timezone.get_fixed_timezone(60)  # 22 November 2026 is in winter time (UTC+1)
MONDAY = dt.date(2026, 11, 23)


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ROME)


def dates(schedule, start=MONDAY, days=14):
    return list(occurrence_dates(schedule, start, start + dt.timedelta(days=days - 1)))


def test_weekly_schedule_occurs_on_its_weekdays_only():
    schedule = OpportunitySchedule(weekdays=["TU", "TH"])
    assert dates(schedule) == [dt.date(2026, 11, 24), dt.date(2026, 11, 26), dt.date(2026, 12, 1), dt.date(2026, 12, 3)]


def test_weekly_schedule_respects_its_start_and_end_dates():
    schedule = OpportunitySchedule(weekdays=["MO"], start_date=dt.date(2026, 11, 30), end_date=dt.date(2026, 12, 1))
    assert dates(schedule) == [dt.date(2026, 11, 30)]


def test_single_date_occurs_once():
    schedule = OpportunitySchedule(start_date=dt.date(2026, 11, 28))
    assert dates(schedule) == [dt.date(2026, 11, 28)]


def test_date_range_without_weekdays_occurs_every_day():
    schedule = OpportunitySchedule(start_date=dt.date(2026, 11, 27), end_date=dt.date(2026, 11, 29))
    assert dates(schedule) == [dt.date(2026, 11, 27), dt.date(2026, 11, 28), dt.date(2026, 11, 29)]


def test_next_occurrence_is_the_earliest_across_schedules():
    schedules = [
        OpportunitySchedule(weekdays=["FR"], opens_at=dt.time(17)),
        OpportunitySchedule(start_date=dt.date(2026, 11, 25), opens_at=dt.time(9, 30)),
    ]
    assert next_occurrence(schedules, now=at(MONDAY, 12)) == at(dt.date(2026, 11, 25), 9, 30)


def test_an_occurrence_under_way_is_still_the_next_one_until_it_closes():
    schedule = OpportunitySchedule(weekdays=["MO"], opens_at=dt.time(10), closes_at=dt.time(12))
    assert next_occurrence([schedule], now=at(MONDAY, 11)) == at(MONDAY, 10)
    assert next_occurrence([schedule], now=at(MONDAY, 12, 1)) == at(MONDAY + dt.timedelta(days=7), 10)


def test_past_schedules_have_no_next_occurrence():
    schedule = OpportunitySchedule(start_date=dt.date(2026, 1, 10), end_date=dt.date(2026, 1, 12))
    assert next_occurrence([schedule], now=at(MONDAY, 9)) is None


@pytest.mark.parametrize(
    ("schedule", "text"),
    [
        (
            OpportunitySchedule(weekdays=["TU", "TH"], opens_at=dt.time(17), closes_at=dt.time(18, 30)),
            "Ogni martedì e giovedì, dalle 17:00 alle 18:30",
        ),
        (
            OpportunitySchedule(start_date=dt.date(2026, 12, 12), opens_at=dt.time(10)),
            "Sabato 12 dicembre 2026, alle 10:00",
        ),
        (
            OpportunitySchedule(
                weekdays=["MO", "TU", "WE", "TH", "FR"], start_date=dt.date(2027, 6, 14), end_date=dt.date(2027, 7, 23)
            ),
            "Dal lunedì al venerdì, dal 14 giugno 2027 al 23 luglio 2027",
        ),
        (OpportunitySchedule(weekdays=["SA"], start_date=dt.date(2027, 1, 9)), "Ogni sabato, dal 9 gennaio 2027"),
    ],
)
def test_schedules_read_as_plain_italian(schedule, text):
    with translation.override("it"):
        assert describe_schedule(schedule) == text


@pytest.mark.parametrize(
    ("schedule", "text"),
    [
        (
            OpportunitySchedule(start_date=dt.date(2026, 11, 8), end_date=dt.date(2027, 2, 11)),
            "Dall'8 novembre 2026 all'11 febbraio 2027",
        ),
        (
            OpportunitySchedule(start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 3, 8)),
            "Dal 1° marzo 2027 all'8 marzo 2027",
        ),
        (OpportunitySchedule(weekdays=["SA"], start_date=dt.date(2027, 1, 11)), "Ogni sabato, dall'11 gennaio 2027"),
        (OpportunitySchedule(weekdays=["SA"], end_date=dt.date(2027, 5, 8)), "Ogni sabato, fino all'8 maggio 2027"),
        (OpportunitySchedule(weekdays=["SA"], end_date=dt.date(2027, 5, 1)), "Ogni sabato, fino al 1° maggio 2027"),
        (OpportunitySchedule(start_date=dt.date(2027, 5, 1)), "Sabato 1° maggio 2027"),
    ],
)
def test_dates_take_the_article_italian_wants(schedule, text):
    with translation.override("it"):
        assert describe_schedule(schedule) == text


@pytest.mark.parametrize(
    ("day", "phrase", "text"),
    [
        (dt.date(2027, 2, 11), "entro il", "entro l'11 febbraio 2027"),
        (dt.date(2027, 2, 8), "il", "l'8 febbraio 2027"),
        (dt.date(2027, 2, 1), "il", "il 1° febbraio 2027"),
        (dt.date(2027, 2, 18), "entro il", "entro il 18 febbraio 2027"),
        (dt.date(2027, 2, 28), "dal", "dal 28 febbraio 2027"),
    ],
)
def test_a_day_after_an_article_is_elided_before_8_and_11_and_the_first_is_an_ordinal(day, phrase, text):
    with translation.override("it"):
        assert day_phrase(day, phrase) == text


def test_the_first_of_the_month_reads_primo_only_in_italian():
    with translation.override("it"):
        assert format_day(dt.date(2027, 3, 1), "l j E") == "lunedì 1° marzo"
    with translation.override("en"):
        assert format_day(dt.date(2027, 3, 1)) == "1 March 2027"


def test_weekdays_are_kept_in_calendar_order_and_stored_as_an_rrule_byday():
    field = WeekdaysField()
    assert field.to_python("fr,MO") == ["MO", "FR"]
    assert field.get_prep_value(["FR", "MO"]) == "MO,FR"


def test_an_unknown_weekday_is_refused():
    with pytest.raises(ValidationError):
        WeekdaysField().to_python(["MO", "XX"])


def test_an_occurrence_without_a_time_shows_only_its_day():
    with translation.override("it"):
        assert format_occurrence(at(MONDAY, 0)) == "lunedì 23 novembre"
        assert format_occurrence(at(MONDAY, 17, 30), with_year=True) == "lunedì 23 novembre 2026, 17:30"
