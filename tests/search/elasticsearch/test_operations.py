"""What only the Elasticsearch engine does: indexing that follows content, rebuild behind an alias, fallback, retry.

Run against noida-db (see tests/search/conftest.py and docs/elasticsearch.md).
"""

import pytest

from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from opportunities.models import OpportunityPage
from search import indexing
from search.engines import FallbackEngine, get_engine, last_health
from search.engines.elasticsearch.client import alias_name, get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.models import PendingIndexUpdate, Synonym
from search.query import SearchQuery
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory, OrganizationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def es(elasticsearch_settings, home_page):
    indexing.rebuild()
    return elasticsearch_settings


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Create opportunities the way an editor's request does: the queued index work runs after the commit."""

    def run(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return OpportunityPageFactory(**fields)

    return run


def found(text="", **criteria):
    result = ElasticsearchEngine().search(SearchQuery(text=text, **criteria), now=timezone.now())
    return [hit.page.title for hit in result.hits]


def test_publishing_indexes_the_opportunity_through_the_queue(es, publish):
    publish(title="Corso di ceramica")
    assert found("ceramica") == ["Corso di ceramica"]
    assert not PendingIndexUpdate.objects.exists()


def test_unpublishing_and_deleting_remove_it_from_the_index(es, publish, django_capture_on_commit_callbacks):
    kept, gone = publish(title="Ceramica per tutti"), publish(title="Ceramica serale")
    with django_capture_on_commit_callbacks(execute=True):
        gone.unpublish()
    assert found("ceramica") == ["Ceramica per tutti"]
    with django_capture_on_commit_callbacks(execute=True):
        OpportunityPage.objects.get(pk=kept.pk).delete()
    assert found("ceramica") == []


def test_a_taxonomy_rename_updates_the_indexed_facet_labels(es, publish, django_capture_on_commit_callbacks):
    publish(title="Calcetto", categories=[Category.objects.get(slug="sport")])
    with django_capture_on_commit_callbacks(execute=True):
        sport = Category.objects.get(slug="sport")
        sport.name = "Sport e movimento"
        sport.save()
    result = ElasticsearchEngine().search(SearchQuery(), now=timezone.now())
    assert [value.label for value in result.facets["category"]] == ["Sport e movimento"]


def test_a_synonym_saved_by_an_editor_reaches_the_cluster(es, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        group = Synonym.objects.create(terms="ludoteca\nspazio gioco")
    rules = get_client().synonyms.get_synonym(id=f"{es.ELASTICSEARCH_INDEX_PREFIX}-synonyms")["synonyms_set"]
    assert {"id": str(group.pk), "synonyms": "ludoteca, spazio gioco"} in rules


def test_rebuild_swaps_the_alias_while_searches_keep_answering(es, publish):
    publish(title="Corso di ceramica")
    client = get_client(indexing=True)
    (old_index,) = client.indices.get_alias(name=alias_name())
    during = []
    indexing.rebuild(chunk_size=1, progress=lambda done, total: during.append(found("ceramica")))
    (new_index,) = client.indices.get_alias(name=alias_name())
    assert during == [["Corso di ceramica"]]  # answered by the old index while the new one was filling
    assert new_index != old_index
    assert not client.indices.exists(index=old_index)
    assert found("ceramica") == ["Corso di ceramica"]


def test_status_compares_the_index_with_the_database(es, publish, capsys):
    publish(title="Corso di ceramica")
    call_command("search_index", "status")
    assert "Index:        1 documents" in capsys.readouterr().out
    OpportunityPageFactory(title="Non ancora indicizzato")  # no commit callbacks: the index is behind
    with pytest.raises(CommandError):
        call_command("search_index", "status")


def test_searches_fall_back_to_the_database_when_the_cluster_is_down(es, publish, elasticsearch_server):
    publish(title="Corso di ceramica")
    elasticsearch_server.stop()
    try:
        result = get_engine().search(SearchQuery(text="ceramica"), now=timezone.now())
        assert [hit.page.title for hit in result.hits] == ["Corso di ceramica"]
        assert last_health()["ok"] is False
        assert get_engine().autocomplete("ceram")[0][0] == "Corso di ceramica"
    finally:
        elasticsearch_server.start()
    FallbackEngine.reset()
    get_engine().search(SearchQuery(text="ceramica"), now=timezone.now())
    assert last_health()["ok"] is True


def test_indexing_that_fails_is_kept_and_retried(es, publish, elasticsearch_server):
    elasticsearch_server.stop()
    try:
        page = publish(title="Corso di ceramica")
        pending = PendingIndexUpdate.objects.get(key=f"page:{page.pk}")
        assert pending.attempts >= 1 and pending.last_error
        with pytest.raises(CommandError):
            call_command("search_index", "retry")
    finally:
        elasticsearch_server.start()
    call_command("search_index", "retry")
    assert not PendingIndexUpdate.objects.exists()
    assert found("ceramica") == ["Corso di ceramica"]


def test_the_dashboard_tells_administrators_where_searches_run(es, admin_client, elasticsearch_server):
    assert "le ricerche usano il cluster" in admin_client.get("/admin/").content.decode()
    elasticsearch_server.stop()
    try:
        get_engine().search(SearchQuery(), now=timezone.now())
        page = admin_client.get("/admin/").content.decode()
    finally:
        elasticsearch_server.start()
    assert "Elasticsearch non raggiungibile: le ricerche usano il database" in page
    assert "Ultimo ripiego sul database" in page


def test_the_panel_is_not_shown_with_the_database_engine(admin_client, home_page):
    assert "Stato della ricerca" not in admin_client.get("/admin/").content.decode()


def test_a_missing_url_is_a_configuration_error(settings):
    from django.core import checks

    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = ""
    assert [error.id for error in checks.run_checks()] == ["portal_search.E001"]


def test_moving_an_opportunity_to_another_organization_updates_the_index(
    es, publish, django_capture_on_commit_callbacks
):
    page = publish(title="Corso di ceramica")
    club = OrganizationPageFactory(title="Polisportiva")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(club, pos="last-child")
    assert found(organization=club.pk) == ["Corso di ceramica"]


def test_the_search_page_and_the_api_answer_from_elasticsearch(es, publish, client):
    publish(title="Corso di ceramica")
    OpportunityPageFactory(title="Ceramica non indicizzata")  # no commit callbacks: only the database has it
    assert "Corso di ceramica" in client.get("/cerca/", {"q": "ceramica"}).content.decode()
    data = client.get("/api/v1/opportunities/", {"q": "ceramica"}).json()
    assert [hit["title"] for hit in data["results"]] == ["Corso di ceramica"]
    assert last_health()["ok"] is True


def test_an_answer_kept_before_the_index_caught_up_is_dropped_when_it_does(
    es, settings, client, django_capture_on_commit_callbacks
):
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()
    # Saved, its index update queued but not yet applied (the task runs after the commit, elsewhere).
    OpportunityPageFactory(title="Corso di ceramica")
    assert client.get("/api/v1/opportunities/", {"q": "ceramica"}).json()["count"] == 0
    with django_capture_on_commit_callbacks(execute=True):
        indexing.apply_all_pending()
    assert client.get("/api/v1/opportunities/", {"q": "ceramica"}).json()["count"] == 1
    cache.clear()
