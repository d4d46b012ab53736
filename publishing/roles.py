"""The Comune's roles as Wagtail groups, defined here and nowhere else.

`roles_ensure()` brings each role group to exactly its definition: model
permissions, page permissions on the tree and collection permissions. The data
migration calls it with the migration's historical models, `migrate` calls it
again afterwards (so permissions of models added later reach the roles), and
tests and `seed_demo` call it with the real models. Extra rights for someone
belong in another group: changes made to these three groups in the admin are
undone at the next `migrate`.

Association groups (one per organization) are not roles: see
`organizations.services.organization_editors_group_ensure`.
"""

from django.apps import apps as global_apps
from django.db.models import Q

ADMINISTRATION = "Amministrazione comunale"
EDITORIAL = "Redazione comunale"
MODERATION = "Moderazione"
ROLE_NAMES = (ADMINISTRATION, EDITORIAL, MODERATION)

ALL_PAGE_PERMISSIONS = ("add_page", "bulk_delete_page", "change_page", "lock_page", "publish_page", "unlock_page")
ALL_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailcore", "add_collection"),
    ("wagtailcore", "change_collection"),
    ("wagtailcore", "delete_collection"),
)
# Wagtail grants these per page subtree or per collection, never as plain model permissions.
SCOPED_CONTENT_TYPES = Q(app_label="wagtailcore", model__in=("page", "collection")) | Q(
    app_label__in=("wagtailimages", "wagtaildocs"), model__in=("image", "document")
)
# Apps whose every model is content the municipal editors run: vocabularies, places, organizations and their
# registration requests, synonyms and short links, promotions, redirects, imports, translations.
# Absent apps are skipped, so the list may name apps other issues add.
EDITORIAL_APPS = (
    "taxonomy",
    "organizations",
    "opportunities",
    "portal_search",
    "opendata",
    "wagtailsearchpromotions",
    "wagtailredirects",
    "simple_translation",
)
ACCESS_ADMIN = Q(content_type__app_label="wagtailadmin", codename="access_admin")


def roles_ensure(*, apps=global_apps):
    """Create the role groups or bring them back to their definition; return them by name."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    OrganizationIndexPage = apps.get_model("organizations", "OrganizationIndexPage")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    directories = list(OrganizationIndexPage.objects.all())
    everything = Permission.objects.exclude(content_type__in=_scoped_content_types(apps))
    definitions = {
        ADMINISTRATION: (everything, {root_page: ALL_PAGE_PERMISSIONS}, ALL_COLLECTION_PERMISSIONS),
        EDITORIAL: (
            everything.filter(ACCESS_ADMIN | Q(content_type__app_label__in=EDITORIAL_APPS)),
            {root_page: ALL_PAGE_PERMISSIONS},
            ALL_COLLECTION_PERMISSIONS,
        ),
        # Moderators cannot add or edit pages: Wagtail opens to them the pages submitted to their workflow task
        # (to read, comment, touch up, approve or send back). Approving publishes as the approver, which Wagtail
        # allows only to who may publish: hence "publish" on the organizations' part of the tree.
        MODERATION: (everything.filter(ACCESS_ADMIN), dict.fromkeys(directories, ("publish_page",)), ()),
    }
    groups = {}
    for name, (permissions, page_permissions, collection_permissions) in definitions.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
        _sync_page_permissions(apps, group, {page: codes for page, codes in page_permissions.items() if page})
        _sync_collection_permissions(apps, group, root_collection, collection_permissions)
        groups[name] = group
    return groups


def _scoped_content_types(apps):
    return apps.get_model("contenttypes", "ContentType").objects.filter(SCOPED_CONTENT_TYPES)


def _sync_page_permissions(apps, group, wanted):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    codenames = {codename for codes in wanted.values() for codename in codes}
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    }
    keep = set()
    for page, codes in wanted.items():
        for codename in codes:
            grant, _created = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permissions[codename]
            )
            keep.add(grant.pk)
    GroupPagePermission.objects.filter(group=group).exclude(pk__in=keep).delete()


def _sync_collection_permissions(apps, group, collection, wanted):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    keep = set()
    if collection is not None:
        for app_label, codename in wanted:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            grant, _created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
            keep.add(grant.pk)
    GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=keep).delete()


def adopt_wagtail_default_groups(*, apps=global_apps):
    """Turn Wagtail's default "Editors" and "Moderators" groups into the Comune's roles, keeping their members.

    Run once, by the data migration: "Moderators" becomes "Moderazione" (so Wagtail's default workflow task
    keeps its reviewers), "Editors" becomes "Redazione comunale"; `roles_ensure` then replaces their
    root-wide permissions with the roles' ones. When a role group already exists, the default group's
    members join it and the default group is removed.
    """
    Group = apps.get_model("auth", "Group")
    for default_name, role_name in (("Moderators", MODERATION), ("Editors", EDITORIAL)):
        default = Group.objects.filter(name=default_name).first()
        if default is None:
            continue
        role = Group.objects.filter(name=role_name).first()
        if role is None:
            default.name = role_name
            default.save(update_fields=["name"])
        else:
            role.user_set.add(*default.user_set.all())
            default.delete()
