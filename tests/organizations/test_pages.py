import datetime as dt
import html
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from organizations.models import LegalForm, OrganizationIndexPage
from tests.factories import OpportunityPageFactory, OrganizationPageFactory, PlaceFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db


def test_the_organization_page_shows_its_identity_and_contacts(client, home_page):
    organization = OrganizationPageFactory(
        title="Cooperativa Il Girasole",
        legal_form=LegalForm.SOCIAL_COOPERATIVE,
        runts_number="12345",
        summary="Servizi educativi per l'infanzia.",
        phone="0425 000111",
        website="https://girasole.example",
        places=[PlaceFactory(name="Nido Il Girasole", district__name="Borgo Nuovo")],
    )
    text = client.get(organization.url).content.decode()
    for expected in ["Cooperativa Il Girasole", "Cooperativa sociale", "12345", "0425 000111", "Nido Il Girasole"]:
        assert expected in text, expected
    assert "Borgo Nuovo" in text


def test_the_organization_page_lists_only_its_live_opportunities(client, home_page):
    organization = OrganizationPageFactory()
    live = OpportunityPageFactory(parent=organization, title="Teatro per ragazzi")
    draft = OpportunityPageFactory(parent=organization, title="Idea non ancora pubblicata", live=False)
    text = client.get(organization.url).content.decode()
    assert live.title in text
    assert draft.title not in text


def test_qualification_by_the_comune_is_shown_with_its_date(client, home_page):
    qualified = OrganizationPageFactory(qualified_on=dt.date(2026, 3, 2))
    assert "Qualificata dal Comune" in client.get(qualified.url).content.decode()
    assert "dal 2 marzo 2026" in client.get(qualified.url).content.decode()
    assert "Qualificata dal Comune" not in client.get(OrganizationPageFactory().url).content.decode()


def test_the_qualification_date_takes_the_article_italian_wants(client, home_page):
    eighth = OrganizationPageFactory(qualified_on=dt.date(2026, 3, 8))
    first = OrganizationPageFactory(qualified_on=dt.date(2026, 3, 1))
    assert "dall'8 marzo 2026" in html.unescape(client.get(eighth.url).content.decode())
    assert "dal 1° marzo 2026" in html.unescape(client.get(first.url).content.decode())


def test_the_directory_lists_organizations_with_their_live_opportunity_counts(client, home_page):
    organization = OrganizationPageFactory(title="ASD Valdoria Volley")
    OpportunityPageFactory(parent=organization)
    OpportunityPageFactory(parent=organization)
    OpportunityPageFactory(parent=organization, live=False)
    text = client.get(OrganizationIndexPage.objects.get().url).content.decode()
    assert "ASD Valdoria Volley" in text
    assert "2 attività pubblicate" in text


def test_the_directory_is_paginated(client, home_page):
    for number in range(OrganizationIndexPage.PAGE_SIZE + 1):
        OrganizationPageFactory(title=f"Associazione {number:02d}")
    url = OrganizationIndexPage.objects.get().url
    first, second = client.get(url).content.decode(), client.get(url + "?page=2").content.decode()
    assert "Associazione 00" in first and "Associazione 24" not in first
    assert "Associazione 24" in second
    assert client.get(url + "?page=abc").status_code == 200


def test_directory_and_organization_queries_do_not_grow_with_content(client, home_page):
    organization = OrganizationPageFactory()
    OpportunityPageFactory(parent=organization, places=[PlaceFactory()])
    directory_url = OrganizationIndexPage.objects.get().url
    directory, page = queries_to_render(client, directory_url), queries_to_render(client, organization.url)
    for _ in range(4):
        OrganizationPageFactory()
        OpportunityPageFactory(parent=organization, places=[PlaceFactory()])
    assert queries_to_render(client, directory_url) == directory
    assert queries_to_render(client, organization.url) == page


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(95, 11), (45, 200), (45, None)],
)
def test_places_refuse_impossible_coordinates(latitude, longitude):
    place = PlaceFactory.build(latitude=latitude, longitude=longitude, district=None)
    with pytest.raises(ValidationError):
        place.full_clean()


def test_places_accept_coordinates_in_range():
    PlaceFactory.build(latitude=Decimal("45.070000"), longitude=Decimal("11.790000"), district=None).full_clean()
