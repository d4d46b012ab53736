"""Admin side of the onboarding: municipal editors decide registration requests; associations invite colleagues."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from organizations.antispam import RateLimit
from organizations.emails import QUALIFY_PERMISSION
from organizations.forms import ApprovalForm, InvitationForm, RegistrationForm, RejectionForm
from organizations.models import OrganizationPage, OrganizationRegistration
from organizations.onboarding import (
    OnboardingError,
    organization_member_invite,
    organization_member_remove,
    organization_members,
    registration_approve,
    registration_duplicates,
    registration_reject,
)

INVITATIONS_PER_USER = RateLimit("invitation-user", limit=20, window=24 * 60 * 60)
EMAIL_NOT_SENT = gettext_lazy(
    "Attenzione: l'email non è partita (il server di posta non ha risposto). Avvisa la persona in un altro modo."
)


class RegistrationPermissionPolicy(BasePermissionPolicy):
    """Requests are read, decided and erased by whoever may qualify organizations; nobody adds or edits them here.

    They arrive only from the public form, and the applicant's words are kept
    as sent: the editor corrects the organization's page after approving.
    """

    ACTIONS = {"view", "decide", "delete"}

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and user.is_active and user.has_perm(QUALIFY_PERMISSION)

    def users_with_any_permission(self, actions):
        if self.ACTIONS.isdisjoint(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.with_perm(QUALIFY_PERMISSION)


class RegistrationReviewView(InspectView):
    """The request, what the portal already knows that resembles it, and the two decisions."""

    template_name = "organizations/registration/admin_review.html"
    page_title = gettext_lazy("Richiesta di registrazione")
    # What the request does not have yet (a decision, a page) or the applicant left blank.
    empty_value_display = "—"

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value in ("", "-"):  # Wagtail writes "-" for an empty many-to-many
            return self.empty_value_display
        if isinstance(value, dt.datetime):
            # The template localizes the value but, being a filter's output, does not convert it to local time
            # as {{ value }} would: without this the page showed UTC while the list showed Rome's time.
            return timezone.localtime(value)
        return value

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("decide"):
            raise Http404
        action = request.POST.get("action")
        if action == "approve":
            return self._decide(ApprovalForm(request.POST, prefix="approve"), registration_approve, "title")
        if action == "reject":
            return self._decide(RejectionForm(request.POST, prefix="reject"), registration_reject, "reason")
        messages.error(request, _("Scegli se approvare o respingere la richiesta."))
        return self.render_to_response(self.get_context_data(), status=400)

    def _decide(self, form, decide, field):
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**{f"{form.prefix}_form": form}), status=400)
        try:
            outcome = decide(registration=self.object, user=self.request.user, **{field: form.cleaned_data[field]})
        except OnboardingError as error:
            messages.error(self.request, str(error))
            self.object.refresh_from_db()
            return self.render_to_response(self.get_context_data(**{f"{form.prefix}_form": form}), status=409)
        if outcome.registration.organization:
            messages.success(
                self.request,
                _("Richiesta approvata: creata la pagina «%(title)s» e l'accesso per %(email)s.")
                % {"title": outcome.registration.organization.title, "email": outcome.user.email},
            )
        else:
            messages.success(self.request, _("Richiesta respinta: il motivo è stato inviato per email."))
        if not outcome.email_sent:
            messages.warning(self.request, EMAIL_NOT_SENT)
        return redirect(self.request.path)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.is_pending:
            context.setdefault("approve_form", ApprovalForm(prefix="approve", initial={"title": self.object.name}))
            context.setdefault("reject_form", RejectionForm(prefix="reject"))
            context["duplicates"] = registration_duplicates(registration=self.object)
            context["can_decide"] = self.user_has_permission("decide")
        return context


class RegistrationViewSet(ModelViewSet):
    model = OrganizationRegistration
    name = "organization_registrations"
    url_prefix = "richieste-di-registrazione"
    icon = "form"
    menu_label = gettext_lazy("Richieste di registrazione")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "legal_form", "contact_name", "submitted_at", "status"]
    list_filter = ["status", "legal_form"]
    search_fields = ["name", "runts_number", "contact_name", "contact_email"]
    inspect_view_enabled = True
    inspect_view_class = RegistrationReviewView
    # What the applicant sent, framed by its status and by the decision.
    inspect_view_fields = [
        "status",
        "submitted_at",
        *RegistrationForm.Meta.fields,
        "privacy_accepted_at",
        "decided_by",
        "decided_at",
        "rejection_reason",
        "organization",
    ]
    copy_view_enabled = False
    # No add or edit views (see RegistrationPermissionPolicy); ModelViewSet still builds their forms.
    form_fields = ["name"]

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in {"add", "edit"}]

    def get_permissions_to_register(self):
        # Access follows organizations.qualify_organization, so the model's own permissions would only mislead.
        return super().get_permissions_to_register().none()


def user_organizations(user):
    """The organizations whose editors' group the user belongs to."""
    return OrganizationPage.objects.filter(editors_group__in=user.groups.all()).order_by("title")


class MembersMenuItem(MenuItem):
    def is_shown(self, request):
        return user_organizations(request.user).exists()


def members_index(request):
    organizations = list(user_organizations(request.user))
    if not organizations:
        raise Http404
    if len(organizations) == 1:
        return redirect("organization_members", organizations[0].pk)
    return TemplateResponse(
        request, "organizations/registration/admin_members_index.html", {"organizations": organizations}
    )


def members(request, organization_id):
    """Who edits the organization's pages, and a form to invite one more person into that group only."""
    organization = get_object_or_404(user_organizations(request.user), pk=organization_id)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if INVITATIONS_PER_USER.is_exceeded(request.user.pk):
            messages.error(request, _("Hai inviato troppi inviti oggi: riprova domani."))
            status = 429
        elif form.is_valid():
            try:
                outcome = organization_member_invite(
                    organization=organization, invited_by=request.user, **form.cleaned_data
                )
            except OnboardingError as error:
                form.add_error("email", str(error))
            else:
                INVITATIONS_PER_USER.hit(request.user.pk)
                messages.success(request, _("Invito inviato a %(email)s.") % {"email": outcome.user.email})
                if not outcome.email_sent:
                    messages.warning(request, EMAIL_NOT_SENT)
                return redirect("organization_members", organization.pk)
    context = {"organization": organization, "members": organization_members(organization=organization), "form": form}
    return TemplateResponse(request, "organizations/registration/admin_members.html", context, status=status)


@require_http_methods(["GET", "POST"])
def member_remove(request, organization_id, user_id):
    """Ask, then (POST, with Django's CSRF check) take a colleague out of this organization's group only."""
    organization = get_object_or_404(user_organizations(request.user), pk=organization_id)
    member = get_object_or_404(organization_members(organization=organization), pk=user_id)
    members_url = reverse("organization_members", args=[organization.pk])
    error = None
    if request.method == "POST":
        try:
            outcome = organization_member_remove(organization=organization, member=member, removed_by=request.user)
        except OnboardingError as refusal:
            error = str(refusal)
        else:
            messages.success(
                request,
                _("%(name)s non fa più parte delle persone di «%(organization)s».")
                % {"name": member_display_name(outcome.user), "organization": organization.title},
            )
            if not outcome.email_sent:
                messages.warning(request, EMAIL_NOT_SENT)
            return redirect(members_url)
    elif member.pk == request.user.pk:
        error = _("Non puoi toglierti da solo: chiedi a una collega o a un collega, oppure al Comune.")
    context = {
        "organization": organization,
        "member": member,
        "member_name": member_display_name(member),
        "members_url": members_url,
        "error": error,
    }
    return TemplateResponse(
        request, "organizations/registration/admin_member_remove.html", context, status=400 if error else 200
    )


def member_display_name(user):
    return user.get_full_name() or user.get_username()
