"""Pick the search engine named by the SEARCH_ENGINE setting ('database' unless told otherwise).

With "elasticsearch", searches go to the cluster and fall back to the database engine, logged and
recorded for the administrators' health panel, when the cluster is unreachable, slow or failing.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string

from search.engines.base import SearchEngine

logger = logging.getLogger(__name__)

ENGINES = {
    "database": "search.engines.database.engine.DatabaseEngine",
    "elasticsearch": "search.engines.elasticsearch.engine.ElasticsearchEngine",
}
HEALTH_CACHE_KEY = "search:elasticsearch:health"
# After a failure, searches go straight to the database for this long instead of waiting on the cluster again.
DEFAULT_RETRY_AFTER_SECONDS = 30


def get_engine():
    name = getattr(settings, "SEARCH_ENGINE", "database")
    path = ENGINES.get(name, name)
    try:
        engine_class = import_string(path)
    except ImportError as error:
        raise ImproperlyConfigured(f"Unknown SEARCH_ENGINE {name!r}") from error
    if name == "elasticsearch":
        from search.engines.database.engine import DatabaseEngine

        return FallbackEngine(engine_class, DatabaseEngine())
    return engine_class()


def record_health(ok, error=""):
    """What the administrators' panel shows: the last outcome of a search on the cluster."""
    cache.set(HEALTH_CACHE_KEY, {"ok": ok, "at": timezone.now(), "error": error[:300]}, timeout=None)


def last_health():
    return cache.get(HEALTH_CACHE_KEY)


class FallbackEngine(SearchEngine):
    """The primary engine while it answers; the database engine when it does not, so search never goes down."""

    # Shared by every instance in the process: the breaker must outlive one request's engine.
    _down_until = 0.0

    def __init__(self, primary_class, fallback):
        self.primary_class = primary_class
        self.fallback = fallback

    @classmethod
    def reset(cls):
        cls._down_until = 0.0

    def search(self, query, *, now):
        return self._call("search", query, now=now)

    def autocomplete(self, text, limit=8):
        return self._call("autocomplete", text, limit=limit)

    def count(self, query, *, now):
        return self._call("count", query, now=now)

    def matching_pks(self, query, *, now, limit):
        return self._call("matching_pks", query, now=now, limit=limit)

    def _call(self, method, *args, **kwargs):
        from search.engines.elasticsearch.client import UNAVAILABLE

        if time.monotonic() < FallbackEngine._down_until:
            return getattr(self.fallback, method)(*args, **kwargs)
        try:
            result = getattr(self.primary_class(), method)(*args, **kwargs)
        except UNAVAILABLE as error:
            retry_after = getattr(settings, "ELASTICSEARCH_RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS)
            FallbackEngine._down_until = time.monotonic() + retry_after
            logger.warning("Elasticsearch failed (%s); searching the database for %ss", error, retry_after)
            record_health(False, f"{type(error).__name__}: {error}")
            return getattr(self.fallback, method)(*args, **kwargs)
        health = last_health()
        if not health or not health["ok"]:
            record_health(True)
        return result
