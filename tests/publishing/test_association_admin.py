"""What an association editor finds in the admin: its own dashboard panel and a menu without the Comune's tools."""

import datetime as dt

import pytest

from django.utils import timezone

from opportunities.models import OpportunitySchedule
from publishing.roles import EDITORIAL, MODERATION
from tests.factories import OpportunityPageFactory
from tests.publishing.test_moderation_flow import fresh, review, submit
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db


def sidebar(client):
    content = client.get("/admin/").content.decode()
    return content[content.index('id="wagtail-sidebar-props"') :]


def test_the_menu_keeps_only_what_an_association_can_use(client, staff, girasole):
    client.force_login(girasole.editor)
    menu = sidebar(client)
    for usable in ("/admin/pages/", "/admin/images/", "/admin/snippets/organizations/place/"):
        assert usable in menu
    for municipal in ("/admin/reports/", "/admin/snippets/taxonomy/", "/admin/users/", "/admin/settings/"):
        assert municipal not in menu

    client.force_login(staff[EDITORIAL])
    assert "/admin/reports/" in sidebar(client)


def test_the_dashboard_shows_the_organizations_pages_and_a_new_activity_button(client, girasole, polisportiva):
    ends_soon = OpportunityPageFactory(
        parent=girasole.page,
        title="Torneo di fine mese",
        schedules=[OpportunitySchedule(start_date=timezone.localdate() + dt.timedelta(days=5))],
    )
    client.force_login(girasole.editor)

    content = client.get("/admin/").content.decode()

    assert "Nuova attività" in content
    assert f'href="/admin/pages/add/opportunities/opportunitypage/{girasole.page.pk}/"' in content
    panel = content[content.index("Bozze da completare") : content.index("In attesa di revisione")]
    assert girasole.draft.title in panel and girasole.live.title not in panel
    expiring = content[content.index("In scadenza nei prossimi 30 giorni") :]
    assert ends_soon.title in expiring
    assert polisportiva.live.title not in content and polisportiva.draft.title not in content


def test_pages_submitted_for_review_are_listed_as_such(client, girasole):
    girasole.draft.get_workflow().start(girasole.draft, girasole.editor)
    client.force_login(girasole.editor)

    content = client.get("/admin/").content.decode()

    in_review = content[content.index("In attesa di revisione") : content.index("In scadenza")]
    assert girasole.draft.title in in_review


def test_the_dashboard_runs_as_many_queries_for_many_pages_as_for_few(client, girasole):
    client.force_login(girasole.editor)
    few = queries_to_render(client, "/admin/")
    for number in range(5):
        OpportunityPageFactory(parent=girasole.page, title=f"Laboratorio in più {number}").save_revision()

    assert queries_to_render(client, "/admin/") == few


def section(content, heading, next_heading):
    return content[content.index(heading) : content.index(next_heading)]


def test_pages_sent_back_show_changes_requested_with_the_reviewers_comment(client, staff, girasole):
    client.force_login(girasole.editor)
    submit(client, girasole.live, "Corso di pittura")
    client.force_login(staff[MODERATION])
    review(client, girasole.live, "reject", "Manca l'orario del sabato.\nAggiungi il costo.")
    client.force_login(girasole.editor)

    content = client.get("/admin/").content.decode()

    requested = section(content, "Modifiche richieste dal Comune", "Le mie pagine")
    assert "Corso di pittura" in requested  # the submitted title, which the editor recognises
    assert "Manca l&#x27;orario del sabato.<br>Aggiungi il costo." in requested
    assert f'href="/admin/pages/{girasole.live.pk}/edit/"' in requested
    own = section(content, "Le mie pagine", "Bozze da completare")
    assert "modifiche richieste" in own.lower()
    assert "Corso di pittura" not in section(content, "Bozze da completare", "In attesa di revisione")
    assert "Corso di pittura" not in section(content, "In attesa di revisione", "In scadenza")


def test_once_resubmitted_the_page_is_in_review_again_without_the_old_comment(client, staff, girasole):
    client.force_login(girasole.editor)
    submit(client, girasole.live, "Corso di pittura")
    client.force_login(staff[MODERATION])
    review(client, girasole.live, "reject", "Manca l'orario del sabato.")
    client.force_login(girasole.editor)
    submit(client, fresh(girasole.live), "Corso di pittura")

    content = client.get("/admin/").content.decode()

    assert "Modifiche richieste dal Comune" not in content
    assert "Corso di pittura" in section(content, "In attesa di revisione", "In scadenza")


def test_the_dashboard_with_changes_requested_runs_as_many_queries_for_many_pages(client, staff, girasole):
    def send_back(page):
        client.force_login(girasole.editor)
        submit(client, page, page.title)
        client.force_login(staff[MODERATION])
        review(client, page, "reject", f"Da correggere: {page.title}")

    send_back(girasole.live)
    client.force_login(girasole.editor)
    few = queries_to_render(client, "/admin/")
    for number in range(3):
        send_back(OpportunityPageFactory(parent=girasole.page, title=f"Laboratorio in più {number}"))
    client.force_login(girasole.editor)

    assert queries_to_render(client, "/admin/") == few
