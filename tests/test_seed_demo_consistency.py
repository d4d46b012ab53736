"""The demo town keeps its word: what titles say about times, days, seasons and places, its schedules and venues do.

The rules are checked twice: over every title of every offer, with schedules
drawn for several dates of the year (no database), and over the whole default
demo as `seed_demo` builds it (seeded once for the module, then rolled back).
The default-demo rules use their own patterns rather than the generator's
lexicon (home/demo/fits.py), so that they say plainly what a reader expects.
"""

import datetime as dt
import io
import random
import re
from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from home.demo.dates import plan_when, summer_year
from home.demo.fits import SEASONS, Fit, easter_sunday, fit_of, holidays, is_holiday, no_events_on
from home.demo.offers import OFFERS
from home.demo.town import DISTRICTS
from home.models import CollectionPage
from opportunities.models import Kind, OpportunityPage, Status
from opportunities.schedules import occurrence_dates

TODAYS = (dt.date(2026, 12, 1), dt.date(2027, 3, 15), dt.date(2027, 7, 20), dt.date(2027, 9, 25))
DATED_EVENTS = (Kind.EVENT, Kind.ACTIVITY, Kind.VOLUNTEERING)  # kinds whose single dates are events


# Every title of every offer, whatever the date: no database.


def every_title():
    for offers in OFFERS.values():
        for offer in offers:
            for title, fit in zip(offer.titles, offer.fits, strict=True):
                yield offer, title, fit


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_every_title_of_every_offer_gets_a_schedule_that_keeps_its_promises(today):
    broken = []
    for offer, title, fit in every_title():
        for seed in range(5):
            when = plan_when(offer.when, random.Random(f"{title}-{seed}"), today, fit)
            problems = fit.problems(when.schedules)
            single_dates = [schedule for schedule in when.schedules if not schedule["weekdays"]]
            if offer.kind != Kind.CALL:
                problems += [f"{day} is a holiday" for day in dated_days(single_dates) if no_events_on(day)]
            if problems:
                broken.append(f"{title}: {problems[0]}")
                break
    assert broken == []


def test_descriptions_say_the_time_of_day_their_schedules_keep():
    """ "Una mattina di pulizia" meets in the morning, "serate di musica" in the evening, whichever the title."""
    time_words = re.compile(r"\bseral[ei]\b|\bserat[ae]\b|\bsera\b|\bpomerigg[io]\b|\bmattin[ao]\b")
    broken = []
    for offer, title, fit in every_title():
        for description in offer.descriptions:
            word = time_words.search(description.lower())
            if word:
                when = plan_when(offer.when, random.Random(title), TODAYS[0], fit)
                problems = fit_of(word.group(0)).problems(when.schedules)
                broken += [f"{title} / {description}: {problems[0]}"] if problems else []
    assert broken == []


def test_the_lexicon_reads_what_titles_promise():
    assert fit_of("Aula studio serale").time == "evening"
    assert fit_of("Apertura pomeridiana dello spazio giovani").time == "afternoon"
    assert fit_of("Italiano al mattino con spazio bimbi").time == "morning"
    assert fit_of("Pranzo della domenica insieme") == Fit(time="lunch", weekdays=frozenset({6}))
    assert fit_of("Sabato creativo").weekdays == {5}
    assert fit_of("Cineforum del giovedì").weekdays == {3}
    assert {month for month, _day in fit_of("Concerto di Natale").season} == {12}
    assert fit_of("Festa di fine estate").season == SEASONS["fine estate"]
    assert {month for month, _day in fit_of("Sagra di settembre").season} == {9}
    assert fit_of("Storie in biblioteca").place == ("biblioteca",)
    assert fit_of("Corso di inglese per adulti") == Fit()


def test_promises_that_cannot_be_kept_together_are_refused():
    with pytest.raises(ValueError):
        Fit(time="morning") & Fit(time="evening")
    with pytest.raises(ValueError):
        fit_of("Concerto di Natale") & fit_of("Concerti d'estate")


def test_holidays_are_the_italian_public_ones():
    assert [easter_sunday(year) for year in (2024, 2026, 2027)] == [
        dt.date(2024, 3, 31),
        dt.date(2026, 4, 5),
        dt.date(2027, 3, 28),
    ]
    assert len(holidays(2026)) == 12
    assert is_holiday(dt.date(2026, 12, 8)) and is_holiday(dt.date(2026, 12, 25)) and is_holiday(dt.date(2027, 3, 29))
    assert not is_holiday(dt.date(2026, 12, 24)) and no_events_on(dt.date(2026, 12, 24))


# The whole default demo, as seed_demo builds it.


@dataclass
class Card:
    pk: int
    title: str
    kind: str
    status: str
    registration_required: bool
    organization: str
    summary: str
    min_age: int | None
    audiences: set
    categories: set
    places: list  # (name, district name)
    schedules: list  # SimpleNamespace with OpportunitySchedule's fields


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The default demo, read into plain objects; the database is left as it was.

    Seeded once for the module (it takes seconds) in a transaction rolled back at the end. The tests using it
    carry the django_db marker all the same: pytest-django creates the test database only for marked tests.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        cards = [
            card_of(page)
            for page in OpportunityPage.objects.order_by("path").prefetch_related(
                "schedules", "places__district", "audiences", "categories", "organization"
            )
        ]
        collections = {
            page.slug: (page.title, [pick.opportunity_id for pick in page.picks.all()])
            for page in CollectionPage.objects.all()
        }
        transaction.set_rollback(True)
    return SimpleNamespace(cards=cards, by_pk={card.pk: card for card in cards}, collections=collections)


def card_of(page):
    fields = ("start_date", "end_date", "weekdays", "opens_at", "closes_at", "note")
    return Card(
        pk=page.pk,
        title=page.title,
        kind=page.kind,
        status=page.status,
        registration_required=page.registration_required,
        organization=page.organization.title,
        summary=page.summary,
        min_age=page.min_age,
        audiences={audience.slug for audience in page.audiences.all()},
        categories={category.slug for category in page.categories.all()},
        places=[(place.name, place.district.name if place.district else "") for place in page.places.all()],
        schedules=[
            SimpleNamespace(**{name: getattr(schedule, name) for name in fields}) for schedule in page.schedules.all()
        ],
    )


def dated_days(schedules):
    """The days of schedules that have dates (single days, runs of days, weekly within dates)."""
    days = []
    for schedule in schedules:
        schedule = SimpleNamespace(**schedule) if isinstance(schedule, dict) else schedule
        if schedule.start_date:
            end = schedule.end_date or (schedule.start_date + dt.timedelta(days=366) if schedule.weekdays else None)
            days += occurrence_dates(schedule, schedule.start_date, end or schedule.start_date)
    return days


def occurrences(card):
    """Every day the card's schedules take place on, open-ended weekly ones over the coming year."""
    today = timezone.localdate()
    days = []
    for schedule in card.schedules:
        start = schedule.start_date or today
        end = schedule.end_date or (start + dt.timedelta(days=366) if schedule.weekdays else start)
        days += occurrence_dates(schedule, start, end)
    return days


def titled(demo, pattern):
    return [card for card in demo.cards if re.search(pattern, card.title, re.IGNORECASE)]


TIME_WORDS = (
    # (words in a title, what its opening time must be)
    (r"\bseral[ei]\b|\bserat[ae]\b|\bsera\b|\bnotte\b|\bcena\b", lambda opens: opens >= dt.time(18)),
    (r"\bpomerigg|\bpomeridian", lambda opens: dt.time(12) <= opens < dt.time(18)),
    (r"\bmattin", lambda opens: opens < dt.time(12)),
    (r"\bpranzo\b", lambda opens: dt.time(11, 30) <= opens <= dt.time(13, 30)),
)
WEEKDAY_WORDS = (
    (r"\blunedì\b", 0),
    (r"\bmartedì\b", 1),
    (r"\bmercoledì\b", 2),
    (r"\bgiovedì\b", 3),
    (r"\bvenerdì\b", 4),
    (r"\bsabat[oi]\b", 5),
    (r"\bdomenic(a|he)\b", 6),
)
SEASON_WORDS = (
    # (words in a title, the months its dates fall in); Christmas events come before Christmas.
    (r"\bnatal", {12}),
    (r"\bestat[ei]\b|\bestiv[aoie]\b|\bsummer\b", {6, 7, 8, 9}),
    (r"\bsettembre\b", {9}),
    (r"\bprimavera\b", {3, 4, 5, 6}),
    (r"\binvern", {12, 1, 2}),
)
VENUE_WORDS = (
    # (words in a title, a word the name of every place of it contains)
    (r"\bbibliotec", "biblioteca"),
    (r"\bnuoto\b|\bacquagym\b|\bacquaticità\b|\bpiscina\b", "piscina"),
    (r"\bpalazzo manin\b|\bal museo\b", "palazzo manin"),
    (r"\bil binario\b", "il binario"),
    (r"\bargin[ei]\b", "argine"),
    (r"\bparco\b", "parco"),
    (r"\bfattoria\b", "fattoria"),
    (r"\boratorio\b", "oratorio"),
    (r"\bconsultorio\b", "consultorio"),
)


@pytest.mark.django_db
def test_titles_saying_a_time_of_day_open_at_that_time(demo):
    checked, broken = 0, []
    for pattern, keeps in TIME_WORDS:
        for card in titled(demo, pattern):
            checked += 1
            broken += [
                f"{card.title}: {s.opens_at}" for s in card.schedules if s.opens_at is None or not keeps(s.opens_at)
            ]
    assert checked > 5 and broken == []


@pytest.mark.django_db
def test_titles_saying_a_weekday_happen_on_it(demo):
    checked, broken = 0, []
    for pattern, weekday in WEEKDAY_WORDS:
        for card in titled(demo, pattern):
            checked += 1
            broken += [f"{card.title}: {day:%A %d %B}" for day in occurrences(card) if day.weekday() != weekday]
    assert checked > 2 and broken == []


@pytest.mark.django_db
def test_titles_saying_a_season_fall_in_it(demo):
    checked, broken = 0, []
    for pattern, months in SEASON_WORDS:
        for card in titled(demo, pattern):
            checked += 1
            if any(schedule.start_date is None for schedule in card.schedules):
                broken.append(f"{card.title}: no dates")
            broken += [f"{card.title}: {day}" for day in occurrences(card) if day.month not in months]
            if "natal" in pattern:
                broken += [f"{card.title}: {day}, after Christmas Eve" for day in occurrences(card) if day.day > 24]
    assert checked > 5 and broken == []


@pytest.mark.django_db
def test_summer_camps_run_in_june_to_september_after_today(demo):
    camps = [card for card in demo.cards if card.kind == Kind.SUMMER_CAMP]
    today = timezone.localdate()

    assert camps
    for camp in camps:
        days = occurrences(camp)
        assert days and all(6 <= day.month <= 9 and day > today for day in days), camp.title


@pytest.mark.django_db
def test_titles_naming_a_venue_or_a_district_take_place_there(demo):
    broken = []
    for pattern, word in VENUE_WORDS:
        broken += [
            f"{card.title}: {name}"
            for card in titled(demo, pattern)
            for name, _district in card.places
            if word not in name.lower()
        ]
    for district in DISTRICTS:
        broken += [
            f"{card.title}: {name} is in {place_district}"
            for card in demo.cards
            if card.title.endswith(f" {district.locative}")
            for name, place_district in card.places
            if place_district != district.name
        ]
    assert broken == []


@pytest.mark.django_db
def test_every_card_keeps_what_the_generator_reads_in_its_title(demo):
    """The catch-all: the generator's own lexicon (months, seasons, weekdays, times of day, venues) on every title."""
    broken = [
        f"{card.title}: {problems[0]}"
        for card in demo.cards
        if (problems := fit_of(card.title).problems(card.schedules, [SimpleNamespace(name=n) for n, _d in card.places]))
    ]
    assert broken == []


@pytest.mark.django_db
def test_events_keep_off_public_holidays_and_weekly_services_say_they_close_on_them(demo):
    on_holidays = [
        f"{card.title}: {day}"
        for card in demo.cards
        if card.kind in DATED_EVENTS
        for day in dated_days([schedule for schedule in card.schedules if not schedule.weekdays])
        if (day.month, day.day) in {(12, 8), (12, 24), (12, 25), (12, 26), (12, 31), (1, 1), (1, 6)} or is_holiday(day)
    ]
    silent = [
        card.title
        for card in demo.cards
        if card.kind == Kind.SERVICE
        for schedule in card.schedules
        if schedule.weekdays and schedule.opens_at and "festiv" not in schedule.note.lower()
    ]

    assert on_holidays == []
    assert silent == []


@pytest.mark.django_db
def test_descriptions_vary(demo):
    """No two cards read the same, an organization never repeats a description, and many say it differently."""
    descriptions = [description for offer, _title, _fit in every_title() for description in offer.descriptions]
    # The summary may start with the time and lower-case the description's first letter.
    described = [(card, next((text for text in descriptions if text[1:] in card.summary), None)) for card in demo.cards]
    uses = Counter(text for _card, text in described)
    own = Counter((card.organization, text) for card, text in described)

    assert [summary for summary, count in Counter(card.summary for card in demo.cards).items() if count > 1] == []
    assert None not in uses
    assert [text for text, count in uses.items() if count > 3] == []
    assert [pair for pair, count in own.items() if count > 1] == []


@pytest.mark.django_db
def test_only_listings_with_sign_up_are_fully_booked(demo):
    full = [card for card in demo.cards if card.status == Status.FULL]

    assert full and all(card.registration_required for card in full)


@pytest.mark.django_db
def test_collection_picks_fit_the_collection(demo):
    over_65_title, over_65 = demo.collections["over-65"]
    summer_title, summer = demo.collections["estate-centri-estivi"]
    work = {"lavoro-e-orientamento", "sportello-lavoro", "tirocini", "curriculum-e-colloqui", "servizio-civile"}

    assert len(over_65) == 3 and len(summer) == 3
    for pick in map(demo.by_pk.get, over_65):
        assert pick.min_age is not None and pick.min_age >= 60 and "anziani" in pick.audiences, pick.title
        assert not pick.categories & work, pick.title
    assert len({demo.by_pk[pk].kind for pk in over_65}) > 1  # not three of a kind
    for pick in map(demo.by_pk.get, summer):
        assert pick.kind == Kind.SUMMER_CAMP
        assert all(day.year == summer_year(timezone.localdate()) for day in occurrences(pick))
    assert str(summer_year(timezone.localdate())) in summer_title
    assert over_65_title == "Per chi ha più di 65 anni"
