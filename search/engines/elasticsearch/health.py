"""How administrators see the Elasticsearch engine's health: a panel on the admin dashboard and system checks."""

from django.conf import settings
from django.core import checks
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from wagtail.admin.ui.components import Component

from search.engines.elasticsearch.client import UNAVAILABLE, get_client
from search.models import PendingIndexUpdate


def elasticsearch_selected():
    return getattr(settings, "SEARCH_ENGINE", "database") == "elasticsearch"


def cluster_reachable():
    """(reachable, detail): a ping with the searches' short timeout."""
    try:
        info = get_client().info()
    except UNAVAILABLE as error:
        return False, f"{type(error).__name__}: {error}"[:300]
    return True, info["version"]["number"]


class SearchHealthPanel(Component):
    """Shown to superusers on the dashboard when Elasticsearch is the engine."""

    name = "search_health"
    order = 50

    def render_html(self, parent_context=None):
        from search.engines import last_health

        reachable, detail = cluster_reachable()
        rows = []
        if reachable:
            rows.append(
                _("Elasticsearch %(version)s raggiungibile: le ricerche usano il cluster.") % {"version": detail}
            )
        else:
            rows.append(
                _("Elasticsearch non raggiungibile: le ricerche usano il database (%(error)s).") % {"error": detail}
            )
        health = last_health()
        if health and not health["ok"]:
            rows.append(
                _("Ultimo ripiego sul database: %(when)s.") % {"when": date_format(health["at"], "DATETIME_FORMAT")}
            )
        pending = PendingIndexUpdate.objects.all()
        count = pending.count()
        if count:
            oldest = pending.first().queued_at
            rows.append(
                _("%(count)s aggiornamenti dell'indice in attesa dal %(when)s: «manage.py search_index retry».")
                % {"count": count, "when": date_format(oldest, "DATETIME_FORMAT")}
            )
        else:
            rows.append(_("Nessun aggiornamento dell'indice in attesa."))
        return format_html(
            '<section class="panel w-mb-8" aria-labelledby="search-health-title">'
            '<h2 id="search-health-title" class="w-h3">{}</h2><ul>{}</ul></section>',
            _("Stato della ricerca"),
            format_html_join("", "<li>{}</li>", ((row,) for row in rows)),
        )


def add_health_panel(request, panels):
    if elasticsearch_selected() and request.user.is_superuser:
        panels.append(SearchHealthPanel())


@checks.register(checks.Tags.compatibility)
def check_configuration(app_configs, **kwargs):
    if elasticsearch_selected() and not getattr(settings, "ELASTICSEARCH_URL", ""):
        return [
            checks.Error(
                "SEARCH_ENGINE is 'elasticsearch' but ELASTICSEARCH_URL is empty.",
                hint="Set ELASTICSEARCH_URL, or SEARCH_ENGINE=database.",
                id="portal_search.E001",
            )
        ]
    return []


@checks.register(checks.Tags.compatibility, deploy=True)
def check_cluster(app_configs, **kwargs):
    """`manage.py check --deploy`: is the cluster there? (Searches would fall back to the database.)"""
    if not elasticsearch_selected() or not getattr(settings, "ELASTICSEARCH_URL", ""):
        return []
    reachable, detail = cluster_reachable()
    if reachable:
        return []
    return [
        checks.Warning(
            f"Elasticsearch is not reachable ({detail}); searches will use the database engine.",
            id="portal_search.W001",
        )
    ]
