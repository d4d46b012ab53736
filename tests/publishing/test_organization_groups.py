"""An organization's group follows it: trust given and taken away in the admin, renames, lost links."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from organizations.models import OrganizationPage
from organizations.services import organization_collection, organization_editors_group_ensure
from publishing.roles import EDITORIAL
from tests.factories import OrganizationPageFactory

pytestmark = pytest.mark.django_db


def page_permissions(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))


def organization_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "legal_form": page.legal_form,
        "summary": page.summary,
        "social_links": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "1",
    }
    data.update(changes)
    return nested_form_data(data)


def publish_trust(client, page, trusted):
    form = organization_form(page)
    if trusted:
        form["is_trusted"] = "on"
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response


def test_trust_given_and_taken_away_in_the_admin_grants_and_revokes_publishing(client, staff, girasole):
    group = girasole.page.editors_group
    client.force_login(staff[EDITORIAL])

    publish_trust(client, girasole.page, trusted=True)
    assert (girasole.page.pk, "publish_page") in page_permissions(group)

    publish_trust(client, OrganizationPage.objects.get(pk=girasole.page.pk), trusted=False)
    assert page_permissions(group) == {(girasole.page.pk, "add_page"), (girasole.page.pk, "change_page")}


def test_a_renamed_organization_keeps_its_group_and_collection(girasole):
    group = girasole.page.editors_group
    girasole.page.title = "APS Il Girasole di Valdoria"
    girasole.page.save()

    group.refresh_from_db()
    assert group.name == "APS Il Girasole di Valdoria"
    assert organization_collection(group).name == "APS Il Girasole di Valdoria"
    assert organization_editors_group_ensure(organization=girasole.page) == group


def test_publishing_an_old_revision_does_not_lose_the_group(client, staff, roles, home_page):
    page = OrganizationPageFactory(title="Circolo Anziani")
    old_revision = page.save_revision()  # before the organization had a group
    group = organization_editors_group_ensure(organization=page)

    old_revision.publish()

    assert OrganizationPage.objects.get(pk=page.pk).editors_group == group


def test_each_organization_sees_only_its_own_images(girasole, polisportiva):
    own = organization_collection(girasole.page.editors_group)
    other = organization_collection(polisportiva.page.editors_group)

    assert own != other and own.get_parent().name == "Organizzazioni"
    assert set(girasole.page.editors_group.collection_permissions.values_list("collection", flat=True)) == {own.pk}


def test_a_group_name_taken_by_someone_else_gets_the_page_id(roles, home_page):
    page = OrganizationPageFactory(title="Redazione comunale")

    group = organization_editors_group_ensure(organization=page)

    assert group.name == f"Redazione comunale ({page.pk})"
    assert Group.objects.get(name="Redazione comunale").permissions.filter(codename="qualify_organization").exists()
