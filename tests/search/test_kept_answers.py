"""Whole search answers kept for the next visitor: the same bytes, yet logged, counted and fresh after any change."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from home.models import NewsIndexPage, PortalSettings
from search.models import SHORT_LINK_ALPHABET, SearchLog, ShortLink
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory, PlaceFactory, UserFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:search")
API_URL = reverse("api:opportunities")
MAP_URL = reverse("search:map")


@pytest.fixture
def kept(settings, home_page, django_capture_on_commit_callbacks):
    """The cache on, as deployed; changes made inside `changing()` commit their callbacks, as in a request."""
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()
    yield lambda: django_capture_on_commit_callbacks(execute=True)
    cache.clear()


def searched(queries):
    """Whether serving a request asked the database to search, count or read opportunities."""
    return any(
        word in query["sql"]
        for query in queries.captured_queries
        for word in ("wagtailsearch_", "COUNT(", "opportunities_opportunitypage")
    )


def csrf_token(content):
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)


def without_csrf_token(content):
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
    return content.replace(found.group(1), b"") if found else content


def located_place():
    """A place on the map, so that the opportunity has a marker."""
    return PlaceFactory(latitude=Decimal("45.07"), longitude=Decimal("11.79"))


def get_again(client, url, params):
    """The second of two identical requests, with the SQL it ran."""
    first = client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, params)
    assert first.status_code == second.status_code == 200
    return first, second, queries


def test_a_search_asked_again_is_still_logged_and_counted(kept, client):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    get_again(client, SEARCH_URL, {"q": "coro", "age": "8"})
    logs = SearchLog.objects.filter(query="coro")
    assert [(log.result_count, log.filters) for log in logs] == [(1, {"age": ["8"]})] * 2
    assert Query.get("coro").hits == 2


def test_a_search_term_removed_from_the_report_is_counted_again(kept, client):
    client.get(SEARCH_URL, {"q": "coro"})
    Query.objects.filter(query_string="coro").delete()
    assert client.get(SEARCH_URL, {"q": "coro"}).status_code == 200
    assert Query.get("coro").hits == 1


def test_a_search_kept_from_yesterday_counts_today_on_a_row_of_its_own(kept, client):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    client.get(SEARCH_URL, {"q": "coro"})
    yesterday = timezone.now().date() - dt.timedelta(days=1)
    QueryDailyHits.objects.update(date=yesterday)
    assert client.get(SEARCH_URL, {"q": "coro"}).status_code == 200
    hits = QueryDailyHits.objects.filter(query__query_string="coro").order_by("date")
    assert [(day.date, day.hits) for day in hits] == [(yesterday, 1), (timezone.now().date(), 1)]


def test_every_visitor_gets_a_csrf_token_of_their_own_that_works(kept):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    tokens = []
    for _visitor in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get(SEARCH_URL, {"q": "coro"}).content
        token = csrf_token(page).decode()
        tokens.append(token)
        # The short-link form, as the help desk submits it.
        response = visitor.post(reverse("search:short_link_create"), {"search": "q=coro", "csrfmiddlewaretoken": token})
        assert response.status_code == 302 and "link=" in response["Location"]
    assert tokens[0] != tokens[1]


def test_a_new_promotion_shows_at_once_on_a_page_kept(kept, client):
    with kept():
        promoted = OpportunityPageFactory(title="Sportello compiti del Comune")
        OpportunityPageFactory(title="Aiuto compiti in biblioteca")
    assert "Gratuito per tutti" not in client.get(SEARCH_URL, {"q": "compiti"}).content.decode()
    with kept():
        SearchPromotion.objects.create(query=Query.get("compiti"), page=promoted, description="Gratuito per tutti")
    assert "Gratuito per tutti" in client.get(SEARCH_URL, {"q": "compiti"}).content.decode()


def test_new_site_settings_show_at_once_on_a_page_kept(kept, client, home_page):
    assert "Comune di Prova" not in client.get(SEARCH_URL).content.decode()
    with kept():
        portal = PortalSettings.for_site(home_page.get_site())
        portal.comune_name = "Comune di Prova"
        portal.save()
    assert "Comune di Prova" in client.get(SEARCH_URL).content.decode()


def test_a_section_published_in_the_menu_shows_at_once_on_a_page_kept(kept, client, home_page):
    assert "Notizie dal Comune" not in client.get(SEARCH_URL).content.decode()
    with kept():
        section = NewsIndexPage(title="Notizie dal Comune", slug="notizie", show_in_menus=True, live=False)
        home_page.add_child(instance=section)
        section.save_revision().publish()
    assert "Notizie dal Comune" in client.get(SEARCH_URL).content.decode()


def test_a_new_help_desk_shows_at_once_in_the_near_menu_of_a_page_kept(kept, client):
    client.get(SEARCH_URL)
    with kept():
        PlaceFactory(
            name="Sportello di Borgo Nuovo", is_help_desk=True, latitude=Decimal("45.07"), longitude=Decimal("11.79")
        )
    assert "Sportello di Borgo Nuovo" in client.get(SEARCH_URL).content.decode()


def reads_help_desks(queries):
    """Whether the "near" menu's query ran (not the cards' places, nor the home page's help desks)."""
    return any('"organizations_place"."is_help_desk" AND' in query["sql"] for query in queries.captured_queries)


def test_an_opportunity_changed_leaves_the_near_menu_as_it_was_read(kept, client):
    with kept():
        opportunity = OpportunityPageFactory(title="Corso di dama")
    with CaptureQueriesContext(connection) as first:
        client.get(SEARCH_URL)
    assert reads_help_desks(first)
    with kept():
        opportunity.title = "Corso di scacchi"
        opportunity.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        assert "Corso di scacchi" in client.get(SEARCH_URL).content.decode()
    assert not reads_help_desks(queries)


def test_a_new_sub_category_shows_at_once_under_its_parent_on_a_page_kept(kept, client):
    culture = Category.objects.get(slug="cultura")
    with kept():
        OpportunityPageFactory(categories=[Category.objects.get(slug="teatro")])
    assert 'value="danza"' not in client.get(SEARCH_URL).content.decode()
    with kept():
        dance = Category.objects.create(name="Danza", slug="danza", parent=culture, locale=culture.locale)
        OpportunityPageFactory(categories=[dance])
    page = client.get(SEARCH_URL).content.decode()
    under_culture = page[page.index('value="cultura"') :]
    assert 'value="danza"' in under_culture[: under_culture.index("</ul>")]


def test_a_signed_in_user_gets_a_page_of_their_own(kept, client):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    client.get(SEARCH_URL, {"q": "coro"})
    client.force_login(UserFactory())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SEARCH_URL, {"q": "coro"}).status_code == 200
    assert searched(queries)


def test_a_short_link_is_shown_on_its_search_though_the_search_was_kept(kept, client):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    code = SHORT_LINK_ALPHABET[:8]
    client.get(SEARCH_URL, {"q": "coro", "link": code})  # no such link yet: the page shows none
    ShortLink.objects.create(code=code, query_string="q=coro")
    assert f"/cerca/l/{code}/" in client.get(SEARCH_URL, {"q": "coro", "link": code}).content.decode()


EVERY_ANSWER = [SEARCH_URL, API_URL, MAP_URL, reverse("search:agenda"), reverse("search:calendar")]


@pytest.mark.parametrize("url", EVERY_ANSWER)
def test_every_answer_asked_again_is_the_same_and_served_without_searching(kept, client, url):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    first, second, queries = get_again(client, url, {"q": "coro"})
    assert not searched(queries)
    assert without_csrf_token(second.content) == without_csrf_token(first.content)
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("url", EVERY_ANSWER)
def test_a_new_opportunity_enters_every_answer_kept_at_once(kept, client, url):
    with kept():
        OpportunityPageFactory(title="Coro di voci bianche")
    assert b"Coro giovanile" not in client.get(url, {"q": "coro"}).content
    with kept():
        OpportunityPageFactory(title="Coro giovanile", places=[located_place()])
    assert b"Coro giovanile" in client.get(url, {"q": "coro"}).content


def test_the_api_kept_is_still_open_to_every_origin(kept, client):
    _first, second, _queries = get_again(client, API_URL, {"q": "coro"})
    assert second["Content-Type"] == "application/json" and second["Access-Control-Allow-Origin"] == "*"
