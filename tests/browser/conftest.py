"""Debian's Chromium, driven by Playwright's sync API, against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, where Django would
otherwise refuse ORM calls as "async unsafe": the tests and the live server
never touch the database at the same moment, so that guard is lifted here.
"""

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from home.models import HomePageFeaturedOpportunity, PortalSettings
from opportunities.models import Kind, OpportunityPage, OpportunitySchedule, PricePeriod
from organizations.models import LegalForm, OrganizationIndexPage, OrganizationPage, Place
from taxonomy.models import Audience, Category, District

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}
# One folder per database: bin/test runs the SQLite and PostgreSQL suites side by side.
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots" / connection.vendor


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium` "
            "(or point CHROMIUM_PATH at a Chromium binary). Never run `playwright install` here.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            pytest.fail(f"Chromium at {CHROMIUM} did not start: {error}", pytrace=False)
        yield browser
        browser.close()


class Visitor:
    """One browser context: visits pages of the live server and remembers what failed to load."""

    def __init__(self, context, base_url, viewport):
        self.base_url = base_url
        self.viewport = viewport
        self.failed = []
        self.page = context.new_page()
        # ERR_ABORTED is the browser cancelling a request, typically the favicon of a page left by the
        # next navigation, not the server failing it; an answer of 400 or more is still recorded below.
        self.page.on(
            "requestfailed",
            lambda request: request.failure == "net::ERR_ABORTED" or self._record(request.url, request.failure),
        )
        self.page.on("response", lambda response: self._record(response.url, response.status, response.status < 400))
        # The suite must not depend on the network: anything outside the live server is refused.
        context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())

    def _record(self, url, reason, ok=False):
        if not ok and url.startswith(self.base_url):
            self.failed.append(f"{url} ({reason})")

    def visit(self, path):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, f"GET {path} answered {response and response.status}"
        self.page.wait_for_load_state("load")
        self.page.evaluate("document.fonts.ready.then(() => true)")  # Bootstrap Italia loads its fonts late.
        assert not self.failed, "Resources of the live server failed to load: " + ", ".join(self.failed)
        return self.page

    def screenshot(self, name):
        """Save the whole page as test-artifacts/screenshots/<database>/<name>-<viewport>.png."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}-{self.viewport}.png", full_page=True)


@pytest.fixture
def open_browser(browser, live_server):
    """`open_browser(viewport="desktop", javascript=True)` gives a Visitor in a fresh context."""
    contexts = []
    base_url = live_server.url

    def open_(viewport="desktop", javascript=True):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport], java_script_enabled=javascript, locale="it-IT", timezone_id=settings.TIME_ZONE
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return Visitor(context, base_url, viewport)

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def opportunity(home_page):
    """A weekly, paid activity of an organization, with a free event featured on the home page beside it."""
    locale = home_page.locale
    directory = OrganizationIndexPage.objects.child_of(home_page).get()
    if not directory.show_in_menus:
        directory.show_in_menus = True
        directory.save(update_fields=["show_in_menus"])
    _portal_settings(home_page)

    district, _created = District.objects.get_or_create(slug="san-rocco", defaults={"name": "San Rocco"})
    pool = Place.objects.create(
        name="Piscina comunale",
        address="Via dei Tigli 4",
        postal_code="40100",
        city="Bologna",
        district=district,
        latitude=Decimal("44.494900"),
        longitude=Decimal("11.342600"),
    )
    Place.objects.create(
        name="Sportello Informagiovani",
        address="Piazza Maggiore 1",
        city="Bologna",
        district=district,
        is_help_desk=True,
        opening_hours="Lunedì-venerdì 9-13",
        phone="051 000000",
    )
    sport = _term(Category, locale, "sport-in-acqua", "Sport in acqua", icon="it-star-outline")
    swimming = _term(Category, locale, "nuoto-bambini", "Nuoto", parent=sport)
    children = _term(Audience, locale, "bambini-6-10", "Bambini", min_age=6, max_age=10)

    organization = _add_page(
        directory,
        OrganizationPage,
        "Polisportiva San Rocco",
        legal_form=LegalForm.SPORT,
        summary="Società sportiva di quartiere: nuoto, pallavolo e ginnastica per tutte le età.",
        description="<p>Corsi per bambini, ragazzi e adulti nella piscina comunale.</p>",
        email="info@polisportiva.example",
        phone="051 111111",
        website="https://polisportiva.example",
        address="Via dei Tigli 4, Bologna",
        places=[pool],
        districts=[district],
        categories=[sport],
    )
    today = timezone.localdate()
    event = _add_page(
        organization,
        OpportunityPage,
        "Festa dello sport",
        kind=Kind.EVENT,
        summary="Una giornata di prove gratuite di tutti i corsi, per grandi e piccoli.",
        is_free=True,
        categories=[sport],
        places=[pool],
        schedules=[OpportunitySchedule(start_date=today + dt.timedelta(days=20), opens_at=dt.time(10))],
    )
    HomePageFeaturedOpportunity.objects.create(home_page=home_page, opportunity=event)
    return _add_page(
        organization,
        OpportunityPage,
        "Nuoto per bambini",
        kind=Kind.ACTIVITY,
        summary="Corso di nuoto in piccoli gruppi con istruttori qualificati.",
        categories=[swimming],
        audiences=[children],
        min_age=6,
        max_age=10,
        price=Decimal("30.00"),
        price_period=PricePeriod.MONTH,
        registration_required=True,
        registration_deadline=today + dt.timedelta(days=10),
        places_available=12,
        places=[pool],
        how_to_take_part="<p>Iscriviti in segreteria o online.</p>",
        cost_description="<p>Riduzioni per fratelli e sorelle.</p>",
        contact_email="corsi@polisportiva.example",
        schedules=[
            OpportunitySchedule(
                start_date=today,
                end_date=today + dt.timedelta(days=180),
                weekdays=["TU", "TH"],
                opens_at=dt.time(17),
                closes_at=dt.time(18, 30),
                note="escluse le festività",
            )
        ],
    )


def _add_page(parent, page_class, title, **fields):
    return parent.add_child(instance=page_class(title=title, slug=slugify(title), locale=parent.locale, **fields))


def _term(model, locale, slug, name, **fields):
    term, _created = model.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, **fields})
    return term


def _portal_settings(home_page):
    """Every footer field filled in, so that accessibility checks cover the whole footer."""
    site = home_page.get_site()
    portal = PortalSettings.for_site(site)
    portal.comune_name = "Comune di Esempio"
    portal.tagline = "Servizi e attività per cittadine e cittadini"
    portal.address = "Piazza Maggiore 6, 40124 Bologna"
    portal.phone = "051 222222"
    portal.email = "urp@comune.example"
    portal.pec = "protocollo@pec.comune.example"
    portal.accessibility_declaration_url = "https://form.agid.gov.it/view/esempio"
    portal.privacy_url = "https://www.comune.example/privacy"
    portal.legal_notes_url = "https://www.comune.example/note-legali"
    portal.save()


@pytest.fixture
def page_paths(opportunity):
    """The public pages, by name, as paths on the live server."""
    organization = opportunity.get_parent()
    return {
        "home": "/",
        "directory": organization.get_parent().url,
        "organization": organization.url,
        "opportunity": opportunity.url,
        "search": "/cerca/?q=nuoto&age=7",
        "agenda": "/cerca/agenda/?age=7",
    }
