"""The home page's ways in: who it is for ("Per chi?") and the Comune's collections."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import CollectionPage
from tests.browser.test_accessibility import WCAG_21_AA, describe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def entries(opportunity, home_page):
    """The opportunity's audience (Bambini, 6-10) and a live collection under the home page."""
    collection = CollectionPage(
        title="Estate: centri estivi", slug="estate", introduction="<p>I centri estivi della città.</p>"
    )
    home_page.add_child(instance=collection)
    return collection


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_home_page_with_audiences_and_collections_has_no_wcag_21_aa_violations(open_browser, entries, viewport):
    visitor = open_browser(viewport)
    page = visitor.visit("/")
    visitor.screenshot("home-entries")
    assert page.get_by_role("heading", name="Per chi?").is_visible()
    assert page.get_by_role("heading", name="Raccolte a cura del Comune").is_visible()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, describe_violations(results.response["violations"])


def test_an_audience_tile_and_a_collection_lead_to_their_pages_without_javascript(open_browser, entries):
    page = open_browser("phone", javascript=False).visit("/")
    page.get_by_role("link", name="Bambini").click()
    page.wait_for_url("**/cerca/per/bambini-6-10/")
    assert page.get_by_role("link", name="Nuoto per bambini").first.is_visible()

    page.go_back()
    page.get_by_role("link", name="Estate: centri estivi").click()
    page.wait_for_url(f"**{entries.url}")
    assert page.locator("h1").inner_text().strip() == "Estate: centri estivi"
