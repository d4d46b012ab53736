import os
import subprocess
import sys

from django.conf import settings


def import_settings(module, expression="s.DATABASES['default']['ENGINE']", **env):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DATABASE_URL", "CACHE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print({expression})"],
        capture_output=True,
        text=True,
        env={**environment, **env},
        cwd=settings.BASE_DIR,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings("portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_reads_its_database_from_the_environment():
    result = import_settings(
        "portal.settings.production", SECRET_KEY="x" * 50, DATABASE_URL="postgres://portal:portal@db:5432/portal"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_sqlite_is_the_zero_set_up_default():
    result = import_settings("portal.settings.dev")
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_italian_is_the_default_language_and_i18n_is_on():
    assert settings.LANGUAGE_CODE == "it"
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == ["it", "en"]


def test_postgresql_connections_run_without_jit():
    result = import_settings(
        "portal.settings.dev", "s.DATABASES['default']['OPTIONS']", DATABASE_URL="postgres://portal:portal@db/portal"
    )
    assert result.stdout.strip() == "{'options': '-c jit=off'}"


def test_cache_url_gives_every_process_one_redis_cache():
    result = import_settings("portal.settings.dev", "s.CACHES['default']", CACHE_URL="redis://cache:6379/1")
    assert "django.core.cache.backends.redis.RedisCache" in result.stdout
    assert "redis://cache:6379/1" in result.stdout


def test_a_cache_url_that_is_not_redis_is_refused_at_start_up():
    result = import_settings("portal.settings.dev", CACHE_URL="memcached://cache:11211")
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr
