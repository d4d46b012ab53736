from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from home.demo.seed import DEFAULT_OPPORTUNITIES, seed_demo
from home.demo.site import site_address_configure
from home.demo.users import expected_credentials


class Command(BaseCommand):
    help = (
        "Build the demo town of Valdoria: organizations, places, opportunities, images, site settings and one "
        "account per role. Does nothing if the demo is already there, unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--opportunities",
            type=int,
            default=DEFAULT_OPPORTUNITIES,
            help=f"How many opportunities to create (default {DEFAULT_OPPORTUNITIES}); organizations scale with it.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo organizations, opportunities, places and images first, then seed again.",
        )

    def handle(self, *args, **options):
        if options["opportunities"] < 1:
            raise CommandError("--opportunities must be at least 1.")
        try:
            result = seed_demo(opportunities=options["opportunities"], reset=options["reset"], log=self.stdout.write)
            # Also when the demo is already there: the address may differ from the last run's.
            site_url = site_address_configure()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if result.skipped:
            self.stdout.write("The demo is already seeded: nothing to do (use --reset to rebuild it).")
            self._credentials(expected_credentials(), site_url)
            return
        self._summary(result)
        self._credentials(result.credentials, site_url)

    def _summary(self, result):
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {result.organizations} organizations, {result.opportunities} opportunities, "
                f"{result.places} places and {result.images} images."
            )
        )
        for phase, seconds in result.timings.items():
            self.stdout.write(f"  {phase:<26} {seconds:8.1f} s")
        self.stdout.write(f"  {'total':<26} {sum(result.timings.values()):8.1f} s")

    def _credentials(self, credentials, site_url):
        rows = [("username", "password", "role")] + [
            (item.username, item.password, f"{item.role} ({item.note})" if item.note else item.role)
            for item in credentials
        ]
        widths = [max(len(row[column]) for row in rows) for column in (0, 1)]
        self.stdout.write("")
        for username, password, role in rows:
            self.stdout.write(f"{username:<{widths[0]}}  {password:<{widths[1]}}  {role}")
        self.stdout.write("")
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        self.stdout.write(f"Site: {site_url}/   Admin: {admin_url}")
