"""The public "Registra la tua associazione" form: what a visitor sees, sends and is told."""

import time

import pytest

from django.core import mail
from django.test import Client

from home.models import PortalSettings
from organizations.antispam import form_token_make
from organizations.models import OrganizationRegistration, RegistrationStatus
from taxonomy.models import Category
from tests.factories import DistrictFactory, UserFactory
from tests.organizations.onboarding_helpers import REGISTRATION_URL, registration_data

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.organizations.onboarding_fixtures"]


@pytest.fixture
def privacy_url(home_page):
    settings = PortalSettings.for_site(home_page.get_site())
    settings.privacy_url = "https://www.comune.example/privacy"
    settings.save()
    return settings.privacy_url


def submit(client, **changes):
    return client.post(REGISTRATION_URL, registration_data(**changes))


def test_the_form_asks_for_the_organization_the_contact_person_and_consent(client, privacy_url):
    response = client.get(REGISTRATION_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Registra la tua associazione</h1>" in content
    for name in ("name", "legal_form", "runts_number", "summary", "email", "contact_name", "contact_email", "privacy"):
        assert f'name="{name}"' in content
    assert 'name="csrfmiddlewaretoken"' in content
    assert f'href="{privacy_url}"' in content
    assert "Associazione di promozione sociale (APS)" in content
    assert 'tabindex="-1"' in content and 'aria-hidden="true"' in content  # the robots' trap is out of everyone's way


def test_the_form_is_linked_from_the_directory_and_the_footer(client, home_page):
    directory = home_page.get_children().get()

    assert f'href="{REGISTRATION_URL}"' in client.get(directory.url).content.decode()
    assert f'href="{REGISTRATION_URL}"' in client.get("/").content.decode()


def test_a_valid_request_is_stored_as_pending_and_acknowledged(client, municipal_editor):
    UserFactory(username="altro-utente", email="altro@example.org")
    culture = Category.objects.get(slug="cultura")

    response = submit(client, categories=[culture.pk])

    assert response.status_code == 302
    assert response["Location"] == f"{REGISTRATION_URL}inviata/"
    registration = OrganizationRegistration.objects.get()
    assert registration.status == RegistrationStatus.PENDING
    assert registration.name == "Associazione Aquiloni"
    assert registration.runts_number == "123456"
    assert registration.website == "https://aquiloni.example"
    assert list(registration.categories.all()) == [culture]
    assert registration.privacy_accepted_at is not None
    acknowledgement, notification = mail.outbox
    assert acknowledgement.to == ["giulia@aquiloni.example"]
    assert "Abbiamo ricevuto la richiesta di Associazione Aquiloni" in acknowledgement.subject
    assert notification.to == ["redazione@comune.example"]
    assert f"/admin/richieste-di-registrazione/inspect/{registration.pk}/" in notification.body


def test_the_confirmation_page_says_what_happens_next(client):
    response = client.get(f"{REGISTRATION_URL}inviata/")

    assert response.status_code == 200
    assert "abbiamo ricevuto la richiesta di registrazione" in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Scrivi il nome dell&#x27;organizzazione."),
        ({"name": "A" * 151}, "non contenga più di 150 caratteri"),
        ({"legal_form": ""}, "Scegli la forma giuridica"),
        ({"legal_form": "societa_per_azioni"}, "Scegli un&#x27;opzione valida"),
        ({"runts_number": "ABC-12"}, "Il numero RUNTS è il numero di repertorio"),
        ({"runts_number": "123456789"}, "Il numero RUNTS è il numero di repertorio"),
        ({"summary": ""}, "Descrivi in breve di cosa vi occupate."),
        ({"summary": "parola " * 60}, "non contenga più di 300 caratteri"),
        ({"email": ""}, "Scrivi l&#x27;email dell&#x27;organizzazione."),
        ({"email": "info@"}, "Scrivi un indirizzo email valido"),
        ({"phone": "chiamateci"}, "Scrivi un numero di telefono valido"),
        ({"website": "non è un sito"}, "Scrivi un indirizzo web completo"),
        ({"contact_name": ""}, "Scrivi il nome e cognome della persona di riferimento."),
        ({"contact_email": "giulia"}, "Scrivi un indirizzo email valido"),
        ({"contact_phone": "12"}, "Scrivi un numero di telefono valido"),
        ({"privacy": None}, "Per inviare la richiesta devi accettare l&#x27;informativa privacy."),
        ({"districts": ["99999"]}, "Scegli un&#x27;opzione valida"),
    ],
)
def test_each_mistake_is_explained_and_nothing_is_stored(client, changes, message):
    DistrictFactory(name="San Rocco")

    response = submit(client, **changes)

    content = response.content.decode()
    assert response.status_code == 400
    assert "La richiesta non è stata inviata" in content
    assert message in content
    assert 'aria-invalid="true"' in content
    assert not OrganizationRegistration.objects.exists()
    assert mail.outbox == []


def test_more_than_five_fields_of_activity_are_refused(client):
    categories = list(Category.objects.filter(parent__isnull=True).values_list("pk", flat=True)[:6])

    response = submit(client, categories=categories)

    assert response.status_code == 400
    assert "Scegli al massimo 5 ambiti di attività." in response.content.decode()


def test_what_was_typed_is_kept_when_the_form_comes_back(client):
    response = submit(client, contact_email="giulia")

    assert 'value="Associazione Aquiloni"' in response.content.decode()


def test_a_filled_in_trap_field_is_refused_without_storing(client):
    response = submit(client, homepage="https://spam.example")

    assert response.status_code == 400
    assert "Non è stato possibile inviare la richiesta" in response.content.decode()
    assert not OrganizationRegistration.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("started", "message"),
    [
        (lambda: form_token_make(now=time.time() - 1), "inviato troppo in fretta"),
        (lambda: form_token_make(now=time.time() - 2 * 24 * 60 * 60), "rimasto aperto troppo a lungo"),
        (lambda: form_token_make() + "x", "non è valido o è stato modificato"),
        (lambda: None, "non è valido o è stato modificato"),
    ],
    ids=["too-fast", "too-old", "forged", "missing"],
)
def test_a_form_sent_too_fast_too_late_or_without_its_token_is_refused(client, started, message):
    response = submit(client, started=started())

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not OrganizationRegistration.objects.exists()


def test_one_address_cannot_flood_the_form(client):
    statuses = [submit(client, name="", started=form_token_make(now=time.time() - 60)).status_code for _ in range(11)]

    assert statuses == [400] * 10 + [429]
    assert "Sono state inviate troppe richieste" in submit(client).content.decode()
    assert not OrganizationRegistration.objects.exists()


def test_one_contact_email_cannot_send_more_than_three_requests_a_day(client):
    statuses = [submit(client, name=f"Associazione {number}").status_code for number in range(4)]

    assert statuses == [302, 302, 302, 429]
    assert OrganizationRegistration.objects.count() == 3


def test_a_post_without_csrf_token_is_refused(home_page):
    response = Client(enforce_csrf_checks=True).post(REGISTRATION_URL, registration_data())

    assert response.status_code == 403
    assert not OrganizationRegistration.objects.exists()


def test_other_methods_are_not_allowed(client):
    assert client.put(REGISTRATION_URL).status_code == 405
