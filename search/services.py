"""Actions on the search's own data."""

import secrets

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import indexing
from search.catalogue import catalogue_changed
from search.models import SHORT_LINK_ALPHABET, SHORT_LINK_LENGTH, SearchLog, ShortLink, today

# Parameters that say how results are shown, not what was asked; lat and lng could locate a family's home.
NOT_LOGGED = ("q", "page", "page_size", "sort", "lat", "lng")


def opportunities_changed(*, pks):
    """Writes that bypass the models' signals (QuerySet.update, bulk inserts) reach search all the same.

    Cached search reads are dropped and, with Elasticsearch, the opportunities are queued for re-indexing.
    """
    catalogue_changed(pks)
    indexing.queue_pages(pks)


def search_recorded(*, query, result_count, tracked_pk=None):
    """What every view of a search page records: the log's row (first page only, so that paging through the
    results does not count the search again) and, for text, the hit of Wagtail's search terms report.

    `tracked_pk`, the key of the text's Wagtail `Query` if known (a search asked again), spares looking it up.
    Plain statements, because they run on every view of a kept page: building them with the ORM took longer
    than the database took to run them (bench/README.md).
    """
    with connection.cursor() as cursor:
        if query.page == 1:
            cursor.execute(*log_row(query, result_count))
        if query.text and not (tracked_pk is not None and hit_added(cursor, tracked_pk)):
            Query.get(query.text).add_hit()


def log_row(query, result_count):
    """(INSERT, parameters) of the search log's row: text, filters and number of results; nothing personal."""
    filters = {name: values for name, values in query.to_params().items() if name not in NOT_LOGGED}
    values = {"query": query.text[:200], "filters": filters, "result_count": result_count, "created": today()}
    fields = [SearchLog._meta.get_field(name) for name in values]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    params = [field.get_db_prep_save(values[field.name], connection) for field in fields]
    table, placeholders = connection.ops.quote_name(SearchLog._meta.db_table), ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", params


def hit_added(cursor, tracked_pk):
    """One more hit on today's row of a known query (what Wagtail's `add_hit` does); False if there is none yet."""
    table, date = (connection.ops.quote_name(name) for name in (QueryDailyHits._meta.db_table, "date"))
    cursor.execute(
        f"UPDATE {table} SET hits = hits + 1 WHERE query_id = %s AND {date} = %s", [tracked_pk, timezone.now().date()]
    )
    return cursor.rowcount == 1


def short_link_for(query_string):
    """The short link of a search's canonical query string, created on first request, the same one afterwards."""
    existing = ShortLink.objects.filter(query_string=query_string).first()
    if existing:
        return existing
    while True:
        code = "".join(secrets.choice(SHORT_LINK_ALPHABET) for _position in range(SHORT_LINK_LENGTH))
        try:
            with transaction.atomic():
                return ShortLink.objects.create(code=code, query_string=query_string)
        except IntegrityError:
            # A code already taken, or the same search saved a moment ago by someone else.
            existing = ShortLink.objects.filter(query_string=query_string).first()
            if existing:
                return existing
