import datetime as dt

import pytest

from opportunities.models import OpportunitySchedule
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


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
