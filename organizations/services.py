"""Operations on organizations that onboarding, the import, the admin and the demo share."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from organizations.models import OrganizationPage
from publishing.roles import ROLE_NAMES

# What an association's own editors may do on its page and the pages below it. "publish" only for
# organizations the Comune trusts; the others go through the "Revisione comunale" workflow.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
TRUSTED_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ("publish_page",)
# Their own image and document collection only, so that associations never see each other's files.
# Wagtail checks image permissions against wagtailimages.Image even with a custom image model.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
# Admin access, and adding places for their activities (places are public anyway); changing or deleting
# places stays with the municipal editors, since a place is shared by every organization that uses it.
MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("organizations", "add_place"),
    ("organizations", "view_place"),
)
ORGANIZATIONS_COLLECTION = "Organizzazioni"
GROUP_NAME_MAX_LENGTH = Group._meta.get_field("name").max_length


@transaction.atomic
def organization_editors_group_ensure(*, organization):
    """Return the group of the organization's editors, creating it or bringing it back to what it should hold.

    The group is linked through `organization.editors_group` (a renamed organization keeps its group, whose
    name follows the title), holds add/change on the organization's page (and publish when the organization
    is trusted), its own image and document collection, and nothing else. Calling it again is harmless.
    """
    group = _find_group(organization)
    if group is None:
        group = Group.objects.create(name=_free_group_name(organization, None))
    elif group.name != organization.title[:GROUP_NAME_MAX_LENGTH]:
        group.name = _free_group_name(organization, group)
        group.save(update_fields=["name"])
    if organization.editors_group_id != group.pk:
        # A queryset update: linking a group is not an edit of the page and must not create a revision.
        OrganizationPage.objects.filter(pk=organization.pk).update(editors_group=group)
        organization.editors_group = group
    group.permissions.set(_permissions(MODEL_PERMISSIONS))
    _sync_page_permissions(group, organization)
    _sync_collection_permissions(group, organization)
    return group


def organization_editors_group_sync(*, organization):
    """Keep an existing editors' group in step with its organization (trust, title); create none."""
    if organization.editors_group_id or _groups_with_permissions_on(organization).exists():
        organization_editors_group_ensure(organization=organization)


def organization_collection(group):
    """The image and document collection of an association's group, or None."""
    grant = GroupCollectionPermission.objects.filter(group=group).select_related("collection").first()
    return grant.collection if grant else None


def _find_group(organization):
    """The linked group; else one holding permissions on the page (a link lost by restoring an old revision);
    else an unlinked group named after the organization (left behind when the page was deleted and rebuilt)."""
    if organization.editors_group_id:
        return Group.objects.filter(pk=organization.editors_group_id).first()
    return (
        _groups_with_permissions_on(organization).first()
        or Group.objects.filter(name=organization.title[:GROUP_NAME_MAX_LENGTH], organization__isnull=True)
        .exclude(name__in=ROLE_NAMES)
        .exclude(page_permissions__isnull=False)
        .first()
    )


def _groups_with_permissions_on(organization):
    return Group.objects.filter(page_permissions__page=organization).order_by("pk").distinct()


def _free_group_name(organization, group):
    name = organization.title[:GROUP_NAME_MAX_LENGTH]
    taken = Group.objects.filter(name=name)
    if group is not None:
        taken = taken.exclude(pk=group.pk)
    if taken.exists():
        suffix = f" ({organization.pk})"
        name = organization.title[: GROUP_NAME_MAX_LENGTH - len(suffix)] + suffix
    return name


def _sync_page_permissions(group, organization):
    codenames = TRUSTED_PAGE_PERMISSIONS if organization.is_trusted else EDITOR_PAGE_PERMISSIONS
    wanted = _permissions([("wagtailcore", codename) for codename in codenames])
    GroupPagePermission.objects.filter(group=group).exclude(page=organization, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=organization, permission=permission)


def _sync_collection_permissions(group, organization):
    collection = organization_collection(group) or _new_collection(organization)
    if collection.name != organization.title:
        collection.name = organization.title
        collection.save(update_fields=["name"])
    wanted = _permissions(COLLECTION_PERMISSIONS)
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection, permission__in=wanted).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _new_collection(organization):
    # The root collection comes from Wagtail's migrations; a test database flushed between tests may lack it.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    parent = root.get_children().filter(name=ORGANIZATIONS_COLLECTION).first()
    if parent is None:
        parent = root.add_child(name=ORGANIZATIONS_COLLECTION)
    return parent.add_child(name=organization.title)


def _permissions(pairs):
    query = Q()
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query).order_by("pk"))
