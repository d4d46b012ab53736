from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from opendata.csv_format import csv_records, decode
from opendata.sources import SourceError

UPLOAD_MAX_BYTES = 5 * 1024 * 1024
# The preview and the import run inside the request: bigger files go through `manage.py import_csv`.
UPLOAD_MAX_ROWS = 1000
# What browsers send for a .csv file; anything else (a spreadsheet, a PDF, an image) is refused.
CSV_CONTENT_TYPES = {
    "text/csv",
    "text/plain",
    "application/csv",
    "application/vnd.ms-excel",
    "text/comma-separated-values",
    "application/octet-stream",
}


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File CSV"),
        help_text=_("Salva il foglio di calcolo come «CSV» (UTF-8, separato da punto e virgola), al massimo 5 MB."),
        validators=[FileExtensionValidator(["csv"], message=_("Carica un file con estensione .csv."))],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("Il file supera 5 MB: dividilo in più file."))
        if upload.content_type.split(";")[0].strip().lower() not in CSV_CONTENT_TYPES:
            raise forms.ValidationError(_("Il file non è un CSV: salvalo dal foglio di calcolo come «CSV»."))
        try:
            text = decode(upload.read(UPLOAD_MAX_BYTES + 1))
            rows = sum(1 for _row in csv_records(text))  # checks the header before anything is imported
        except SourceError as error:
            raise forms.ValidationError(str(error)) from None
        if rows > UPLOAD_MAX_ROWS:
            raise forms.ValidationError(
                _("Il file ha %(rows)s righe: dall'admin se ne importano al massimo %(max)s. Dividilo in più file.")
                % {"rows": rows, "max": UPLOAD_MAX_ROWS}
            )
        self.cleaned_data["text"] = text
        return upload
