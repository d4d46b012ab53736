"""Fixtures shared by every test module."""

import pytest

from wagtail.models import Locale, Page, Site

from home.models import HomePage
from organizations.models import OrganizationIndexPage


@pytest.fixture
def home_page(db):
    """The site's home page with the organizations' directory below it, as the migrations create them.

    A transactional test (any test using `live_server`) flushes every table when
    it ends, migration data included, so the structure is rebuilt when missing.
    """
    locale, _created = Locale.objects.get_or_create(language_code="it")
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        home = root.add_child(instance=HomePage(title="Tutte le opportunità della città", slug="home", locale=locale))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Portale delle opportunità"},
        )
    if not OrganizationIndexPage.objects.child_of(home).exists():
        home.add_child(instance=OrganizationIndexPage(title="Organizzazioni", slug="organizzazioni", locale=locale))
    return home
