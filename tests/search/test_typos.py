"""Typos: a search that finds nothing is corrected against the catalogue's own words."""

import difflib

import pytest

from django.utils import timezone

from search.engines.database.engine import searchable
from search.engines.database.text import catalogue_words
from search.query import SearchQuery
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def search(engine, home_page):
    def run(text):
        return engine.search(SearchQuery(text=text), now=timezone.now())

    return run


def titles(result):
    return [hit.page.title for hit in result.hits]


def test_a_typo_finds_the_corrected_query_and_suggests_it(search):
    OpportunityPageFactory(title="Pallavolo under 14")
    OpportunityPageFactory(title="Corso di chitarra")
    result = search("palavolo")
    assert titles(result) == ["Pallavolo under 14"]
    assert result.total == 1
    assert result.suggestions[0] == "Forse cercavi: pallavolo"


def test_a_last_word_cut_short_finds_the_titles_with_a_word_it_begins(search):
    OpportunityPageFactory(title="Corso di chitarra")
    OpportunityPageFactory(title="Corso di yoga")
    result = search("corso di chit")
    assert titles(result) == ["Corso di chitarra"]
    assert result.suggestions == ["Nessuna parola intera «chit»: ecco i risultati con parole che iniziano così."]


def test_only_the_misspelt_word_is_corrected(search):
    OpportunityPageFactory(title="Pallavolo under 14")
    result = search("palavolo under")
    assert titles(result) == ["Pallavolo under 14"]
    assert result.suggestions[0] == "Forse cercavi: pallavolo under"


def test_category_names_are_part_of_the_vocabulary(home_page):
    assert Category.objects.filter(name="Centri estivi").exists()
    assert "estivi" in catalogue_words(searchable())
    assert "estivi" in difflib.get_close_matches("esivi", catalogue_words(searchable()), n=1, cutoff=0.75)


def test_no_suggestion_when_the_text_matches(search):
    OpportunityPageFactory(title="Pallavolo under 14")
    result = search("pallavolo")
    assert titles(result) == ["Pallavolo under 14"]
    assert result.suggestions == []


def test_no_suggestion_for_words_far_from_the_catalogue(search):
    OpportunityPageFactory(title="Pallavolo under 14")
    result = search("astronomia")
    assert result.total == 0
    assert result.suggestions == []


def test_unpublished_titles_are_not_suggested(search):
    OpportunityPageFactory(title="Pallavolo under 14", live=False)
    result = search("palavolo")
    assert result.total == 0
    assert result.suggestions == []
