"""What a citizen sees on an opportunity's page."""

import datetime as dt
import html
from decimal import Decimal

import pytest

from django.utils import timezone

from opportunities.models import Kind, OpportunitySchedule, Status
from taxonomy.models import AccessibilityFeature, Audience, Category, Language
from tests.factories import OpportunityPageFactory, OrganizationPageFactory, PlaceFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def swimming(home_page):
    organization = OrganizationPageFactory(title="Polisportiva Valdoria", phone="0425 123456")
    return OpportunityPageFactory(
        parent=organization,
        title="Nuoto per bambini",
        kind=Kind.ACTIVITY,
        summary="Corso di nuoto in piccoli gruppi.",
        min_age=6,
        max_age=10,
        price=Decimal("30"),
        price_period="mese",
        registration_required=True,
        registration_deadline=dt.date(2027, 1, 15),
        places_available=12,
        registration_url="https://iscrizioni.example/nuoto",
        places=[PlaceFactory(name="Piscina comunale", address="Via dei Tigli 4", district__name="San Rocco")],
        audiences=[Audience.objects.get(slug="bambini")],
        languages=[Language.objects.get(code="it"), Language.objects.get(code="en")],
        accessibility_features=[AccessibilityFeature.objects.get(slug="bagno-accessibile")],
        categories=[Category.objects.get(slug="sport")],
        requirements="<p>Certificato medico non agonistico.</p>",
        cost_description="<p>Sconto del 20% dal secondo figlio.</p>",
        schedules=[OpportunitySchedule(weekdays=["TU", "TH"], opens_at=dt.time(17), closes_at=dt.time(18, 30))],
    )


def test_the_page_answers_what_for_whom_when_where_how_much_and_how(client, swimming):
    text = client.get(swimming.url).content.decode()
    for expected in [
        "Nuoto per bambini",
        "Attività o corso",
        "Corso di nuoto in piccoli gruppi.",
        "Da 6 a 10 anni",
        "Bambini",
        "Ogni martedì e giovedì, dalle 17:00 alle 18:30",
        "Piscina comunale, Via dei Tigli 4",
        "quartiere San Rocco",
        "€ 30,00 al mese",
        "entro il 15 gennaio 2027",
        "12 posti disponibili",
        'href="https://iscrizioni.example/nuoto"',
        "Polisportiva Valdoria",
        "Inglese, Italiano",
        "Bagno accessibile",
        "0425 123456",
    ]:
        assert expected in text, expected


def test_the_comuni_model_sections_keep_their_order(client, swimming):
    text = client.get(swimming.url).content.decode()
    positions = [text.index(heading) for heading in ("Cosa serve", "Costi e agevolazioni", "Contatti</h2>")]
    assert positions == sorted(positions)
    assert "A chi è rivolto" not in text  # empty sections are left out


def test_the_next_date_is_shown(client, home_page):
    day = timezone.localdate() + dt.timedelta(days=3)
    page = OpportunityPageFactory(schedules=[OpportunitySchedule(start_date=day, opens_at=dt.time(21))])
    assert f'datetime="{day.isoformat()}T21:00:00' in client.get(page.url).content.decode()


def test_a_full_opportunity_says_so(client, home_page):
    page = OpportunityPageFactory(status=Status.FULL)
    assert "Stato: al completo" in client.get(page.url).content.decode()


def test_dates_on_the_page_take_the_article_italian_wants(client, home_page):
    page = OpportunityPageFactory(
        registration_required=True, registration_deadline=dt.date(2027, 2, 11), last_verified=dt.date(2026, 11, 8)
    )
    text = html.unescape(client.get(page.url).content.decode())
    assert "Serve l'iscrizione entro l'11 febbraio 2027." in text
    assert "Informazioni verificate l'8 novembre 2026." in text


def test_a_suspended_opportunity_explains_itself_and_offers_no_date_nor_calendar(client, home_page):
    page = OpportunityPageFactory(
        title="Libri a domicilio", kind=Kind.SERVICE, status=Status.SUSPENDED, registration_url="https://x.example/"
    )
    text = html.unescape(client.get(page.url).content.decode())
    callout = text[text.index('class="callout danger') : text.index('class="lead"')]
    assert "Stato: sospesa" in callout and "Per ora non si svolge" in callout and 'href="#contatti"' in callout
    assert text.index("Stato: sospesa") < text.index("In sintesi")
    assert "Prossima data" not in text
    assert "Aggiungi al mio calendario" not in text and f'href="{page.url}calendario/"' not in text
    assert "Sospesa: nessuna data in programma." in text
    assert 'href="https://x.example/"' not in text  # no "Iscriviti" while it does not take place
    assert 'id="contatti"' in text


def test_a_concluded_opportunity_says_it_is_over(client, home_page):
    page = OpportunityPageFactory(status=Status.CONCLUDED)
    text = html.unescape(client.get(page.url).content.decode())
    assert "Stato: conclusa" in text and "Si è già svolta" in text
    assert "Prossima data" not in text and "Aggiungi al mio calendario" not in text


def test_a_full_opportunity_keeps_its_dates_and_calendar(client, home_page):
    page = OpportunityPageFactory(status=Status.FULL)
    text = html.unescape(client.get(page.url).content.decode())
    assert 'class="callout warning' in text and "I posti sono esauriti." in text
    assert "Prossima data" in text and "Aggiungi al mio calendario" in text


def test_a_call_shows_its_deadline_instead_of_a_next_date(client, home_page):
    page = OpportunityPageFactory(
        kind=Kind.CALL, schedules=[OpportunitySchedule(start_date=dt.date(2026, 11, 8), end_date=dt.date(2099, 2, 11))]
    )
    text = html.unescape(client.get(page.url).content.decode())
    assert 'Scadenza: <strong><time datetime="2099-02-11">11 febbraio 2099</time></strong>' in text
    assert "Prossima data" not in text


def test_the_organizations_other_live_opportunities_are_listed(client, swimming):
    sibling = OpportunityPageFactory(parent=swimming.organization, title="Pallavolo under 14")
    draft = OpportunityPageFactory(parent=swimming.organization, title="Bozza segreta", live=False)
    elsewhere = OpportunityPageFactory(title="Coro di un'altra associazione")
    text = client.get(swimming.url).content.decode()
    assert sibling.title in text
    assert draft.title not in text
    assert elsewhere.title not in text


def test_a_draft_is_not_served(client, home_page):
    page = OpportunityPageFactory(live=False)
    assert client.get(page.url).status_code == 404


def test_queries_do_not_grow_with_places_and_related_opportunities(client, swimming):
    OpportunityPageFactory(parent=swimming.organization, places=[PlaceFactory()])
    baseline = queries_to_render(client, swimming.url)
    for _ in range(4):
        OpportunityPageFactory(parent=swimming.organization, places=[PlaceFactory()])
    swimming.places.add(PlaceFactory(), PlaceFactory())
    swimming.save_revision().publish()
    assert queries_to_render(client, swimming.url) == baseline
