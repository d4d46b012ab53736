from django.core.management.base import BaseCommand

from opportunities.services import opportunities_conclude_past, opportunities_refresh_next_occurrence


class Command(BaseCommand):
    help = (
        "The daily freshness job (run it once a day, e.g. from cron): mark concluded the opportunities whose "
        "last date has passed, so they leave the search, and move every other next date forward."
    )

    def handle(self, *args, **options):
        concluded = opportunities_conclude_past()
        updated = opportunities_refresh_next_occurrence()
        self.stdout.write(f"{concluded} opportunities concluded. {updated} opportunities updated.")
