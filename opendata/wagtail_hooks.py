from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from opendata import views


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.IMPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("importa/", views.CsvUploadView.as_view(), name="opendata_import"),
        path("importa/modello.csv", views.template_download, name="opendata_import_template"),
        path("importa/<int:pk>/", views.ImportRunView.as_view(), name="opendata_import_preview"),
        path("importa/<int:pk>/conferma/", views.import_confirm, name="opendata_import_confirm"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Importa dati"), reverse("opendata_import"), icon_name="upload", order=950)
