"""Association editors invite colleagues into their own organization's group, and no other."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from organizations.services import organization_editors_group_ensure
from tests.factories import OrganizationPageFactory, UserFactory
from tests.organizations.onboarding_helpers import links_in, set_password_through_link

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.organizations.onboarding_fixtures"]

# The admin's sidebar is drawn from JSON props: the item's label and link as they appear there.
MENU_ITEM = '"label": "Persone dell\'organizzazione", "icon_name": "group"'


def organization_with_group(title):
    organization = OrganizationPageFactory(title=title)
    organization.editors_group = organization_editors_group_ensure(organization=organization)
    organization.save(update_fields=["editors_group"])
    return organization


@pytest.fixture
def girasole(home_page):
    return organization_with_group("APS Il Girasole")


@pytest.fixture
def polisportiva(home_page):
    return organization_with_group("Polisportiva Valdoria")


@pytest.fixture
def girasole_editor(girasole):
    return UserFactory(
        username="editor-girasole", first_name="Anna", last_name="Verdi", groups=[girasole.editors_group.name]
    )


@pytest.fixture
def editor_client(client, girasole_editor):
    client.force_login(girasole_editor)
    return client


def members_url(organization):
    return f"/admin/organizzazione/{organization.pk}/persone/"


def invite(client, organization, **fields):
    return client.post(members_url(organization), {"email": "marco@girasole.example", "first_name": "Marco", **fields})


def test_members_of_an_organization_see_the_menu_item_and_land_on_their_members(editor_client, girasole):
    assert MENU_ITEM in editor_client.get("/admin/").content.decode()

    response = editor_client.get("/admin/organizzazione/persone/", follow=True)

    assert response.redirect_chain[-1][0] == members_url(girasole)
    content = response.content.decode()
    assert "Anna Verdi" in content and "editor-girasole@example.org" in content
    assert "Invita una collega o un collega" in content


def test_the_menu_item_is_hidden_from_people_outside_any_organization(client, municipal_editor):
    client.force_login(municipal_editor)

    assert MENU_ITEM not in client.get("/admin/").content.decode()
    assert client.get("/admin/organizzazione/persone/").status_code == 404


def test_an_invitation_creates_a_colleague_in_the_own_group_who_sets_a_password_and_logs_in(
    editor_client, girasole, polisportiva
):
    response = invite(editor_client, girasole, last_name="Neri")

    assert response.status_code == 302
    colleague = get_user_model().objects.get(email="marco@girasole.example")
    assert list(colleague.groups.all()) == [girasole.editors_group]
    assert not colleague.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["marco@girasole.example"]
    assert "APS Il Girasole" in message.subject and "Anna Verdi" in message.body
    link = next(link for link in links_in(message) if "/admin/password_reset/confirm/" in link)
    browser = Client()
    set_password_through_link(browser, link, "Girasole-2026-sicura")
    assert browser.login(username="marco@girasole.example", password="Girasole-2026-sicura")
    assert browser.get(f"/admin/pages/{girasole.pk}/edit/").status_code == 200
    assert browser.get(f"/admin/pages/{polisportiva.pk}/edit/").status_code in (302, 403)
    assert "Marco Neri" in editor_client.get(members_url(girasole)).content.decode()


def test_nobody_can_be_added_to_another_organization(editor_client, polisportiva):
    response = invite(editor_client, polisportiva)

    assert response.status_code == 404
    assert not get_user_model().objects.filter(email="marco@girasole.example").exists()
    assert polisportiva.editors_group.user_set.count() == 0


def test_fields_for_other_groups_or_powers_are_ignored(editor_client, girasole):
    moderators = Group.objects.create(name="Moderatori (test)")

    invite(editor_client, girasole, groups=[moderators.pk], is_superuser="on", is_staff="on")

    colleague = get_user_model().objects.get(email="marco@girasole.example")
    assert list(colleague.groups.all()) == [girasole.editors_group]
    assert not colleague.is_superuser and not colleague.is_staff


def test_an_existing_account_joins_the_group_and_is_told_to_log_in(editor_client, girasole, polisportiva):
    volunteer = UserFactory(username="marco", email="marco@girasole.example", groups=[polisportiva.editors_group.name])

    invite(editor_client, girasole)

    assert set(volunteer.groups.all()) == {girasole.editors_group, polisportiva.editors_group}
    assert "/password_reset/confirm/" not in mail.outbox[0].body


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": ""}, "Scrivi l&#x27;email della persona da invitare."),
        ({"email": "marco"}, "Scrivi un indirizzo email valido"),
        ({"first_name": ""}, "Scrivi il nome della persona da invitare."),
        ({"first_name": "M" * 151}, "non contenga più di 150 caratteri"),
        ({"email": "editor-girasole@example.org"}, "fa già parte del gruppo"),
    ],
)
def test_mistakes_are_explained_and_nobody_is_invited(editor_client, girasole, fields, message):
    users_before = get_user_model().objects.count()

    response = invite(editor_client, girasole, **fields)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert get_user_model().objects.count() == users_before
    assert mail.outbox == []


def test_invitations_are_rate_limited(editor_client, girasole):
    statuses = [
        invite(editor_client, girasole, email=f"persona{number}@example.org").status_code for number in range(21)
    ]

    assert statuses == [302] * 20 + [429]
    assert "troppi inviti" in invite(editor_client, girasole, email="ancora@example.org").content.decode()
    assert girasole.editors_group.user_set.count() == 21  # the editor and twenty colleagues


def test_an_anonymous_visitor_cannot_invite(client, girasole):
    response = invite(client, girasole)

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not get_user_model().objects.filter(email="marco@girasole.example").exists()
