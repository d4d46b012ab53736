"""Suggestions while typing in the search box: by keyboard, announced, accessible, and optional."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import WCAG_21_AA, describe_violations

pytestmark = pytest.mark.browser


def test_typing_suggests_and_the_keyboard_opens_a_suggestion(open_browser, opportunity):
    visitor = open_browser()
    page = visitor.visit("/")
    box = page.get_by_role("combobox", name="Cosa cerchi?")

    box.press_sequentially("nuoto per")
    suggestion = page.get_by_role("option", name="Nuoto per bambini")
    suggestion.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("status").filter(has_text="suggerimenti").count() == 1
    visitor.screenshot("search-suggestions")
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, describe_violations(results.response["violations"])

    box.press("ArrowDown")
    assert suggestion.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == suggestion.get_attribute("id")
    box.press("Enter")

    page.wait_for_url(f"**{opportunity.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Nuoto per bambini"


def test_escape_closes_the_suggestions_and_enter_then_searches(open_browser, opportunity):
    page = open_browser().visit("/")
    box = page.get_by_role("combobox", name="Cosa cerchi?")
    box.press_sequentially("nuoto")
    page.get_by_role("option").first.wait_for()

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("listbox").is_hidden()
    box.press("Enter")

    page.wait_for_url("**/cerca/?q=nuoto")


def test_without_javascript_the_box_is_a_plain_search_field(open_browser, opportunity):
    page = open_browser(javascript=False).visit("/")
    assert page.get_by_role("combobox").count() == 0
    page.get_by_role("searchbox", name="Cosa cerchi?").fill("nuoto")
    page.get_by_role("button", name="Cerca").first.click()
    page.wait_for_url("**/cerca/?q=nuoto")
    assert page.get_by_role("link", name="Nuoto per bambini").first.is_visible()
