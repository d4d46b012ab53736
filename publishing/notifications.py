"""Emails to an organization's editors about their pages, beyond the ones Wagtail sends.

Wagtail tells the person who submitted a page when it is approved or sent back;
the organization's other editors hear about it from here, and everyone hears
about a withdrawal.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from wagtail.admin.mail import send_mail

from organizations.models import OrganizationPage


def organization_of(page):
    page = page.specific
    if isinstance(page, OrganizationPage):
        return page
    return getattr(page, "organization", None)


def organization_editors(organization, *, exclude=()):
    if organization is None or organization.editors_group_id is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(groups=organization.editors_group_id, is_active=True)
        .exclude(email="")
        .exclude(pk__in=[user.pk for user in exclude if user is not None])
        .select_related("wagtail_userprofile")
    )


def notify_organization_editors(*, page, template, context, exclude=()):
    """Send `<template>_subject.txt` / `<template>.txt` to each editor of the page's organization, in their language.

    Returns how many emails were sent.
    """
    recipients = list(organization_editors(organization_of(page), exclude=exclude))
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
    for recipient in recipients:
        profile = getattr(recipient, "wagtail_userprofile", None)
        language = (profile and profile.preferred_language) or settings.LANGUAGE_CODE
        with override(language):
            full_context = {"page": page, "recipient": recipient, "edit_url": edit_url, **context}
            subject = render_to_string(f"{template}_subject.txt", full_context).strip()
            body = render_to_string(f"{template}.txt", full_context).strip()
        send_mail(subject, body, [recipient.email])
    return len(recipients)
