"""Control characters typed (or forged) into the portal's forms are refused with a 400; they never reach the database.

Django's forms already refuse NUL in every text field; the onboarding's forms also refuse the other control
characters, which no name, address or message contains (tabs and line breaks are allowed).
"""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail

from organizations.models import OrganizationRegistration, Place
from organizations.services import organization_editors_group_ensure
from tests.factories import OrganizationPageFactory, PlaceFactory, UserFactory
from tests.organizations.onboarding_helpers import REGISTRATION_URL, pending_registration, registration_data

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.organizations.onboarding_fixtures"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Associazione\x00 Aquiloni"),
        ("name", "Associazione\x07 Aquiloni"),
        ("summary", "Laboratori\x1b[31m creativi"),
        ("contact_role", "Presidente\x7f"),
        ("address", "Via dei Mille\x85 3"),
    ],
)
def test_the_registration_form_refuses_control_characters(client, home_page, field, value):
    response = client.post(REGISTRATION_URL, registration_data(**{field: value}))

    assert response.status_code == 400
    assert "La richiesta non è stata inviata" in response.content.decode()
    assert not OrganizationRegistration.objects.exists()
    assert mail.outbox == []


def test_line_breaks_and_tabs_are_still_welcome_in_the_summary(client, home_page):
    response = client.post(REGISTRATION_URL, registration_data(summary="Laboratori creativi.\r\n\tPer famiglie."))

    assert response.status_code == 302
    assert OrganizationRegistration.objects.get().summary == "Laboratori creativi.\r\n\tPer famiglie."


@pytest.fixture
def admin_client(client, home_page):
    client.force_login(UserFactory(username="amministratrice", is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/organizations/place/?q=%00",
        "/admin/snippets/taxonomy/category/?q=%00",
        "/admin/snippets/taxonomy/language/?q=%00",
        "/admin/richieste-di-registrazione/?q=%00",
        "/admin/pages/search/?q=%00",
        "/admin/snippets/organizations/place/?p=%00",
    ],
)
def test_admin_searches_ignore_a_nul_byte(admin_client, url):
    PlaceFactory(name="Biblioteca civica")
    assert admin_client.get(url).status_code == 200


def test_an_admin_form_refuses_a_nul_byte_instead_of_failing(admin_client):
    response = admin_client.post(
        "/admin/snippets/organizations/place/add/", {"name": "Sala\x00 civica", "address": "Via Roma 1"}
    )

    assert response.status_code == 200  # Wagtail shows the form again with the error
    assert "I caratteri null non sono ammessi." in response.content.decode()
    assert not Place.objects.exists()


@pytest.mark.parametrize("text", ["Testo\x00", "Testo\x07"])
@pytest.mark.parametrize(("action", "field"), [("approve", "approve-title"), ("reject", "reject-reason")])
def test_the_decision_forms_refuse_control_characters(client, municipal_editor, action, field, text):
    registration = pending_registration()
    client.force_login(municipal_editor)

    response = client.post(
        f"/admin/richieste-di-registrazione/inspect/{registration.pk}/", {"action": action, field: text}
    )

    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.is_pending


@pytest.mark.parametrize("text", ["Anna\x00", "Anna\x07"])
def test_an_invitation_refuses_control_characters(client, home_page, text):
    organization = OrganizationPageFactory(title="APS Il Girasole")
    organization.editors_group = organization_editors_group_ensure(organization=organization)
    organization.save(update_fields=["editors_group"])
    client.force_login(UserFactory(username="editor-girasole", groups=[organization.editors_group.name]))

    response = client.post(
        f"/admin/organizzazione/{organization.pk}/persone/", {"email": "nuova@example.org", "first_name": text}
    )

    assert response.status_code == 400
    assert not get_user_model().objects.filter(email="nuova@example.org").exists()
