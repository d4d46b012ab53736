"""The search page's list/map toggle, with no tile server reachable (as in this test environment)."""

import pytest

pytestmark = pytest.mark.browser


def test_the_map_shows_the_results_markers_without_tiles_and_the_list_stays(open_browser, opportunity):
    page = open_browser().visit("/cerca/?q=nuoto")
    toggle = page.get_by_role("button", name="Mostra la mappa")
    assert page.locator("#results-map").is_hidden()

    toggle.click()

    assert page.locator("#results-map").is_visible()
    page.locator("#results-map .leaflet-marker-icon").first.wait_for()
    assert page.locator("#results-map .leaflet-tile").count() == 0
    assert page.get_by_role("button", name="Nascondi la mappa").get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="Nuoto per bambini").first.is_visible()  # the list is still there


def test_a_marker_opens_a_popup_linking_to_the_opportunity(open_browser, opportunity):
    page = open_browser().visit("/cerca/?q=nuoto")
    page.get_by_role("button", name="Mostra la mappa").click()
    page.locator("#results-map .leaflet-marker-icon").first.click()
    popup_link = page.locator(".leaflet-popup-content a")
    assert popup_link.inner_text() == "Nuoto per bambini"
    assert popup_link.get_attribute("href") == opportunity.url


def test_without_javascript_there_is_no_map_button_and_the_list_is_complete(open_browser, opportunity):
    page = open_browser(javascript=False).visit("/cerca/?q=nuoto")
    assert page.get_by_role("button", name="Mostra la mappa").count() == 0
    assert page.get_by_role("link", name="Nuoto per bambini").first.is_visible()


def test_near_me_uses_the_browsers_position_and_sorts_by_distance(open_browser, opportunity):
    page = open_browser().visit("/cerca/?q=nuoto")
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 44.4950, "longitude": 11.3420})

    page.locator("details > summary", has_text="Vicino a").click()  # the filter group, folded until opened
    page.get_by_role("button", name="Usa la mia posizione").click()
    page.wait_for_url("**lat=**")

    assert "sort=nearest" in page.url
    assert page.get_by_text("Entro 5 km da te").is_visible()
    assert page.get_by_text("Distanza:").first.is_visible()


def test_the_map_shows_the_results_of_every_page_not_just_this_one(open_browser, opportunity):
    page = open_browser().visit("/cerca/?q=sport+nuoto&page_size=1")  # two results, one per page
    assert (
        page.get_by_role("link", name="Festa dello sport").count()
        + page.get_by_role("link", name="Nuoto per bambini").count()
        == 1
    )
    page.get_by_role("button", name="Mostra la mappa").click()
    page.wait_for_selector("[data-results-map][data-marker-count='2']")
    # Both results sit at the same pool: one cluster of two.
    assert page.locator("#results-map .marker-cluster").inner_text() == "2"
