"""Every vocabulary's list in the admin can be searched, the seeded terms (a data migration) and new ones alike."""

import pytest

from wagtail.models import Locale

from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/taxonomy"


@pytest.fixture
def admin_client(client, home_page):
    client.force_login(UserFactory(username="amministratrice", is_superuser=True))
    return client


def edit_link(model_name, term):
    return f"{ADMIN}/{model_name}/edit/{term.pk}/"


def listing(client, model_name, **params):
    response = client.get(f"{ADMIN}/{model_name}/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("model", "term", "found", "other"),
    [
        (Category, "Sport", {"slug": "sport"}, {"slug": "doposcuola"}),
        (Category, "formazione", {"slug": "studio-e-formazione"}, {"slug": "doposcuola"}),
        (Audience, "Anziani", {"slug": "anziani"}, {"slug": "prima-infanzia"}),
        (AccessibilityFeature, "Bagno", {"name": "Bagno accessibile"}, {"name": "Materiali in lingua facile"}),
        (Language, "Inglese", {"code": "en"}, {"code": "ar"}),
        (Language, "lis", {"code": "lis"}, {"code": "ar"}),
    ],
)
def test_the_seeded_vocabularies_are_searchable(admin_client, model, term, found, other):
    name = model._meta.model_name
    found, other = model.objects.get(**found), model.objects.get(**other)
    assert edit_link(name, other) in listing(admin_client, name)  # listed when nothing is searched

    text = listing(admin_client, name, q=term)

    assert edit_link(name, found) in text
    assert edit_link(name, other) not in text


def test_terms_added_later_are_found_too(admin_client):
    locale = Locale.get_default()
    category = Category.objects.create(name="Scacchi", slug="scacchi", locale=locale)
    # Written without the model's save(), as data migrations and bulk imports do: never indexed.
    Audience.objects.bulk_create([Audience(name="Neogenitori", slug="neogenitori", locale=locale)])
    District.objects.bulk_create([District(name="San Rocco", slug="san-rocco"), District(name="Borgo", slug="borgo")])

    assert edit_link("category", category) in listing(admin_client, "category", q="scacchi")
    assert edit_link("audience", Audience.objects.get(slug="neogenitori")) in listing(admin_client, "audience", q="neo")
    text = listing(admin_client, "district", q="rocco")
    assert edit_link("district", District.objects.get(slug="san-rocco")) in text
    assert edit_link("district", District.objects.get(slug="borgo")) not in text
