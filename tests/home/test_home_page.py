import datetime as dt

import pytest

from django.utils import timezone
from django.utils.text import slugify

from home.models import CollectionPage, HomePageFeaturedOpportunity, PortalSettings
from opportunities.models import Kind, OpportunitySchedule
from taxonomy.models import Audience
from tests.factories import OpportunityPageFactory, PlaceFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db


def soon(days):
    return [OpportunitySchedule(start_date=timezone.localdate() + dt.timedelta(days=days), opens_at=dt.time(18))]


def test_featured_opportunities_appear_in_the_editors_order(client, home_page):
    second = OpportunityPageFactory(title="Scacchi in biblioteca")
    first = OpportunityPageFactory(title="Orto condiviso")
    HomePageFeaturedOpportunity.objects.create(home_page=home_page, opportunity=first, sort_order=0)
    HomePageFeaturedOpportunity.objects.create(home_page=home_page, opportunity=second, sort_order=1)
    text = client.get("/").content.decode()
    assert text.index("Orto condiviso") < text.index("Scacchi in biblioteca")


def test_a_featured_opportunity_that_is_unpublished_disappears(client, home_page):
    page = OpportunityPageFactory(title="Corso sospeso")
    HomePageFeaturedOpportunity.objects.create(home_page=home_page, opportunity=page)
    page.unpublish()
    assert "Corso sospeso" not in client.get("/").content.decode()


def test_upcoming_events_are_listed_soonest_first(client, home_page):
    OpportunityPageFactory(title="Concerto di Natale", kind=Kind.EVENT, schedules=soon(10))
    OpportunityPageFactory(title="Mercatino del riuso", kind=Kind.EVENT, schedules=soon(2))
    OpportunityPageFactory(title="Corso di chitarra", kind=Kind.ACTIVITY, schedules=soon(1))
    text = client.get("/").content.decode()
    events = text[text.index("Prossimi eventi") :]
    assert events.index("Mercatino del riuso") < events.index("Concerto di Natale")
    assert "Corso di chitarra" not in events


def test_top_level_categories_and_help_desks_are_shown(client, home_page):
    PlaceFactory(name="Sportello Informagiovani", is_help_desk=True, opening_hours="Lunedì 9-12")
    PlaceFactory(name="Palestra comunale")
    text = client.get("/").content.decode()
    assert "Studio e formazione" in text and "Ambiente" in text
    assert "Doposcuola" not in text  # second-level categories stay out of the tiles
    assert "Sportello Informagiovani" in text and "Lunedì 9-12" in text
    assert "Palestra comunale" not in text


def test_the_home_page_has_a_search_box(client, home_page):
    text = client.get("/").content.decode()
    assert 'role="search"' in text and 'name="q"' in text


def test_the_footer_carries_the_comunes_contacts_and_legal_links(client, home_page):
    PortalSettings.objects.update_or_create(
        site=home_page.get_site(),
        defaults={
            "comune_name": "Comune di Valdoria",
            "accessibility_declaration_url": "https://form.agid.gov.it/view/valdoria",
            "privacy_url": "https://valdoria.example/privacy",
        },
    )
    text = client.get("/").content.decode()
    assert "Comune di Valdoria" in text
    assert 'href="https://form.agid.gov.it/view/valdoria">Dichiarazione di accessibilità' in text
    assert 'href="https://valdoria.example/privacy">Informativa privacy' in text


def test_every_page_has_a_skip_link_and_declares_italian(client, home_page):
    text = client.get("/").content.decode()
    assert '<html lang="it"' in text
    assert 'href="#main-content">Vai al contenuto' in text
    assert 'id="main-content"' in text


def test_home_page_queries_do_not_grow_with_content(client, home_page):
    def add_content():
        page = OpportunityPageFactory(kind=Kind.EVENT, schedules=soon(3), places=[PlaceFactory()])
        HomePageFeaturedOpportunity.objects.create(home_page=home_page, opportunity=page)
        PlaceFactory(is_help_desk=True)

    add_content()
    baseline = queries_to_render(client, "/")
    for _ in range(4):
        add_content()
    assert queries_to_render(client, "/") == baseline


def test_quick_entries_lead_to_filtered_searches(client, home_page):
    text = client.get("/").content.decode()
    assert 'name="age"' in text
    assert 'href="/cerca/?when=weekend"' in text
    assert 'href="/cerca/?free=1"' in text
    assert 'href="/cerca/categoria/sport/"' in text
    assert client.get("/cerca/?when=weekend").status_code == 200


def test_cards_outside_a_search_near_a_point_show_no_distance(client, home_page):
    page = OpportunityPageFactory(title="Orto condiviso", places=[PlaceFactory()])
    HomePageFeaturedOpportunity.objects.create(home_page=home_page, opportunity=page)
    text = client.get("/").content.decode()
    assert "Orto condiviso" in text and "Distanza" not in text


def add_collection(home_page, title, **fields):
    page = CollectionPage(title=title, slug=slugify(title), **fields)
    return home_page.add_child(instance=page)


def test_every_audience_has_a_tile_leading_to_its_page(client, home_page):
    text = client.get("/").content.decode()
    audiences = Audience.objects.filter(locale__language_code="it")
    assert audiences.count() > 5
    for audience in audiences:
        assert f'href="/cerca/per/{audience.slug}/">{audience.name}' in text, audience.slug
    assert text.index("Cosa cerchi?") < text.index("Per chi?")


def test_live_collections_are_listed_and_drafts_are_not(client, home_page):
    summer = add_collection(
        home_page, "Estate: centri estivi", introduction="<p>Tutti i centri estivi &amp; i campi in città.</p>"
    )
    add_collection(home_page, "Raccolta in preparazione", live=False)
    text = client.get("/").content.decode()
    assert f'href="{summer.url}">Estate: centri estivi</a>' in text
    assert "Tutti i centri estivi &amp; i campi in città." in text
    assert "Raccolta in preparazione" not in text


def test_audiences_and_collections_cost_no_query_each(client, home_page):
    add_collection(home_page, "Raccolta 0")
    baseline = queries_to_render(client, "/")
    for number in range(1, 5):
        add_collection(home_page, f"Raccolta {number}")
        Audience.objects.create(name=f"Pubblico {number}", slug=f"pubblico-{number}", locale=home_page.locale)
    text = client.get("/").content.decode()
    assert text.count("Raccolta ") == 5 and 'href="/cerca/per/pubblico-4/"' in text
    assert queries_to_render(client, "/") == baseline
