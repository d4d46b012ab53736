"""Settings shared by every environment.

Safe for production as it stands: secrets and service addresses come from the
environment, and nothing here turns on debugging.
"""

import os
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "taxonomy",
    "organizations",
    "opportunities",
    "search",
    # Before wagtail.admin: it adds a reason to Wagtail's unpublish confirmation template.
    "publishing",
    "opendata",
    "bootstrap_italia_template",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the zero-set-up default; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Compiling a plan to machine code costs PostgreSQL about 100 ms on the search's facet counts, more than
    # it saves on a web request's queries (JIT pays off on long analytical queries only).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every process of the portal in production (registration rate limits, search counts): set
# CACHE_URL=redis://host:6379/0. Empty: each process keeps its own cache in memory (development).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL:
    raise ImproperlyConfigured(f"CACHE_URL must be a redis:// or rediss:// address, not {CACHE_URL!r}")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Italian first; content in other languages arrives through Wagtail's locales.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italiano")), ("en", _("Inglese"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# Uploads are bounded: a request body over 20 MB is refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_MODEL = "home.PortalImage"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portale@comune.example")

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Portale delle opportunità")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # On PostgreSQL, Italian stemming ("biblioteca" finds "Biblioteche").
        # Accents optional too ("eta" finds "età"): PostgreSQL's italian with unaccent (search migration 0007).
        "SEARCH_CONFIG": "portal_italian",
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Review emails go to the reviewers' groups and to the people who submitted, not to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Reviewers leave comments on fields; associations read them in the editor.
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Map tiles are fetched by the visitor's browser from this server; empty: markers on a blank map.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)

# --- Search engine (docs/elasticsearch.md). "database" needs nothing else; "elasticsearch" searches the cluster
# at ELASTICSEARCH_URL and falls back to the database engine while the cluster is unreachable or slow.
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "database")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Indices and the synonyms set are named "<prefix>-opportunities…": several portals can share one cluster.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal")
# Seconds a family's search waits for the cluster before the database answers instead.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Seconds an indexing request (task, rebuild) may take.
ELASTICSEARCH_INDEXING_TIMEOUT = float(os.environ.get("ELASTICSEARCH_INDEXING_TIMEOUT", "30"))
# After a failure, seconds during which searches go straight to the database.
ELASTICSEARCH_RETRY_AFTER_SECONDS = int(os.environ.get("ELASTICSEARCH_RETRY_AFTER_SECONDS", "30"))
# Replicas of the opportunities index (0 on a single node; 1 or more on a cluster).
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
# Seconds search keeps what it read at most (the database engine's catalogue index and typo vocabulary, what
# each search found, whole answers); all are dropped sooner, on every change to the catalogue
# (search/catalogue.py). 0: compute everything on every search.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))
# "0": keep only what serves every search (the catalogue index, the typo vocabulary), not each search's
# answer: what a search asked for the first time costs (the benchmark measures it).
SEARCH_CACHE_ANSWERS = os.environ.get("SEARCH_CACHE_ANSWERS", "1") != "0"
