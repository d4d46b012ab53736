"""Search reads worth keeping (the catalogue index, the typo vocabulary, what a search found, whole answers
in `search/responses.py`), cached until the catalogue changes.

Each reads much more than it returns (every opportunity, every title, every match), and the same reads
come back all day long. They are kept in Django's cache (the catalogue index in the process) under a
*catalogue version*, which every change that search can see replaces (`catalogue_changed`, called by
the receivers in `search/signals.py` and by the bulk writers that bypass them), and for at most
`SEARCH_CACHE_SECONDS` in any case, a bound on what a missed change or a per-process cache in a
multi-process deployment can leave stale. `SEARCH_CACHE_SECONDS = 0` turns caching off (the test
settings do, and the benchmark measures it).

Each change also records what it touched (opportunities' keys, none, or everything) under its version, so
that a process keeping the catalogue index need not build it again for a change to a few opportunities: it
follows the records from its own version and updates the index for those (`kept_in_process(update=...)`).

Two kinds of reads are kept: what serves every search (the catalogue index of the database engine, with the
typo vocabulary, kept in the process), and what one search found or answered (`cached`).
`SEARCH_CACHE_ANSWERS = False` keeps only the first kind: what a search asked for the first time costs (the
benchmark measures it).
"""

import dataclasses
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "search:catalogue-version-number"
DEFAULT_SECONDS = 300
# What a change touched, under "search:catalogue-change:<version>": opportunities' keys, or EVERYTHING.
EVERYTHING = "everything"
# Beyond so many changes since a kept value, it is built again rather than brought up to date.
MAX_CHANGES_FOLLOWED = 1000


def cache_seconds():
    return getattr(settings, "SEARCH_CACHE_SECONDS", DEFAULT_SECONDS)


def catalogue_changed(opportunities=None):
    """What search shows is about to change: once the transaction commits, cached reads are dropped.

    `opportunities`: the keys of the only opportunities whose searchable data the change touches (empty
    for a change around the results, such as a menu), if known: a kept catalogue index then updates just those.
    """
    touched = EVERYTHING if opportunities is None else tuple(opportunities)
    transaction.on_commit(lambda: record_change(touched))


def record_change(touched):
    """A new catalogue version, and what its change touched, for the processes that kept an older one."""
    for _attempt in range(10):
        try:
            version = cache.incr(VERSION_KEY)
        except ValueError:  # never set, or evicted: start above every version handed out so far
            cache.add(VERSION_KEY, time.time_ns(), timeout=None)
            continue
        # Without an atomic increment two writers can get the same number: the second tries the next one.
        if not cache_seconds() or cache.add(change_key(version), touched, timeout=cache_seconds()):
            return
    # Still unrecorded: a number whose record is missing makes every kept index build again, which is safe.
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def change_key(version):
    return f"search:catalogue-change:{version}"


def current_version():
    return cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None)


def opportunities_changed_between(old, new):
    """The keys of the opportunities that changes from version `old` to `new` touched, or None if unknown
    (a change to everything, too many changes, a record evicted or not written yet)."""
    if not 0 < new - old <= MAX_CHANGES_FOLLOWED:
        return None
    keys = [change_key(version) for version in range(old + 1, new + 1)]
    found = cache.get_many(keys)
    if len(found) < len(keys) or EVERYTHING in found.values():
        return None
    return set().union(*found.values())


def cached(name, parts, compute):
    """`compute()`, or what it gave for the same `parts` (a repr-able description) since the last change.

    For one search's answer: with `SEARCH_CACHE_ANSWERS` off, always computed.
    """
    seconds = cache_seconds()
    if not seconds or not getattr(settings, "SEARCH_CACHE_ANSWERS", True):
        return compute()
    key = f"search:{name}:{current_version()}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def unchanged(value, touched):
    """`update` for what no opportunity's change can change (the places of the "near" menu, the category tree):
    kept until a change touched everything, as changes to places and vocabulary terms do."""
    return value


@dataclasses.dataclass(frozen=True)
class Kept:
    version: int
    parts: object
    built: float
    value: object


_in_process = {}


def kept_in_process(name, parts, build, *, update=None):
    """`build()`, or what it gave in this process for the same `parts`, brought up to date with the catalogue.

    For what every search reads whole and is too large to copy out of a shared cache on each request. One
    value per name: new `parts` replace the old one. After a change the value is built again, unless the
    change is known to touch only some opportunities and `update(value, keys)` gives it for theirs (or None
    to build). `SEARCH_CACHE_SECONDS` after building, it is built again whatever changed.
    """
    seconds = cache_seconds()
    if not seconds:
        return build()
    version, now = current_version(), time.monotonic()
    kept = _in_process.get(name)
    if kept is not None and kept.parts == parts and now - kept.built < seconds:
        if kept.version == version:
            return kept.value
        touched = opportunities_changed_between(kept.version, version) if update else None
        value = None if touched is None else update(kept.value, touched) if touched else kept.value
        if value is not None:
            _in_process[name] = dataclasses.replace(kept, version=version, value=value)
            return value
    value = build()
    _in_process[name] = Kept(version, parts, now, value)
    return value
