"""The results map shows every result with a place, not only the page being read."""

from decimal import Decimal

import pytest

from tests.factories import OpportunityPageFactory, PlaceFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db
MAP_URL = "/cerca/mappa/"


def located(title, lat="45.070000"):
    place = PlaceFactory(name=f"Sede {title}", latitude=Decimal(lat), longitude=Decimal("11.790000"))
    return OpportunityPageFactory(title=title, places=[place])


def test_the_map_gets_the_markers_of_every_page_of_results(client, home_page):
    for number in range(5):
        located(f"Nuoto {number}")
    OpportunityPageFactory(title="Nuoto a domicilio")  # no place: no marker
    located("Danza")
    body = client.get(MAP_URL, {"q": "nuoto", "page_size": "2"}).json()
    assert body["total"] == 6
    assert body["truncated"] is False
    assert sorted(marker["title"] for marker in body["markers"]) == [f"Nuoto {number}" for number in range(5)]
    assert body["markers"][0].keys() == {"lat", "lng", "title", "url", "place"}


def test_the_search_page_tells_the_map_where_all_its_markers_are(client, home_page):
    located("Nuoto libero")
    text = client.get("/cerca/", {"q": "nuoto", "age": "7"}).content.decode()
    assert 'data-all-markers="/cerca/mappa/?q=nuoto&amp;age=7"' in text


def test_a_bad_parameter_is_a_400_naming_it(client, home_page):
    response = client.get(MAP_URL, {"age": "centoventuno"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "age"


def test_the_markers_take_the_same_queries_however_many_results(client, home_page):
    located("Nuoto 1")
    few = queries_to_render(client, f"{MAP_URL}?q=nuoto")
    for number in range(2, 12):
        located(f"Nuoto {number}", lat=f"45.0{number:02d}000")
    assert queries_to_render(client, f"{MAP_URL}?q=nuoto") == few
