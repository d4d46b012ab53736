from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One import started from the admin: the uploaded file waits here between the preview and the confirmation.

    Keeping the text in the database (uploads are small, see `CSV_UPLOAD_MAX_BYTES`)
    means the confirmation imports exactly what was previewed, on any worker.
    """

    class State(models.TextChoices):
        PREVIEWED = "previewed", _("anteprima")
        IMPORTED = "imported", _("importato")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("utente"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("creato il"), auto_now_add=True)
    file_name = models.CharField(_("nome del file"), max_length=255)
    content = models.TextField(_("contenuto"))
    state = models.CharField(_("stato"), max_length=20, choices=State.choices, default=State.PREVIEWED)
    report = models.JSONField(_("resoconto"), default=dict)

    class Meta:
        verbose_name = _("importazione")
        verbose_name_plural = _("importazioni")
        ordering = ["-created_at"]
        default_permissions = ()
        permissions = [("import_data", _("Può importare dati (CSV e Open Referral HSDS)"))]

    def __str__(self):
        return self.file_name
