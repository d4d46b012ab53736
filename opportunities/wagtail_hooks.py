from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from opportunities.report import FreshnessReportView, user_can_see_report
from opportunities.services import CONCLUDE_ACTION, VERIFY_ACTION


class FreshnessReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_freshness_report_urls():
    return [
        path("reports/freshness/", FreshnessReportView.as_view(), name="opportunities_freshness_report"),
        path(
            "reports/freshness/results/",
            FreshnessReportView.as_view(results_only=True),
            name="opportunities_freshness_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_freshness_report_menu_item():
    return FreshnessReportMenuItem(
        _("Da verificare e in scadenza"),
        reverse("opportunities_freshness_report"),
        name="freshness",
        icon_name="time",
        order=650,
    )


@hooks.register("register_log_actions")
def register_freshness_log_actions(actions):
    actions.register_action(CONCLUDE_ACTION, _("Conclusa automaticamente"), _("Conclusa: le sue date sono passate"))
    actions.register_action(VERIFY_ACTION, _("Confermata ancora valida"), _("Confermata ancora valida dal promemoria"))
