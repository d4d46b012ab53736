"""Free text on the Elasticsearch engine: what its Italian analysis adds to the shared contract."""

import pytest

from django.utils import timezone

from search import indexing
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.query import SearchQuery
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def search(elasticsearch_settings, home_page):
    def run(text):
        indexing.sync()
        return ElasticsearchEngine().search(SearchQuery(text=text), now=timezone.now())

    indexing.rebuild()
    return run


def test_stop_words_are_not_required_with_every_word(search):
    OpportunityPageFactory(title="Laboratorio di teatro", summary="Per bambini dai 6 anni.")
    result = search("laboratorio per i bambini")
    assert [hit.page.title for hit in result.hits] == ["Laboratorio di teatro"]
    assert result.suggestions == []


def test_plurals_and_elisions_find_the_same_words(search):
    OpportunityPageFactory(title="Biblioteche dell'Università")
    assert [hit.page.title for hit in search("biblioteca università").hits] == ["Biblioteche dell'Università"]


def test_accents_are_folded(search):
    OpportunityPageFactory(title="Attività per la terza età")
    assert search("attivita eta").total == 1


def test_hits_carry_a_highlighted_passage_with_the_text_escaped(search):
    OpportunityPageFactory(title="Ceramica raku", summary="Corso di <b>ceramica</b> per adulti.")
    highlight = search("ceramica").hits[0].highlight
    assert "<mark>ceramica</mark>" in highlight
    assert "&lt;b&gt;" in highlight and "<b>" not in highlight


def test_search_page_cards_show_the_highlighted_passage(search, client):
    OpportunityPageFactory(title="Laboratorio raku", summary="Ceramica giapponese cotta nel fuoco, per adulti.")
    indexing.sync()
    response = client.get("/cerca/", {"q": "ceramica"})
    assert "<mark>Ceramica</mark> giapponese cotta nel fuoco" in response.content.decode()


def test_operators_typed_by_a_family_are_plain_words(search):
    OpportunityPageFactory(title="Corso di e-book e tablet")
    assert search('"tablet" -e-book (corso)').total == 1
