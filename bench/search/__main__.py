"""python -m bench.search [--repetitions N] [--warmup N], against the database in DATABASE_URL."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search.settings")
django.setup()

from bench.search.run import main  # noqa: E402 (needs the apps loaded)

main()
