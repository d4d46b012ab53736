"""The association editor's dashboard: its pages, drafts, pages under review and what expires soon."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from opportunities.freshness import expiring_opportunities

LIST_LENGTH = 10


def organization_pages(organization):
    """The organization's page and its opportunities, most recently edited first, each marked `in_review`."""
    in_review = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return (
        Page.objects.descendant_of(organization, inclusive=True)
        .annotate(in_review=Exists(in_review))
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
            "drafts": [
                page for page in pages if (not page.live or page.has_unpublished_changes) and not page.in_review
            ],
            "in_review": [page for page in pages if page.in_review],
            "expiring": list(expiring[:LIST_LENGTH]),
            "add_url": reverse(
                "wagtailadmin_pages:add", args=("opportunities", "opportunitypage", self.organization.pk)
            ),
            "explore_url": reverse("wagtailadmin_explore", args=(self.organization.pk,)),
        }
