"""Operate the Elasticsearch index: rebuild it behind its alias, compare it with the database, retry queued work."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.engines.elasticsearch.client import UNAVAILABLE


class Command(BaseCommand):
    help = (
        "rebuild: build a new index and swap the alias (searches keep working); "
        "update: re-index every opportunity into the current index; "
        "status: document counts of index and database, queued updates; "
        "retry: apply the queued updates that failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "status", "retry"])

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)()
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch is not reachable: {error}") from error

    def rebuild(self):
        def progress(done, total):
            if done == total or done % 10000 == 0:
                self.stdout.write(f"  {done}/{total}")

        name, count = indexing.rebuild(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Index {name}: {count} opportunities; alias {indexing.alias_name()}."))
        applied, failed = indexing.apply_all_pending()
        if applied or failed:
            self.stdout.write(f"Queued updates: {applied} applied, {failed} still failing.")

    def update(self):
        count = indexing.sync()
        self.stdout.write(self.style.SUCCESS(f"{count} opportunities indexed into {indexing.alias_name()}."))

    def status(self):
        status = indexing.status()
        self.stdout.write(f"Alias:        {status['alias']} -> {', '.join(status['indices']) or '(none)'}")
        self.stdout.write(f"Index:        {status['indexed']} documents")
        self.stdout.write(f"Database:     {status['database']} searchable opportunities")
        self.stdout.write(f"Queued:       {status['pending']} updates ({status['failing']} failed at least once)")
        if status["oldest_pending"]:
            self.stdout.write(f"Oldest queued: {status['oldest_pending']:%Y-%m-%d %H:%M:%S %Z}")
        if status["indexed"] != status["database"] or status["pending"]:
            raise CommandError("The index is not in step with the database: run `search_index retry` or `rebuild`.")
        self.stdout.write(self.style.SUCCESS("In step."))

    def retry(self):
        applied, failed = indexing.apply_all_pending()
        if failed:
            raise CommandError(f"{applied} updates applied, {failed} still failing (Elasticsearch unreachable?).")
        self.stdout.write(self.style.SUCCESS(f"{applied} queued updates applied."))
