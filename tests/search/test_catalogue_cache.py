"""The catalogue index, typo vocabulary and search answers: reused while nothing changes, dropped on any change."""

import datetime as dt
import re

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Locale

from opportunities.models import OpportunitySchedule, Status
from opportunities.services import opportunities_conclude_past
from search.catalogue import change_key, current_version
from search.engines.database.engine import DatabaseEngine
from search.engines.database.filters import Categories
from search.models import Synonym
from search.query import SearchQuery
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_search(settings, home_page, django_capture_on_commit_callbacks):
    """Searches with the cache on; changes made inside `changing()` commit their callbacks, as in a request."""
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()

    def search(**criteria):
        return DatabaseEngine().search(SearchQuery(**criteria), now=timezone.now())

    search.changing = lambda: django_capture_on_commit_callbacks(execute=True)
    yield search
    cache.clear()


def culture(title, **fields):
    return OpportunityPageFactory(title=title, categories=list(Category.objects.filter(slug="cultura")), **fields)


def category_count(result, slug="cultura"):
    return {value.value: value.count for value in result.facets["category"]}.get(slug, 0)


def reads_the_catalogue(queries):
    """Whether the catalogue index was built: it reads every opportunity's categories."""
    return any(Categories._meta.db_table in query["sql"] for query in queries.captured_queries)


def test_the_same_search_again_reuses_the_counts(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    cached_search()
    with CaptureQueriesContext(connection) as again:
        result = cached_search()
    assert result.total == 1 and category_count(result) == 1
    assert not reads_the_catalogue(again)


def test_publishing_an_opportunity_shows_in_the_counts_at_once(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    assert cached_search().total == 1
    with cached_search.changing():
        culture("Laboratorio di teatro")
    result = cached_search()
    assert result.total == 2 and category_count(result) == 2


def test_unpublishing_drops_the_opportunity_from_the_counts(cached_search):
    with cached_search.changing():
        choir = culture("Coro di voci bianche")
        culture("Laboratorio di teatro")
    assert cached_search().total == 2
    with cached_search.changing():
        choir.unpublish()
    assert cached_search().total == 1


def test_renaming_a_category_renames_its_facet(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    cached_search()
    with cached_search.changing():
        category = Category.objects.get(slug="cultura")
        category.name = "Cultura e spettacolo"
        category.save()
    with CaptureQueriesContext(connection) as after:
        labels = {value.value: value.label for value in cached_search().facets["category"]}
    assert labels["cultura"] == "Cultura e spettacolo"
    assert reads_the_whole_catalogue(after)  # a change to a term: the index is built again


def test_concluding_a_page_with_a_pending_draft_leaves_the_counts(cached_search):
    past = timezone.localdate() - dt.timedelta(days=3)
    with cached_search.changing():
        page = culture("Mostra conclusa", schedules=[OpportunitySchedule(start_date=past)])
        page.title = "Mostra conclusa (bozza)"
        page.save_revision()  # a draft: the daily job updates the live row only, bypassing signals
    assert cached_search().total == 1
    with cached_search.changing():
        assert opportunities_conclude_past() == 1
    page.refresh_from_db()
    assert page.status == Status.CONCLUDED
    assert cached_search().total == 0


TITLES_ONLY = re.compile(r'^(DECLARE .* FOR )?SELECT "wagtailcore_page"."title"( AS "title")? FROM')


def reads_every_title(queries):
    """Whether the typo vocabulary was read from the database: the titles alone of every searchable
    opportunity (on PostgreSQL through a server-side cursor)."""
    return any(TITLES_ONLY.match(query["sql"]) for query in queries.captured_queries)


def test_a_new_title_enters_the_typo_vocabulary(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    with CaptureQueriesContext(connection) as first:
        assert cached_search(text="palavolo").suggestions == []
    with cached_search.changing():
        culture("Pallavolo under 12")
    with CaptureQueriesContext(connection) as after:
        assert cached_search(text="palavolo").suggestions == ["Forse cercavi: pallavolo"]
    # The kept index adds the new title's words to what it read: the titles are not read again.
    assert reads_every_title(first) and not reads_every_title(after)


def test_a_new_synonym_takes_effect_at_once(cached_search):
    with cached_search.changing():
        culture("Ludoteca comunale")
    assert cached_search(text="spazio gioco").total == 0
    with cached_search.changing():
        Synonym.objects.create(terms="ludoteca\nspazio gioco")
    assert cached_search(text="spazio gioco").total == 1


def test_the_same_search_again_only_reads_its_page(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
        culture("Coro giovanile")
    first = cached_search(text="coro", page_size=1)
    with CaptureQueriesContext(connection) as again:
        result = cached_search(text="coro", page_size=1)
    assert [hit.page.title for hit in result.hits] == [hit.page.title for hit in first.hits]
    assert result.total == 2 and result.hits[0].score == first.hits[0].score
    # No text search, no count, no ordering of the matches: the page of opportunities and its relations.
    assert not any("wagtailsearch" in query["sql"] or "COUNT(" in query["sql"] for query in again.captured_queries)
    assert cached_search(text="coro", page=2, page_size=1).hits[0].page.title != first.hits[0].page.title


def test_a_new_opportunity_enters_a_search_already_made(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    assert [hit.page.title for hit in cached_search(text="coro").hits] == ["Coro di voci bianche"]
    with cached_search.changing():
        culture("Coro giovanile")
    titles = sorted(hit.page.title for hit in cached_search(text="coro").hits)
    assert titles == ["Coro di voci bianche", "Coro giovanile"]


def test_an_edited_title_shows_at_once_in_a_search_already_made(cached_search):
    with cached_search.changing():
        choir = culture("Coro di voci bianche")
    cached_search()
    choir.title = "Coro di voci bianche (nuovo orario)"
    with cached_search.changing():
        choir.save_revision().publish()
    assert [hit.page.title for hit in cached_search().hits] == ["Coro di voci bianche (nuovo orario)"]


def test_a_new_search_counts_over_the_kept_catalogue_index(cached_search, settings):
    settings.SEARCH_CACHE_ANSWERS = False  # nothing of the landing page's own answer is reused
    with cached_search.changing():
        culture("Coro di voci bianche")
        OpportunityPageFactory(title="Pallavolo under 12", categories=list(Category.objects.filter(slug="sport")))
    landing = cached_search()
    with CaptureQueriesContext(connection) as chosen:
        result = cached_search(categories=("sport",))
    assert not reads_the_catalogue(chosen)
    # The categories ignore their own filter: the same counts as on the landing page.
    counts = [(value.value, value.count) for value in result.facets["category"]]
    assert result.total == 1 and counts == [(value.value, value.count) for value in landing.facets["category"]]
    assert category_count(result, "cultura") == 1 and category_count(result, "sport") == 1
    assert [value.value for value in result.facets["category"] if value.selected] == ["sport"]
    # The other facets count the sports alone.
    assert {value.value: value.count for value in result.facets["kind"]} == {"attivita": 1}


def reads_the_whole_catalogue(queries):
    """Whether the catalogue index was built afresh, not brought up to date: it reads every category link."""
    return any(
        Categories._meta.db_table in query["sql"] and "WHERE" not in query["sql"] for query in queries.captured_queries
    )


def test_a_new_opportunity_enters_the_kept_catalogue_index(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    cached_search(categories=("cultura",))
    with cached_search.changing():
        OpportunityPageFactory(title="Pallavolo under 12", categories=list(Category.objects.filter(slug="sport")))
    with CaptureQueriesContext(connection) as after:
        result = cached_search(categories=("sport",))
    assert reads_the_catalogue(after) and not reads_the_whole_catalogue(after)
    assert [hit.page.title for hit in result.hits] == ["Pallavolo under 12"]
    assert category_count(result, "sport") == 1 and category_count(result, "cultura") == 1


def test_an_edited_title_takes_its_place_in_the_kept_order(cached_search):
    with cached_search.changing():
        choir, theatre, _dance = culture("Coro"), culture("Teatro"), culture("Danza")
    assert [hit.page.title for hit in cached_search().hits] == ["Coro", "Danza", "Teatro"]
    theatre.title = "Arte di strada"
    with cached_search.changing():
        theatre.save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        titles = [hit.page.title for hit in cached_search().hits]
    assert titles == ["Arte di strada", "Coro", "Danza"] and not reads_the_whole_catalogue(after)
    with cached_search.changing():
        choir.unpublish()
    assert [hit.page.title for hit in cached_search().hits] == ["Arte di strada", "Danza"]


def test_a_translation_replaces_its_original_in_the_kept_index(cached_search):
    english = Locale.objects.get_or_create(language_code="en")[0]
    with cached_search.changing():
        swimming = culture("Nuoto per bambini")
        culture("Nuoto libero")
    with translation.override("en"):
        assert sorted(hit.page.title for hit in cached_search().hits) == ["Nuoto libero", "Nuoto per bambini"]
        with cached_search.changing():
            translated = swimming.copy_for_translation(english, copy_parents=True)
            translated.title = "Swimming for children"
            translated.save_revision().publish()
        with CaptureQueriesContext(connection) as after:
            titles = sorted(hit.page.title for hit in cached_search().hits)
    assert titles == ["Nuoto libero", "Swimming for children"] and not reads_the_whole_catalogue(after)


def test_a_change_around_the_results_keeps_the_index_as_it_is(cached_search, home_page):
    with cached_search.changing():
        culture("Coro di voci bianche")
    cached_search()
    with cached_search.changing():
        home_page.save_revision().publish()  # the menus may change, the catalogue does not
    with CaptureQueriesContext(connection) as after:
        result = cached_search()
    assert result.total == 1 and not reads_the_catalogue(after)


def test_a_change_whose_record_is_lost_builds_the_index_again(cached_search):
    with cached_search.changing():
        culture("Coro di voci bianche")
    cached_search()
    with cached_search.changing():
        culture("Laboratorio di teatro")
    cache.delete(change_key(current_version()))  # evicted, or written by another process after its version
    with CaptureQueriesContext(connection) as after:
        result = cached_search()
    assert reads_the_whole_catalogue(after) and result.total == 2
