"""The onboarding's emails read as plain Italian: the site's name once, names with apostrophes as typed."""

import pytest

from django.core import mail
from django.test import Client

from organizations.services import organization_editors_group_ensure
from tests.factories import OrganizationPageFactory, UserFactory
from tests.organizations.onboarding_helpers import REGISTRATION_URL, pending_registration, registration_data

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.organizations.onboarding_fixtures"]
NAME = "L'Aquilone APS"


def review(client, registration, **data):
    return client.post(f"/admin/richieste-di-registrazione/inspect/{registration.pk}/", data)


def every_onboarding_email(client, municipal_editor):
    """Send each kind: received and to review (the form), approved, rejected, invitation, removal."""
    assert Client().post(REGISTRATION_URL, registration_data(name=NAME)).status_code == 302
    client.force_login(municipal_editor)
    review(client, pending_registration(name=NAME), action="approve", **{"approve-title": NAME})
    review(client, pending_registration(name="Altra associazione"), action="reject", **{"reject-reason": "Fuori zona."})
    organization = OrganizationPageFactory(title="Gruppo dell'Orto")
    group = organization_editors_group_ensure(organization=organization)
    editor = UserFactory(username="anna", first_name="Anna", groups=[group.name])
    client.force_login(editor)
    client.post(f"/admin/organizzazione/{organization.pk}/persone/", {"email": "marco@orto.example", "first_name": "M"})
    colleague = UserFactory(username="luca", groups=[group.name])
    client.post(f"/admin/organizzazione/{organization.pk}/persone/{colleague.pk}/rimuovi/")
    return mail.outbox


def test_the_site_is_named_once_in_every_email(client, municipal_editor):
    messages = every_onboarding_email(client, municipal_editor)

    assert len(messages) == 6  # received, to review, approved, rejected, invitation, removal
    for message in messages:
        assert "portale Portale" not in message.body, message.subject
    named = [message for message in messages if "Portale delle opportunità" in message.body]
    assert len(named) == 5  # all but the note to the municipal editors, which needs no introduction
    assert all("sul sito «Portale delle opportunità»" in message.body for message in named)


def test_names_with_an_apostrophe_are_not_html_escaped(client, municipal_editor):
    messages = every_onboarding_email(client, municipal_editor)

    for message in messages:
        assert "&#x27;" not in message.subject and "&#x27;" not in message.body, message.subject
    subjects = " | ".join(message.subject for message in messages)
    assert "L'Aquilone APS" in subjects and "Gruppo dell'Orto" in subjects
