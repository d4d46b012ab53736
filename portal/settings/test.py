import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# One folder per database: bin/test runs the SQLite and PostgreSQL suites side by side.
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"  # noqa: F405
# The search index follows every save, as in production.
WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = True  # noqa: F405
# Tests change rows behind the receivers' back (QuerySet.update) and expect searches to see it at once;
# tests of the cache turn it on themselves.
SEARCH_CACHE_SECONDS = 0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No tile server is reachable in tests: the map must work with markers alone.
MAP_TILE_URL = ""

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: the live server's threads then get connections of their own,
    # as on PostgreSQL, instead of sharing the test's (a request still running while a test flushes the tables made
    # browser tests fail at random). One file per process, so parallel runs don't collide; WAL lets them read while
    # a test writes.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"portal-test-{os.getpid()}.sqlite3")}  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"  # noqa: F405
