"""Unpublishing with a reason: recorded in the page's history, left as a comment in the editor, emailed.

Wagtail's own unpublish view (for whoever may publish) gets a required reason
field through its template and the `before_unpublish_page` / `after_unpublish_page`
hooks. Association editors, who may not publish, withdraw their own opportunities
through `WithdrawView`, which asks for the same reason.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import log
from wagtail.models import Comment, Page

from opportunities.models import OpportunityPage
from publishing.notifications import notify_organization_editors
from publishing.selectors import organizations_edited_by

REASON_ACTION = "publishing.unpublish_reason"
REASON_MAX_LENGTH = 1000
REASON_FIELD = "unpublish_reason"


class UnpublishReasonForm(forms.Form):
    unpublish_reason = forms.CharField(
        label=gettext_lazy("Motivo del ritiro"),
        help_text=gettext_lazy("Chi cura la pagina lo riceve per email e lo ritrova nei commenti della pagina."),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Scrivi perché la pagina viene ritirata.")},
    )


def reason_form_invalid_response(request, page, form, unpublish_url):
    """The confirmation page again, with the form's errors, as a 400."""
    context = {
        "object": page,
        "page": page,
        "form": form,
        "unpublish_url": unpublish_url,
        "next_url": get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "header_title": _("Ritira dalla pubblicazione: %(title)s") % {"title": page.get_admin_display_title()},
        "page_title": _("Ritira dalla pubblicazione"),
    }
    return TemplateResponse(request, "publishing/unpublish_confirm.html", context, status=400)


def unpublish_reason_record(*, page, user, reason):
    """Write the reason in the page's history and comments, and email the organization's editors."""
    page = page.specific
    log(instance=page, action=REASON_ACTION, user=user, data={"reason": reason})
    Comment.objects.create(
        page=page,
        user=user,
        text=_("Ritirata dalla pubblicazione: %(reason)s") % {"reason": reason},
        contentpath="title",
        position="",
        revision_created=page.latest_revision,
    )
    notify_organization_editors(
        page=page,
        template="publishing/emails/unpublished",
        context={"reason": reason, "by": user},
        exclude=[user],
    )


def user_can_withdraw(user, page):
    """An association editor may withdraw a live opportunity of its own organization, without publish rights."""
    if not (page.live and issubclass(page.specific_class, OpportunityPage)):
        return False
    organization_id = OpportunityPage.objects.filter(pk=page.pk).values_list("organization_id", flat=True).first()
    return organizations_edited_by(user).filter(pk=organization_id).exists()


class WithdrawView(View):
    """Association editors take their own opportunity off the site, with a reason."""

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        permissions = self.page.permissions_for_user(request.user)
        if permissions.page_locked() or not (permissions.can_unpublish() or user_can_withdraw(request.user, self.page)):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def unpublish_url(self):
        return reverse("publishing_withdraw", args=[self.page.pk])

    def get(self, request, page_id):
        response = reason_form_invalid_response(request, self.page, UnpublishReasonForm(), self.unpublish_url())
        response.status_code = 200
        return response

    def post(self, request, page_id):
        form = UnpublishReasonForm(request.POST)
        if not form.is_valid():
            return reason_form_invalid_response(request, self.page, form, self.unpublish_url())
        UnpublishPageAction(self.page, user=request.user).execute(skip_permission_checks=True)
        unpublish_reason_record(page=self.page, user=request.user, reason=form.cleaned_data[REASON_FIELD])
        messages.success(request, _("«%(title)s» è stata ritirata dal sito.") % {"title": self.page.title})
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page_id]))
