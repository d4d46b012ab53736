"""Municipal editors decide registration requests in the Wagtail admin; approval gives the association its pages."""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from organizations.models import OrganizationPage, OrganizationRegistration, RegistrationStatus
from organizations.services import organization_editors_group_ensure
from tests.factories import OrganizationPageFactory, UserFactory
from tests.organizations.onboarding_helpers import links_in, pending_registration, set_password_through_link

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.organizations.onboarding_fixtures"]

LIST_URL = "/admin/richieste-di-registrazione/"


def review_url(registration):
    return f"{LIST_URL}inspect/{registration.pk}/"


def approve(client, registration, title="Associazione Aquiloni"):
    return client.post(review_url(registration), {"action": "approve", "approve-title": title})


def reject(client, registration, reason="Non operate nel territorio del Comune."):
    return client.post(review_url(registration), {"action": "reject", "reject-reason": reason})


@pytest.fixture
def editor_client(client, municipal_editor):
    client.force_login(municipal_editor)
    return client


@pytest.fixture
def association_editor(home_page):
    organization = OrganizationPageFactory(title="Polisportiva Valdoria")
    group = organization_editors_group_ensure(organization=organization)
    return UserFactory(username="editor-polisportiva", groups=[group.name])


def test_editors_find_the_requests_in_the_admin_menu_and_filter_them_by_status(editor_client):
    pending_registration(name="Associazione Aquiloni")
    pending_registration(
        name="Coro Voci Bianche",
        status=RegistrationStatus.REJECTED,
        decided_at="2026-11-02T10:00Z",
        rejection_reason="Doppione",
    )

    assert "Richieste di registrazione" in editor_client.get("/admin/").content.decode()
    everything = editor_client.get(LIST_URL).content.decode()
    pending = editor_client.get(LIST_URL, {"status": RegistrationStatus.PENDING}).content.decode()

    assert "Associazione Aquiloni" in everything and "Coro Voci Bianche" in everything
    assert "Associazione Aquiloni" in pending and "Coro Voci Bianche" not in pending
    assert "In attesa" in pending


def test_the_review_page_shows_the_request_and_both_decisions(editor_client):
    registration = pending_registration()

    content = editor_client.get(review_url(registration)).content.decode()

    assert "giulia@aquiloni.example" in content
    assert "Associazione di promozione sociale (APS)" in content
    assert "Approva e crea la pagina" in content
    assert "Respingi la richiesta" in content


def test_duplicates_of_an_organization_or_a_pending_request_are_flagged(editor_client):
    OrganizationPageFactory(title="Associazione Aquiloni")
    pending_registration(name="Aquiloni APS", runts_number="123456")
    registration = pending_registration()

    content = editor_client.get(review_url(registration)).content.decode()

    assert "Esiste già l&#x27;organizzazione «Associazione Aquiloni»" in content
    assert "Un&#x27;altra richiesta in attesa" in content and "«Aquiloni APS»" in content


def test_approval_creates_the_page_the_group_and_the_first_user_and_emails_the_access(editor_client, municipal_editor):
    registration = pending_registration()

    response = approve(editor_client, registration)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED
    assert registration.decided_by == municipal_editor and registration.decided_at is not None
    organization = registration.organization
    assert organization.live and organization.title == "Associazione Aquiloni"
    assert organization.get_parent().specific_class.__name__ == "OrganizationIndexPage"
    assert organization.runts_number == "123456"
    assert [category.slug for category in organization.categories.all()] == ["cultura"]
    assert organization.editors_group.name == "Associazione Aquiloni"
    assert organization.editors_group.page_permissions.filter(page=organization).exists()
    user = get_user_model().objects.get(email="giulia@aquiloni.example")
    assert (user.username, user.first_name, user.last_name) == ("giulia@aquiloni.example", "Giulia", "Bianchi")
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [organization.editors_group]
    (message,) = mail.outbox
    assert message.to == ["giulia@aquiloni.example"]
    assert organization.full_url in message.body


def test_the_emailed_link_sets_a_password_that_opens_the_admin_on_the_own_pages(editor_client, home_page):
    approve(editor_client, pending_registration())
    password_link = next(link for link in links_in(mail.outbox[0]) if "/admin/password_reset/confirm/" in link)
    browser = Client()

    done = set_password_through_link(browser, password_link, "Aquiloni-2026-sicura")

    assert "Password cambiata con successo" in done.content.decode()
    assert browser.login(username="giulia@aquiloni.example", password="Aquiloni-2026-sicura")
    organization = OrganizationPage.objects.get(title="Associazione Aquiloni")
    assert browser.get("/admin/").status_code == 200
    assert browser.get(f"/admin/pages/{organization.pk}/edit/").status_code == 200
    other = OrganizationPageFactory(title="Altra associazione")
    assert browser.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)


def test_the_set_password_link_works_only_once(editor_client, home_page):
    approve(editor_client, pending_registration())
    password_link = next(link for link in links_in(mail.outbox[0]) if "/admin/password_reset/confirm/" in link)
    set_password_through_link(Client(), password_link, "Aquiloni-2026-sicura")

    reused = Client().get("/admin/" + password_link.split("/admin/", 1)[1], follow=True)

    assert 'name="new_password1"' not in reused.content.decode()


def test_an_existing_account_is_added_to_the_group_and_told_to_log_in(editor_client):
    existing = UserFactory(username="giulia", email="Giulia@Aquiloni.example")
    registration = pending_registration()

    assert "Esiste già un account" in editor_client.get(review_url(registration)).content.decode()
    approve(editor_client, registration)

    organization = OrganizationPage.objects.get(title="Associazione Aquiloni")
    assert existing.groups.filter(pk=organization.editors_group_id).exists()
    assert get_user_model().objects.filter(email__iexact="giulia@aquiloni.example").count() == 1
    assert "/password_reset/confirm/" not in mail.outbox[0].body


def test_an_approval_with_a_name_already_taken_is_refused_and_creates_nothing(editor_client):
    OrganizationPageFactory(title="Associazione Aquiloni")
    registration = pending_registration()

    response = approve(editor_client, registration)

    assert response.status_code == 409
    assert "scegli un nome diverso" in response.content.decode()
    registration.refresh_from_db()
    assert registration.is_pending
    assert OrganizationPage.objects.filter(title="Associazione Aquiloni").count() == 1
    assert not get_user_model().objects.filter(email="giulia@aquiloni.example").exists()
    assert mail.outbox == []

    assert approve(editor_client, registration, title="Associazione Aquiloni Valdoria").status_code == 302
    assert OrganizationPage.objects.filter(title="Associazione Aquiloni Valdoria").exists()


def test_rejection_records_the_reason_and_emails_it(editor_client, municipal_editor):
    registration = pending_registration()

    response = reject(editor_client, registration)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REJECTED
    assert registration.rejection_reason == "Non operate nel territorio del Comune."
    assert registration.decided_by == municipal_editor and registration.decided_at is not None
    (message,) = mail.outbox
    assert message.to == ["giulia@aquiloni.example"]
    assert "Non operate nel territorio del Comune." in message.body
    assert not OrganizationPage.objects.filter(title="Associazione Aquiloni").exists()


def test_a_rejection_needs_a_reason(editor_client):
    registration = pending_registration()

    response = reject(editor_client, registration, reason="   ")

    assert response.status_code == 400
    assert "Scrivi il motivo" in response.content.decode()
    registration.refresh_from_db()
    assert registration.is_pending


def test_a_request_cannot_be_decided_twice(editor_client):
    registration = pending_registration()
    approve(editor_client, registration)
    mail.outbox.clear()

    again = reject(editor_client, registration)
    twice = approve(editor_client, registration, title="Un altro nome")

    assert again.status_code == twice.status_code == 409
    assert "è già stata decisa" in again.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED and registration.rejection_reason == ""
    assert not OrganizationPage.objects.filter(title="Un altro nome").exists()
    assert mail.outbox == []


def test_an_unknown_action_is_a_bad_request(editor_client):
    registration = pending_registration()

    assert editor_client.post(review_url(registration), {"action": "archive"}).status_code == 400
    registration.refresh_from_db()
    assert registration.is_pending


def test_an_association_editor_cannot_open_the_requests_nor_see_the_menu_item(client, association_editor):
    registration = pending_registration()
    client.force_login(association_editor)

    assert "Richieste di registrazione" not in client.get("/admin/").content.decode()
    assert client.get(LIST_URL).status_code in (302, 403)
    assert client.get(review_url(registration)).status_code in (302, 403)
    assert approve(client, registration).status_code in (302, 403)
    registration.refresh_from_db()
    assert registration.is_pending


def test_an_anonymous_visitor_cannot_approve(client, home_page):
    registration = pending_registration()

    response = approve(client, registration)

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    registration.refresh_from_db()
    assert registration.is_pending
    assert not OrganizationPage.objects.filter(title="Associazione Aquiloni").exists()


def test_requests_cannot_be_created_or_edited_in_the_admin(editor_client):
    registration = pending_registration()

    assert editor_client.get(f"{LIST_URL}new/").status_code == 404
    assert editor_client.get(f"{LIST_URL}edit/{registration.pk}/").status_code == 404
    assert OrganizationRegistration.objects.count() == 1


def test_editors_can_erase_a_request_on_the_applicant_s_demand(editor_client):
    registration = pending_registration()

    response = editor_client.post(f"{LIST_URL}delete/{registration.pk}/")

    assert response.status_code == 302
    assert not OrganizationRegistration.objects.exists()
