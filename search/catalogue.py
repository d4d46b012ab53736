"""Search reads worth keeping (the catalogue index, the typo vocabulary, what a search found, whole answers
in `search/responses.py`), cached until the catalogue changes.

Each reads much more than it returns (every opportunity, every title, every match), and the same reads
come back all day long. They are kept in Django's cache (the catalogue index in the process) under a
*catalogue version*, which every change that search can see replaces (`catalogue_changed`, called by
the receivers in `search/signals.py` and by the bulk writers that bypass them), and for at most
`SEARCH_CACHE_SECONDS` in any case, a bound on what a missed change or a per-process cache in a
multi-process deployment can leave stale. `SEARCH_CACHE_SECONDS = 0` turns caching off (the test
settings do, and the benchmark measures it).

Two kinds of reads are kept: what serves every search (the catalogue index of the database engine, kept in
the process, and the typo vocabulary), and what one search found or answered. `SEARCH_CACHE_ANSWERS = False`
keeps only the first kind: what a search asked for the first time costs (the benchmark measures it).
"""

import hashlib
import time
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


def current_version():
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def cached(name, parts, compute, *, every_search=False):
    """`compute()`, or what it gave for the same `parts` (a repr-able description) since the last change.

    `every_search`: the read serves every search (not one search's answer), kept even without answers kept.
    """
    return cached_each(name, {None: parts}, lambda _missing: {None: compute()}, every_search=every_search)[None]


def cached_each(name, parts, compute, *, every_search=False):
    """{id: value} for each entry of `parts` ({id: repr-able description}), each cached on its own.

    `compute(ids)` gives {id: value} for the ids not cached (all of them with the cache off), in one go.
    """
    seconds = cache_seconds()
    if not seconds or not (every_search or getattr(settings, "SEARCH_CACHE_ANSWERS", True)):
        return compute(list(parts))
    version = current_version()
    keys = {
        id_: f"search:{name}:{version}:{hashlib.sha256(repr(part).encode()).hexdigest()}" for id_, part in parts.items()
    }
    found = cache.get_many(keys.values())
    values = {id_: found[key] for id_, key in keys.items() if found.get(key) is not None}
    missing = [id_ for id_ in parts if id_ not in values]
    if missing:
        computed = compute(missing)
        cache.set_many({keys[id_]: computed[id_] for id_ in missing}, seconds)
        values.update(computed)
    return values


_in_process = {}


def kept_in_process(name, parts, build):
    """`build()`, or what it gave in this process for the same `parts` since the catalogue last changed.

    For what every search reads whole and is too large to copy out of a shared cache on each request.
    One value per name: a new version or new `parts` replace the old one.
    """
    seconds = cache_seconds()
    if not seconds:
        return build()
    key, now = (current_version(), parts), time.monotonic()
    kept = _in_process.get(name)
    if kept is not None and kept[0] == key and now - kept[1] < seconds:
        return kept[2]
    value = build()
    _in_process[name] = (key, now, value)
    return value
