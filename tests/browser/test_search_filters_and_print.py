"""The search page on a phone, its folded filters, the help desks' printout, and what a status looks like."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from opportunities.models import Kind, OpportunityPage, Status
from taxonomy.models import AccessibilityFeature, Audience, Category, Language
from tests.browser.conftest import VIEWPORTS, _add_page, _term
from tests.browser.test_accessibility import WCAG_21_AA, describe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ["it", "en", "fr", "ar", "uk", "zh"]


@pytest.fixture
def crowded_filters(opportunity):
    """An opportunity in 36 categories, for 10 audiences, with 8 features and 6 languages: every facet full.

    (A live-server test empties every table when it ends, the vocabularies of the migrations included.)
    """
    locale = opportunity.locale
    categories = []
    for number in range(12):
        parent = _term(Category, locale, f"area-{number}", f"Area {number}")
        categories.append(parent)
        for sub in (1, 2):
            categories.append(_term(Category, locale, f"area-{number}-{sub}", f"Ambito {number}.{sub}", parent=parent))
    page = _add_page(
        opportunity.get_parent(),
        OpportunityPage,
        "Festa di tutti",
        kind=Kind.EVENT,
        summary="Una giornata con qualcosa per ognuno.",
        is_free=True,
        categories=categories,
        audiences=[_term(Audience, locale, f"pubblico-{number}", f"Pubblico {number}") for number in range(10)],
        accessibility_features=[
            _term(AccessibilityFeature, locale, f"ausilio-{number}", f"Ausilio {number}") for number in range(8)
        ],
        languages=[Language.objects.get_or_create(code=code, defaults={"name": code.upper()})[0] for code in LANGUAGES],
        places=list(opportunity.places.all()),
    )
    return page


def axe_violations(page):
    results = Axe().run(page, options=WCAG_21_AA)
    return results.violations_count, describe_violations(results.response["violations"])


@pytest.mark.parametrize("javascript", [False, True])
def test_on_a_phone_the_first_result_is_within_two_screens_however_many_filters(
    open_browser, crowded_filters, javascript
):
    page = open_browser("phone", javascript=javascript).visit("/cerca/")
    assert page.locator(".search-filters input[type=checkbox]").count() > 60  # they are all there, folded
    first_result = page.locator(".card .card-title").first.bounding_box()
    assert first_result["y"] < 2 * VIEWPORTS["phone"]["height"], first_result


def test_a_phone_skips_the_filters_to_the_results_without_javascript(open_browser, crowded_filters):
    page = open_browser("phone", javascript=False).visit("/cerca/")
    page.get_by_role("link", name="Salta i filtri").click()
    # The browser scrolls to the fragment on its own time (slower on a loaded machine): wait, then check.
    page.wait_for_function("window.scrollY > 0")
    assert page.locator("#risultati .card-title").first.is_visible()


def test_a_folded_filter_group_opens_from_the_keyboard_and_filters_without_javascript(open_browser, crowded_filters):
    page = open_browser("phone", javascript=False).visit("/cerca/")
    sport = page.get_by_role("checkbox", name=re.compile(r"^Sport in acqua"))
    assert not sport.is_visible()

    summary = page.locator("details[data-facet=category] > summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert sport.is_visible()
    assert page.get_by_role("checkbox", name=re.compile(r"^Nuoto")).is_visible()  # its sub-category, under it

    sport.focus()
    page.keyboard.press("Space")
    assert sport.is_checked()
    page.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_url("**category=sport-in-acqua**")
    assert page.locator("details[data-facet=category]").get_attribute("open") is not None
    assert page.get_by_role("checkbox", name=re.compile(r"^Sport in acqua")).is_checked()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_search_page_with_an_open_filter_group_has_no_wcag_21_aa_violations(
    open_browser, crowded_filters, viewport
):
    visitor = open_browser(viewport)
    page = visitor.visit("/cerca/?category=sport-in-acqua&weekday=TU")
    visitor.screenshot("search-filters")
    count, description = axe_violations(page)
    assert count == 0, description


def test_print_the_list_leads_to_every_result_on_one_page_without_javascript(open_browser, crowded_filters):
    page = open_browser(javascript=False).visit("/cerca/?page_size=1")
    assert page.locator("#risultati .card-title").count() == 1
    page.get_by_role("link", name="Stampa l'elenco").click()
    page.wait_for_url("**stampa=1**")
    assert page.locator(".search-print-item").count() == 3


def test_the_printout_shows_the_list_and_not_the_filters(open_browser, crowded_filters):
    page = open_browser().visit("/cerca/?stampa=1")
    assert page.get_by_role("button", name="Stampa").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".search-print-item").count() == 3
    assert all(item.is_visible() for item in page.locator(".search-print-item").all())
    for hidden in [".search-filters", "form[role=search]", "[data-print]", ".it-header-navbar-wrapper"]:
        assert page.locator(hidden).first.is_hidden(), f"{hidden} is printed"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_suspended_opportunity_and_its_card_have_no_wcag_21_aa_violations(open_browser, opportunity, viewport):
    opportunity.status = Status.SUSPENDED
    opportunity.save_revision().publish()
    visitor = open_browser(viewport)
    page = visitor.visit(opportunity.url)
    visitor.screenshot("opportunity-suspended")
    assert page.get_by_text("Stato: sospesa").is_visible()
    count, description = axe_violations(page)
    assert count == 0, description

    page = visitor.visit("/cerca/?q=nuoto")
    assert page.locator(".opportunity-status").first.inner_text().strip() == "Stato: sospesa"
    count, description = axe_violations(page)
    assert count == 0, description
