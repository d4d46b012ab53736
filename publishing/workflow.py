"""The Comune's review of what associations write: a Wagtail workflow with one group-approval task."""

from django.apps import apps as global_apps

from publishing.roles import EDITORIAL, MODERATION

WORKFLOW_NAME = "Revisione comunale"
# Wagtail's migrations create this workflow on the root page; it becomes the Comune's review.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def moderation_workflow_ensure(*, apps=global_apps):
    """Create or repair "Revisione comunale" and assign it to every organizations' directory page.

    Reviewers are the Moderazione and Redazione comunale groups. Pages below the
    directory (organizations and their opportunities) then go through it whenever
    their author may not publish. Returns the workflow.
    """
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    OrganizationIndexPage = apps.get_model("organizations", "OrganizationIndexPage")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, active=True, content_type=content_type)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set(Group.objects.filter(name__in=(MODERATION, EDITORIAL)))
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for directory in OrganizationIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=directory.pk, defaults={"workflow": workflow})
    return workflow


def adopt_wagtail_default_workflow(*, apps=global_apps):
    """Rename Wagtail's default workflow and its task to "Revisione comunale", once, from the data migration.

    It stays on the root page, so any page whose author may not publish is reviewed by the Comune.
    """
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if default is None:
        return
    default.name = WORKFLOW_NAME
    default.save(update_fields=["name"])
    if not Task.objects.filter(name=WORKFLOW_NAME).exists():
        Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, workflow_tasks__workflow=default).update(name=WORKFLOW_NAME)
