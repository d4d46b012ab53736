"""Onboarding: an association's registration request, the Comune's decision on it, and invitations of colleagues."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale

from organizations import emails
from organizations.models import (
    OrganizationIndexPage,
    OrganizationPage,
    OrganizationRegistration,
    RegistrationStatus,
)
from organizations.services import organization_editors_group_ensure

# Recorded in the organization page's history (registered in organizations/onboarding_hooks.py).
MEMBER_INVITE_ACTION = "organizations.member_invite"
MEMBER_REMOVE_ACTION = "organizations.member_remove"
USERNAME_MAX_LENGTH = get_user_model()._meta.get_field("username").max_length


class OnboardingError(Exception):
    """An operation refused for a reason the person acting must read (already decided, name taken...)."""


@dataclass(frozen=True)
class Outcome:
    """What an operation did, and whether its email went out (the mail server may be down)."""

    registration: OrganizationRegistration | None = None
    user: object = None
    email_sent: bool = True


def registration_submit(*, cleaned_data):
    """Store a pending request from the public form's cleaned data, acknowledge it and tell the municipal editors."""
    fields = {name: value for name, value in cleaned_data.items() if name not in ("districts", "categories")}
    with transaction.atomic():
        registration = OrganizationRegistration.objects.create(privacy_accepted_at=timezone.now(), **fields)
        registration.districts.set(cleaned_data.get("districts", []))
        registration.categories.set(cleaned_data.get("categories", []))
    received = emails.registration_received_send(registration=registration)
    emails.registration_editors_notify(registration=registration)
    return Outcome(registration=registration, email_sent=received)


def registration_duplicates(*, registration):
    """Plain-language warnings for the editor: the same name or RUNTS number already known, the email already a user."""
    warnings = []
    same = Q(title__iexact=registration.name)
    if registration.runts_number:
        same |= Q(runts_number=registration.runts_number)
    for organization in OrganizationPage.objects.filter(same).order_by("title"):
        warnings.append(
            _("Esiste già l'organizzazione «%(name)s» con lo stesso nome o numero RUNTS.")
            % {"name": organization.title}
        )
    other_requests = OrganizationRegistration.objects.filter(status=RegistrationStatus.PENDING).exclude(
        pk=registration.pk
    )
    same_request = Q(name__iexact=registration.name)
    if registration.runts_number:
        same_request |= Q(runts_number=registration.runts_number)
    for other in other_requests.filter(same_request).order_by("submitted_at"):
        warnings.append(
            _("Un'altra richiesta in attesa, del %(date)s, ha lo stesso nome o numero RUNTS: «%(name)s».")
            % {"date": timezone.localtime(other.submitted_at).strftime("%d/%m/%Y"), "name": other.name}
        )
    if get_user_model().objects.filter(email__iexact=registration.contact_email).exists():
        warnings.append(
            _("Esiste già un account con l'email %(email)s: approvando, sarà aggiunto al gruppo dell'organizzazione.")
            % {"email": registration.contact_email}
        )
    return warnings


def registration_approve(*, registration, user, title):
    """Create the organization's published page, its editors' group and the first user; email the set-password link.

    The page is published at once: the editor has just reviewed the very
    content that goes on it, and the association's later changes go through
    moderation. Everything is one transaction, so a refusal leaves nothing half made.
    """
    title = title.strip()
    with transaction.atomic():
        registration = _lock_pending(registration)
        if (
            OrganizationPage.objects.filter(title__iexact=title).exists()
            or Group.objects.filter(name__iexact=title).exists()
        ):
            raise OnboardingError(
                _("Esiste già un'organizzazione o un gruppo chiamato «%(title)s»: scegli un nome diverso.")
                % {"title": title}
            )
        organization = _organization_page_create(registration=registration, user=user, title=title)
        first_name, _space, last_name = registration.contact_name.strip().partition(" ")
        member = _member_add(
            group=organization.editors_group,
            email=registration.contact_email,
            first_name=first_name,
            last_name=last_name,
        )
        registration.status = RegistrationStatus.APPROVED
        registration.organization = organization
        _record_decision(registration, user)
    sent = emails.registration_approved_send(registration=registration, user=member)
    return Outcome(registration=registration, user=member, email_sent=sent)


def registration_reject(*, registration, user, reason):
    """Refuse a pending request and email the reason to the person who sent it."""
    with transaction.atomic():
        registration = _lock_pending(registration)
        registration.status = RegistrationStatus.REJECTED
        registration.rejection_reason = reason.strip()
        _record_decision(registration, user)
    sent = emails.registration_rejected_send(registration=registration)
    return Outcome(registration=registration, email_sent=sent)


def organization_member_invite(*, organization, email, first_name, last_name, invited_by):
    """Create an account for a colleague in the organization's own editors' group (and no other); email the link.

    Only a new account can be invited. An email that already has an account (another association's editor,
    someone at the Comune, a volunteer of two associations) is refused: an invitation would otherwise hand
    that account this organization's pages without its owner's consent. The Comune adds existing accounts.
    """
    group = organization.editors_group
    if group is None or not invited_by.groups.filter(pk=group.pk).exists():
        raise OnboardingError(_("Puoi invitare persone solo nel gruppo della tua organizzazione."))
    User = get_user_model()
    email = User.objects.normalize_email(email)
    if group.user_set.filter(email__iexact=email).exists():
        raise OnboardingError(_("%(email)s fa già parte del gruppo.") % {"email": email})
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            raise OnboardingError(
                _(
                    "Esiste già un account con l'email %(email)s: per sicurezza non può essere aggiunto da qui. "
                    "Chiedi al Comune di aggiungerlo alla tua organizzazione."
                )
                % {"email": email}
            )
        member = _member_add(group=group, email=email, first_name=first_name, last_name=last_name)
        log(
            instance=organization,
            action=MEMBER_INVITE_ACTION,
            user=invited_by,
            data={"name": member.get_full_name() or member.get_username(), "email": member.email},
        )
    sent = emails.invitation_send(user=member, organization=organization, invited_by=invited_by)
    return Outcome(user=member, email_sent=sent)


def organization_member_remove(*, organization, member, removed_by):
    """Take a colleague out of the organization's editors' group, and out of no other; the account stays.

    Only a member of the group may do it, and not on themselves: so the group never loses its last member
    by mistake, and nobody locks themselves out. The person is told by email.
    """
    group = organization.editors_group
    if group is None or not removed_by.groups.filter(pk=group.pk).exists():
        raise OnboardingError(_("Puoi togliere persone solo dal gruppo della tua organizzazione."))
    if member.pk == removed_by.pk:
        raise OnboardingError(_("Non puoi toglierti da solo: chiedi a una collega o a un collega, oppure al Comune."))
    with transaction.atomic():
        if not group.user_set.filter(pk=member.pk).exists():
            raise OnboardingError(_("Questa persona non fa parte del gruppo della tua organizzazione."))
        member.groups.remove(group)
        log(
            instance=organization,
            action=MEMBER_REMOVE_ACTION,
            user=removed_by,
            data={"name": member.get_full_name() or member.get_username(), "email": member.email},
        )
    sent = emails.member_removed_send(user=member, organization=organization, removed_by=removed_by)
    return Outcome(user=member, email_sent=sent)


def organization_members(*, organization):
    if organization.editors_group_id is None:
        return get_user_model().objects.none()
    return organization.editors_group.user_set.order_by("first_name", "last_name", "email")


def _lock_pending(registration):
    """Re-read the request under a row lock: of two editors deciding at once, the second is refused."""
    locked = OrganizationRegistration.objects.select_for_update().get(pk=registration.pk)
    if not locked.is_pending:
        raise OnboardingError(
            _("Questa richiesta è già stata decisa (%(status)s): non può essere decisa di nuovo.")
            % {"status": locked.get_status_display().lower()}
        )
    return locked


def _record_decision(registration, user):
    registration.decided_by = user
    registration.decided_at = timezone.now()
    registration.save()


def _directory():
    directory = OrganizationIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if directory is None:
        raise OnboardingError(
            _("Manca l'elenco delle organizzazioni in cui creare la pagina: crealo prima di approvare.")
        )
    return directory


def _organization_page_create(*, registration, user, title):
    directory = _directory()
    page = OrganizationPage(
        title=title,
        slug=find_available_slug(directory, slugify(title)[:200] or "organizzazione"),
        locale=directory.locale,
        live=False,
        owner=user,
        legal_form=registration.legal_form,
        runts_number=registration.runts_number,
        summary=registration.summary,
        email=registration.email,
        phone=registration.phone,
        website=registration.website,
        address=registration.address,
    )
    page.districts = list(registration.districts.all())
    page.categories = list(registration.categories.all())
    directory.add_child(instance=page)
    # The group needs the saved page for its page permissions; it is recorded before the first revision,
    # so that publishing any later revision keeps it.
    page.editors_group = organization_editors_group_ensure(organization=page)
    # Approving is the authority here (organizations.qualify_organization), whatever page permissions the editor has.
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return OrganizationPage.objects.get(pk=page.pk)


def _member_add(*, group, email, first_name, last_name):
    """Put the person with this email in `group`, creating an account without a password if there is none."""
    User = get_user_model()
    email = User.objects.normalize_email(email)
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        user = User(
            username=_available_username(email), email=email, first_name=first_name[:150], last_name=last_name[:150]
        )
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    return user


def _available_username(email):
    User = get_user_model()
    base = email.lower()[:USERNAME_MAX_LENGTH]
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        suffix = f"-{number}"
        username = base[: USERNAME_MAX_LENGTH - len(suffix)] + suffix
    return username
