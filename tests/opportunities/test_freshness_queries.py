"""The shared freshness queries: which opportunities are past, expiring or stale."""

import datetime as dt

import pytest

from django.test import override_settings
from django.utils import timezone

from opportunities.freshness import (
    due_for_reminder,
    expiring_opportunities,
    months_before,
    past_opportunities,
    stale_opportunities,
)
from opportunities.models import OpportunitySchedule, Status
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)
NOW = timezone.make_aware(dt.datetime(2026, 6, 15, 9))


def opportunity(*schedules, **fields):
    return OpportunityPageFactory(schedules=list(schedules), **fields)


def on(day, end=None, weekdays=""):
    return OpportunitySchedule(start_date=day, end_date=end, weekdays=weekdays)


def titles(queryset):
    return set(queryset.values_list("title", flat=True))


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2026, 6, 15), 6, dt.date(2025, 12, 15)),
        (dt.date(2026, 1, 10), 13, dt.date(2024, 12, 10)),
    ],
)
def test_months_before_clamps_to_the_month_length(today, months, expected):
    assert months_before(today, months) == expected


def test_past_means_every_schedule_is_over(home_page):
    opportunity(on(TODAY - dt.timedelta(days=1)), title="Ieri")
    opportunity(on(TODAY - dt.timedelta(days=10), TODAY - dt.timedelta(days=2), weekdays=["MO"]), title="Finito")
    opportunity(on(TODAY), title="Oggi")
    opportunity(on(TODAY - dt.timedelta(days=5), TODAY + dt.timedelta(days=5)), title="In corso")
    opportunity(on(TODAY - dt.timedelta(days=300), weekdays=["WE"]), title="Senza fine")
    opportunity(on(TODAY - dt.timedelta(days=3)), on(TODAY + dt.timedelta(days=3)), title="Una data futura")
    opportunity(on(TODAY - dt.timedelta(days=3)), title="Già conclusa", status=Status.CONCLUDED)
    opportunity(title="Senza orari")

    assert titles(past_opportunities(now=NOW)) == {"Ieri", "Finito"}


def test_expiring_covers_last_days_and_registration_deadlines(home_page):
    opportunity(on(TODAY + dt.timedelta(days=20)), title="Ultimo giorno vicino")
    opportunity(on(TODAY + dt.timedelta(days=40)), title="Ultimo giorno lontano")
    opportunity(on(TODAY, TODAY + dt.timedelta(days=30), weekdays=["TU"]), title="Fine al limite")
    opportunity(on(TODAY + dt.timedelta(days=10)), on(TODAY + dt.timedelta(days=90)), title="Continua dopo")
    opportunity(on(TODAY, weekdays=["WE"]), registration_deadline=TODAY + dt.timedelta(days=7), title="Iscrizioni")
    opportunity(on(TODAY, weekdays=["WE"]), registration_deadline=TODAY - dt.timedelta(days=1), title="Chiuse")
    opportunity(on(TODAY + dt.timedelta(days=3)), status=Status.CONCLUDED, title="Conclusa")

    assert titles(expiring_opportunities(today=TODAY)) == {"Ultimo giorno vicino", "Fine al limite", "Iscrizioni"}
    assert titles(expiring_opportunities(today=TODAY, days=5)) == set()


def test_stale_follows_the_setting(home_page):
    opportunity(last_verified=dt.date(2025, 12, 14), title="Vecchia")
    opportunity(last_verified=dt.date(2025, 12, 15), title="Al limite")
    opportunity(last_verified=dt.date(2026, 5, 1), title="Recente")
    opportunity(last_verified=dt.date(2020, 1, 1), status=Status.CONCLUDED, title="Conclusa")

    assert titles(stale_opportunities(today=TODAY)) == {"Vecchia"}
    assert titles(stale_opportunities(today=TODAY, months=1)) == {"Vecchia", "Al limite", "Recente"}
    with override_settings(FRESHNESS_STALE_MONTHS=12):
        assert titles(stale_opportunities(today=TODAY)) == set()


def test_reminders_skip_recently_reminded_and_draft_pages(home_page):
    old = dt.date(2025, 1, 1)
    opportunity(last_verified=old, title="Da ricordare")
    opportunity(last_verified=old, verification_reminded_on=TODAY - dt.timedelta(days=40), title="Ricordata tempo fa")
    opportunity(last_verified=old, verification_reminded_on=TODAY - dt.timedelta(days=3), title="Appena ricordata")
    opportunity(last_verified=old, live=False, title="Bozza")

    assert titles(due_for_reminder(today=TODAY)) == {"Da ricordare", "Ricordata tempo fa"}
