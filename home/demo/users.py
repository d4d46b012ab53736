"""Demo accounts for every role, with passwords that are the same on every run."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.demo.orgs import CURATED, EDITOR_ORGANIZATIONS
from home.demo.town import COMUNE_DOMAIN, DOMAIN
from organizations.services import organization_editors_group_ensure
from publishing.roles import ADMINISTRATION, EDITORIAL, MODERATION, roles_ensure
from publishing.workflow import moderation_workflow_ensure


@dataclass(frozen=True)
class Credential:
    username: str
    password: str
    role: str
    note: str = ""


def demo_password(username):
    return f"demo-{username}-2026"


ADMIN_ROLE = "municipal administrator (superuser)"
MUNICIPAL_EDITOR_ROLE = "municipal editor"
MODERATOR_ROLE = "moderator"


def ensure_users(editor_organizations):
    """Create or update the demo accounts in the real roles; `editor_organizations` maps a short name to an
    OrganizationPage, whose editors' group the account joins."""
    roles_ensure()
    moderation_workflow_ensure()
    credentials = [
        _ensure_user("admin", ADMIN_ROLE, superuser=True, groups=[ADMINISTRATION]),
        _ensure_user("redazione", MUNICIPAL_EDITOR_ROLE, groups=[EDITORIAL]),
        _ensure_user("moderatore", MODERATOR_ROLE, groups=[MODERATION]),
    ]
    for short, organization in editor_organizations.items():
        group = organization_editors_group_ensure(organization=organization)
        credentials.append(_ensure_user(editor_username(short), editor_role(organization.title), groups=[group.name]))
    return credentials


def expected_credentials():
    """The demo accounts as seeding creates them, for printing without touching the database."""
    accounts = [("admin", ADMIN_ROLE), ("redazione", MUNICIPAL_EDITOR_ROLE), ("moderatore", MODERATOR_ROLE)]
    accounts += [
        (editor_username(spec.short), editor_role(spec.name)) for spec in CURATED if spec.short in EDITOR_ORGANIZATIONS
    ]
    return [Credential(username, demo_password(username), role) for username, role in accounts]


def editor_username(short):
    return f"editor-{short}"


def editor_role(organization_name):
    return f"editor of {organization_name}"


def _ensure_user(username, role, *, superuser=False, groups=()):
    """Create the account, or bring a demo account back to its demo state.

    An account with this user name that the demo did not create (its e-mail is
    not on the demo domain) keeps its password.
    """
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@{COMUNE_DOMAIN}", "first_name": username.capitalize()}
    )
    if not (created or user.email.endswith(DOMAIN)):
        return Credential(username, "(unchanged)", role, "existing account, not created by the demo: left alone")
    user.set_password(demo_password(username))
    user.is_active = True
    user.is_staff = user.is_superuser = superuser
    user.save()
    user.groups.set(Group.objects.filter(name__in=groups))
    return Credential(username, demo_password(username), role)
