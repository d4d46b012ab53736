"""Where one search spends its time: its SQL queries, slowest first, and Python's own hot spots.

    DATABASE_URL=... python -m bench.search.profile /cerca/ 'q=sport&page=3' [--explain] [--after-a-change]

The view is requested once to warm up, then once under cProfile with its queries captured.
"""

import argparse
import cProfile
import io
import os
import pstats
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search.settings")
django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402 (needs the apps loaded)
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.search.run import OneChangeEach, request  # noqa: E402


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("query_string", nargs="?", default="")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the three slowest queries")
    parser.add_argument("--functions", type=int, default=25, help="how many functions of the profile to print")
    parser.add_argument(
        "--after-a-change", action="store_true", help="record a change to one opportunity after the warm-up"
    )
    arguments = parser.parse_args()
    handler = WSGIHandler()
    request(handler, arguments.path, arguments.query_string)
    if arguments.after_a_change:
        OneChangeEach()()
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profiler.enable()
        status = request(handler, arguments.path, arguments.query_string)
        profiler.disable()
        elapsed = time.perf_counter() - started
    sql_seconds = sum(float(query["time"]) for query in queries)
    print(f"{status}, {elapsed * 1000:.1f} ms, {len(queries)} SQL queries taking {sql_seconds * 1000:.1f} ms\n")
    slowest = sorted(queries, key=lambda query: -float(query["time"]))
    for query in slowest:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:300]}")
    if arguments.explain:
        for query in slowest[:3]:
            print(f"\n{query['sql']}\n{explain(query['sql'])}")
    output = io.StringIO()
    pstats.Stats(profiler, stream=output).sort_stats("cumulative").print_stats(arguments.functions)
    print(output.getvalue())


if __name__ == "__main__":
    main()
