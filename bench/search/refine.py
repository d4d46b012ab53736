"""A visitor refining a search: the second search timed after the first, against the same second search alone.

    DATABASE_URL=... python -m bench.search.refine [--repetitions N]

Each repetition empties the cache (a change to the catalogue has just happened), asks the first search
of a pair, then times the second; and, cache emptied again, times the second alone. The difference is
what the second reuses of the first: the catalogue index the first built after the change
(`search/engines/database/index.py`). Runs with the cache on, as deployed.
"""

import argparse
import os
import statistics
import sys
from urllib.parse import urlencode

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search.settings")
django.setup()

from django.core.cache import cache  # noqa: E402 (needs the apps loaded)
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import override_settings  # noqa: E402

from bench.search.run import connections_kept, environment, milliseconds, table, timed  # noqa: E402

# (what the visitor does, the search before, the search after): the page's own links do each step.
STEPS = [
    ("landing page, then a category", {}, {"category": "sport"}),
    ("landing page, then a district", {}, {"district": "san-rocco"}),
    ("a category, then a kind", {"category": "sport"}, {"category": "sport", "kind": "attivita"}),
    ("a category, then an age", {"category": "sport"}, {"category": "sport", "age": "10"}),
    ("words, then free", {"q": "festa"}, {"q": "festa", "free": "1"}),
]


def refine(*, repetitions):
    handler = WSGIHandler()
    rows = []
    for label, before, after in STEPS:
        alone, refined = [], []
        for _ in range(repetitions):
            cache.clear()
            alone.append(timed(handler, "/cerca/", urlencode(after)))
            cache.clear()
            timed(handler, "/cerca/", urlencode(before))
            refined.append(timed(handler, "/cerca/", urlencode(after)))
        alone_ms, refined_ms = statistics.median(alone), statistics.median(refined)
        rows.append((label, milliseconds(alone_ms), milliseconds(refined_ms), f"{refined_ms / alone_ms:.2f}×"))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repetitions", type=int, default=5, help="times each step is measured (default 5)")
    arguments = parser.parse_args(argv)
    with override_settings(SEARCH_CACHE_SECONDS=300), connections_kept():
        lines = [f"- {name}: {value}" for name, value in environment().items()]
        lines.append(f"- median of {arguments.repetitions} repetitions, cache emptied before each")
        headings = ["step", "second search alone, ms", "after the first, ms", "ratio"]
        lines += ["", table(headings, refine(repetitions=arguments.repetitions))]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
