from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Ricerca")

    def ready(self):
        # Receivers that keep the Elasticsearch index current, and the system checks of its configuration.
        from search import signals  # noqa: F401
        from search.engines.elasticsearch import health  # noqa: F401
