from django.utils.translation import gettext as _

from opendata.csv_format import CSV_MAX_BYTES, csv_records, decode, unknown_columns
from opendata.management.base import ImportCommand
from opendata.sources import open_source


class Command(ImportCommand):
    help = (
        "Import opportunities from the portal's CSV spreadsheet (one row per opportunity, Italian column names; "
        "the template is in the admin under Importa dati, and in docs/opendata.md) from a file or a URL."
    )

    def records(self, source):
        with open_source(source) as binary:
            text = decode(binary.read(CSV_MAX_BYTES + 1))
        for column in unknown_columns(text):
            self.stderr.write(_("Colonna sconosciuta ignorata: %(column)s") % {"column": column})
        return csv_records(text)
