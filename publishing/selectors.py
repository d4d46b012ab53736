"""Who is who in the admin: the Comune's staff and the associations' editors."""

from organizations.models import OrganizationPage
from publishing.roles import ROLE_NAMES


def organizations_edited_by(user):
    """The organizations whose editors' group the user belongs to."""
    if not user.is_authenticated:
        return OrganizationPage.objects.none()
    return OrganizationPage.objects.filter(editors_group__user=user)


def is_association_editor(user):
    """Edits one or more organizations and holds no municipal role: the admin is trimmed to what it may use.

    Memoized on the user object, which lives for one request.
    """
    if not hasattr(user, "_publishing_is_association_editor"):
        user._publishing_is_association_editor = (
            user.is_authenticated
            and not user.is_superuser
            and not user.groups.filter(name__in=ROLE_NAMES).exists()
            and organizations_edited_by(user).exists()
        )
    return user._publishing_is_association_editor
