"""Submit, request changes with a comment, resubmit, approve: through the admin, with the emails it sends."""

import pytest

from django.core import mail

from wagtail.models import Comment, WorkflowState

from opportunities.models import OpportunityPage
from publishing.roles import EDITORIAL, MODERATION
from tests.factories import UserFactory
from tests.test_admin_editing import opportunity_form

pytestmark = pytest.mark.django_db


def fresh(page):
    return OpportunityPage.objects.get(pk=page.pk)


def submit(client, page, title):
    return client.post(f"/admin/pages/{page.pk}/edit/", opportunity_form(page, title=title, **{"action-submit": "1"}))


def review(client, page, action, comment=""):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.current_task_state.pk}/"
    return client.post(url, {"comment": comment})


def recipients(subject_part=""):
    return {address for message in mail.outbox if subject_part in message.subject for address in message.to}


@pytest.fixture
def colleague(girasole):
    """A second editor of the same association, who did not submit."""
    user = UserFactory(username="collega", email="collega@associazione.example")
    user.groups.add(girasole.page.editors_group)
    return user


def test_an_association_submits_and_the_reviewers_are_told(client, staff, girasole, superuser_exists):
    client.force_login(girasole.editor)

    response = submit(client, girasole.live, "Corso di pittura")

    assert response.status_code == 302
    page = fresh(girasole.live)
    assert page.title == "Corso di girasole"  # the live page waits for the review
    assert page.workflow_in_progress and page.current_workflow_task.name == "Revisione comunale"
    assert recipients() == {"moderatore@comune.example", "redazione@comune.example"}  # no superuser, no submitter


@pytest.fixture
def superuser_exists(db):
    return UserFactory(username="root", email="root@comune.example", is_superuser=True)


def test_changes_requested_reach_the_editors_by_email_and_in_the_editor(client, staff, girasole, colleague):
    client.force_login(girasole.editor)
    submit(client, girasole.live, "Corso di pittura")
    mail.outbox.clear()

    client.force_login(staff[MODERATION])
    assert "Corso di pittura" in client.get("/admin/").content.decode()  # on the moderator's dashboard
    assert client.get(f"/admin/pages/{girasole.live.pk}/edit/").status_code == 200
    response = review(client, girasole.live, "reject", "Manca l'orario del sabato.")

    assert response.status_code == 302
    assert recipients() == {"girasole@associazione.example", "collega@associazione.example"}
    assert all("Manca l'orario del sabato." in message.body for message in mail.outbox)
    comment = Comment.objects.get(page=girasole.live)
    assert "Manca l'orario del sabato." in comment.text and comment.user == staff[MODERATION]
    client.force_login(girasole.editor)
    editor = client.get(f"/admin/pages/{girasole.live.pk}/edit/").content.decode()
    assert "Manca l&#x27;orario del sabato." in editor or "Manca l'orario del sabato." in editor


def test_resubmitted_and_approved_the_page_goes_live(client, staff, girasole):
    client.force_login(girasole.editor)
    submit(client, girasole.live, "Corso di pittura")
    client.force_login(staff[EDITORIAL])
    review(client, girasole.live, "reject", "Titolo da precisare.")

    client.force_login(girasole.editor)
    assert submit(client, fresh(girasole.live), "Corso di pittura per ragazzi").status_code == 302
    mail.outbox.clear()
    client.force_login(staff[MODERATION])
    assert review(client, girasole.live, "approve", "Perfetto.").status_code == 302

    page = fresh(girasole.live)
    assert page.live and page.title == "Corso di pittura per ragazzi" and not page.workflow_in_progress
    assert "girasole@associazione.example" in recipients()
    assert "Corso di pittura per ragazzi" in client.get(page.url).content.decode()


def test_an_untrusted_association_cannot_publish_by_itself(client, girasole):
    client.force_login(girasole.editor)

    client.post(
        f"/admin/pages/{girasole.live.pk}/edit/",
        opportunity_form(girasole.live, title="Pubblicato da solo", **{"action-publish": "1"}),
    )

    assert fresh(girasole.live).title == "Corso di girasole"


def test_a_trusted_association_publishes_directly_without_review(client, staff, girasole):
    girasole.page.is_trusted = True
    girasole.page.save()
    client.force_login(girasole.editor)

    response = client.post(
        f"/admin/pages/{girasole.live.pk}/edit/",
        opportunity_form(girasole.live, title="Corso pubblicato subito", **{"action-publish": "1"}),
    )

    assert response.status_code == 302
    page = fresh(girasole.live)
    assert page.title == "Corso pubblicato subito" and not page.workflow_in_progress
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert mail.outbox == []
