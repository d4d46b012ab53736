"""The portal works from the keyboard alone, and without JavaScript."""

import pytest

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from opportunities.schedules import format_day

pytestmark = pytest.mark.browser

MAIN_NAV_LINKS = "header nav a[href]"
# The WCAG contrast ratio between an element's text colour and the first opaque background behind it.
CONTRAST_WITH_BACKGROUND = """element => {
  const rgb = (colour) => colour.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const [R, G, B] = [r, g, b].map(linear);
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  let node = element, background = "rgb(255, 255, 255)";
  while (node) {
    const colour = getComputedStyle(node).backgroundColor;
    const parts = rgb(colour);
    if (parts.length === 3 || parts[3] === 1) { background = colour; break; }
    node = node.parentElement;
  }
  const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(rgb(background))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""
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
            "next date": [
                format_day(next_day, "j E"),
                date_format(next_day, "j F"),
                date_format(next_day, "d/m/Y"),
                date_format(next_day, "j/n/Y"),
            ],
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


@pytest.mark.parametrize("name", ["home", "opportunity", "search"])
def test_on_a_phone_without_javascript_the_menu_links_have_a_band_of_their_own(open_browser, page_paths, name):
    """Bootstrap Italia puts the closed menu over the header: "visible" to the DOM, blue on blue to the eye."""
    page = open_browser("phone", javascript=False).visit(page_paths[name])
    header = page.locator(".it-header-center-wrapper").bounding_box()
    main = page.locator("main").bounding_box()

    for link in page.locator(MAIN_NAV_LINKS).all():
        name = link.text_content().strip()
        box = link.bounding_box()
        assert box["y"] >= header["y"] + header["height"], f"{name!r} lies over the header: {box}, {header}"
        assert box["y"] + box["height"] <= main["y"], f"{name!r} lies over the content: {box}, {main}"
        on_top = link.evaluate(
            "link => { const r = link.getBoundingClientRect();"
            " return link.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"
        )
        assert on_top, f"{name!r} is covered by something else"
        # axe-core cannot run without JavaScript (it waits on timers), so the contrast is measured here.
        ratio = link.evaluate(CONTRAST_WITH_BACKGROUND)
        assert ratio >= 4.5, f"{name!r} has a contrast of {ratio:.2f} with what is behind it"


def test_on_a_phone_without_javascript_the_menu_links_work(open_browser, page_paths):
    page = open_browser("phone", javascript=False).visit(page_paths["opportunity"])
    search = page.locator(MAIN_NAV_LINKS, has_text="Cerca")
    search.click(timeout=5_000)
    page.wait_for_url("**/cerca/")
    assert page.locator("h1").inner_text().strip() == "Cerca tra le opportunità"
