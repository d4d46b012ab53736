"""Actions on the search's own data."""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search import indexing
from search.catalogue import catalogue_changed
from search.models import SHORT_LINK_ALPHABET, SHORT_LINK_LENGTH, SearchLog, ShortLink

# Parameters that say how results are shown, not what was asked; lat and lng could locate a family's home.
NOT_LOGGED = ("q", "page", "page_size", "sort", "lat", "lng")


def opportunities_changed(*, pks):
    """Writes that bypass the models' signals (QuerySet.update, bulk inserts) reach search all the same.

    Cached counts are dropped and, with Elasticsearch, the opportunities are queued for re-indexing.
    """
    catalogue_changed()
    indexing.queue_pages(pks)


def search_log_record(*, query, result_count):
    """Record a search (text, filters, number of results) in the anonymous log for the Comune.

    Only the first page counts, so that paging through the results does not count the search again.
    """
    if query.page != 1:
        return None
    filters = {name: values for name, values in query.to_params().items() if name not in NOT_LOGGED}
    return SearchLog.objects.create(query=query.text[:200], filters=filters, result_count=result_count)


def search_recorded(*, query, result_count, tracked_pk=None):
    """What every view of a search page records: the log's row and, for text, the search terms report's hit.

    `tracked_pk`, the key of the text's Wagtail `Query` if known, spares looking it up (a search asked again).
    """
    search_log_record(query=query, result_count=result_count)
    if query.text:
        hit_counted(query.text, tracked_pk)


def hit_counted(text, tracked_pk):
    """Wagtail's `Query.get(text).add_hit()`, in one statement on every hit of a known query but the day's first."""
    if tracked_pk is not None:
        today = QueryDailyHits.objects.filter(query_id=tracked_pk, date=timezone.now().date())
        if today.update(hits=F("hits") + 1):
            return
    Query.get(text).add_hit()


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
