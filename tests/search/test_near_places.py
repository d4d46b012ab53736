"""Searching around a district or a help desk: no browser position needed, so it works without JavaScript."""

import datetime as dt
from decimal import Decimal

import pytest

from search.query import InvalidSearchParameter, SearchQuery
from taxonomy.models import District
from tests.factories import OpportunityPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def parse(**params):
    return SearchQuery.from_params(params, today=dt.date(2027, 3, 1))


@pytest.fixture
def town():
    """Two districts 10 km apart, a pool in each, a help desk in the first."""
    centro = District.objects.create(name="Centro", slug="centro")
    borgo = District.objects.create(name="Borgo Nuovo", slug="borgo-nuovo")
    pool = PlaceFactory(name="Piscina", district=centro, latitude=Decimal("45.000000"), longitude=Decimal("11.000000"))
    PlaceFactory(name="Palestra", district=centro, latitude=Decimal("45.010000"), longitude=Decimal("11.000000"))
    far_pool = PlaceFactory(
        name="Piscina del Borgo", district=borgo, latitude=Decimal("45.090000"), longitude=Decimal("11.000000")
    )
    desk = PlaceFactory(
        name="Sportello Informafamiglie",
        district=centro,
        is_help_desk=True,
        latitude=Decimal("45.005000"),
        longitude=Decimal("11.000000"),
    )
    OpportunityPageFactory(title="Nuoto in centro", places=[pool])
    OpportunityPageFactory(title="Nuoto al Borgo", places=[far_pool])
    return {"centro": centro, "borgo": borgo, "desk": desk}


def test_a_district_stands_for_the_centre_of_its_located_places(town):
    query = parse(near="district:centro", radius_km="3")
    assert query.near == pytest.approx((45.005, 11.0))  # the pool, the gym and the help desk
    assert query.near_label == "Centro"
    assert query.to_params()["near"] == ["district:centro"]
    assert "lat" not in query.to_params()


def test_a_place_chosen_wins_over_a_position_sent_with_it(town):
    query = parse(near=f"place:{town['desk'].pk}", lat="10", lng="10")
    assert query.near == pytest.approx((45.005, 11.0))
    assert query.near_label == "Sportello Informafamiglie"


@pytest.mark.parametrize("reference", ["district:nowhere", "place:999999", "place:abc", "somewhere"])
def test_an_unknown_reference_names_the_parameter(town, reference):
    with pytest.raises(InvalidSearchParameter) as error:
        parse(near=reference)
    assert error.value.parameter == "near"


def test_a_district_without_located_places_cannot_be_a_centre(town):
    District.objects.create(name="Frazione Monte", slug="monte")
    with pytest.raises(InvalidSearchParameter):
        parse(near="district:monte")


def test_the_forms_radius_without_a_place_is_ignored_but_alone_it_is_refused(town):
    assert parse(near="", radius_km="10").near is None
    with pytest.raises(InvalidSearchParameter):
        parse(radius_km="10")


def test_the_search_page_searches_around_a_district_without_javascript(client, home_page, town):
    response = client.get("/cerca/", {"near": "district:centro", "radius_km": "5", "sort": "nearest"})
    text = response.content.decode()
    assert "Nuoto in centro" in text
    assert "Nuoto al Borgo" not in text  # about 9 km from the centre of Centro
    assert '<span class="chip-label">Entro 5 km da Centro</span>' in text
    assert '<option value="district:centro" selected>Centro</option>' in text
    assert f'<option value="place:{town["desk"].pk}">Sportello Informafamiglie</option>' in text


def test_the_api_takes_the_same_reference(client, home_page, town):
    body = client.get("/api/v1/opportunities/", {"near": "district:borgo-nuovo", "radius_km": "2"}).json()
    assert [result["title"] for result in body["results"]] == ["Nuoto al Borgo"]
    assert client.get("/api/v1/opportunities/", {"near": "district:atlantide"}).status_code == 400
