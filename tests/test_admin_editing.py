"""Editing content through the real Wagtail admin views."""

import pytest

from django.core.cache import cache
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from opportunities.models import OpportunityPage
from organizations.services import organization_editors_group_ensure
from publishing.roles import EDITORIAL
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory, OrganizationPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def opportunity_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "status": page.status,
        "summary": page.summary,
        "last_verified": page.last_verified.isoformat(),
        "how_to_take_part": rich_text("<p>Basta presentarsi.</p>"),
        "schedules": inline_formset(
            [
                {
                    "id": page.schedules.get().pk,
                    "start_date": "",
                    "end_date": "",
                    "opens_at": "16:00",
                    "closes_at": "17:30",
                }
            ],
            initial=1,
            min=1,
        ),
        "comments": inline_formset([]),
    }
    data.update(changes)
    form = nested_form_data(data)
    # Multiple-choice values are set after nesting, which would flatten the lists.
    form["categories"] = [category.pk for category in page.categories.all()]
    form["schedules-0-weekdays"] = ["MO", "FR"]
    return form


@pytest.fixture
def municipal_editor(home_page):
    return UserFactory(username="redattrice", groups=[EDITORIAL])


def test_an_editor_changes_the_schedule_and_publishes(client, municipal_editor):
    page = OpportunityPageFactory(title="Corso di disegno")
    client.force_login(municipal_editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", opportunity_form(page, min_age="8", max_age="12", **{"action-publish": "1"})
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = OpportunityPage.objects.get(pk=page.pk)
    schedule = page.schedules.get()
    assert schedule.weekdays == ["MO", "FR"]
    assert page.age_label == "Da 8 a 12 anni"
    assert "Ogni lunedì e venerdì, dalle 16:00 alle 17:30" in client.get(page.url).content.decode()


def test_a_published_edit_reaches_a_visitors_search_at_once(
    client, municipal_editor, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_CACHE_SECONDS = 300  # as deployed: the catalogue index and visitors' answers are kept
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = OpportunityPageFactory(title="Corso di disegno")
        OpportunityPageFactory(title="Corso di musica", min_age=6, max_age=11)
    visitor = Client()

    def titles_for(age):
        results = visitor.get("/api/v1/opportunities/", {"age": age}).json()["results"]
        return sorted(result["title"] for result in results)

    assert titles_for(10) == ["Corso di disegno", "Corso di musica"] and titles_for(16) == ["Corso di disegno"]
    client.force_login(municipal_editor)
    form = opportunity_form(page, title="Corso di fumetto", min_age="14", max_age="18", **{"action-publish": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/pages/{page.pk}/edit/", form).status_code == 302
    assert titles_for(10) == ["Corso di musica"] and titles_for(16) == ["Corso di fumetto"]
    cache.clear()


def test_invalid_input_in_the_admin_is_explained_not_saved(client, municipal_editor):
    page = OpportunityPageFactory(title="Corso di disegno")
    client.force_login(municipal_editor)
    response = client.post(f"/admin/pages/{page.pk}/edit/", opportunity_form(page, min_age="14", max_age="6"))
    assert response.status_code == 200
    assert "L&#x27;età massima deve essere uguale o superiore all&#x27;età minima." in response.content.decode()
    assert OpportunityPage.objects.get(pk=page.pk).max_age is None


def test_only_municipal_editors_can_qualify_and_trust_an_organization(client, municipal_editor):
    organization = OrganizationPageFactory()
    editor = UserFactory(username="associazione")
    editor.groups.add(organization_editors_group_ensure(organization=organization))
    client.force_login(editor)
    form = client.get(f"/admin/pages/{organization.pk}/edit/").content.decode()
    assert 'name="title"' in form
    assert 'name="qualified_on"' not in form and 'name="is_trusted"' not in form

    client.force_login(municipal_editor)
    form = client.get(f"/admin/pages/{organization.pk}/edit/").content.decode()
    assert 'name="qualified_on"' in form and 'name="is_trusted"' in form


def test_an_association_editor_edits_its_own_pages_only(client, home_page):
    own, other = OrganizationPageFactory(title="Pro Loco"), OrganizationPageFactory(title="Circolo Scacchi")
    own_activity, other_activity = OpportunityPageFactory(parent=own), OpportunityPageFactory(parent=other)
    editor = UserFactory(username="proloco")
    editor.groups.add(organization_editors_group_ensure(organization=own))
    client.force_login(editor)
    assert client.get(f"/admin/pages/{own_activity.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other_activity.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/add/opportunities/opportunitypage/{own.pk}/").status_code == 200
    assert client.get(f"/admin/pages/add/opportunities/opportunitypage/{other.pk}/").status_code in (302, 403)


def add_category(client, *, name, slug, parent):
    fields = {"name": name, "slug": slug, "parent": parent.pk, "sort_order": 0, "icon": "", "description": ""}
    return client.post("/admin/snippets/taxonomy/category/add/", fields)


def test_editors_maintain_the_vocabularies_in_the_admin(client, home_page, admin_user):
    client.force_login(admin_user)
    parent = Category.objects.get(slug="sport")
    response = add_category(client, name="Arrampicata", slug="arrampicata", parent=parent)
    assert response.status_code == 302
    assert Category.objects.get(slug="arrampicata").parent == parent


def test_categories_have_two_levels_at_most(client, home_page, admin_user):
    client.force_login(admin_user)
    child = Category.objects.get(slug="doposcuola")
    response = add_category(client, name="Troppo in fondo", slug="troppo", parent=child)
    assert response.status_code == 200
    assert "Le categorie hanno al massimo due livelli." in response.content.decode()
    assert not Category.objects.filter(slug="troppo").exists()
