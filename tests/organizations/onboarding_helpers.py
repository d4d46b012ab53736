"""Helpers shared by the onboarding tests."""

import re
import time

from organizations.antispam import form_token_make
from organizations.models import LegalForm, OrganizationRegistration
from taxonomy.models import Category
from tests.factories import DistrictFactory

REGISTRATION_URL = "/registra-associazione/"
LINK = re.compile(r"https?://\S+")


def registration_data(**changes):
    """What a person fills in, with a start token from a minute ago; a value of None leaves the field out."""
    data = {
        "started": form_token_make(now=time.time() - 60),
        "name": "Associazione Aquiloni",
        "legal_form": LegalForm.APS,
        "runts_number": "Rep. n. 123456",
        "summary": "Laboratori creativi per bambini e famiglie nel quartiere.",
        "email": "info@aquiloni.example",
        "phone": "051 123456",
        "website": "aquiloni.example",
        "address": "Via dei Mille 3, Valdoria",
        "contact_name": "Giulia Bianchi",
        "contact_email": "giulia@aquiloni.example",
        "contact_phone": "+39 333 1234567",
        "contact_role": "Presidente",
        "privacy": "on",
        "homepage": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def pending_registration(**fields):
    values = {
        "name": "Associazione Aquiloni",
        "legal_form": LegalForm.APS,
        "runts_number": "123456",
        "summary": "Laboratori creativi per bambini e famiglie nel quartiere.",
        "email": "info@aquiloni.example",
        "phone": "051 123456",
        "website": "https://aquiloni.example",
        "address": "Via dei Mille 3, Valdoria",
        "contact_name": "Giulia Bianchi",
        "contact_email": "giulia@aquiloni.example",
        "contact_role": "Presidente",
        "privacy_accepted_at": "2026-11-01T10:00:00+01:00",
    }
    values.update(fields)
    registration = OrganizationRegistration.objects.create(**values)
    registration.districts.set([DistrictFactory(name="San Rocco")])
    registration.categories.set([Category.objects.get(slug="cultura")])
    return registration


def links_in(message):
    return LINK.findall(message.body)


def set_password_through_link(client, link, password):
    """Follow an emailed set-password link the way a browser does, and choose a password."""
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == 200
    assert 'name="new_password1"' in form_page.content.decode(), "the link did not open the set-password form"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}, follow=True
    )
    assert response.status_code == 200
    return response
