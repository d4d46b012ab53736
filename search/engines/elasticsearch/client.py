"""The Elasticsearch connection and the names the portal uses on the cluster, all from settings."""

import functools

from elasticsearch import ApiError, Elasticsearch, TransportError

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# What a request to the cluster raises when the cluster is down, slow or refuses the request.
UNAVAILABLE = (ApiError, TransportError, ConnectionError, OSError)


def es_settings():
    return {
        "url": getattr(settings, "ELASTICSEARCH_URL", ""),
        "prefix": getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "portal"),
        "timeout": float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2)),
        "indexing_timeout": float(getattr(settings, "ELASTICSEARCH_INDEXING_TIMEOUT", 30)),
        "options": getattr(settings, "ELASTICSEARCH_OPTIONS", {}),
        "replicas": int(getattr(settings, "ELASTICSEARCH_REPLICAS", 0)),
    }


@functools.cache
def _client(url, timeout, options):
    # One client (and connection pool) per configuration, shared by every request of the process.
    return Elasticsearch(url, request_timeout=timeout, retry_on_timeout=False, max_retries=0, **dict(options))


def get_client(*, indexing=False):
    """The client for searches (short timeout: a slow cluster must not hold a family's page) or for indexing."""
    config = es_settings()
    if not config["url"]:
        raise ImproperlyConfigured("SEARCH_ENGINE is 'elasticsearch' but ELASTICSEARCH_URL is empty.")
    timeout = config["indexing_timeout"] if indexing else config["timeout"]
    return _client(config["url"], timeout, tuple(sorted(config["options"].items())))


def alias_name():
    """The name searches use: an alias pointing at the current concrete index."""
    return f"{es_settings()['prefix']}-opportunities"


def synonyms_set_name():
    return f"{es_settings()['prefix']}-synonyms"
