#!/usr/bin/env bash
# Benchmark the search page and the JSON API against Wagtail's stock search and a bare view.
#
#   bench/search.sh postgres 10000 100000
#   BENCH_REPETITIONS=5 BENCH_WARMUP=1 bench/search.sh sqlite 10000
#
# For each size, bench/seed_demo.sh builds a fresh demo of that many opportunities (it drops and recreates
# $BENCH_PG_DATABASE, default portal_bench, or var/bench.sqlite3), then `python -m bench.search` times the
# views in-process and prints a Markdown report four times (search/catalogue.py): with the search cache off
# (every search builds the catalogue index, as the first search after a change to everything does), as
# deployed with a change to one opportunity before each request (the first search after an editor's change),
# with only what serves every search kept (SEARCH_CACHE_ANSWERS=0: a search asked for the first time) and as
# deployed (asked again).
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${1:?usage: bench/search.sh postgres|sqlite [opportunities ...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
database=${BENCH_PG_DATABASE:-portal_bench}

for size in "${sizes[@]}"; do
    bench/seed_demo.sh "$engine" "$size"
    case $engine in
        postgres)
            export DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$database"
            # A live database has been analysed by autovacuum; a freshly seeded one not yet.
            psql -qc "VACUUM ANALYZE" "$database"
            ;;
        sqlite)
            export DATABASE_URL="sqlite:///$PWD/var/bench.sqlite3"
            .venv/bin/python manage.py dbshell <<<"ANALYZE;"
            ;;
    esac
    for setting in "0 1" "300 1 --after-a-change" "300 0" "300 1"; do
        read -r cache_seconds answers change <<<"$setting"
        echo
        echo "== search benchmark, $engine, $size opportunities, SEARCH_CACHE_SECONDS=$cache_seconds SEARCH_CACHE_ANSWERS=$answers $change"
        SEARCH_CACHE_SECONDS=$cache_seconds SEARCH_CACHE_ANSWERS=$answers .venv/bin/python -m bench.search \
            --repetitions "${BENCH_REPETITIONS:-10}" --warmup "${BENCH_WARMUP:-2}" $change
    done
done
