"""The anonymous log of searches, for the Comune's analysis of needs."""

import datetime as dt

import pytest

from django.urls import reverse
from django.utils import timezone

from search.models import SearchLog
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_page(client, home_page):
    def get(**params):
        response = client.get(reverse("search:search"), params)
        assert response.status_code == 200
        return response

    return get


def test_a_search_records_its_text_filters_and_count(search_page):
    OpportunityPageFactory(title="Pallavolo under 14")
    OpportunityPageFactory(title="Pallavolo adulti")
    search_page(q="pallavolo", free="0", age="12", category="sport", sort="newest", page_size="10")
    log = SearchLog.objects.get()
    assert log.query == "pallavolo"
    assert log.filters == {"age": ["12"], "category": ["sport"]}
    assert log.created == timezone.localdate()


def test_the_count_is_the_total_not_the_page(search_page):
    for number in range(3):
        OpportunityPageFactory(title=f"Pallavolo gruppo {number}")
    search_page(q="pallavolo", page_size="1")
    assert SearchLog.objects.get().result_count == 3


def test_a_search_without_results_records_zero(search_page):
    search_page(q="astronomia")
    log = SearchLog.objects.get()
    assert (log.query, log.result_count) == ("astronomia", 0)


def test_a_browse_page_records_its_filter(client, home_page):
    assert client.get(reverse("search:category", args=["sport"])).status_code == 200
    assert SearchLog.objects.get().filters == {"category": ["sport"]}


def test_paging_does_not_count_the_search_again(search_page):
    for number in range(3):
        OpportunityPageFactory(title=f"Pallavolo gruppo {number}")
    search_page(q="pallavolo", page_size="1")
    search_page(q="pallavolo", page_size="1", page="2")
    assert SearchLog.objects.count() == 1


def test_an_invalid_search_records_nothing(client, home_page):
    assert client.get(reverse("search:search"), {"age": "200"}).status_code == 400
    assert not SearchLog.objects.exists()


def test_the_calendar_feed_records_nothing(client, home_page):
    client.get(reverse("search:calendar"), {"q": "pallavolo"})
    assert not SearchLog.objects.exists()


def test_the_position_of_a_nearby_search_is_not_stored(search_page):
    search_page(lat="45.07", lng="7.68", radius_km="2")
    assert SearchLog.objects.get().filters == {"radius_km": ["2.0"]}


def test_nothing_personal_is_stored():
    fields = {field.name for field in SearchLog._meta.get_fields()}
    assert fields == {"id", "query", "filters", "result_count", "created"}
    assert isinstance(SearchLog._meta.get_field("created").default(), dt.date)
    assert not isinstance(SearchLog._meta.get_field("created").default(), dt.datetime)
