#!/usr/bin/env bash
# Time `manage.py import_hsds` of a generated HSDS file on a fresh SQLite or PostgreSQL database, twice:
# the first run creates everything, the second updates everything (a new revision per page).
#
#   bench/import_hsds.sh sqlite 10000
#   bench/import_hsds.sh postgres 10000
#   RUNS=create bench/import_hsds.sh sqlite 10000     # only the first run
#
# SQLite uses var/bench-import.sqlite3; PostgreSQL drops and recreates $BENCH_PG_DATABASE
# (default portal_bench_import) on $PGHOST as $PGUSER (default 127.0.0.1 and postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${1:?usage: bench/import_hsds.sh sqlite|postgres [services]}
size=${2:-10000}
python=.venv/bin/python
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-portal.settings.dev}
database=${BENCH_PG_DATABASE:-portal_bench_import}
file=var/bench-hsds-$size.json

mkdir -p var
[ -f "$file" ] || $python bench/hsds_generate.py "$size" "$file"
case $engine in
    sqlite)
        rm -f var/bench-import.sqlite3
        export DATABASE_URL="sqlite:///$PWD/var/bench-import.sqlite3"
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
$python manage.py migrate -v0
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB, $($python --version), $(date -Is)"
echo "file: $file, $(du -h "$file" | cut -f1)"
for run in ${RUNS:-create update}; do
    echo "== $engine, $size services, $run (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    # CPU time (user + sys) says more than the wall clock on a machine shared with other work.
    /usr/bin/time -f "wall clock %e s, CPU %U s user + %S s sys, peak memory %M KB" \
        $python manage.py import_hsds "$file" 2>&1 | grep -v -e '^#' -e '^Termine creato' -e 'record letti'
    echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
