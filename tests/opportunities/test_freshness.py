"""Freshness end to end: past opportunities conclude and leave search; reminders lead to a working confirmation."""

import datetime as dt
import io
import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageLogEntry

from opportunities.models import OpportunityPage, OpportunitySchedule, Status
from opportunities.reminders import verification_token
from opportunities.tasks import refresh_opportunity_dates
from organizations.models import OrganizationPage
from organizations.services import organization_editors_group_ensure
from tests.factories import OpportunityPageFactory, OrganizationPageFactory, UserFactory

pytestmark = pytest.mark.django_db

LONG_AGO = dt.date(2020, 1, 1)


def yesterday():
    return timezone.localdate() - dt.timedelta(days=1)


def ended_yesterday(**fields):
    return OpportunityPageFactory(schedules=[OpportunitySchedule(start_date=yesterday())], **fields)


def search_text(client, words):
    return client.get("/cerca/", {"q": words}).content.decode()


# --- Concluding -----------------------------------------------------------------------------


def test_the_daily_command_concludes_past_opportunities_and_they_leave_search(client, home_page):
    page = ended_yesterday(title="Mostra di acquerelli")
    page.save_revision().publish()
    OpportunityPageFactory(title="Corso di acquerelli")
    assert "Mostra di acquerelli" in search_text(client, "acquerelli")

    out = io.StringIO()
    call_command("refresh_next_occurrences", stdout=out)

    assert "1 opportunities concluded." in out.getvalue()
    text = search_text(client, "acquerelli")
    assert "Mostra di acquerelli" not in text
    assert "Corso di acquerelli" in text
    # The page stays online and says it is over.
    assert "Conclusa" in client.get(page.url).content.decode()


def test_concluding_publishes_a_revision_so_page_and_history_agree(home_page):
    page = ended_yesterday()
    page.save_revision().publish()

    refresh_opportunity_dates.enqueue()

    page = OpportunityPage.objects.get(pk=page.pk)
    assert page.status == Status.CONCLUDED
    assert page.live_revision == page.latest_revision
    assert page.live_revision.as_object().status == Status.CONCLUDED
    assert not page.has_unpublished_changes
    assert PageLogEntry.objects.filter(page=page, action="opportunities.conclude").exists()


def test_concluding_keeps_an_editors_pending_draft(home_page):
    page = ended_yesterday(title="Centro estivo 2026")
    page.save_revision().publish()
    page.title = "Centro estivo 2027"
    page.save_revision()

    refresh_opportunity_dates.enqueue()

    page = OpportunityPage.objects.get(pk=page.pk)
    assert page.status == Status.CONCLUDED
    assert page.title == "Centro estivo 2026"
    draft = page.get_latest_revision_as_object()
    assert draft.title == "Centro estivo 2027"
    assert draft.status == Status.ACTIVE


def test_ongoing_and_open_ended_opportunities_are_not_concluded(home_page):
    OpportunityPageFactory(title="Ogni mercoledì")
    OpportunityPageFactory(schedules=[OpportunitySchedule(start_date=timezone.localdate())], title="Oggi")

    result = refresh_opportunity_dates.enqueue()

    assert result.return_value["concluded"] == 0
    assert not OpportunityPage.objects.filter(status=Status.CONCLUDED).exists()


# --- Reminders ------------------------------------------------------------------------------


@pytest.fixture
def organization(home_page):
    organization = OrganizationPageFactory(title="APS Il Girasole", email="info@girasole.example")
    group = organization_editors_group_ensure(organization=organization)
    OrganizationPage.objects.filter(pk=organization.pk).update(editors_group=group)
    UserFactory(username="anna", email="anna@girasole.example", groups=[group.name])
    UserFactory(username="bruno", email="bruno@girasole.example", groups=[group.name])
    return OrganizationPage.objects.get(pk=organization.pk)


def send_reminders():
    out = io.StringIO()
    call_command("send_verification_reminders", stdout=out)
    return out.getvalue()


def confirm_link(message):
    return re.search(r"http://\S+/opportunita/verifica/\S+/", message.body).group(0)


def test_editors_get_one_email_per_organization_with_links(organization):
    stale = OpportunityPageFactory(parent=organization, title="Doposcuola", last_verified=LONG_AGO)
    OpportunityPageFactory(parent=organization, title="Teatro", last_verified=LONG_AGO)
    OpportunityPageFactory(parent=organization, title="Appena verificata")

    assert "1 reminder emails sent about 2 opportunities" in send_reminders()

    [message] = mail.outbox
    assert sorted(message.to) == ["anna@girasole.example", "bruno@girasole.example"]
    assert message.subject == "APS Il Girasole: 2 opportunità da verificare"
    assert "Doposcuola" in message.body and "Teatro" in message.body
    assert "Appena verificata" not in message.body
    assert f"/admin/pages/{stale.pk}/edit/" in message.body
    assert confirm_link(message) in message.alternatives[0][0]
    assert OpportunityPage.objects.get(pk=stale.pk).verification_reminded_on == timezone.localdate()


def test_reminders_are_not_repeated_the_next_week(organization):
    OpportunityPageFactory(parent=organization, last_verified=LONG_AGO)
    send_reminders()
    assert "0 reminder emails sent" in send_reminders()
    assert len(mail.outbox) == 1


def test_without_editors_the_organization_public_address_is_used(home_page):
    organization = OrganizationPageFactory(email="segreteria@parrocchia.example")
    OpportunityPageFactory(parent=organization, last_verified=LONG_AGO)
    send_reminders()
    assert mail.outbox[0].to == ["segreteria@parrocchia.example"]


def test_following_the_link_confirms_only_after_pressing_the_button(client, organization):
    page = OpportunityPageFactory(parent=organization, title="Doposcuola", last_verified=LONG_AGO)
    page.save_revision().publish()
    send_reminders()
    path = confirm_link(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]

    response = client.get("/" + path)
    assert response.status_code == 200
    assert "Confermi che è ancora valida?" in response.content.decode()
    assert OpportunityPage.objects.get(pk=page.pk).last_verified == LONG_AGO

    response = client.post("/" + path)
    assert "Grazie, opportunità confermata" in response.content.decode()
    page = OpportunityPage.objects.get(pk=page.pk)
    assert page.last_verified == timezone.localdate()
    # A published revision, so the editor's form shows the new date too.
    assert page.get_latest_revision_as_object().last_verified == timezone.localdate()
    assert PageLogEntry.objects.filter(page=page, action="opportunities.verify").count() == 1

    client.post("/" + path)  # a second click changes nothing
    assert PageLogEntry.objects.filter(page=page, action="opportunities.verify").count() == 1


def test_a_tampered_link_is_refused_in_italian(client, organization):
    page = OpportunityPageFactory(parent=organization, last_verified=LONG_AGO)
    other = OpportunityPageFactory(parent=organization, last_verified=LONG_AGO)
    token = verification_token(page).replace(f"{page.pk}:", f"{other.pk}:", 1)

    response = client.post(f"/opportunita/verifica/{token}/")

    assert response.status_code == 400
    assert "Link non valido" in response.content.decode()
    assert OpportunityPage.objects.get(pk=other.pk).last_verified == LONG_AGO


def test_an_expired_link_is_refused_in_italian(client, organization, settings):
    page = OpportunityPageFactory(parent=organization, last_verified=LONG_AGO)
    token = verification_token(page)
    settings.FRESHNESS_LINK_MAX_AGE_DAYS = -1

    response = client.post(f"/opportunita/verifica/{token}/")

    assert response.status_code == 410
    assert "Il link è scaduto" in response.content.decode()
    assert OpportunityPage.objects.get(pk=page.pk).last_verified == LONG_AGO


def test_a_link_to_an_unpublished_opportunity_is_a_404(client, organization):
    page = OpportunityPageFactory(parent=organization, last_verified=LONG_AGO, live=False)
    response = client.get(f"/opportunita/verifica/{verification_token(page)}/")
    assert response.status_code == 404
    assert "Opportunità non trovata" in response.content.decode()


# --- The editors' report --------------------------------------------------------------------

REPORT = "/admin/reports/freshness/"


@pytest.fixture
def municipal_editor():
    group = Group.objects.create(name="Staff comunale di prova")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="qualify_organization")
    )
    return UserFactory(username="redattrice", groups=[group.name])


def test_association_editors_cannot_open_the_report(client, organization):
    client.force_login(organization.editors_group.user_set.first())
    # Wagtail answers a refused admin view by sending the user back to the dashboard with a message.
    response = client.get(REPORT)
    assert (response.status_code, response.url) == (302, "/admin/")
    assert client.get(REPORT, {"export": "csv"}).status_code == 302
    assert "Da verificare e in scadenza" not in client.get("/admin/").content.decode()


def test_the_report_lists_stale_and_expiring_opportunities(client, organization, municipal_editor):
    soon = timezone.localdate() + dt.timedelta(days=10)
    OpportunityPageFactory(parent=organization, title="Vecchia gita", last_verified=LONG_AGO)
    OpportunityPageFactory(
        parent=organization, title="Torneo di giugno", schedules=[OpportunitySchedule(start_date=soon)]
    )
    OpportunityPageFactory(parent=organization, title="Corso tranquillo")
    client.force_login(municipal_editor)

    text = client.get(REPORT).content.decode()
    assert "Vecchia gita" in text and "Torneo di giugno" in text
    assert "Corso tranquillo" not in text

    text = client.get(REPORT, {"problem": "expiring"}).content.decode()
    assert "Torneo di giugno" in text and "Vecchia gita" not in text

    csv = client.get(REPORT, {"export": "csv"})
    rows = b"".join(csv.streaming_content).decode().splitlines()
    assert rows[0].startswith("Titolo,Organizzazione,Stato,Da verificare,In scadenza")
    assert any(row.startswith("Vecchia gita,APS Il Girasole,Attiva,sì,") for row in rows)
    assert len(rows) == 3
