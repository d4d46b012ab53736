"""The portal works from the keyboard alone, and without JavaScript."""

import pytest

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

pytestmark = pytest.mark.browser

MAIN_NAV_LINKS = "header nav a[href]"
# Enough for the skip links, the header and the main navigation, with room to spare.
MAX_TABS = 60


@pytest.mark.parametrize("name", ["home", "directory", "organization", "opportunity"])
def test_first_tab_focuses_a_visible_skip_link_that_moves_focus_to_the_main_content(open_browser, page_paths, name):
    page = open_browser().visit(page_paths[name])

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")

    assert skip_link.inner_text().strip() == "Vai al contenuto"
    box = skip_link.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10, f"the focused skip link is not visible: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('main') !== null"), page.evaluate(
        "document.activeElement.outerHTML.slice(0, 200)"
    )


def test_every_main_navigation_link_is_reachable_by_tab(open_browser, page_paths):
    page = open_browser().visit(page_paths["opportunity"])
    links = page.locator(MAIN_NAV_LINKS)
    names = [text.strip() for text in links.all_inner_texts()]
    assert names, "the main navigation has no links"
    links.evaluate_all("(links) => links.forEach((link, index) => { link.dataset.navIndex = index; })")

    reached = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        index = page.evaluate("document.activeElement.dataset.navIndex")
        if index is not None:
            assert page.locator(":focus").is_visible(), f"{names[int(index)]!r} has focus but is not visible"
            reached.add(int(index))
        if len(reached) == len(names):
            break

    assert [names[i] for i in range(len(names)) if i not in reached] == []


def expected_essentials(opportunity):
    """What an opportunity's page must say in its text, whatever else it shows."""
    with translation.override("it"):
        next_day = timezone.localtime(opportunity.next_occurrence).date()
        return {
            "title": [opportunity.title],
            "organization": [opportunity.get_parent().title],
            "ages": [opportunity.age_label],
            "cost": [opportunity.cost_label],
            "next date": [date_format(next_day, "j F"), date_format(next_day, "d/m/Y"), date_format(next_day, "j/n/Y")],
        }


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_opportunity_page_shows_its_essentials_without_javascript(open_browser, page_paths, opportunity, viewport):
    page = open_browser(viewport, javascript=False).visit(page_paths["opportunity"])
    text = page.locator("main").inner_text().lower()

    missing = {
        what: ways
        for what, ways in expected_essentials(opportunity).items()
        if not any(way.lower() in text for way in ways)
    }

    assert missing == {}, f"not shown: {missing}"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_main_navigation_is_usable_without_javascript(open_browser, page_paths, viewport):
    page = open_browser(viewport, javascript=False).visit(page_paths["opportunity"])
    links = page.locator(MAIN_NAV_LINKS)
    assert links.count() > 0, "the main navigation has no links"
    width = page.viewport_size["width"]

    for link in links.all():
        name = link.text_content().strip()
        assert link.is_visible(), f"{name!r} is hidden without JavaScript"
        link.scroll_into_view_if_needed(timeout=5_000)
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name!r} is off screen: {box}"

    last = links.last
    href = last.get_attribute("href")
    last.click(timeout=5_000)
    page.wait_for_url(f"**{href}")
