"""Admin hooks of the onboarding, imported by organizations/wagtail_hooks.py.

The permission policy is registered at import time, before any view asks for
the model's (fallback) policy.
"""

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from organizations.admin_views import (
    MembersMenuItem,
    RegistrationPermissionPolicy,
    RegistrationViewSet,
    member_remove,
    members,
    members_index,
)
from organizations.models import OrganizationRegistration
from organizations.onboarding import MEMBER_INVITE_ACTION, MEMBER_REMOVE_ACTION

MEMBERS_MENU_ITEM = "organization-members"

register_permission_policy(OrganizationRegistration, RegistrationPermissionPolicy(OrganizationRegistration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet()


@hooks.register("register_admin_urls")
def register_members_urls():
    return [
        path("organizzazione/persone/", members_index, name="organization_members_index"),
        path("organizzazione/<int:organization_id>/persone/", members, name="organization_members"),
        path(
            "organizzazione/<int:organization_id>/persone/<int:user_id>/rimuovi/",
            member_remove,
            name="organization_member_remove",
        ),
    ]


def members_menu_item():
    return MembersMenuItem(
        _("Persone dell'organizzazione"),
        reverse("organization_members_index"),
        name=MEMBERS_MENU_ITEM,
        icon_name="group",
        order=260,
    )


hooks.register("register_admin_menu_item", members_menu_item)


@hooks.register("construct_main_menu", order=100)
def keep_members_menu_item(request, menu_items):
    """Menus trimmed for association editors (publishing's hooks, which run earlier) keep this item: it is theirs."""
    if not any(item.name == MEMBERS_MENU_ITEM for item in menu_items):
        item = members_menu_item()
        if item.is_shown(request):
            menu_items.append(item)


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    """Invitations and removals are recorded in the organization page's history: who, whom and when."""

    @actions.register_action(MEMBER_INVITE_ACTION)
    class MemberInviteFormatter(LogFormatter):
        label = _("Persona invitata")

        def format_message(self, log_entry):
            return gettext("Invitata tra le persone dell'organizzazione: %(name)s (%(email)s)") % _member(log_entry)

    @actions.register_action(MEMBER_REMOVE_ACTION)
    class MemberRemoveFormatter(LogFormatter):
        label = _("Persona tolta")

        def format_message(self, log_entry):
            return gettext("Tolta dalle persone dell'organizzazione: %(name)s (%(email)s)") % _member(log_entry)


def _member(log_entry):
    return {"name": log_entry.data.get("name", ""), "email": log_entry.data.get("email", "")}
