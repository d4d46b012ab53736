"""axe-core finds no WCAG 2.1 A/AA violation on the public pages, at desktop and phone sizes.

Each page is also saved as a full-page screenshot under test-artifacts/screenshots/<database>/,
before the check, so that CI keeps a picture of what was tested even when it fails.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = ["home", "directory", "organization", "opportunity", "search", "agenda"]
TRANSPARENT = "rgba(0, 0, 0, 0)"


def describe_violations(violations):
    lines = [f"{len(violations)} axe-core violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node.get('failureSummary', '')!r}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_21_aa_violations(open_browser, page_paths, name, viewport):
    visitor = open_browser(viewport)
    page = visitor.visit(page_paths[name])
    visitor.screenshot(name)

    results = Axe().run(page, options=WCAG_21_AA)

    assert results.violations_count == 0, describe_violations(results.response["violations"])


def test_bootstrap_italia_styles_are_applied(open_browser, page_paths):
    """Colour-contrast results mean something only if the design system's CSS really loaded."""
    page = open_browser().visit(page_paths["home"])

    header = page.locator(".it-header-center-wrapper")

    assert header.evaluate("element => getComputedStyle(element).backgroundColor") != TRANSPARENT
    assert "Titillium Web" in page.locator("body").evaluate("element => getComputedStyle(element).fontFamily")


def test_every_page_declares_italian(open_browser, page_paths):
    visitor = open_browser()
    languages = {name: visitor.visit(path).locator("html").get_attribute("lang") for name, path in page_paths.items()}

    assert languages == dict.fromkeys(page_paths, "it")
