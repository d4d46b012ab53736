from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from opendata.services import data_import
from opendata.sources import SourceError


class ImportCommand(BaseCommand):
    """What both import commands share: --dry-run, the report, and a clear message instead of a traceback."""

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path of the file, or an http(s) URL to download it from.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report what would change, then roll everything back."
        )

    def records(self, source):
        """An iterable of HSDS service objects read from `source`; raise SourceError when it cannot be read."""
        raise NotImplementedError

    def progress(self, report):
        if self.verbosity and len(report.entries) % 1000 == 0:
            self.stderr.write(_("%(count)s record letti…") % {"count": len(report.entries)})

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        try:
            records = self.records(options["source"])
            report = data_import(
                records=records, dry_run=options["dry_run"], defer_search_index=True, on_batch=self.progress
            )
        except SourceError as error:
            raise CommandError(str(error)) from None
        for line in report.lines(verbose=options["verbosity"] > 1):
            self.stdout.write(line)
        if report.error:
            raise CommandError(report.error)
