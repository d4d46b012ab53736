"""Every unpublishing carries a reason: kept in the page's history and comments, emailed to the organization."""

import pytest

from django.contrib.messages import get_messages
from django.core import mail

from wagtail.models import Comment, PageLogEntry

from opportunities.models import OpportunityPage
from publishing.roles import EDITORIAL
from publishing.unpublish import REASON_ACTION

pytestmark = pytest.mark.django_db
REASON = "Il corso è stato annullato dal Comune."


def is_live(page):
    return OpportunityPage.objects.get(pk=page.pk).live


def test_wagtail_unpublish_confirmation_asks_for_the_reason(client, staff, girasole):
    client.force_login(staff[EDITORIAL])

    content = client.get(f"/admin/pages/{girasole.live.pk}/unpublish/").content.decode()

    assert 'name="unpublish_reason"' in content and "Motivo del ritiro" in content


def test_unpublishing_without_a_reason_is_refused_and_explained(client, staff, girasole):
    client.force_login(staff[EDITORIAL])

    response = client.post(f"/admin/pages/{girasole.live.pk}/unpublish/", {"unpublish_reason": "  "})

    assert response.status_code == 400
    assert "Scrivi perché la pagina viene ritirata." in response.content.decode()
    assert is_live(girasole.live)
    assert mail.outbox == []


def test_the_reason_is_logged_commented_and_emailed_to_the_organization(client, staff, girasole):
    client.force_login(staff[EDITORIAL])

    response = client.post(f"/admin/pages/{girasole.live.pk}/unpublish/", {"unpublish_reason": REASON})

    assert response.status_code == 302
    assert not is_live(girasole.live)
    entry = PageLogEntry.objects.get(page=girasole.live, action=REASON_ACTION)
    assert entry.data["reason"] == REASON and entry.user == staff[EDITORIAL]
    assert REASON in client.get(f"/admin/pages/{girasole.live.pk}/history/").content.decode()
    assert REASON in Comment.objects.get(page=girasole.live).text
    assert [message.to for message in mail.outbox] == [["girasole@associazione.example"]]
    assert REASON in mail.outbox[0].body and "Corso di girasole" in mail.outbox[0].subject


def test_an_association_withdraws_its_own_opportunity_with_a_reason(client, girasole):
    client.force_login(girasole.editor)
    editor = client.get(f"/admin/pages/{girasole.live.pk}/edit/").content.decode()
    assert f"/admin/pages/{girasole.live.pk}/ritira/" in editor
    confirmation = client.get(f"/admin/pages/{girasole.live.pk}/ritira/")
    assert confirmation.status_code == 200 and 'name="unpublish_reason"' in confirmation.content.decode()

    assert client.post(f"/admin/pages/{girasole.live.pk}/ritira/", {"unpublish_reason": ""}).status_code == 400
    assert is_live(girasole.live)
    response = client.post(f"/admin/pages/{girasole.live.pk}/ritira/", {"unpublish_reason": "Posti esauriti."})

    assert response.status_code == 302
    assert not is_live(girasole.live)
    assert PageLogEntry.objects.filter(page=girasole.live, action="wagtail.unpublish").exists()


def test_an_association_cannot_withdraw_another_organizations_page(client, girasole, polisportiva):
    client.force_login(polisportiva.editor)

    response = client.post(f"/admin/pages/{girasole.live.pk}/ritira/", {"unpublish_reason": "Non è nostra."})

    assert response.status_code in (302, 403)
    assert is_live(girasole.live)


def test_an_association_cannot_withdraw_its_organization_page(client, girasole):
    client.force_login(girasole.editor)

    response = client.post(f"/admin/pages/{girasole.page.pk}/ritira/", {"unpublish_reason": "Chiudiamo."})

    assert response.status_code in (302, 403)
    assert girasole.page.__class__.objects.get(pk=girasole.page.pk).live


def test_bulk_unpublishing_is_refused(client, staff, girasole):
    client.force_login(staff[EDITORIAL])
    url = "/admin/bulk/wagtailcore/page/unpublish/"

    response = client.post(f"{url}?id={girasole.live.pk}&next=/admin/pages/{girasole.page.pk}/", {})

    assert response.status_code == 302
    assert "Ritira le pagine una alla volta" in str(list(get_messages(response.wsgi_request)))
    assert is_live(girasole.live)
