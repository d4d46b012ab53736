"""Curated collections, news and the help desks' page: no WCAG 2.1 AA violation, and complete without JavaScript."""

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import CollectionPage, CollectionPick, HelpDeskPage, NewsIndexPage, NewsPage
from tests.browser.test_accessibility import WCAG_21_AA, describe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def curation_paths(opportunity, home_page):
    """A collection (one pick plus a saved search), a news section with an article, and the help desks' page."""
    event = opportunity.get_parent().get_children().exclude(pk=opportunity.pk).get().specific
    collection = home_page.add_child(
        instance=CollectionPage(
            title="Estate in piscina",
            slug="estate-in-piscina",
            introduction="<p>Corsi e feste per chi ama l'acqua.</p>",
            saved_search="category=sport-in-acqua",
        )
    )
    collection.picks = [CollectionPick(opportunity=event)]
    collection.save_revision().publish()
    news_index = home_page.add_child(instance=NewsIndexPage(title="Notizie", slug="notizie", show_in_menus=True))
    news = news_index.add_child(
        instance=NewsPage(
            title="Aperte le iscrizioni ai corsi di nuoto",
            slug="iscrizioni-nuoto",
            date=dt.date(2027, 5, 2),
            summary="Da lunedì ci si iscrive in segreteria o online.",
            body="<h2>Come fare</h2><p>Porta il certificato medico.</p><ul><li>Online</li><li>In segreteria</li></ul>",
        )
    )
    desks = home_page.add_child(
        instance=HelpDeskPage(
            title="Sportelli", slug="sportelli", introduction="<p>Un operatore ti aiuta.</p>", show_in_menus=True
        )
    )
    return {
        "collection": collection.url,
        "news-index": news_index.url,
        "news": news.url,
        "help-desks": desks.url,
    }


# What each page must show, with or without JavaScript.
ESSENTIALS = {
    "collection": ["Estate in piscina", "Scelte per voi", "Festa dello sport", "Altre proposte", "Nuoto per bambini"],
    "news-index": ["Notizie", "Aperte le iscrizioni ai corsi di nuoto", "2 maggio 2027"],
    "news": ["Aperte le iscrizioni ai corsi di nuoto", "Porta il certificato medico.", "Tutte le notizie"],
    "help-desks": ["Sportelli", "Sportello Informagiovani", "Lunedì-venerdì 9-13", "051 000000"],
}


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(ESSENTIALS))
def test_curation_page_has_no_wcag_21_aa_violations(open_browser, curation_paths, name, viewport):
    visitor = open_browser(viewport)
    page = visitor.visit(curation_paths[name])
    visitor.screenshot(name)

    results = Axe().run(page, options=WCAG_21_AA)

    assert results.violations_count == 0, describe_violations(results.response["violations"])


@pytest.mark.parametrize("name", list(ESSENTIALS))
def test_curation_page_is_complete_without_javascript(open_browser, curation_paths, name):
    page = open_browser("phone", javascript=False).visit(curation_paths[name])
    # Rendered text, so hidden content would count as missing; lower case because some labels are styled upper case.
    text = page.locator("main").inner_text().lower()

    assert [essential for essential in ESSENTIALS[name] if essential.lower() not in text] == []


def test_the_collection_leads_to_the_full_search_without_javascript(open_browser, curation_paths):
    page = open_browser(javascript=False).visit(curation_paths["collection"])

    page.get_by_role("link", name="Vedi tutti i 2 risultati nella ricerca").click()

    assert "/cerca/?category=sport-in-acqua" in page.url
    assert "Nuoto per bambini" in page.locator("main").inner_text()
