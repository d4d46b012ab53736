#!/usr/bin/env bash
# Time `manage.py seed_demo --opportunities N` on a fresh SQLite or PostgreSQL database.
#
#   bench/seed_demo.sh sqlite 10000 100000
#   bench/seed_demo.sh postgres 10000 100000
#
# SQLite uses var/bench.sqlite3; PostgreSQL drops and recreates the database
# $BENCH_PG_DATABASE (default portal_bench) on $PGHOST as $PGUSER (default
# 127.0.0.1 and postgres, trust authentication). Images go to var/bench-media.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${1:?usage: bench/seed_demo.sh sqlite|postgres [opportunities ...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
python=.venv/bin/python
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export MEDIA_ROOT=${MEDIA_ROOT:-$PWD/var/bench-media}
database=${BENCH_PG_DATABASE:-portal_bench}

fresh_database() {
    case $engine in
        sqlite)
            mkdir -p var
            rm -f var/bench.sqlite3
            export DATABASE_URL="sqlite:///$PWD/var/bench.sqlite3"
            ;;
        postgres)
            dropdb --if-exists "$database"
            createdb "$database"
            export DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$database"
            ;;
        *)
            echo "unknown engine: $engine (sqlite or postgres)" >&2
            exit 2
            ;;
    esac
    rm -rf "$MEDIA_ROOT"
    $python manage.py migrate -v0
}

machine() {
    echo "date:     $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "machine:  $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
    echo "python:   $($python -c 'import platform; print(platform.python_version())')"
    $python -c 'import django, sqlite3, wagtail; print(f"django:   {django.__version__}, wagtail {wagtail.__version__}, sqlite {sqlite3.sqlite_version}")'
    if [ "$engine" = postgres ]; then
        echo "postgres: $(psql -Atc 'show server_version' postgres)"
    fi
}

machine
for size in "${sizes[@]}"; do
    echo
    echo "== $engine, seed_demo --opportunities $size"
    fresh_database
    /usr/bin/time -f "wall clock %e s, peak memory %M KB" \
        $python manage.py seed_demo --opportunities "$size" 2>&1 | sed -n '/^Seeded/,/^  total/p;/^wall clock/p'
done
