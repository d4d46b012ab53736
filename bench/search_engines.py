"""Database engine vs Elasticsearch engine on one catalogue, in one run: indexing throughput and query latency.

    .venv/bin/python bench/search_engines.py --opportunities 100000 [--repetitions 20] [--elasticsearch-url URL]

Builds a fresh SQLite catalogue with `seed_demo` (var/bench-engines.sqlite3; `--database-url` for
PostgreSQL, which is dropped and refilled: never point it at data you care about), starts noida-db
(the Elasticsearch 8.15 stand-in from PyPI) unless `--elasticsearch-url` names a real cluster, times
`search_index rebuild` (documents per second) and then the same searches on both engines.
Prints Markdown for bench/README.md. Only loopback addresses are contacted unless you pass a URL.
"""

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opportunities", type=int, default=10000)
    parser.add_argument("--repetitions", type=int, default=20, help="0: time the indexing only")
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench-engines.sqlite3'}")
    parser.add_argument("--elasticsearch-url", default="")
    parser.add_argument("--reuse", action="store_true", help="keep the database if it already has the catalogue")
    return parser.parse_args()


def start_noida():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    binary = Path(str(resources.files("noida_db").joinpath("noida-db")))
    binary.chmod(0o755)
    data_dir = tempfile.mkdtemp(prefix="bench-noida-")
    command = [str(binary), "start", "--only", "elasticsearch", "--elasticsearch-port", str(port)]
    process = subprocess.Popen([*command, "--data-dir", data_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(200):
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (loopback only)
                return process, url
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("noida-db did not start")


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # No SQL log growing for hours.
    # Each engine keeps its index (the database engine's catalogue index, the cluster's own), neither an
    # answer: every timed search is computed, as if asked for the first time.
    settings.SEARCH_CACHE_SECONDS, settings.SEARCH_CACHE_ANSWERS = 300, False


def fresh_catalogue(args):
    from django.core.management import call_command
    from django.db import connection

    from opportunities.models import OpportunityPage

    if args.database_url.startswith("sqlite"):
        path = Path(args.database_url.removeprefix("sqlite:///"))
        path.parent.mkdir(exist_ok=True)
        if not args.reuse:
            path.unlink(missing_ok=True)
    elif not args.reuse:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    if OpportunityPage.objects.count() < args.opportunities:
        started = time.perf_counter()
        call_command("seed_demo", opportunities=args.opportunities, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"seed_demo --opportunities {args.opportunities}: {time.perf_counter() - started:.1f} s", file=sys.stderr)


def time_indexing():
    from search import indexing
    from search.engines.elasticsearch.documents import document, searchable, with_relations

    pks = list(searchable().order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    for start in range(0, len(pks), indexing.CHUNK_SIZE):
        for page in with_relations(searchable().filter(pk__in=pks[start : start + indexing.CHUNK_SIZE])):
            document(page)
    building = time.perf_counter() - started

    def progress(done, total):
        if done % 10000 == 0 or done == total:
            print(f"  indexed {done}/{total} in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    started = time.perf_counter()
    _name, count = indexing.rebuild(progress=progress)
    total = time.perf_counter() - started
    return count, building, total


NEXT_7_AFTERNOONS = {"when": "next7", "time_of_day": "afternoon"}


def searches(today):
    from organizations.models import Place
    from search.query import SearchQuery

    # The demo town's own coordinates: the first place that has them.
    place = Place.objects.exclude(latitude=None).exclude(longitude=None).order_by("pk").first()
    centre = (float(place.latitude), float(place.longitude)) if place else (45.0703, 7.6869)

    return [
        ("everything, soonest first", SearchQuery()),
        ("text «corso»", SearchQuery(text="corso")),
        ("text «laboratorio per bambini» + age 8", SearchQuery(text="laboratorio per bambini", age=8)),
        ("category sport + free", SearchQuery(categories=("sport",), free_only=True)),
        ("next 7 days + afternoon", SearchQuery.from_params(NEXT_7_AFTERNOONS, today=today)),
        ("near a demo place, 3 km, nearest", SearchQuery(near=centre, radius_km=3, sort="nearest")),
        ("typo «palavolo»", SearchQuery(text="palavolo")),
        ("page 50 of everything", SearchQuery(page=50)),
    ]


def time_queries(engines, repetitions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    rows = []
    for label, query in searches(timezone.localdate()):
        row = [label]
        for engine in engines:
            for _warmup in range(2):
                result = engine.search(query, now=timezone.now())
            seconds = []
            for _repetition in range(repetitions):
                started = time.perf_counter()
                engine.search(query, now=timezone.now())
                seconds.append(time.perf_counter() - started)
            with CaptureQueriesContext(connection) as sql:
                engine.search(query, now=timezone.now())
            p95 = statistics.quantiles(seconds, n=20)[-1] if len(seconds) >= 2 else seconds[0]
            row += [f"{statistics.median(seconds) * 1000:.0f}", f"{p95 * 1000:.0f}", str(len(sql)), str(result.total)]
        rows.append(row)
    return rows


def main():
    args = parse_args()
    setup_django(args.database_url)
    from django.conf import settings
    from django.db import connection

    fresh_catalogue(args)
    process = None
    url = args.elasticsearch_url
    if not url:
        process, url = start_noida()
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = "bench"
    settings.ELASTICSEARCH_TIMEOUT = 120
    settings.ELASTICSEARCH_INDEXING_TIMEOUT = 600
    try:
        from search.engines.database.engine import DatabaseEngine
        from search.engines.elasticsearch.client import get_client
        from search.engines.elasticsearch.engine import ElasticsearchEngine

        server = get_client().info()["version"]["number"]
        count, building, total = time_indexing()
        rows = time_queries([DatabaseEngine(), ElasticsearchEngine()], args.repetitions) if args.repetitions else []
    finally:
        if process:
            process.terminate()
            process.wait()
    print(f"Machine: {os.cpu_count()} CPU, Python {platform.python_version()}, database {connection.vendor}, ")
    print(f"Elasticsearch API {server} ({'noida-db' if process else url}); {count} opportunities indexed.\n")
    print("| indexing | seconds | documents/second |\n|---|---:|---:|")
    print(f"| building documents from the database (no cluster) | {building:.1f} | {count / building:,.0f} |")
    print(f"| `search_index rebuild` (build + bulk + alias swap) | {total:.1f} | {count / total:,.0f} |\n")
    if not rows:
        return
    print(f"Query latency, {args.repetitions} repetitions after 2 warm-up runs (ms; SQL: database queries):\n")
    print("| search | database median | p95 | SQL | total | Elasticsearch median | p95 | SQL | total |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
