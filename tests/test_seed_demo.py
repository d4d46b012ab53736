"""`manage.py seed_demo`: the demo town, its bulk-built page tree, its accounts and its idempotence."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.demo.orgs import CURATED
from home.models import HomePage, PortalImage, PortalSettings
from opportunities.models import Kind, OpportunityPage, OpportunitySchedule, Status
from organizations.models import OrganizationPage, Place
from organizations.services import organization_editors_group_ensure
from publishing.bulk_pages import step
from publishing.roles import ROLE_NAMES as ROLES
from taxonomy.models import Category

SMALL = 60


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def seed(opportunities=SMALL, **options):
    output = io.StringIO()
    call_command("seed_demo", opportunities=opportunities, stdout=output, **options)
    return output.getvalue()


def catalogue_titles():
    return list(OpportunityPage.objects.order_by("path").values_list("organization__title", "title"))


@pytest.mark.django_db
def test_default_demo_covers_every_kind_category_and_shape():
    seed(opportunities=250)

    opportunities = OpportunityPage.objects.live()
    assert OrganizationPage.objects.live().count() >= 40
    assert opportunities.count() >= 250
    assert set(opportunities.values_list("kind", flat=True)) == set(Kind.values)
    categories_used = set(opportunities.values_list("categories__slug", flat=True))
    assert set(Category.objects.values_list("slug", flat=True)) <= categories_used
    assert {Status.ACTIVE, Status.FULL, Status.SUSPENDED} <= set(opportunities.values_list("status", flat=True))
    assert opportunities.filter(min_age__isnull=True, max_age__isnull=True).exists()
    assert opportunities.filter(min_age__isnull=False, max_age__isnull=True).exists()
    assert opportunities.filter(min_age__isnull=True, max_age__isnull=False).exists()
    assert opportunities.filter(min_age__isnull=False, max_age__isnull=False).exists()
    assert opportunities.filter(is_free=True).exists()
    assert opportunities.filter(is_free=False, price__isnull=True).exists()
    assert len(set(opportunities.exclude(price_period="").values_list("price_period", flat=True))) >= 4
    assert len(set(OrganizationPage.objects.values_list("legal_form", flat=True))) >= 8


@pytest.mark.django_db
def test_default_demo_fills_site_settings_home_page_and_help_desks():
    seed(opportunities=250)

    settings = PortalSettings.objects.get()
    assert settings.comune_name == "Comune di Valdoria"
    assert settings.pec and settings.privacy_url and settings.accessibility_declaration_url
    home = HomePage.objects.get()
    assert "Valdoria" in home.introduction and home.help_desks_text
    assert home.featured_opportunities.count() == 6
    help_desks = Place.objects.filter(is_help_desk=True)
    assert help_desks.count() >= 5
    assert all(desk.opening_hours and desk.latitude and desk.longitude for desk in help_desks)
    assert PortalImage.objects.filter(description="").count() == 0
    assert PortalImage.objects.count() >= 20


@pytest.mark.django_db
def test_dates_follow_today_so_coming_occurrences_are_in_the_future():
    seed()

    now = timezone.now()
    with_date = OpportunityPage.objects.filter(next_occurrence__isnull=False)
    assert with_date.count() >= SMALL * 0.9
    assert not with_date.filter(next_occurrence__lt=now - dt.timedelta(days=1)).exists()
    summer = OpportunitySchedule.objects.filter(opportunity__kind=Kind.SUMMER_CAMP)
    for schedule in summer:
        assert schedule.start_date > timezone.localdate() and schedule.start_date.month in (6, 7)


@pytest.mark.django_db
def test_same_content_on_every_run():
    seed()
    first = catalogue_titles()

    seed(reset=True)

    assert catalogue_titles() == first
    assert OrganizationPage.objects.count() == len({title for title, _opportunity in first})


@pytest.mark.django_db
def test_seeding_again_changes_nothing():
    seed()
    counts = [model.objects.count() for model in (Page, Place, PortalImage, OpportunitySchedule, Group)]

    output = seed()

    assert "already seeded" in output
    assert [model.objects.count() for model in (Page, Place, PortalImage, OpportunitySchedule, Group)] == counts


@pytest.mark.django_db
def test_reset_does_not_duplicate():
    seed()
    counts = [model.objects.count() for model in (Page, Place, PortalImage, OpportunitySchedule)]

    seed(reset=True)

    assert [model.objects.count() for model in (Page, Place, PortalImage, OpportunitySchedule)] == counts


@pytest.mark.django_db
def test_bulk_built_tree_is_sound():
    seed(opportunities=200)

    assert Page.find_problems() == ([], [], [], [], [])
    tree = list(Page.objects.order_by("path").values_list("path", "depth", "numchild", "url_path"))
    Page.fix_tree()
    assert list(Page.objects.order_by("path").values_list("path", "depth", "numchild", "url_path")) == tree
    organization = OrganizationPage.objects.order_by("path").last()
    assert organization.numchild == organization.get_children().count() > 0
    opportunity = organization.get_children().last().specific
    assert opportunity.url_path == f"{organization.url_path}{opportunity.slug}/"
    assert opportunity.organization_id == organization.pk


@pytest.mark.django_db
def test_wagtail_adds_pages_after_the_bulk_built_ones():
    seed()
    organization = OrganizationPage.objects.order_by("path").first()
    last_path = organization.get_children().last().path

    added = organization.add_child(instance=OpportunityPage(title="Nuovo corso", slug="nuovo-corso", summary="Prova"))

    assert added.path == organization.path + step(int(last_path[-4:], 36) + 1)
    assert Page.find_problems() == ([], [], [], [], [])


def test_path_steps_are_treebeard_ones():
    assert [step(1), step(10), step(36), step(1295)] == ["0001", "000A", "0010", "00ZZ"]


@pytest.mark.django_db
def test_seeded_pages_pass_model_validation():
    seed()

    for opportunity in OpportunityPage.objects.all():
        opportunity.full_clean()
        for schedule in opportunity.schedules.all():
            schedule.full_clean()
    for organization in OrganizationPage.objects.all():
        organization.full_clean()


@pytest.mark.django_db
def test_opportunity_page_is_served(client):
    seed()
    opportunity = OpportunityPage.objects.live().first()

    response = client.get(opportunity.url)

    assert response.status_code == 200
    assert opportunity.title in response.content.decode()


@pytest.mark.django_db
def test_search_finds_a_seeded_opportunity_by_a_word_of_its_title():
    seed()
    opportunity = OpportunityPage.objects.order_by("path").first()
    word = max(re.findall(r"\w+", opportunity.title), key=len)

    results = list(OpportunityPage.objects.live().search(word))

    assert opportunity in results


@pytest.mark.django_db
def test_search_finds_organizations_and_places():
    seed()

    assert "Polisportiva Valdoria ASD" in [page.title for page in OrganizationPage.objects.search("Polisportiva")]
    assert "Informagiovani" in [place.name for place in get_search_backend().search("Informagiovani", Place)]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the fast path only serves PostgreSQL")
def test_postgres_fast_search_index_writes_what_the_backend_writes():
    seed()
    assert IndexEntry.objects.values("title_norm").distinct().count() > 1  # title weights were computed

    for model in (OpportunityPage, OrganizationPage, Place):
        objects = list(model.objects.order_by("pk")[:25])
        written_by_seed = index_entries(model, objects)
        get_search_backend().add_bulk(model, objects)
        assert index_entries(model, objects) == written_by_seed


def index_entries(model, objects):
    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(obj.pk) for obj in objects]
    )
    return set(entries.values_list("object_id", "title", "autocomplete", "body", "title_text", "body_text"))


@pytest.mark.django_db
def test_reference_index_rows_match_what_wagtail_records():
    seed()
    opportunity = OpportunityPage.objects.filter(image__isnull=False).first()
    organization = OrganizationPage.objects.filter(logo__isnull=False).first()

    for page, image_field in ((opportunity, "image"), (organization, "logo")):
        bulk_rows = references_from(page)
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(page)
        assert references_from(page) == bulk_rows
        assert (str(getattr(page, f"{image_field}_id")), image_field) in bulk_rows


def references_from(page):
    return set(ReferenceIndex.get_references_for_object(page).values_list("to_object_id", "content_path"))


@pytest.mark.django_db
def test_association_editor_edits_own_organization_only(client):
    seed()
    own = OrganizationPage.objects.get(title="APS Il Girasole")
    other = OrganizationPage.objects.get(title="Polisportiva Valdoria ASD")

    assert client.login(username="editor-girasole", password="demo-editor-girasole-2026")

    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)


@pytest.mark.django_db
def test_municipal_accounts_and_groups():
    output = seed()

    for username in ("admin", "redazione", "moderatore", "editor-girasole", "editor-polisportiva"):
        assert f"demo-{username}-2026" in output
    assert "http://127.0.0.1:8000/admin/" in output
    redazione = Group.objects.get(name="Redazione comunale")
    codenames = set(redazione.permissions.values_list("codename", flat=True))
    assert {"qualify_organization", "change_category", "add_place", "change_synonym"} <= codenames
    assert "change_portalsettings" not in codenames  # settings are the administration's
    members = {name: set(Group.objects.get(name=name).user_set.values_list("username", flat=True)) for name in ROLES}
    assert members == {
        "Amministrazione comunale": {"admin"},
        "Redazione comunale": {"redazione"},
        "Moderazione": {"moderatore"},
    }
    assert not Group.objects.filter(name__in=("Editors", "Moderators")).exists()


@pytest.mark.django_db
def test_organization_editors_group_is_created_once_without_publishing():
    seed()
    organization = OrganizationPage.objects.get(title="APS Il Girasole")

    group = organization_editors_group_ensure(organization=organization)
    again = organization_editors_group_ensure(organization=organization)

    assert again == group and group.name == "APS Il Girasole"
    page_permissions = GroupPagePermission.objects.filter(group=group)
    assert sorted(page_permissions.values_list("permission__codename", flat=True)) == ["add_page", "change_page"]
    assert set(page_permissions.values_list("page", flat=True)) == {organization.pk}
    assert group.permissions.filter(codename="access_admin").exists()
    assert set(group.collection_permissions.values_list("permission__codename", flat=True)) == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert set(group.collection_permissions.values_list("collection__name", flat=True)) == {"APS Il Girasole"}
    assert not Permission.objects.filter(group=group, codename="publish_page").exists()
    assert organization.editors_group == group


@pytest.mark.django_db
def test_organizations_scale_with_the_catalogue():
    seed(opportunities=1500)

    organizations = OrganizationPage.objects.all()
    assert organizations.count() == 60 > len(CURATED)
    assert len(set(organizations.values_list("title", flat=True))) == 60
    assert OpportunityPage.objects.count() == 1500
    assert (
        Place.objects.filter(latitude__gt=Decimal("44.9"), latitude__lt=Decimal("45.2")).count()
        == Place.objects.count()
    )
