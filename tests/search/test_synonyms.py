"""Synonyms editors maintain in the admin, applied when a family searches."""

import importlib

import pytest

from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from search.engines.database.text import synonym_variants
from search.models import Synonym
from search.query import SearchQuery
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

SEED = importlib.import_module("search.migrations.0002_seed_synonyms")


@pytest.fixture
def search(engine, home_page):
    # A transactional test elsewhere may have flushed the seeded groups: put them back.
    for terms in SEED.SEED_GROUPS:
        Synonym.objects.get_or_create(terms=terms)

    def run(text):
        return [hit.page.title for hit in engine.search(SearchQuery(text=text), now=timezone.now()).hits]

    return run


def test_the_migration_seeds_the_examples_of_the_issue():
    # Idempotent: puts the groups back if a transactional test elsewhere flushed them.
    SEED.seed(django_apps, None)
    assert Synonym.objects.count() == len(SEED.SEED_GROUPS)
    groups = [set(group.term_list) for group in Synonym.objects.all()]
    assert {"doposcuola", "aiuto compiti", "supporto allo studio"} in groups
    assert {"centro estivo", "campo estivo", "GrEst"} in groups
    assert {"anziani", "terza età", "over 65"} in groups


def test_a_group_needs_two_terms_and_is_normalised():
    group = Synonym(terms="  Ludoteca ,ludoteca;  spazio   gioco\n\n")
    group.full_clean()
    assert group.terms == "Ludoteca\nspazio gioco"
    with pytest.raises(ValidationError):
        Synonym(terms="ludoteca, Ludoteca").full_clean()


def test_variants_replace_a_term_ignoring_case_and_accents():
    groups = [["anziani", "terza età", "over 65"]]
    assert synonym_variants("Ginnastica TERZA ETA centro", groups) == [
        "Ginnastica TERZA ETA centro",
        "Ginnastica anziani centro",
        "Ginnastica over 65 centro",
    ]
    # Only whole words: "anzianità" does not contain the term "anziani".
    assert synonym_variants("anzianità", groups) == ["anzianità"]


def test_a_synonym_finds_what_the_title_calls_otherwise(search):
    OpportunityPageFactory(title="Doposcuola in parrocchia")
    OpportunityPageFactory(title="Corso di chitarra")
    assert search("aiuto compiti") == ["Doposcuola in parrocchia"]


def test_a_phrase_synonym_finds_another_phrase(search):
    OpportunityPageFactory(title="Centro estivo al parco")
    assert search("campo estivo") == ["Centro estivo al parco"]


def test_the_original_text_still_matches(search):
    OpportunityPageFactory(title="Aiuto compiti per le medie")
    OpportunityPageFactory(title="Doposcuola in parrocchia")
    assert sorted(search("aiuto compiti")) == ["Aiuto compiti per le medie", "Doposcuola in parrocchia"]


def test_a_synonym_added_in_the_admin_takes_effect(client, admin_user, search):
    OpportunityPageFactory(title="Ludoteca comunale")
    assert search("spazio gioco") == []
    client.force_login(admin_user)
    response = client.post(reverse("wagtailsnippets_portal_search_synonym:add"), {"terms": "ludoteca\nspazio gioco"})
    assert response.status_code == 302
    assert Synonym.objects.filter(terms="ludoteca\nspazio gioco").exists()
    assert search("spazio gioco") == ["Ludoteca comunale"]


def test_the_admin_refuses_a_group_of_one_term(client, admin_user, home_page):
    client.force_login(admin_user)
    response = client.post(reverse("wagtailsnippets_portal_search_synonym:add"), {"terms": "ludoteca"})
    assert response.status_code == 200
    assert not Synonym.objects.filter(terms="ludoteca").exists()


def test_the_admin_lists_the_synonyms(client, admin_user, home_page):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsnippets_portal_search_synonym:list"))
    assert response.status_code == 200
    assert "Sinonimi" in response.content.decode()
