"""The Comune's settings and the home page of the demo site."""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Site

from home.demo.town import HOME_HELP_DESKS_TEXT, HOME_INTRODUCTION, SETTINGS
from home.models import HomePageFeaturedOpportunity, PortalSettings
from opportunities.models import Status
from organizations.models import OrganizationIndexPage

FEATURED_COUNT = 6


def default_site():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ImproperlyConfigured("There is no default site: run `manage.py migrate` first.")
    return site


def site_address_configure(base_url=None):
    """Give the default Site the host and port of `base_url` (default WAGTAILADMIN_BASE_URL); return its root URL.

    Public links in emails (Wagtail's approval notification, the registration's page link) are the pages'
    `full_url`, built from the Site, while admin links come from WAGTAILADMIN_BASE_URL: the demo keeps both on
    the address it runs on (bin/run-demo exports WAGTAILADMIN_BASE_URL from its argument).
    """
    base_url = base_url or django_settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(base_url)
    if not parts.hostname:
        raise ImproperlyConfigured(f"WAGTAILADMIN_BASE_URL has no host name: {base_url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = default_site()
    if (site.hostname, site.port) != (parts.hostname, port):
        if Site.objects.filter(hostname=parts.hostname, port=port).exclude(pk=site.pk).exists():
            raise ImproperlyConfigured(f"Another site already answers on {parts.hostname}:{port}.")
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site.root_url


def organization_index(site):
    index = OrganizationIndexPage.objects.descendant_of(site.root_page).first()
    if index is None:
        raise ImproperlyConfigured("The site has no organizations' directory (see home/migrations/0003).")
    return index


def configure_site(site, *, logo, featured, user):
    """Fill the portal settings, the home page texts and its featured opportunities, and publish the home page."""
    settings = PortalSettings.for_site(site)
    for name, value in SETTINGS.items():
        setattr(settings, name, value)
    settings.logo = logo
    settings.save()
    home = site.root_page.specific
    home.introduction = HOME_INTRODUCTION
    home.help_desks_text = HOME_HELP_DESKS_TEXT
    home.featured_opportunities = [
        HomePageFeaturedOpportunity(opportunity=page, sort_order=order) for order, page in enumerate(featured)
    ]
    home.save_revision(user=user, log_action=True).publish(user=user)


def choose_featured(pages, vocabulary, count=FEATURED_COUNT):
    """Active opportunities with an image and a coming date, from different fields."""
    chosen, fields = [], set()
    for page in pages:
        field = vocabulary.top_category(page.categories.all()[0]).slug
        if page.status == Status.ACTIVE and page.image_id and page.next_occurrence and field not in fields:
            chosen.append(page)
            fields.add(field)
        if len(chosen) == count:
            break
    return chosen
