"""The association registration form in a real browser: axe-core finds no WCAG 2.1 AA violation, and it works
without JavaScript from the first visit to the confirmation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import PortalSettings
from organizations.models import OrganizationRegistration
from taxonomy.models import Category
from tests.browser.test_accessibility import WCAG_21_AA, describe_violations
from tests.factories import DistrictFactory

pytestmark = pytest.mark.browser

REGISTRATION_PATH = "/registra-associazione/"


@pytest.fixture
def registration_page(home_page, monkeypatch):
    """The form with a privacy notice to link to, districts and fields of activity to choose from."""
    portal = PortalSettings.for_site(home_page.get_site())
    portal.comune_name = "Comune di Esempio"
    portal.privacy_url = "https://www.comune.example/privacy"
    portal.save()
    for name in ("San Rocco", "Borgo Nuovo", "Centro storico"):
        DistrictFactory(name=name)
    for order, name in enumerate(("Sport", "Cultura", "Volontariato e cittadinanza attiva")):
        Category.objects.get_or_create(
            slug=f"prova-{order}", locale=home_page.locale, defaults={"name": name, "sort_order": order}
        )
    # A browser fills the form in well under the robots' threshold; the threshold has its own unit tests.
    monkeypatch.setattr("organizations.antispam.MIN_FILL_SECONDS", 0)
    return REGISTRATION_PATH


def fill_in(page):
    page.fill("#id_name", "Associazione Aquiloni")
    page.select_option("#id_legal_form", "aps")
    page.fill("#id_summary", "Laboratori creativi per bambini e famiglie nel quartiere.")
    page.fill("#id_email", "info@aquiloni.example")
    page.check("label:has-text('Cultura')")
    page.check("label:has-text('San Rocco')")
    page.fill("#id_contact_name", "Giulia Bianchi")
    page.fill("#id_contact_email", "giulia@aquiloni.example")
    page.check("label[for=id_privacy]")  # Bootstrap Italia draws the box on the label, as people click it


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_registration_form_has_no_wcag_21_aa_violations(open_browser, registration_page, viewport):
    visitor = open_browser(viewport)
    page = visitor.visit(registration_page)
    visitor.screenshot("registration")

    results = Axe().run(page, options=WCAG_21_AA)

    assert results.violations_count == 0, describe_violations(results.response["violations"])


def test_the_form_with_its_error_messages_has_no_wcag_21_aa_violations(open_browser, registration_page):
    visitor = open_browser("desktop")  # axe-core runs as JavaScript in the page
    page = visitor.visit(registration_page)
    page.fill("#id_contact_email", "giulia")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    visitor.screenshot("registration-errors")

    assert page.locator("#form-errors").is_visible()
    assert page.locator("#id_contact_email").get_attribute("aria-invalid") == "true"
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, describe_violations(results.response["violations"])


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_an_association_registers_without_javascript(open_browser, registration_page, viewport):
    visitor = open_browser(viewport, javascript=False)
    page = visitor.visit(registration_page)

    fill_in(page)
    page.click("button[type=submit]")
    page.wait_for_load_state("load")

    assert page.url.endswith(f"{REGISTRATION_PATH}inviata/")
    assert page.locator("h1").inner_text() == "Richiesta inviata"
    registration = OrganizationRegistration.objects.get()
    assert registration.name == "Associazione Aquiloni"
    assert [category.name for category in registration.categories.all()] == ["Cultura"]
    assert [district.name for district in registration.districts.all()] == ["San Rocco"]
    assert not visitor.failed
