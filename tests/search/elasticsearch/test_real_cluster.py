"""The engine on a real Elasticsearch cluster (8.15 or later): `ELASTICSEARCH_URL=... pytest -m elasticsearch_real`.

What noida-db cannot prove: the Italian analyzer's stemming and elision as Elasticsearch itself applies
them, multi-word synonyms through the index's synonym_graph filter, the term suggester's corrections and
an alias swap on a cluster. Indices are created with a unique prefix and deleted afterwards.
"""

import pytest

from django.utils import timezone

from search import indexing
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.models import Synonym
from search.query import SearchQuery
from tests.factories import OpportunityPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch_real]


def titles(**criteria):
    result = ElasticsearchEngine().search(SearchQuery(**criteria), now=timezone.now())
    return sorted(hit.page.title for hit in result.hits), result


def test_italian_analysis_stems_folds_and_drops_elisions(real_cluster, home_page):
    OpportunityPageFactory(title="Biblioteche dell'Università")
    indexing.rebuild()
    assert titles(text="biblioteca")[0] == ["Biblioteche dell'Università"]
    assert titles(text="universita")[0] == ["Biblioteche dell'Università"]


def test_synonyms_set_reaches_the_analyzer_without_reindexing(real_cluster, home_page):
    OpportunityPageFactory(title="Ludoteca comunale")
    indexing.rebuild()
    Synonym.objects.create(terms="ludoteca\nsala giochi")
    indexing.push_synonyms()
    result = real_cluster.search(
        index=indexing.alias_name(), query={"match": {"title": {"query": "sala giochi", "operator": "and"}}}
    )
    assert result["hits"]["total"]["value"] == 1


def test_a_typo_is_corrected_by_the_term_suggester(real_cluster, home_page):
    OpportunityPageFactory(title="Pallavolo under 14")
    indexing.rebuild()
    found, result = titles(text="palavolo")
    assert found == ["Pallavolo under 14"]
    assert result.suggestions == ["Forse cercavi: pallavolo"]


def test_rebuild_swaps_the_alias_on_the_cluster(real_cluster, home_page):
    OpportunityPageFactory(title="Corso di ceramica")
    first, _count = indexing.rebuild()
    second, count = indexing.rebuild()
    assert count == 1
    assert list(real_cluster.indices.get_alias(name=indexing.alias_name())) == [second]
    assert not real_cluster.indices.exists(index=first)
    assert titles(text="ceramica")[0] == ["Corso di ceramica"]
