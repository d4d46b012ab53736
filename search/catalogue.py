"""Search reads worth keeping (facet counts, the typo vocabulary, what a search found, whole answers in
`search/responses.py`), cached until the catalogue changes.

Counting a facet reads every matching opportunity, so the landing page and each category's page
would recount the whole catalogue on every visit; the same sets come back all day long. They are kept
in Django's cache under a *catalogue version*, which every change that search can see replaces
(`catalogue_changed`, called by the receivers in `search/signals.py` and by the bulk writers that
bypass them), and for at most `SEARCH_CACHE_SECONDS` in any case, a bound on what a missed change
or a per-process cache in a multi-process deployment can leave stale. `SEARCH_CACHE_SECONDS = 0`
turns caching off (the test settings do, and the benchmark measures both).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "search:catalogue-version"
DEFAULT_SECONDS = 300


def cache_seconds():
    return getattr(settings, "SEARCH_CACHE_SECONDS", DEFAULT_SECONDS)


def catalogue_changed():
    """What search shows is about to change: once the transaction commits, cached reads are dropped."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def cached(name, parts, compute):
    """`compute()`, or what it gave for the same `parts` (a repr-able description) since the last change."""
    seconds = cache_seconds()
    if not seconds:
        return compute()
    version = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"search:{name}:{version}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
