"""The JSON API of the search: shapes, filters, errors, CORS, query counts and the OpenAPI document."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from opportunities.models import OpportunitySchedule
from search.openapi import QUERY_PARAMETERS
from search.query import SearchQuery
from taxonomy.models import Audience, Category, Language
from tests.factories import OpportunityPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/opportunities/"
LIST_FIELDS = {"count", "page", "page_size", "num_pages", "next", "previous", "results", "facets", "suggestions"}
HIT_FIELDS = {
    "id",
    "title",
    "url",
    "summary",
    "kind",
    "status",
    "organization",
    "categories",
    "audiences",
    "min_age",
    "max_age",
    "free",
    "price",
    "price_period",
    "next_occurrence",
    "district",
    "latitude",
    "longitude",
    "distance_km",
    "score",
    "highlight",
}


def opportunity(title, *, categories=("cultura",), audiences=(), **fields):
    return OpportunityPageFactory(
        title=title,
        categories=list(Category.objects.filter(slug__in=categories)),
        audiences=list(Audience.objects.filter(slug__in=audiences)),
        **fields,
    )


def titles(response):
    return sorted(hit["title"] for hit in response.json()["results"])


@pytest.fixture
def api(client, home_page):
    def get(path=LIST_URL, **params):
        return client.get(path, params)

    return get


# --- The list -------------------------------------------------------------------------------


def test_list_shape(api):
    place = PlaceFactory(latitude=Decimal("45.070300"), longitude=Decimal("7.686900"))
    page = opportunity("Teatro", audiences=["famiglie"], places=[place], price=Decimal("12.50"), price_period="mese")
    response = api()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == LIST_FIELDS
    assert (data["count"], data["page"], data["num_pages"], data["next"], data["previous"]) == (1, 1, 1, None, None)
    [hit] = data["results"]
    assert set(hit) == HIT_FIELDS
    assert hit["id"] == page.pk
    assert hit["url"].startswith("http://testserver/")
    assert hit["organization"]["name"] == page.organization.title
    assert hit["organization"]["url"].startswith("http://testserver/")
    assert hit["categories"] == [{"slug": "cultura", "name": "Cultura"}]
    assert hit["audiences"][0]["slug"] == "famiglie"
    assert (hit["price"], hit["price_period"], hit["free"]) == ("12.50", "mese", False)
    assert hit["district"] == {"slug": place.district.slug, "name": place.district.name}
    assert (hit["latitude"], hit["longitude"]) == (45.0703, 7.6869)
    assert dt.datetime.fromisoformat(hit["next_occurrence"])


def test_filters_pass_through(api):
    opportunity("Per bambini", min_age=6, max_age=10, is_free=True)
    opportunity("Per adulti", min_age=18, categories=["sport"])
    assert titles(api(age="8")) == ["Per bambini"]
    assert titles(api(category="sport")) == ["Per adulti"]
    assert titles(api(free="1")) == ["Per bambini"]


def test_pagination_links_are_absolute_and_keep_the_filters(api):
    for number in range(5):
        opportunity(f"Laboratorio {number}")
    data = api(page_size="2", page="2", category="cultura").json()
    assert (data["count"], data["num_pages"], len(data["results"])) == (5, 3, 2)
    assert data["next"].startswith("http://testserver/api/v1/opportunities/?")
    assert "page=3" in data["next"] and "category=cultura" in data["next"] and "page_size=2" in data["next"]
    assert "page=" not in data["previous"] and "category=cultura" in data["previous"]
    assert api(page_size="2", page="3").json()["next"] is None


def test_facets_are_present(api):
    opportunity("Calcetto", categories=["sport"], is_free=True)
    facets = api(category="sport").json()["facets"]
    assert {"category", "audience", "kind", "district", "accessibility", "language", "free"} <= set(facets)
    sport = next(value for value in facets["category"] if value["value"] == "sport")
    assert sport == {"value": "sport", "label": sport["label"], "count": 1, "selected": True}


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"age": "abc"}, "age"),
        ({"sort": "bogus"}, "sort"),
        ({"date_from": "2030-03-10", "date_to": "2030-03-01"}, "date_to"),
        ({"lat": "45.07"}, "lng"),
        ({"page_size": "1000"}, "page_size"),
        ({"date_from": "ieri"}, "date_from"),
        ({"kind": "bogus"}, "kind"),
        ({"free": "forse"}, "free"),
        ({"categroy": "sport"}, "categroy"),
    ],
)
def test_bad_parameters_give_400_naming_the_parameter(api, params, parameter):
    response = api(**params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert error["message"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_search_near_a_point_gives_distances(api):
    near = PlaceFactory(latitude=Decimal("45.070300"), longitude=Decimal("7.686900"))
    opportunity("Vicina", places=[near])
    opportunity("Senza luogo")
    [hit] = api(lat="45.0703", lng="7.6869", radius_km="1", sort="nearest").json()["results"]
    assert (hit["title"], hit["distance_km"]) == ("Vicina", 0.0)
    hits = api(category="cultura").json()["results"]
    assert {entry["title"]: entry["latitude"] for entry in hits}["Senza luogo"] is None


def test_post_is_not_allowed(client, home_page):
    for url in (LIST_URL, f"{LIST_URL}1/", "/api/v1/openapi.json"):
        response = client.post(url)
        assert response.status_code == 405
        assert "GET" in response["Allow"]


def test_head_is_allowed(client, home_page):
    assert client.head(LIST_URL).status_code == 200


def test_cors_header_on_every_endpoint(api):
    page = opportunity("Aperta")
    for path in (LIST_URL, f"{LIST_URL}{page.pk}/", "/api/v1/openapi.json"):
        assert api(path)["Access-Control-Allow-Origin"] == "*"


def test_reversible_url_names(home_page):
    assert reverse("api:opportunities") == LIST_URL
    assert reverse("api:opportunity", args=[3]) == f"{LIST_URL}3/"


def test_query_count_does_not_depend_on_page_size(api):
    for number in range(25):
        opportunity(f"Laboratorio {number}", audiences=["famiglie"], places=[PlaceFactory()])
    api(page_size="1")  # Warms the per-process caches (sites, locales) that the first request fills.
    counts = []
    for page_size in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            assert len(api(page_size=str(page_size)).json()["results"]) == page_size
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- One opportunity ------------------------------------------------------------------------


def test_detail_shape(api):
    place = PlaceFactory(latitude=Decimal("45.1"), longitude=Decimal("7.6"), is_help_desk=True)
    page = opportunity(
        "Doposcuola",
        places=[place],
        languages=list(Language.objects.filter(code="it")),
        how_to_take_part="<p>Scrivi una email.</p>",
        contact_email="info@example.org",
        registration_required=True,
        registration_deadline=dt.date(2030, 1, 31),
        places_available=12,
        schedules=[OpportunitySchedule(weekdays=["MO"], opens_at=dt.time(15), closes_at=dt.time(17), note="Nota")],
    )
    response = api(f"{LIST_URL}{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert HIT_FIELDS - {"distance_km", "score", "highlight"} <= set(data)
    assert data["how_to_take_part"] == "<p>Scrivi una email.</p>"
    assert data["contact_email"] == "info@example.org"
    assert data["registration"] == {
        "required": True,
        "url": None,
        "deadline": "2030-01-31",
        "places_available": 12,
    }
    [schedule] = data["schedules"]
    assert schedule["weekdays"] == ["MO"]
    assert (schedule["opens_at"], schedule["closes_at"], schedule["note"]) == ("15:00:00", "17:00:00", "Nota")
    assert schedule["description"] == str(page.schedules.get())
    [place_data] = data["places"]
    assert place_data["is_help_desk"] is True
    assert (place_data["latitude"], place_data["longitude"]) == (45.1, 7.6)
    assert data["languages"] == [{"code": "it", "name": Language.objects.get(code="it").name}]
    assert data["last_verified"] == page.last_verified.isoformat()
    assert "last_published_at" in data


def test_unknown_and_draft_opportunities_are_404(api):
    draft = opportunity("Bozza", live=False)
    for pk in (draft.pk, 999999, "abc"):
        response = api(f"{LIST_URL}{pk}/")
        assert response.status_code == 404
        assert response.json()["error"]


def test_restricted_opportunity_is_404(api):
    from wagtail.models import PageViewRestriction

    page = opportunity("Riservata")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert api(f"{LIST_URL}{page.pk}/").status_code == 404


# --- OpenAPI --------------------------------------------------------------------------------


def every_accepted_parameter():
    """The parameter names SearchQuery reads, from its own canonical serialisation of a full query."""
    full = SearchQuery(
        text="x",
        categories=("a",),
        audiences=("a",),
        age=1,
        kinds=("evento",),
        districts=("a",),
        free_only=True,
        max_price=Decimal(1),
        date_from=dt.date(2030, 1, 1),
        date_to=dt.date(2030, 1, 2),
        weekdays=("MO",),
        time_of_day=("morning",),
        accessibility=("a",),
        languages=("it",),
        registration_open=True,
        organization=1,
        near=(45.0, 7.0),
        radius_km=2.0,
        sort="nearest",
        page=2,
        page_size=3,
    )
    return set(full.to_params()) | set(full.with_changes(when="today").to_params())


def test_openapi_document_lists_every_query_parameter(api):
    response = api("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.1")
    operation = document["paths"]["/opportunities/"]["get"]
    documented = {parameter["name"] for parameter in operation["parameters"]}
    assert every_accepted_parameter() <= documented
    assert documented == {parameter["name"] for parameter in QUERY_PARAMETERS}
    assert "400" in operation["responses"]
    assert "/opportunities/{id}/" in document["paths"]


def test_openapi_references_resolve(api):
    document = api("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    references = [part for part in json.dumps(document).split('"') if part.startswith("#/components/schemas/")]
    assert references
    assert all(reference.rsplit("/", 1)[1] in schemas for reference in references)


def test_moments_are_given_in_the_comunes_time_zone(api):
    # A day without a time starts at local midnight: in UTC that would read as 23:00 of the day before.
    day = timezone.localdate() + dt.timedelta(days=30)
    opportunity("Festa di quartiere", schedules=[OpportunitySchedule(start_date=day)])
    [hit] = api().json()["results"]
    assert hit["next_occurrence"] == timezone.make_aware(dt.datetime.combine(day, dt.time())).isoformat()
    assert hit["next_occurrence"].startswith(f"{day.isoformat()}T00:00:00+0")
