"""The spreadsheet path: the template, the command, and the admin's upload, preview and confirm."""

import csv
import io

import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from opendata.csv_format import COLUMNS, template_csv
from opendata.models import ImportRun
from opportunities.models import Kind, OpportunityPage
from organizations.models import LegalForm, OrganizationPage, Place
from tests.factories import OrganizationPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def template_rows():
    return list(csv.DictReader(io.StringIO(template_csv().lstrip("\ufeff")), delimiter=";"))


def csv_text(rows, delimiter=";", extra_columns=()):
    buffer = io.StringIO()
    fieldnames = [column.name for column in COLUMNS] + list(extra_columns)
    writer = csv.DictWriter(buffer, fieldnames=fieldnames, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def example(**changes):
    return {**template_rows()[0], **changes}


def test_the_template_has_every_column_and_an_example_row_that_imports(run_import, tmp_path):
    path = tmp_path / "modello.csv"
    path.write_text(template_csv(), encoding="utf-8")

    out, _err = run_import("import_csv", path)

    assert "1 opportunità create, 0 aggiornate, 0 scartate." in out
    page = OpportunityPage.objects.get(hsds_id="CE-2027-01")
    assert page.kind == Kind.SUMMER_CAMP and page.title == "Centro estivo al parco"
    assert (page.min_age, page.max_age, str(page.price), page.price_period) == (6, 10, "80.00", "settimana")
    schedule = page.schedules.get()
    assert schedule.weekdays == ["MO", "TU", "WE", "TH", "FR"]
    assert str(schedule.start_date) == "2027-06-22" and str(schedule.opens_at) == "08:30:00"
    assert {category.slug for category in page.categories.all()} == {"centri-estivi", "sport"}
    organization = page.get_parent().specific
    assert organization.legal_form == LegalForm.SOCIAL_COOPERATIVE
    place = Place.objects.get()
    assert (place.address, place.district.name, str(place.latitude)) == ("Via dei Tigli 12", "Centro", "45.464200")


def test_rows_with_the_same_organization_share_it_and_a_rerun_updates(run_import, tmp_path):
    path = tmp_path / "estate.csv"
    path.write_text(csv_text([example(), example(codice="CE-2027-02", titolo="Centro estivo in piscina")]))

    run_import("import_csv", path)
    out, _err = run_import("import_csv", path)

    assert "0 opportunità create, 2 aggiornate, 0 scartate." in out
    assert OrganizationPage.objects.filter(title="Cooperativa sociale Il Melograno").count() == 1
    assert OpportunityPage.objects.count() == 2


def test_an_organization_already_on_the_portal_gets_the_rows_and_keeps_its_page(run_import, tmp_path):
    registered = OrganizationPageFactory(title="Cooperativa Sociale il Melograno", email="scrivici@melograno.example")
    path = tmp_path / "estate.csv"
    path.write_text(csv_text([example(), example(codice="CE-2027-02", titolo="Centro estivo in piscina")]))

    out, _err = run_import("import_csv", path)

    assert "2 opportunità create, 0 aggiornate, 0 scartate." in out
    assert "Collegata all'organizzazione già presente «Cooperativa Sociale il Melograno»" in out
    assert OrganizationPage.objects.filter(title__iexact="Cooperativa sociale Il Melograno").count() == 1
    assert {page.get_parent().pk for page in OpportunityPage.objects.all()} == {registered.pk}
    registered.refresh_from_db()
    assert registered.email == "scrivici@melograno.example" and registered.hsds_id == ""


def test_bad_rows_are_reported_by_row_number(run_import, tmp_path):
    path = tmp_path / "estate.csv"
    rows = [example(), example(codice="CE-2", data_inizio="31/02/2027", giorni=""), example(codice="", titolo="Senza")]
    path.write_text(csv_text(rows))

    out, _err = run_import("import_csv", path)

    assert "1 opportunità create, 0 aggiornate, 2 scartate." in out
    assert "#3 [CE-2] scartata: schedules[0].valid_from: data non valida «2027-02-31»" in out
    assert "#4 [?] scartata: id: campo obbligatorio mancante" in out


def test_a_spreadsheet_without_the_required_columns_is_refused(home_page, tmp_path):
    path = tmp_path / "altro.csv"
    path.write_text("nome;cognome\nMario;Rossi\n")

    with pytest.raises(CommandError, match="Mancano le colonne obbligatorie: codice, titolo"):
        call_command("import_csv", str(path))


def test_windows_1252_and_comma_separated_files_are_read(run_import, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(csv_text([example(titolo="Attività all'aperto")], delimiter=",").encode("cp1252"))

    out, _err = run_import("import_csv", path)

    assert "1 opportunità create" in out
    assert OpportunityPage.objects.get().title == "Attività all'aperto"


# The admin: a municipal editor with the import permission.


@pytest.fixture
def importer_user(home_page):
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="import_data")
    )
    return user


def upload(client, text, name="estate.csv", content_type="text/csv"):
    return client.post(
        reverse("opendata_import"), {"file": SimpleUploadedFile(name, text.encode(), content_type=content_type)}
    )


def test_admin_upload_previews_then_confirm_imports(client, importer_user):
    client.force_login(importer_user)

    response = upload(client, csv_text([example(), example(codice="CE-2", eta_minima="12", eta_massima="3")]))

    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("opendata_import_preview", args=[run.pk])
    preview = client.get(response.url)
    assert "Prova senza modifiche: 1 da creare, 0 da aggiornare, 1 scartate." in preview.content.decode()
    assert "L&#x27;età massima deve essere uguale o superiore all&#x27;età minima." in preview.content.decode()
    assert not OpportunityPage.objects.exists() and not Place.objects.exists()

    confirmed = client.post(reverse("opendata_import_confirm", args=[run.pk]), follow=True)

    assert "1 opportunità create, 0 aggiornate, 1 scartate." in confirmed.content.decode()
    assert OpportunityPage.objects.get().hsds_id == "CE-2027-01"
    assert OpportunityPage.objects.get().latest_revision.user == importer_user
    run.refresh_from_db()
    assert run.state == ImportRun.State.IMPORTED and run.report["dry_run"] is False


@pytest.mark.parametrize("delimiter", [";", ","])
def test_the_preview_names_only_the_columns_it_does_not_know(client, importer_user, delimiter):
    client.force_login(importer_user)
    text = csv_text([example(**{"Note interne": "da richiamare"})], delimiter, extra_columns=["Note interne"])
    response = upload(client, text)

    preview = client.get(response.url).content.decode()

    assert "Colonne sconosciute, ignorate: Note interne</p>" in preview


def test_confirming_twice_imports_once(client, importer_user):
    client.force_login(importer_user)
    upload(client, csv_text([example()]))
    run = ImportRun.objects.get()

    client.post(reverse("opendata_import_confirm", args=[run.pk]))
    again = client.post(reverse("opendata_import_confirm", args=[run.pk]), follow=True)

    assert "Questo file è già stato importato." in again.content.decode()
    assert OpportunityPage.objects.get().revisions.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("foto.png", "x", "image/png", "Carica un file con estensione .csv."),
        ("foglio.csv", "PK\x03\x04", "application/zip", "Il file non è un CSV"),
        ("foglio.csv", "PK\x00\x00", "text/csv", "Il file non è un CSV di testo"),
        ("altro.csv", "nome;cognome\n", "text/csv", "Mancano le colonne obbligatorie"),
    ],
)
def test_admin_upload_refuses_files_that_are_not_the_csv(client, importer_user, name, content, content_type, message):
    client.force_login(importer_user)

    response = upload(client, content, name=name, content_type=content_type)

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not ImportRun.objects.exists()


def test_admin_upload_refuses_a_file_over_5_mb(client, importer_user):
    client.force_login(importer_user)

    response = upload(client, csv_text([example()]) + " " * (5 * 1024 * 1024))

    assert "Il file supera 5 MB" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_admin_upload_refuses_more_rows_than_a_request_can_import(client, importer_user):
    client.force_login(importer_user)
    rows = [example(codice=f"R-{number}") for number in range(1001)]

    response = upload(client, csv_text(rows))

    assert "Il file ha 1001 righe: dall&#x27;admin se ne importano al massimo 1000." in response.content.decode()
    assert not ImportRun.objects.exists()


def test_template_download_and_column_guide(client, importer_user):
    client.force_login(importer_user)

    page = client.get(reverse("opendata_import"))
    response = client.get(reverse("opendata_import_template"))

    assert "Scarica il modello CSV" in page.content.decode() and "descrizione_organizzazione" in page.content.decode()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [column.name for column in COLUMNS] and len(rows) == 2


def test_editors_without_the_permission_cannot_see_or_use_the_import(client, home_page):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    dashboard = client.get(reverse("wagtailadmin_home"))
    responses = [
        client.get(reverse("opendata_import")),
        client.get(reverse("opendata_import_template")),
        upload(client, csv_text([example()])),
    ]

    assert reverse("opendata_import") not in dashboard.content.decode()
    assert all(response.status_code == 302 and response.url == reverse("wagtailadmin_home") for response in responses)
    assert not ImportRun.objects.exists() and not OpportunityPage.objects.exists()


def test_someone_elses_import_cannot_be_seen_or_confirmed(client, importer_user):
    client.force_login(importer_user)
    upload(client, csv_text([example()]))
    run = ImportRun.objects.get()
    other = UserFactory()
    other.user_permissions.add(*importer_user.user_permissions.all())
    client.force_login(other)

    assert client.get(reverse("opendata_import_preview", args=[run.pk])).status_code == 404
    assert client.post(reverse("opendata_import_confirm", args=[run.pk])).status_code == 404
    assert not OpportunityPage.objects.exists()
