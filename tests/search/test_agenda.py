import datetime as dt

import pytest

from django.utils import timezone

from opportunities.models import OpportunitySchedule
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The agenda shows the months from a year before the current one to three years after; these tests live in 2027."""
    day = dt.date(2027, 1, 15)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    return day


def test_the_agenda_lists_each_occurrence_under_its_day(client, home_page):
    OpportunityPageFactory(
        title="Yoga al parco",
        schedules=[OpportunitySchedule(weekdays=["SA"], start_date=dt.date(2027, 3, 1), opens_at=dt.time(9))],
    )
    OpportunityPageFactory(
        title="Concerto di primavera",
        schedules=[OpportunitySchedule(start_date=dt.date(2027, 3, 13), opens_at=dt.time(21))],
    )
    text = client.get("/cerca/agenda/", {"month": "2027-03"}).content.decode()
    assert "Calendario: marzo 2027" in text
    saturdays = ["Sabato 6 marzo", "Sabato 13 marzo", "Sabato 20 marzo", "Sabato 27 marzo"]
    positions = [text.index(day) for day in saturdays]
    assert positions == sorted(positions)
    thirteenth = text[positions[1] : positions[2]]
    assert thirteenth.index("09:00") < thirteenth.index("Yoga al parco") < thirteenth.index("Concerto di primavera")
    assert "Concerto di primavera" not in text[positions[2] :]


def test_the_agenda_keeps_the_filters_and_moves_by_month(client, home_page):
    OpportunityPageFactory(title="Minibasket", min_age=6, max_age=10)
    text = client.get("/cerca/agenda/", {"month": "2027-01", "age": "7"}).content.decode()
    assert 'href="?age=7&amp;month=2026-12"' in text
    assert 'href="?age=7&amp;month=2027-02"' in text
    assert 'href="/cerca/?age=7"' in text


def test_a_malformed_month_is_explained_with_a_400(client, home_page):
    response = client.get("/cerca/agenda/", {"month": "marzo"})
    assert response.status_code == 400
    assert "AAAA-MM" in response.content.decode()


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1900-01", "2025-12", "2030-02"])
def test_a_month_outside_the_window_is_explained_with_a_400(client, home_page, month):
    OpportunityPageFactory(title="Sportello sempre aperto", schedules=[OpportunitySchedule(weekdays=["MO", "TU"])])

    response = client.get("/cerca/agenda/", {"month": month})

    text = response.content.decode()
    assert response.status_code == 400
    assert "Il calendario mostra i mesi da gennaio 2026 a gennaio 2030" in text
    assert 'href="/cerca/agenda/"' in text  # back to the current month
    assert "Sportello sempre aperto" not in text


@pytest.mark.parametrize(
    ("month", "previous", "following"),
    [("2026-01", False, True), ("2027-01", True, True), ("2030-01", True, False)],
)
def test_the_window_s_edges_are_shown_without_a_link_beyond_them(client, home_page, month, previous, following):
    response = client.get("/cerca/agenda/", {"month": month})

    text = response.content.decode()
    assert response.status_code == 200
    assert ("Mese precedente" in text) is previous
    assert ("Mese successivo" in text) is following
