"""Receivers that keep groups in step with the content and fill the gaps in Wagtail's review notifications."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import connections
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.models import Comment, Page
from wagtail.signals import workflow_approved, workflow_rejected

from organizations.models import OrganizationPage
from organizations.services import organization_editors_group_sync
from publishing.notifications import notify_organization_editors
from publishing.roles import roles_ensure


def sync_roles_after_migrate(sender, apps, using, **kwargs):
    # A partial `migrate` may stop before the tables the roles need exist.
    if not {"auth_group", "wagtailcore_grouppagepermission"} <= set(connections[using].introspection.table_names()):
        return
    # Permissions of apps listed after this one are created later in the same signal: create them first.
    for app_config in sender.apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    roles_ensure()


@receiver(post_save, sender=OrganizationPage)
def follow_organization(sender, instance, raw=False, **kwargs):
    """Trust given or taken away, a new title, or a link lost by publishing an old revision: the group follows."""
    if not raw:
        organization_editors_group_sync(organization=instance)


@receiver(workflow_rejected)
def changes_requested(sender, instance, user, **kwargs):
    """Show the reviewer's comment in the editor, beside the title, and tell the organization's other editors."""
    page = instance.content_object
    if not isinstance(page, Page):
        return
    comment = instance.current_task_state.specific.get_comment()
    if comment and user is not None:
        with override(settings.LANGUAGE_CODE):
            text = _("Modifiche richieste dalla revisione comunale: %(comment)s") % {"comment": comment}
        Comment.objects.create(
            page=page, user=user, text=text, contentpath="title", position="", revision_created=page.latest_revision
        )
    _tell_other_editors(instance, user, approved=False, comment=comment)


@receiver(workflow_approved)
def approved(sender, instance, user, **kwargs):
    if isinstance(instance.content_object, Page):
        _tell_other_editors(instance, user, approved=True, comment="")


def _tell_other_editors(workflow_state, user, *, approved, comment):
    # Wagtail already emails the person who submitted the page.
    notify_organization_editors(
        page=workflow_state.content_object.specific,
        template="publishing/emails/review_outcome",
        context={"approved": approved, "comment": comment, "by": user},
        exclude=[workflow_state.requested_by, user],
    )
