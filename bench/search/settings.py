"""Production-like settings for the search benchmark: no debugging, persistent database connections."""

from portal.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-key"
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.search.urls"
# Plain static URLs: the benchmark runs without collectstatic, and a manifest lookup is not what is measured.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# A deployed portal keeps its connections (DATABASE_CONN_MAX_AGE); opening one per request would be measured too.
DATABASES["default"]["CONN_MAX_AGE"] = None  # noqa: F405
