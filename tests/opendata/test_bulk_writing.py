"""How imported pages are written: new ones in bulk at the end of each batch, updates one by one, both published
with a revision as Wagtail's publishing leaves them, and a cost in queries that does not grow with the file."""

import datetime as dt
import io

import pytest

from django.core.management import call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.signals import page_published

from opendata import importer as importer_module
from opendata import services as services_module
from opendata.services import data_import
from opportunities.models import OpportunityPage
from organizations.models import OrganizationPage, Place
from tests.opendata.samples import hsds_service, write_json

pytestmark = pytest.mark.django_db


def actions(page):
    return list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True))


def assert_tree_is_sound():
    assert all(not problems for problems in Page.find_problems())


def test_a_new_page_is_live_with_one_revision_its_history_and_its_references(run_import, tmp_path, home_page):
    run_import("import_hsds", write_json(tmp_path / "services.json", [hsds_service(1), hsds_service(2)]))

    page = OpportunityPage.objects.get(hsds_id="svc-1")
    organization = OrganizationPage.objects.get(hsds_id="org-1")
    assert page.live and not page.has_unpublished_changes and page.first_published_at is not None
    assert page.revisions.count() == 1 and page.live_revision == page.latest_revision
    revision = page.live_revision.as_object()
    assert revision.title == page.title and [category.slug for category in revision.categories.all()] == ["teatro"]
    assert [schedule.weekdays for schedule in revision.schedules.all()] == [["MO", "WE"]]
    assert actions(page) == ["wagtail.create", "wagtail.publish"]
    assert PageLogEntry.objects.get(page=page, action="wagtail.publish").revision == page.live_revision
    assert page.url_path == f"{organization.url_path}{page.slug}/" and page.organization == organization
    assert page.next_occurrence is not None
    assert organization.numchild == 2 and actions(organization) == ["wagtail.create", "wagtail.publish"]
    assert ReferenceIndex.get_references_for_object(page).filter(to_object_id=str(organization.pk)).exists()
    assert_tree_is_sound()


def test_new_pages_are_announced_as_published_like_pages_published_in_the_admin(run_import, tmp_path):
    announced = []

    def receiver(sender, instance, revision, **kwargs):
        announced.append((sender, instance.hsds_id, revision == instance.live_revision))

    page_published.connect(receiver)
    try:
        run_import("import_hsds", write_json(tmp_path / "services.json", [hsds_service(1), hsds_service(2)]))
    finally:
        page_published.disconnect(receiver)

    assert (OpportunityPage, "svc-1", True) in announced and (OpportunityPage, "svc-2", True) in announced
    assert (OrganizationPage, "org-1", True) in announced


def test_pages_with_the_same_title_under_one_organization_get_different_slugs(run_import, tmp_path):
    services = [hsds_service(number, name="Laboratorio di teatro") for number in (1, 2, 3)]
    run_import("import_hsds", write_json(tmp_path / "first.json", services[:2]))

    run_import("import_hsds", write_json(tmp_path / "second.json", services))

    slugs = OpportunityPage.objects.order_by("hsds_id").values_list("slug", flat=True)
    assert list(slugs) == ["laboratorio-di-teatro", "laboratorio-di-teatro-1", "laboratorio-di-teatro-2"]
    assert_tree_is_sound()


def test_a_service_listed_twice_in_one_file_is_created_then_updated(run_import, tmp_path):
    services = [hsds_service(1), hsds_service(2), hsds_service(1, name="Teatro, seconda versione")]

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", services))

    assert "2 opportunità create, 1 aggiornate, 0 scartate." in out
    page = OpportunityPage.objects.get(hsds_id="svc-1")
    assert page.title == "Teatro, seconda versione" and page.revisions.count() == 2
    assert_tree_is_sound()


def test_a_batch_that_cannot_be_written_together_is_imported_again_record_by_record(run_import, tmp_path, monkeypatch):
    # As when someone else adds a page where the batch meant to put one: the database refuses the batch.
    real_create_published = importer_module.create_published
    refused = []

    def create_published(pages, **kwargs):
        if len(pages) > 1 and not refused:
            refused.append(len(pages))
            raise IntegrityError("UNIQUE constraint failed: wagtailcore_page.path")
        return real_create_published(pages, **kwargs)

    monkeypatch.setattr(importer_module, "create_published", create_published)
    services = [hsds_service(1), hsds_service(2, minimum_age="dieci"), hsds_service(3)]
    services[2]["attributes"][0]["taxonomy_term"] = {"code": "circo", "name": "Circo", "taxonomy": "categorie"}

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", services))

    assert refused == [2]
    assert "2 opportunità create, 0 aggiornate, 1 scartate." in out
    assert "#2 [svc-2] scartata: minimum_age" in out and out.count("Termine creato: categorie: Circo") == 1
    assert set(OpportunityPage.objects.values_list("hsds_id", flat=True)) == {"svc-1", "svc-3"}
    organization = OrganizationPage.objects.get()
    assert organization.revisions.count() == 1 and organization.editors_group is not None
    assert Place.objects.count() == 1
    assert all(page.revisions.count() == 1 for page in OpportunityPage.objects.all())
    assert_tree_is_sound()


def test_an_update_publishes_one_revision_and_logs_a_new_title(run_import, tmp_path):
    path = write_json(tmp_path / "services.json", [hsds_service(1)])
    run_import("import_hsds", path)
    write_json(path, [hsds_service(1, name="Teatro per ragazzi, nuova edizione")])

    run_import("import_hsds", path)

    page = OpportunityPage.objects.get()
    assert page.live and not page.has_unpublished_changes and page.live_revision == page.latest_revision
    assert page.live_revision.as_object().title == "Teatro per ragazzi, nuova edizione"
    assert actions(page) == ["wagtail.create", "wagtail.publish", "wagtail.rename", "wagtail.publish"]
    rename = PageLogEntry.objects.get(page=page, action="wagtail.rename")
    assert rename.data["title"] == {"old": "Laboratorio di teatro 1", "new": "Teatro per ragazzi, nuova edizione"}


def test_a_service_that_changes_organization_moves_under_the_new_one(run_import, tmp_path):
    path = write_json(tmp_path / "services.json", [hsds_service(1), hsds_service(2)])
    run_import("import_hsds", path)
    moved = hsds_service(1)
    moved["organization"] = {**moved["organization"], "id": "org-2", "name": "ODV Quinta"}
    write_json(path, [moved, hsds_service(2)])

    run_import("import_hsds", path)

    page = OpportunityPage.objects.get(hsds_id="svc-1")
    new_organization = OrganizationPage.objects.get(hsds_id="org-2")
    assert page.get_parent().pk == new_organization.pk and page.organization_id == new_organization.pk
    assert OrganizationPage.objects.get(hsds_id="org-1").numchild == 1
    assert_tree_is_sound()


@pytest.mark.parametrize("moved_first", [True, False])
def test_a_page_moved_and_a_new_page_under_the_same_organization_in_one_batch(run_import, tmp_path, moved_first):
    other = hsds_service(9)
    other["organization"] = {**other["organization"], "id": "org-2", "name": "ODV Quinta"}
    run_import("import_hsds", write_json(tmp_path / "first.json", [hsds_service(1), other]))
    moved, new = hsds_service(1), hsds_service(2)
    moved["organization"] = new["organization"] = other["organization"]

    out, _err = run_import(
        "import_hsds", write_json(tmp_path / "second.json", [moved, new][:: 1 if moved_first else -1])
    )

    assert "1 opportunità create, 1 aggiornate, 0 scartate." in out
    organization = OrganizationPage.objects.get(hsds_id="org-2")
    assert set(OpportunityPage.objects.child_of(organization).values_list("hsds_id", flat=True)) == {
        "svc-1",
        "svc-2",
        "svc-9",
    }
    assert organization.numchild == 3 and OrganizationPage.objects.get(hsds_id="org-1").numchild == 0
    assert_tree_is_sound()


def test_a_page_scheduled_to_go_live_later_gets_a_scheduled_revision(run_import, tmp_path):
    path = write_json(tmp_path / "services.json", [hsds_service(1)])
    run_import("import_hsds", path)
    go_live_at = timezone.now() + dt.timedelta(days=7)
    OpportunityPage.objects.update(go_live_at=go_live_at)
    write_json(path, [hsds_service(1, name="Teatro dal mese prossimo")])

    run_import("import_hsds", path)

    page = OpportunityPage.objects.get()
    assert page.title == "Laboratorio di teatro 1" and page.latest_revision.approved_go_live_at == go_live_at


def test_pages_imported_from_the_admin_are_in_the_search_index(home_page, django_user_model):
    user = django_user_model.objects.create(username="redazione")

    report = data_import(records=[hsds_service(1, name="Giocoleria")], user=user)

    assert report.created == 1
    assert [page.hsds_id for page in OpportunityPage.objects.live().search("Giocoleria")] == ["svc-1"]
    assert OrganizationPage.objects.live().search("Palcoscenico").count() == 1
    assert OpportunityPage.objects.get().live_revision.user == user


def test_pages_created_one_by_one_from_the_admin_are_in_the_search_index_too(home_page):
    # A batch that names a service twice writes each new page in its record's savepoint.
    services = [hsds_service(1, name="Giocoleria"), hsds_service(2, name="Acrobatica"), hsds_service(2)]

    report = data_import(records=services)

    assert (report.created, report.updated) == (2, 1)
    assert [page.hsds_id for page in OpportunityPage.objects.live().search("Giocoleria")] == ["svc-1"]


@pytest.mark.django_db(transaction=True)
def test_each_batch_is_committed_as_it_is_imported(home_page, monkeypatch):
    monkeypatch.setattr(services_module, "BATCH_SIZE", 2)

    def records():
        yield hsds_service(1)
        yield hsds_service(2)
        raise RuntimeError("the connection to the source dropped")

    with pytest.raises(RuntimeError):
        data_import(records=records())

    assert set(OpportunityPage.objects.values_list("hsds_id", flat=True)) == {"svc-1", "svc-2"}


# Queries a service costs, at most, once its organization, place and terms exist: against about 120 for a new
# one and 90 for an update when each page was added, revised and published by Wagtail's own methods.
QUERIES_PER_NEW_SERVICE = 6
QUERIES_PER_UPDATED_SERVICE = 32


def queries_to_import(path):
    with CaptureQueriesContext(connection) as queries:
        call_command("import_hsds", str(path), verbosity=0, stdout=io.StringIO())
    return len(queries)


def test_the_queries_per_service_are_bounded_and_do_not_grow_with_the_file(home_page, tmp_path):
    """10 services, then 40 more: the 30 more cost a bounded number of queries each, for creation and update."""
    call_command("import_hsds", str(write_json(tmp_path / "warm.json", [hsds_service(0)])), stdout=io.StringIO())
    small = write_json(tmp_path / "small.json", [hsds_service(number) for number in range(1, 11)])
    large = write_json(tmp_path / "large.json", [hsds_service(number) for number in range(101, 141)])

    created = queries_to_import(small), queries_to_import(large)
    updates = queries_to_import(small), queries_to_import(large)

    assert (created[1] - created[0]) / 30 <= QUERIES_PER_NEW_SERVICE, created
    assert (updates[1] - updates[0]) / 30 <= QUERIES_PER_UPDATED_SERVICE, updates
    # What does not depend on the number of services (the organization's revision, the search index) is small.
    assert created[0] <= 10 * QUERIES_PER_NEW_SERVICE + 100 and updates[0] <= 10 * QUERIES_PER_UPDATED_SERVICE + 100
