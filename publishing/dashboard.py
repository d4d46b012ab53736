"""The association editor's dashboard: changes the Comune asked for, its pages, drafts, pages under review and
what expires soon."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from opportunities.freshness import expiring_opportunities

LIST_LENGTH = 10


def organization_pages(organization):
    """The organization's page and its opportunities, most recently edited first.

    Each is marked `in_review` (submitted, waiting for the Comune) or `changes_requested` (sent back: Wagtail
    keeps the workflow in "needs changes" until the page is submitted again), with the reviewer's
    `review_comment` and `reviewed_at` from the rejected task.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_id = Cast(OuterRef("pk"), output_field=CharField())
    workflow_states = WorkflowState.objects.filter(base_content_type=page_type, object_id=page_id)
    rejected = TaskState.objects.filter(
        workflow_state__base_content_type=page_type,
        workflow_state__object_id=page_id,
        workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
        status=TaskState.STATUS_REJECTED,
    ).order_by("-finished_at", "-pk")
    return (
        Page.objects.descendant_of(organization, inclusive=True)
        .annotate(
            in_review=Exists(workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS)),
            changes_requested=Exists(workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)),
            review_comment=Subquery(rejected.values("comment")[:1]),
            reviewed_at=Subquery(rejected.values("finished_at")[:1]),
        )
        .order_by("-latest_revision_created_at", "title")
    )


class OrganizationPanel(Component):
    name = "organization"
    template_name = "publishing/dashboard/organization_panel.html"
    order = 50

    def __init__(self, organization):
        self.organization = organization
        self.name = f"organization-{organization.pk}"

    def get_context_data(self, parent_context):
        pages = list(organization_pages(self.organization))
        today = timezone.localdate()
        expiring = (
            expiring_opportunities(today=today)
            .filter(organization=self.organization)
            .order_by("registration_deadline", "title")
        )
        return {
            "organization": self.organization,
            "pages": pages[:LIST_LENGTH],
            "page_count": len(pages),
            "changes_requested": [page for page in pages if page.changes_requested],
            "drafts": [
                page
                for page in pages
                if (not page.live or page.has_unpublished_changes) and not (page.in_review or page.changes_requested)
            ],
            "in_review": [page for page in pages if page.in_review],
            "expiring": list(expiring[:LIST_LENGTH]),
            "add_url": reverse(
                "wagtailadmin_pages:add", args=("opportunities", "opportunitypage", self.organization.pk)
            ),
            "explore_url": reverse("wagtailadmin_explore", args=(self.organization.pk,)),
        }
