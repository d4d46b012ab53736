"""The admin's "Importa dati": upload a CSV, preview what would change, then confirm."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from opendata.csv_format import COLUMNS, csv_records, template_csv, unknown_columns
from opendata.forms import CsvUploadForm
from opendata.models import ImportRun
from opendata.report import ImportReport
from opendata.services import data_import

IMPORT_PERMISSION = "opendata.import_data"
PREVIEW_ROWS = 1000
require_import_permission = permission_required(IMPORT_PERMISSION)


class ImportAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"
    _base_breadcrumbs = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]

    def get_breadcrumbs_items(self):
        return self._base_breadcrumbs + [
            {"url": reverse("opendata_import"), "label": _("Importa dati")},
            {"url": "", "label": self.get_page_title()},
        ]


@method_decorator(require_import_permission, name="dispatch")
class CsvUploadView(ImportAdminMixin, FormView):
    template_name = "opendata/admin/upload.html"
    form_class = CsvUploadForm
    page_title = gettext_lazy("Importa dati da CSV")

    def get_breadcrumbs_items(self):
        return self._base_breadcrumbs + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = COLUMNS
        context["recent_runs"] = ImportRun.objects.filter(user=self.request.user)[:5]
        return context

    def form_valid(self, form):
        upload, text = form.cleaned_data["file"], form.cleaned_data["text"]
        report = data_import(records=csv_records(text), dry_run=True, user=self.request.user)
        run = ImportRun.objects.create(
            user=self.request.user, file_name=upload.name[:255], content=text, report=report.as_dict()
        )
        return redirect("opendata_import_preview", pk=run.pk)


@method_decorator(require_import_permission, name="dispatch")
class ImportRunView(ImportAdminMixin, TemplateView):
    """The preview of an upload, with the confirm button; after the confirmation, the result."""

    template_name = "opendata/admin/run.html"

    def dispatch(self, request, *args, **kwargs):
        self.run = get_object_or_404(ImportRun, pk=kwargs["pk"], user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        if self.run.state == ImportRun.State.PREVIEWED:
            return _("Anteprima di «%(file)s»") % {"file": self.run.file_name}
        return _("Importazione di «%(file)s»") % {"file": self.run.file_name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = ImportReport.from_dict(self.run.report)
        context.update(
            run=self.run,
            report=report,
            entries=report.entries[:PREVIEW_ROWS],
            hidden_entries=max(0, len(report.entries) - PREVIEW_ROWS),
            unknown_columns=unknown_columns(self.run.content),
            can_confirm=self.run.state == ImportRun.State.PREVIEWED and (report.created or report.updated),
        )
        return context


@require_import_permission
@require_POST
def import_confirm(request, pk):
    # Claiming the run first makes a double click, or two tabs, import it once.
    claimed = ImportRun.objects.filter(pk=pk, user=request.user, state=ImportRun.State.PREVIEWED).update(
        state=ImportRun.State.IMPORTED
    )
    run = get_object_or_404(ImportRun, pk=pk, user=request.user)
    if not claimed:
        messages.warning(request, _("Questo file è già stato importato."))
        return redirect("opendata_import_preview", pk=run.pk)
    report = data_import(records=csv_records(run.content), user=request.user)
    run.report = report.as_dict()
    run.save(update_fields=["report"])
    messages.success(request, report.summary())
    return redirect("opendata_import_preview", pk=run.pk)


@require_import_permission
def template_download(request):
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modello-opportunita.csv"'
    return response
