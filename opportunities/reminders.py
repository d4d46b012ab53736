"""Verification reminders: who is asked to confirm which opportunities, and the signed "ancora valida" links.

A link carries only the opportunity's id, signed with a timestamp: it lets whoever
holds it confirm that one opportunity is still valid, nothing else, and it expires
(setting FRESHNESS_LINK_MAX_AGE_DAYS, 30 days by default).
"""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from opportunities.freshness import DEFAULT_REMINDER_INTERVAL_DAYS, due_for_reminder
from opportunities.models import OpportunityPage

SIGNING_SALT = "opportunities.verification"
DEFAULT_LINK_MAX_AGE_DAYS = 30


class InvalidLink(Exception):
    """The link was altered, is not a verification link, or has expired (`expired` tells which)."""

    def __init__(self, *, expired):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def link_max_age():
    return dt.timedelta(days=getattr(settings, "FRESHNESS_LINK_MAX_AGE_DAYS", DEFAULT_LINK_MAX_AGE_DAYS))


def verification_token(page):
    return signing.TimestampSigner(salt=SIGNING_SALT).sign(str(page.pk))


def opportunity_from_token(token):
    """The live opportunity a token stands for; raises InvalidLink, or OpportunityPage.DoesNotExist."""
    try:
        pk = signing.TimestampSigner(salt=SIGNING_SALT).unsign(token, max_age=link_max_age())
    except signing.SignatureExpired as error:
        raise InvalidLink(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidLink(expired=False) from error
    return OpportunityPage.objects.live().select_related("organization").get(pk=int(pk))


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reminder_links(page):
    return {
        "page": page,
        "confirm_url": absolute_url(reverse("opportunities:confirm_still_valid", args=[verification_token(page)])),
        "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }


def recipients_by_organization(organizations):
    """Each organization's active editors' addresses, else its public address; one query for all the editors."""
    group_ids = [org.editors_group_id for org in organizations if org.editors_group_id]
    editors = defaultdict(list)
    users = get_user_model().objects.filter(is_active=True, groups__in=group_ids).exclude(email="")
    for group_id, email in users.values_list("groups", "email").order_by("email"):
        editors[group_id].append(email)
    return {org.pk: editors.get(org.editors_group_id) or ([org.email] if org.email else []) for org in organizations}


def opportunities_send_verification_reminders(*, today, months=None, interval_days=DEFAULT_REMINDER_INTERVAL_DAYS):
    """Email each organization one reminder listing its stale opportunities; returns (emails sent, opportunities).

    Opportunities are marked reminded only once their email has gone out, so a mail
    server failure leaves them to the next run; organizations nobody can be written
    to are skipped and stay due.
    """
    pages = list(
        due_for_reminder(today=today, months=months, interval_days=interval_days)
        .filter(organization__isnull=False)
        .select_related("organization")
        .order_by("organization__title", "title")
    )
    by_organization = defaultdict(list)
    for page in pages:
        by_organization[page.organization].append(page)
    recipients = recipients_by_organization(list(by_organization))
    sent = reminded = 0
    for organization, opportunities in by_organization.items():
        addresses = recipients[organization.pk]
        if not addresses:
            continue
        reminder_email(organization, opportunities, addresses).send()
        OpportunityPage.objects.filter(pk__in=[page.pk for page in opportunities]).update(
            verification_reminded_on=today
        )
        sent += 1
        reminded += len(opportunities)
    return sent, reminded


def reminder_email(organization, opportunities, addresses):
    # Emails are read in Italian whatever language the command runs in.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "organization": organization,
            "items": [reminder_links(page) for page in opportunities],
            "valid_days": link_max_age().days,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("opportunities/verification/reminder_subject.txt", context).strip()
        body = render_to_string("opportunities/verification/reminder_email.txt", context)
        html = render_to_string("opportunities/verification/reminder_email.html", context)
    message = EmailMultiAlternatives(subject, body, to=addresses)
    message.attach_alternative(html, "text/html")
    return message
