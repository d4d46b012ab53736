from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.home import RecentEditsPanel
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from publishing.dashboard import OrganizationPanel
from publishing.selectors import is_association_editor, organizations_edited_by
from publishing.unpublish import (
    REASON_ACTION,
    UnpublishReasonForm,
    WithdrawView,
    reason_form_invalid_response,
    unpublish_reason_record,
    user_can_withdraw,
)

# Wagtail already hides what an association editor has no permission for; these entries are the Comune's
# business even when a permission makes them appear (reports list pages of the whole tree; help is Wagtail's
# English guide), so association editors never see them.
MUNICIPAL_MENU_ITEMS = {"reports", "help", "settings", "vocabolari", "synonyms", "importa-dati"}


@hooks.register("register_admin_urls")
def register_withdraw_url():
    return [path("pages/<int:page_id>/ritira/", WithdrawView.as_view(), name="publishing_withdraw")]


@hooks.register("before_unpublish_page")
def require_unpublish_reason(request, page):
    form = UnpublishReasonForm(request.POST)
    if not form.is_valid():
        return reason_form_invalid_response(
            request, page, form, reverse("wagtailadmin_pages:unpublish", args=[page.pk])
        )
    request.publishing_unpublish_reason = form.cleaned_data["unpublish_reason"]
    return None


@hooks.register("after_unpublish_page")
def record_unpublish_reason(request, page):
    unpublish_reason_record(page=page, user=request.user, reason=request.publishing_unpublish_reason)


@hooks.register("before_bulk_action")
def refuse_bulk_unpublishing(request, action_type, objects, action_class_instance):
    # Each withdrawal needs its own reason, told to the organization concerned.
    if action_type == "unpublish" and objects and isinstance(objects[0], Page):
        messages.error(request, _("Ritira le pagine una alla volta: per ciascuna serve il motivo."))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root"))
    return None


class WithdrawMenuItem(ActionMenuItem):
    """For association editors, who may not publish: take their own live opportunity off the site."""

    name = "action-withdraw"
    label = gettext_lazy("Ritira dal sito")
    icon_name = "doc-empty-inverse"

    def is_shown(self, context):
        page = context.get("page")
        if context["view"] != "edit" or page is None or context.get("locked_for_user"):
            return False
        return not context["user_page_permissions_tester"].can_unpublish() and user_can_withdraw(
            context["request"].user, page
        )

    def get_url(self, context):
        return reverse("publishing_withdraw", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_withdraw_menu_item():
    return WithdrawMenuItem(order=40)


@hooks.register("register_log_actions")
def register_unpublish_reason_action(actions):
    @actions.register_action(REASON_ACTION)
    class UnpublishReasonFormatter(LogFormatter):
        label = gettext_lazy("Motivo del ritiro")

        def format_message(self, log_entry):
            return _("Ritirata dal sito. Motivo: %(reason)s") % {"reason": log_entry.data.get("reason", "")}


@hooks.register("construct_main_menu")
def trim_menu_for_associations(request, menu_items):
    if is_association_editor(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in MUNICIPAL_MENU_ITEMS]


@hooks.register("construct_homepage_panels")
def organization_panels_for_associations(request, panels):
    if is_association_editor(request.user):
        own = [OrganizationPanel(organization) for organization in organizations_edited_by(request.user)]
        panels[:] = own + [panel for panel in panels if isinstance(panel, RecentEditsPanel)]
