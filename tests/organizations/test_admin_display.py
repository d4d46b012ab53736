"""What the admin shows of places and registration requests: searchable places, local times, no raw None/True/False."""

import datetime as dt
import re

import pytest

from organizations.models import OrganizationRegistration, RegistrationStatus
from tests.factories import PlaceFactory, UserFactory
from tests.organizations.onboarding_helpers import pending_registration

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.organizations.onboarding_fixtures"]

PLACES_URL = "/admin/snippets/organizations/place/"


def review_url(registration):
    return f"/admin/richieste-di-registrazione/inspect/{registration.pk}/"


def fields_shown(html):
    """{label: value} of the inspect view's <dl>, tags and spaces squeezed out of the values."""
    block = re.search(r"<dl>(.*?)</dl>", html, re.S).group(1)
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", block, re.S)
    return {label.strip(): " ".join(re.sub(r"<[^>]+>", " ", value).split()) for label, value in pairs}


@pytest.fixture
def superuser_client(client, home_page):
    client.force_login(UserFactory(username="amministratrice", is_superuser=True))
    return client


@pytest.fixture
def municipal_client(client, municipal_editor):
    client.force_login(municipal_editor)
    return client


@pytest.mark.parametrize("term", ["biblio", "Biblioteca", "Garibaldi"])
def test_places_are_found_by_name_or_address_in_the_admin(superuser_client, term):
    library = PlaceFactory(name="Biblioteca civica", address="Via Garibaldi 4")
    hall = PlaceFactory(name="Sala del quartiere", address="Piazza Grande 1")

    response = superuser_client.get(PLACES_URL, {"q": term})

    text = response.content.decode()
    assert response.status_code == 200
    assert f"/edit/{library.pk}/" in text
    assert f"/edit/{hall.pk}/" not in text


def test_a_place_created_after_the_index_was_built_is_found_too(superuser_client):
    # Imports write places in bulk, without the search index: the admin must find them anyway.
    from organizations.models import Place

    Place.objects.bulk_create([Place(name="Centro anziani Le Querce", address="Via dei Tigli 2")])
    place = Place.objects.get()

    assert f"/edit/{place.pk}/" in superuser_client.get(PLACES_URL, {"q": "querce"}).content.decode()


def test_the_help_desk_column_shows_a_tick_or_a_cross_not_true_or_false(superuser_client):
    PlaceFactory(name="Sportello famiglie", is_help_desk=True)
    PlaceFactory(name="Palestra comunale", is_help_desk=False)

    text = superuser_client.get(PLACES_URL).content.decode()

    table = re.search(r"<table class=\"listing.*?</table>", text, re.S).group(0)
    assert not re.search(r">\s*(True|False)\s*<", table)
    assert "icon-check" in table and "icon-cross" in table
    assert re.search(r'<span class="w-sr-only">\s*Sì\s*</span>', table)
    assert re.search(r'<span class="w-sr-only">\s*No\s*</span>', table)


def test_a_pending_request_shows_local_times_and_a_dash_for_what_is_not_decided(municipal_client):
    registration = pending_registration(runts_number="", website="")
    # 15:30 UTC is 16:30 in Rome in November; the list shows 16:30, and so must the request's page.
    OrganizationRegistration.objects.filter(pk=registration.pk).update(
        submitted_at=dt.datetime(2026, 11, 2, 15, 30, tzinfo=dt.UTC)
    )

    fields = fields_shown(municipal_client.get(review_url(registration)).content.decode())

    assert "16:30" in fields["Inviata il"] and "15:30" not in fields["Inviata il"]
    assert "10:00" in fields["Informativa privacy accettata il"]  # sent as 10:00+01:00
    for label in ("Decisa da", "Decisa il", "Pagina creata", "Numero RUNTS", "Sito web", "Motivo del rifiuto"):
        assert fields[label] == "—", label
    assert not any("None" in value for value in fields.values())
    assert "16:30" in municipal_client.get("/admin/richieste-di-registrazione/").content.decode()


def test_a_decided_request_shows_who_decided_and_when_in_local_time(municipal_client, municipal_editor):
    registration = pending_registration(
        status=RegistrationStatus.REJECTED,
        decided_by=municipal_editor,
        decided_at=dt.datetime(2026, 7, 1, 8, 5, tzinfo=dt.UTC),
        rejection_reason="Doppione",
    )

    fields = fields_shown(municipal_client.get(review_url(registration)).content.decode())

    assert "10:05" in fields["Decisa il"]  # summer time: UTC+2
    assert fields["Decisa da"] != "—" and "None" not in fields["Decisa da"]
    assert fields["Motivo del rifiuto"] == "Doppione"
    assert fields["Pagina creata"] == "—"
