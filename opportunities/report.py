"""The editors' freshness report in the Wagtail admin: opportunities to verify and opportunities about to end."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from opportunities.freshness import DEFAULT_EXPIRING_DAYS, expiring_opportunities, stale_opportunities, with_last_day
from opportunities.models import OpportunityPage, Status
from organizations.models import OrganizationPage

# Municipal staff hold it (the Comune's editors and administrators); association editors do not.
REPORT_PERMISSION = "organizations.qualify_organization"

PROBLEMS = [("stale", _("Da verificare")), ("expiring", _("In scadenza"))]


def user_can_see_report(user):
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def _yes_no(value):
    return str(_("sì")) if value else ""


class FreshnessFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(label=_("Problema"), choices=PROBLEMS, method="filter_problem")
    organization = django_filters.ModelChoiceFilter(
        label=_("Organizzazione"), queryset=OrganizationPage.objects.order_by("title")
    )
    status = django_filters.ChoiceFilter(label=_("Stato"), choices=Status.choices)

    class Meta:
        model = OpportunityPage
        fields = ["problem", "organization", "status"]

    def filter_problem(self, queryset, name, value):
        return queryset.filter(**{f"is_{value}": True})


class FreshnessReportView(ReportView):
    page_title = _("Opportunità da verificare o in scadenza")
    header_icon = "time"
    index_url_name = "opportunities_freshness_report"
    index_results_url_name = "opportunities_freshness_report_results"
    results_template_name = "opportunities/admin/freshness_report_results.html"
    filterset_class = FreshnessFilterSet
    export_filename = "opportunita-da-verificare"
    list_export = [
        "title",
        "organization.title",
        "get_status_display",
        "is_stale",
        "is_expiring",
        "last_verified",
        "verification_reminded_on",
        "last_day",
        "registration_deadline",
    ]
    export_headings = {
        "title": _("Titolo"),
        "organization.title": _("Organizzazione"),
        "get_status_display": _("Stato"),
        "is_stale": _("Da verificare"),
        "is_expiring": _("In scadenza"),
        "last_verified": _("Verificata il"),
        "verification_reminded_on": _("Promemoria inviato il"),
        "last_day": _("Ultima data"),
        "registration_deadline": _("Iscrizioni entro il"),
    }

    model = OpportunityPage

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        yes_no = {self.FORMAT_CSV: _yes_no, self.FORMAT_XLSX: _yes_no}
        self.custom_field_preprocess = {**self.custom_field_preprocess, "is_stale": yes_no, "is_expiring": yes_no}

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        today = timezone.localdate()
        stale = stale_opportunities(today=today).values("pk")
        expiring = expiring_opportunities(today=today, days=DEFAULT_EXPIRING_DAYS).values("pk")
        queryset = with_last_day(OpportunityPage.objects.all()).annotate(
            is_stale=ExpressionWrapper(Q(pk__in=stale), output_field=BooleanField()),
            is_expiring=ExpressionWrapper(Q(pk__in=expiring), output_field=BooleanField()),
        )
        return (
            queryset.filter(Q(is_stale=True) | Q(is_expiring=True))
            .select_related("organization")
            .order_by("last_verified", "title")
        )
