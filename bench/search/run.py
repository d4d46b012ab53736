"""Time the search views in-process: each request goes through Django's WSGI handler with its middleware."""

import argparse
import contextlib
import io
import itertools
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import django
from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

import wagtail

from bench.search.mix import MIX
from opportunities.models import OpportunityPage
from search.catalogue import record_change

# (key, heading, path, query string of a search): the views measured, side by side.
VIEWS = [
    ("bare", "bare Django view (constant)", "/bench/bare/", lambda search: search.query_string),
    ("stock", "Wagtail stock search (`wagtail start`)", "/bench/stock-search/", lambda s: s.stock_query_string),
    ("page", "search page `/cerca/`", "/cerca/", lambda search: search.query_string),
    ("api", "JSON API `/api/v1/opportunities/`", "/api/v1/opportunities/", lambda search: search.query_string),
]
BARE_TARGET_FACTOR = 10


@dataclass
class Measurement:
    view: str
    search: object
    seconds: list = field(default_factory=list)
    sql_queries: int = 0


def request(handler, path, query_string):
    """One GET through the WSGI handler, body read and closed as a server would; returns the status code."""
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query_string, "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    status = []
    response = handler(environ, lambda code, headers, exc_info=None: status.append(code))
    try:
        b"".join(response)
    finally:
        response.close()
    return int(status[0].split()[0])


def timed(handler, path, query_string):
    """Seconds one request took; anything but a 200 stops the benchmark (an error page is not a search)."""
    started = time.perf_counter()
    status = request(handler, path, query_string)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"{path}?{query_string} answered {status}")
    return elapsed


def measurements_for(views):
    """Stock search only gets the searches with words: without them it answers an empty page."""
    return [Measurement(key, search) for search in MIX for key, *_ in views if key != "stock" or search.text]


class OneChangeEach:
    """Before each request, an editor's change to one opportunity (a different one each time), as search is
    told of it: what the search after it costs, since nothing kept for the previous version serves it whole."""

    def __init__(self):
        pks = list(OpportunityPage.objects.live().order_by("pk").values_list("pk", flat=True))
        self.pks = itertools.cycle(pks[:: max(len(pks) // 1000, 1)])

    def __call__(self):
        # The opportunity's row is left as it is (the benchmark keeps its data): search reads it again all the same.
        record_change((next(self.pks),))


def benchmark(*, repetitions, warmup, after_a_change=False):
    handler = WSGIHandler()
    change = OneChangeEach() if after_a_change else None
    load_before = load_average()
    measurements = measurements_for(VIEWS)
    paths = {key: (path, query_string) for key, _, path, query_string in VIEWS}

    def get(measurement):
        path, query_string = paths[measurement.view]
        if change:
            change()
        return timed(handler, path, query_string(measurement.search))

    with connections_kept():
        for _ in range(warmup):
            for measurement in measurements:
                get(measurement)
        # Interleaved, so that a burst of load on a shared machine spreads over every view alike.
        for _ in range(repetitions):
            for measurement in measurements:
                measurement.seconds.append(get(measurement))
        for measurement in measurements:
            with CaptureQueriesContext(connection) as queries:
                get(measurement)
            measurement.sql_queries = len(queries)
    # The machine may be shared: the load says how much the figures were disturbed.
    load = {"load average (1, 5, 15 min)": f"{load_before} before, {load_average()} after"}
    changes = {"changes": "one opportunity changed before each request" if change else "none"}
    return Report(measurements, repetitions=repetitions, warmup=warmup, environment=environment() | changes | load)


@contextlib.contextmanager
def connections_kept():
    """Like Django's test client: connections stay open between requests (inside a test's transaction they must)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


def database_version():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def environment():
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPU, {platform.machine()}, {platform.platform(terse=True)}",
        "database": database_version(),
        "software": f"Python {platform.python_version()}, Django {django.__version__}, Wagtail {wagtail.__version__}",
        "opportunities": f"{OpportunityPage.objects.live().count():,}",
        "search cache": cache_setting(),
        "code": code_version(),
    }


def cache_setting():
    if not settings.SEARCH_CACHE_SECONDS:
        return "off (SEARCH_CACHE_SECONDS=0: every search builds the catalogue index and computes everything)"
    if not settings.SEARCH_CACHE_ANSWERS:
        return (
            f"SEARCH_CACHE_SECONDS={settings.SEARCH_CACHE_SECONDS}, SEARCH_CACHE_ANSWERS=0 (only the catalogue"
            " index and the typo vocabulary kept: every search computed as if asked for the first time)"
        )
    return (
        f"SEARCH_CACHE_SECONDS={settings.SEARCH_CACHE_SECONDS} (the catalogue index, the typo vocabulary, what"
        " each search found and whole answers kept)"
    )


def code_version():
    """The commit measured, marked when the working tree differs from it (the tree may be shared)."""
    git = ["git", "-C", str(Path(__file__).resolve().parents[2])]
    try:
        commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        changed = subprocess.run(
            [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"commit {commit.stdout.strip()}" + (", with uncommitted changes" if changed.stdout.strip() else "")


def load_average():
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def milliseconds(seconds):
    return f"{seconds * 1000:.1f}"


def p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[18]


@dataclass
class Report:
    measurements: list
    repetitions: int
    warmup: int
    environment: dict

    def samples(self, view, *, text=None):
        """Every timed request of a view, optionally only the searches with (True) or without (False) words."""
        return [
            seconds
            for measurement in self.measurements
            if measurement.view == view and (text is None or bool(measurement.search.text) == text)
            for seconds in measurement.seconds
        ]

    def median(self, view, *, text=None):
        return statistics.median(self.samples(view, text=text))

    def summary_rows(self):
        bare = self.median("bare")
        rows = []
        for key, heading, *_ in VIEWS:
            subsets = [(None, "all")] if key in ("bare", "stock") else [(None, "all"), (True, "with words")]
            for text, subset in subsets:
                values = self.samples(key, text=text)
                searches = len(values) // self.repetitions
                median = statistics.median(values)
                rows.append(
                    (
                        heading,
                        f"{searches} ({subset})",
                        milliseconds(median),
                        milliseconds(p95(values)),
                        f"{median / bare:.0f}×",
                    )
                )
        return rows

    def target_lines(self):
        bare, stock = self.median("bare"), self.median("stock")
        lines = []
        for key, heading, *_ in VIEWS[2:]:
            faceted, worded = self.median(key), self.median(key, text=True)
            limit = BARE_TARGET_FACTOR * bare
            lines.append(
                f"- {heading}, median of every search {milliseconds(faceted)} ms against "
                f"{BARE_TARGET_FACTOR} × bare = {milliseconds(limit)} ms: "
                f"{'**met**' if faceted <= limit else '**not met**'} ({faceted / bare:.0f}× the bare view)."
            )
            lines.append(
                f"- {heading}, median of the searches with words {milliseconds(worded)} ms against stock Wagtail "
                f"search {milliseconds(stock)} ms on the same words: "
                f"{'**met**' if worded < stock else '**not met**'} ({worded / stock:.2f}× stock)."
            )
        return lines

    def per_search_rows(self):
        by_search = {}
        for measurement in self.measurements:
            by_search.setdefault(measurement.search.label, {})[measurement.view] = measurement
        for label, views in by_search.items():
            cells = [label]
            for key in ("page", "api", "stock"):
                measurement = views.get(key)
                cells.append(
                    f"{milliseconds(statistics.median(measurement.seconds))} ({measurement.sql_queries})"
                    if measurement
                    else "–"
                )
            yield cells

    def markdown(self):
        lines = [f"- {name}: {value}" for name, value in self.environment.items()]
        lines.append(f"- {self.repetitions} timed repetitions of each search after {self.warmup} discarded")
        lines += ["", table(["view", "searches", "median ms", "p95 ms", "× bare median"], self.summary_rows()), ""]
        lines += ["Targets:", "", *self.target_lines(), ""]
        lines += [
            "Median ms per search (SQL queries):",
            "",
            table(["search", "/cerca/", "API", "stock"], list(self.per_search_rows())),
        ]
        return "\n".join(lines) + "\n"


def table(headings, rows):
    lines = ["| " + " | ".join(headings) + " |", "|---" + "|---:" * (len(headings) - 1) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repetitions", type=int, default=10, help="timed requests of each search (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="discarded passes over the mix first (default 2)")
    parser.add_argument(
        "--after-a-change", action="store_true", help="record a change to one opportunity before each request"
    )
    arguments = parser.parse_args(argv)
    if arguments.repetitions < 2:
        parser.error("--repetitions must be at least 2 (a 95th percentile needs two samples)")
    report = benchmark(
        repetitions=arguments.repetitions, warmup=arguments.warmup, after_a_change=arguments.after_a_change
    )
    sys.stdout.write(report.markdown())
