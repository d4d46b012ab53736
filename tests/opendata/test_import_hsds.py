"""import_hsds with files: what gets created, updated, skipped and reported."""

import datetime as dt
from decimal import Decimal

import pytest

from django.core.management.base import CommandError

from wagtail.models import GroupPagePermission

from opportunities.models import Kind, OpportunityPage, Status
from organizations.models import LegalForm, OrganizationPage, Place
from taxonomy.models import Category, District
from tests.opendata.samples import hsds_service, write_json, write_ndjson

pytestmark = pytest.mark.django_db


def test_json_array_creates_published_organization_place_and_opportunities(run_import, tmp_path):
    path = write_json(tmp_path / "services.json", [hsds_service(1), hsds_service(2)])

    out, _err = run_import("import_hsds", path)

    assert "2 opportunità create, 0 aggiornate, 0 scartate." in out
    organization = OrganizationPage.objects.get(hsds_id="org-1")
    assert organization.live and organization.legal_form == LegalForm.APS
    assert organization.get_parent().specific_class.__name__ == "OrganizationIndexPage"
    page = OpportunityPage.objects.get(hsds_id="svc-1")
    assert page.live and page.get_parent().pk == organization.pk and page.organization_id == organization.pk
    assert page.revisions.count() == 1 and page.live_revision is not None
    assert (page.min_age, page.max_age, page.price, page.price_period) == (11, 14, Decimal("30.00"), "mese")
    assert page.status == Status.ACTIVE and page.kind == Kind.ACTIVITY
    assert page.registration_url == "https://teatro.example/iscrizioni"
    assert page.cost_description == "<p>Riduzioni per fratelli e sorelle.</p>"
    assert [category.slug for category in page.categories.all()] == ["teatro"]
    assert [audience.slug for audience in page.audiences.all()] == ["preadolescenti"]
    assert [language.code for language in page.languages.all()] == ["it"]
    schedule = page.schedules.get()
    assert schedule.weekdays == ["MO", "WE"]
    assert (schedule.opens_at, schedule.closes_at) == (dt.time(17), dt.time(18, 30))
    assert (schedule.start_date, schedule.end_date) == (dt.date(2026, 9, 15), dt.date(2027, 5, 31))
    place = Place.objects.get(hsds_id="loc-1")
    assert (place.address, place.city, place.latitude) == ("Via Verdi 3", "Valdoria", Decimal("45.464200"))
    assert list(page.places.all()) == [place]
    assert OpportunityPage.objects.filter(hsds_id__in=["svc-1", "svc-2"]).count() == 2


def test_new_organization_gets_its_editors_group_with_page_permissions(run_import, tmp_path):
    run_import("import_hsds", write_json(tmp_path / "services.json", [hsds_service(1)]))

    organization = OrganizationPage.objects.get(hsds_id="org-1")
    assert organization.editors_group is not None
    permissions = GroupPagePermission.objects.filter(group=organization.editors_group, page=organization)
    assert {permission.permission.codename for permission in permissions} >= {"add_page", "change_page"}


def test_ndjson_is_read_line_by_line(run_import, tmp_path):
    path = write_ndjson(tmp_path / "services.ndjson", [hsds_service(1), hsds_service(2), hsds_service(3)])

    out, _err = run_import("import_hsds", path)

    assert "3 opportunità create" in out
    assert OpportunityPage.objects.count() == 3


def test_second_run_updates_with_a_new_revision_instead_of_duplicating(run_import, tmp_path):
    path = write_json(tmp_path / "services.json", [hsds_service(1), hsds_service(2)])
    run_import("import_hsds", path)
    write_json(path, [hsds_service(1, name="Teatro per ragazzi, nuova edizione"), hsds_service(2)])

    out, _err = run_import("import_hsds", path)

    assert "0 opportunità create, 2 aggiornate, 0 scartate." in out
    assert OpportunityPage.objects.count() == 2
    assert OrganizationPage.objects.filter(hsds_id="org-1").count() == 1
    assert Place.objects.filter(hsds_id="loc-1").count() == 1
    page = OpportunityPage.objects.get(hsds_id="svc-1")
    assert page.title == "Teatro per ragazzi, nuova edizione"
    assert page.revisions.count() == 2 and page.live_revision == page.latest_revision
    assert page.schedules.count() == 1


def test_a_page_with_an_editors_draft_is_not_overwritten(run_import, tmp_path):
    path = write_json(tmp_path / "services.json", [hsds_service(1)])
    run_import("import_hsds", path)
    page = OpportunityPage.objects.get(hsds_id="svc-1")
    page.title = "Titolo scelto dalla redazione"
    page.save_revision()

    out, _err = run_import("import_hsds", path)

    assert "1 scartate" in out and "bozza" in out
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Titolo scelto dalla redazione"


def test_partial_file_imports_good_records_and_reports_each_bad_one(run_import, tmp_path):
    services = [
        hsds_service(1),
        hsds_service(2, minimum_age="dieci"),
        hsds_service(3),
        hsds_service(4, schedules=[{"freq": "WEEKLY", "byday": "XX"}]),
        hsds_service(5, minimum_age=14, maximum_age=11),
    ]

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", services))

    assert "2 opportunità create, 0 aggiornate, 3 scartate." in out
    assert "#2 [svc-2] scartata: minimum_age: deve essere un numero intero non negativo, non «dieci»" in out
    assert "#4 [svc-4] scartata: schedules[0].byday: giorni non validi: XX" in out
    assert "#5 [svc-5] scartata: età massima: L'età massima deve essere uguale o superiore all'età minima." in out
    assert set(OpportunityPage.objects.values_list("hsds_id", flat=True)) == {"svc-1", "svc-3"}


def test_a_failed_record_leaves_no_half_written_organization_or_place(run_import, tmp_path):
    service = hsds_service(1, schedules=[{"valid_from": "2026-09-15", "opens_at": "18:00", "closes_at": "17:00"}])
    service["organization"]["id"] = "org-new"
    service["service_at_locations"][0]["location"]["id"] = "loc-new"

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", [service]))

    assert "schedules[0]: alle ore: L'orario di fine deve essere successivo all'orario di inizio." in out
    assert not OrganizationPage.objects.filter(hsds_id="org-new").exists()
    assert not Place.objects.filter(hsds_id="loc-new").exists()
    assert not OpportunityPage.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": None}, "#1 [?] scartata: id: campo obbligatorio mancante"),
        ({"name": ["una", "lista"]}, "name: deve essere un testo"),
        ({"schedules": "ogni lunedì"}, "schedules: deve essere un elenco"),
        ({"organization": None}, "organization: campo obbligatorio mancante"),
        ({"attributes": []}, "serve almeno una categoria"),
        ({"schedules": []}, "serve almeno un orario o una data"),
        ({"status": "chiusa per sempre"}, "stato «chiusa per sempre» sconosciuto"),
        ({"cost_options": [{"amount": 10, "currency": "USD"}]}, "solo prezzi in euro (EUR), non USD"),
        ({"schedules": [{"freq": "MONTHLY", "byday": "1MO"}]}, "frequenza «MONTHLY» non gestita"),
        ({"schedules": [{"opens_at": "le cinque"}]}, "orario non valido «le cinque»"),
    ],
)
def test_wrong_types_and_missing_fields_are_reported_not_raised(run_import, tmp_path, change, message):
    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", [hsds_service(1, **change)]))

    assert "0 opportunità create, 0 aggiornate, 1 scartate." in out
    assert message in out


@pytest.mark.parametrize(
    ("latitude", "message"),
    [
        (123.4, "latitudine: Assicurati che questo valore sia minore o uguale a 90."),
        ("nord", "latitude: deve essere un numero, non «nord»"),
    ],
)
def test_bad_coordinates_skip_the_record_with_the_reason(run_import, tmp_path, latitude, message):
    service = hsds_service(1)
    service["service_at_locations"][0]["location"]["latitude"] = latitude

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", [service]))

    assert "1 scartate" in out and message in out
    assert not Place.objects.exists()


def test_unknown_terms_are_created_and_reported(run_import, tmp_path):
    service = hsds_service(1)
    service["attributes"] = [
        {"taxonomy_term": {"code": "circo", "name": "Circo", "taxonomy": "categorie"}},
        {"taxonomy_term": {"name": "Borgo Nuovo", "taxonomy": "quartieri"}},
    ]

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", [service]))

    assert "1 opportunità create" in out
    assert "Termine creato: categorie: Circo" in out and "Termine creato: quartieri: Borgo Nuovo" in out
    page = OpportunityPage.objects.get()
    assert [category.slug for category in page.categories.all()] == ["circo"]
    assert Category.objects.filter(slug="circo").count() == 1
    assert Place.objects.get().district == District.objects.get(slug="borgo-nuovo")


def test_dry_run_reports_what_would_change_and_changes_nothing(run_import, tmp_path):
    service = hsds_service(1)
    service["attributes"][0]["taxonomy_term"] = {"code": "circo", "name": "Circo", "taxonomy": "categorie"}
    pages_before = OrganizationPage.objects.count()

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", [service]), dry_run=True)

    assert "Prova senza modifiche: 1 da creare, 0 da aggiornare, 0 scartate." in out
    assert not OpportunityPage.objects.exists() and OrganizationPage.objects.count() == pages_before
    assert not Place.objects.exists() and not Category.objects.filter(slug="circo").exists()


def test_imported_pages_are_found_by_search_after_the_command(run_import, tmp_path):
    run_import("import_hsds", write_json(tmp_path / "services.json", [hsds_service(1, name="Giocoleria")]))

    assert [page.hsds_id for page in OpportunityPage.objects.live().search("Giocoleria")] == ["svc-1"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Nome;Cognome\nMario;Rossi\n", "Il file non è in formato JSON"),
        ("", "Il file è vuoto."),
        ('[{"id": "a"} {"id": "b"}]', "manca una virgola tra due servizi"),
    ],
)
def test_a_file_that_is_not_hsds_json_is_refused_with_a_clear_message(home_page, tmp_path, content, message):
    path = tmp_path / "services.json"
    path.write_text(content)

    with pytest.raises(CommandError, match=message):
        from django.core.management import call_command

        call_command("import_hsds", str(path))


def test_a_missing_file_is_refused_with_a_clear_message(home_page, tmp_path):
    from django.core.management import call_command

    with pytest.raises(CommandError, match="non esiste"):
        call_command("import_hsds", str(tmp_path / "nowhere.json"))


def test_a_truncated_file_keeps_the_records_before_the_break_and_says_so(home_page, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "services.json"
    text = write_json(path, [hsds_service(1), hsds_service(2)]).read_text()
    path.write_text(text[: text.index('"id": "svc-2"')])

    with pytest.raises(CommandError, match="troncato"):
        call_command("import_hsds", str(path))

    assert "1 opportunità create" in capsys.readouterr().out
    assert list(OpportunityPage.objects.values_list("hsds_id", flat=True)) == ["svc-1"]


def test_an_unexpected_error_in_one_record_is_reported_and_the_others_go_on(run_import, tmp_path, monkeypatch):
    from opendata.importer import ServiceImporter

    original = ServiceImporter._place

    def failing_place(self, data, districts):
        if data.hsds_id == "loc-bug":
            raise RuntimeError("boom")
        return original(self, data, districts)

    monkeypatch.setattr(ServiceImporter, "_place", failing_place)
    buggy = hsds_service(2)
    buggy["organization"]["id"] = "org-bug"
    buggy["service_at_locations"][0]["location"]["id"] = "loc-bug"

    out, _err = run_import("import_hsds", write_json(tmp_path / "services.json", [buggy, hsds_service(1)]))

    assert "1 opportunità create, 0 aggiornate, 1 scartate." in out
    assert "#1 [svc-2] scartata: errore inatteso (RuntimeError)" in out
    assert not OrganizationPage.objects.filter(hsds_id="org-bug").exists()
