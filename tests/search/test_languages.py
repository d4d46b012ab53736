"""Visitors find opportunities in their language, and the Italian original where no translation exists yet."""

import pytest

from django.utils import timezone, translation

from wagtail.models import Locale

from search.engines.database.engine import DatabaseEngine
from search.query import SearchQuery
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(home_page):
    english = Locale.objects.get_or_create(language_code="en")[0]
    swimming = OpportunityPageFactory(title="Nuoto per bambini")
    OpportunityPageFactory(title="Nuoto libero")
    translated = swimming.copy_for_translation(english, copy_parents=True)
    translated.title = "Swimming for children"
    translated.save_revision().publish()
    return swimming


def titles(**criteria):
    result = DatabaseEngine().search(SearchQuery(**criteria), now=timezone.now())
    return sorted(hit.page.title for hit in result.hits)


def test_italian_visitors_see_the_italian_pages(catalogue):
    with translation.override("it"):
        assert titles() == ["Nuoto libero", "Nuoto per bambini"]


def test_english_visitors_see_translations_and_the_untranslated_originals(catalogue):
    with translation.override("en"):
        assert titles() == ["Nuoto libero", "Swimming for children"]
        assert titles(text="swimming") == ["Swimming for children"]


def test_the_english_search_page_lists_the_translation(client, catalogue):
    text = client.get("/en/cerca/").content.decode()
    assert "Swimming for children" in text
    assert "Nuoto per bambini" not in text
