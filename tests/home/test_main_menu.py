"""The main menu on every public page: the sections editors show in menus, read through a small index."""

import pytest

from django.db import connection

from wagtail.models import Site

from home.models import NewsIndexPage
from home.templatetags.portal_tags import menu_pages

pytestmark = pytest.mark.django_db


def menu_links(client):
    text = client.get("/").content.decode()
    start = text.index('id="main-nav"')
    return text[start : text.index("</nav>", start)]


def test_the_menu_lists_live_sections_shown_in_menus(client, home_page):
    home_page.add_child(instance=NewsIndexPage(title="Notizie dal Comune", slug="notizie", show_in_menus=True))
    home_page.add_child(instance=NewsIndexPage(title="Archivio nascosto", slug="archivio", show_in_menus=False))
    draft = home_page.add_child(instance=NewsIndexPage(title="Bozza di sezione", slug="bozza", show_in_menus=True))
    draft.unpublish()

    menu = menu_links(client)

    assert "Notizie dal Comune" in menu
    assert "Archivio nascosto" not in menu
    assert "Bozza di sezione" not in menu


def test_the_menu_query_reads_the_in_menu_index(home_page):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test's tree is tiny: without this the planner reads the table whatever indexes exist.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = menu_pages(Site.objects.get(is_default_site=True)).explain()

    assert "portal_page_in_menu" in plan, plan
