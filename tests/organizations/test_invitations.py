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


@pytest.mark.parametrize("typed", ["marco@girasole.example", "Marco@Girasole.EXAMPLE"])
def test_an_existing_account_is_refused_and_the_comune_is_suggested(editor_client, girasole, polisportiva, typed):
    """The review's case: another association's editor would get APS Il Girasole's pages without consent."""
    volunteer = UserFactory(username="marco", email="marco@girasole.example", groups=[polisportiva.editors_group.name])

    response = invite(editor_client, girasole, email=typed)

    assert response.status_code == 400
    content = response.content.decode()
    assert "Esiste già un account con l&#x27;email" in content and "Chiedi al Comune" in content
    assert "Invito inviato" not in content
    assert list(volunteer.groups.all()) == [polisportiva.editors_group]
    assert mail.outbox == []
    browser = Client()
    browser.force_login(volunteer)
    assert browser.get(f"/admin/pages/{girasole.pk}/edit/").status_code in (302, 403)


def test_an_existing_account_without_a_group_or_inactive_is_refused_too(editor_client, girasole):
    UserFactory(username="municipale", email="ufficio@comune.example")
    UserFactory(username="spento", email="spento@example.org", is_active=False)

    for email in ("ufficio@comune.example", "spento@example.org"):
        assert invite(editor_client, girasole, email=email).status_code == 400

    assert list(girasole.editors_group.user_set.values_list("username", flat=True)) == ["editor-girasole"]


def test_an_invitation_is_recorded_in_the_organization_page_history(editor_client, girasole):
    invite(editor_client, girasole, last_name="Neri")

    history = editor_client.get(f"/admin/pages/{girasole.pk}/history/").content.decode()

    assert "Invitata tra le persone dell&#x27;organizzazione: Marco Neri (marco@girasole.example)" in history


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


def remove_url(organization, user):
    return f"/admin/organizzazione/{organization.pk}/persone/{user.pk}/rimuovi/"


@pytest.fixture
def colleague(girasole, polisportiva):
    """A volunteer of both associations, added by the Comune."""
    return UserFactory(
        username="marco",
        first_name="Marco",
        last_name="Neri",
        email="marco@girasole.example",
        groups=[girasole.editors_group.name, polisportiva.editors_group.name],
    )


def test_the_members_list_offers_to_remove_colleagues_but_not_oneself(editor_client, girasole, colleague):
    content = editor_client.get(members_url(girasole)).content.decode()

    assert f'href="{remove_url(girasole, colleague)}"' in content
    assert remove_url(girasole, girasole.editors_group.user_set.get(username="editor-girasole")) not in content


def test_removing_a_colleague_asks_first_then_takes_them_out_of_this_group_only(
    editor_client, girasole, polisportiva, colleague
):
    confirmation = editor_client.get(remove_url(girasole, colleague))

    assert confirmation.status_code == 200
    assert "Vuoi togliere Marco Neri (marco@girasole.example)" in confirmation.content.decode()
    assert girasole.editors_group in colleague.groups.all()  # asking changes nothing

    response = editor_client.post(remove_url(girasole, colleague))

    assert response.status_code == 302 and response["Location"] == members_url(girasole)
    assert list(colleague.groups.all()) == [polisportiva.editors_group]
    (message,) = mail.outbox
    assert message.to == ["marco@girasole.example"] and "APS Il Girasole" in message.subject
    assert "Anna Verdi ti ha tolto" in message.body
    browser = Client()
    browser.force_login(colleague)
    assert browser.get(f"/admin/pages/{girasole.pk}/edit/").status_code in (302, 403)
    assert browser.get(f"/admin/pages/{polisportiva.pk}/edit/").status_code == 200
    history = editor_client.get(f"/admin/pages/{girasole.pk}/history/").content.decode()
    assert "Tolta dalle persone dell&#x27;organizzazione: Marco Neri (marco@girasole.example)" in history
    assert "Marco Neri" not in editor_client.get(members_url(girasole)).content.decode()


def test_nobody_removes_themselves(editor_client, girasole, girasole_editor, colleague):
    assert editor_client.get(remove_url(girasole, girasole_editor)).status_code == 400

    response = editor_client.post(remove_url(girasole, girasole_editor))

    assert response.status_code == 400
    assert "Non puoi toglierti da solo" in response.content.decode()
    assert girasole.editors_group in girasole_editor.groups.all()


def test_members_of_other_groups_and_other_organizations_are_out_of_reach(
    editor_client, girasole, polisportiva, colleague
):
    other = UserFactory(username="solo-polisportiva", groups=[polisportiva.editors_group.name])

    assert editor_client.post(remove_url(girasole, other)).status_code == 404  # not one of ours
    assert editor_client.post(remove_url(polisportiva, colleague)).status_code == 404  # not our organization

    assert list(other.groups.all()) == [polisportiva.editors_group]
    assert set(colleague.groups.all()) == {girasole.editors_group, polisportiva.editors_group}


def test_removing_needs_the_csrf_token(girasole, girasole_editor, colleague):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(girasole_editor)

    assert browser.post(remove_url(girasole, colleague)).status_code == 403

    assert girasole.editors_group in colleague.groups.all()


def test_an_anonymous_visitor_cannot_remove(client, girasole, colleague):
    response = client.post(remove_url(girasole, colleague))

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert girasole.editors_group in colleague.groups.all()
