"""The onboarding's emails: plain text, Italian, rendered from organizations/templates/organizations/emails/."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

logger = logging.getLogger(__name__)
TEMPLATES = "organizations/emails/"
QUALIFY_PERMISSION = "organizations.qualify_organization"


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def password_set_url(user):
    """A one-time link to Wagtail's "set a new password" view, made by Django's password-reset token generator.

    Django's password-reset form skips accounts without a usable password, so
    new accounts get the token directly; the link stops working once used, once
    the user logs in, or after PASSWORD_RESET_TIMEOUT.
    """
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("wagtailadmin_password_reset_confirm", kwargs={"uidb64": uidb64, "token": token}))


def link_validity_days():
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


def password_context(user):
    """Accounts without a password yet get the link to set one; the others just log in."""
    if user.has_usable_password():
        return {"password_url": None}
    return {"password_url": password_set_url(user), "validity_days": link_validity_days()}


def send(name, recipients, context):
    """Render <name>_subject.txt and <name>.txt and send them; a mail server failure is logged and reported as False.

    The callers' database work is already committed when they send, so a
    failing mail server never undoes a decision: the editor is told instead.
    """
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "admin_url": absolute_url(reverse("wagtailadmin_home")),
        **context,
    }
    subject = " ".join(render_to_string(f"{TEMPLATES}{name}_subject.txt", context).split())
    body = render_to_string(f"{TEMPLATES}{name}.txt", context)
    try:
        send_mail(subject, body, None, list(recipients))
    except Exception:  # Any transport error (SMTP, DNS, TLS): the caller tells the person who acted.
        logger.exception("Email %r to %s not sent", name, recipients)
        return False
    return True


def registration_received_send(*, registration):
    return send("registration_received", [registration.contact_email], {"registration": registration})


def registration_editors_notify(*, registration):
    """Tell the municipal editors (whoever may qualify organizations) that a request is waiting."""
    editors = get_user_model().objects.with_perm(QUALIFY_PERMISSION).exclude(email="")
    recipients = sorted(set(editors.values_list("email", flat=True)))
    if not recipients:
        logger.warning(
            "No active user with %s and an email address: registration %s unnoticed",
            QUALIFY_PERMISSION,
            registration.pk,
        )
        return False
    review_url = absolute_url(reverse("organization_registrations:inspect", args=[registration.pk]))
    return send("registration_to_review", recipients, {"registration": registration, "review_url": review_url})


def registration_approved_send(*, registration, user):
    context = {
        "registration": registration,
        "organization": registration.organization,
        "user": user,
        **password_context(user),
        "page_url": registration.organization.full_url,
    }
    return send("registration_approved", [registration.contact_email], context)


def registration_rejected_send(*, registration):
    return send("registration_rejected", [registration.contact_email], {"registration": registration})


def invitation_send(*, user, organization, invited_by):
    context = {
        "user": user,
        "organization": organization,
        "invited_by": invited_by,
        **password_context(user),
    }
    return send("invitation", [user.email], context)


def member_removed_send(*, user, organization, removed_by):
    context = {"user": user, "organization": organization, "removed_by": removed_by}
    return send("member_removed", [user.email], context)
