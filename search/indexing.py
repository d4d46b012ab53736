"""Keeping the Elasticsearch index in step with the database: queue, apply, rebuild, compare.

Changes are first recorded as `PendingIndexUpdate` rows in the editor's own transaction (cheap and
durable); a task applies them after the commit, outside the editor's request where the task
backend allows. A row is deleted only once the cluster has accepted the change, so nothing is lost
while Elasticsearch is down: the next task run or `manage.py search_index retry` applies it.
"""

import logging

from elasticsearch import helpers

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search.catalogue import catalogue_changed
from search.engines.elasticsearch.client import UNAVAILABLE, alias_name, get_client, synonyms_set_name
from search.engines.elasticsearch.documents import document, searchable, with_relations
from search.engines.elasticsearch.index import create_index
from search.models import PendingIndexUpdate, Synonym

logger = logging.getLogger(__name__)

SYNONYMS_KEY = "synonyms"
CHUNK_SIZE = 500


def enabled():
    return getattr(settings, "SEARCH_ENGINE", "database") == "elasticsearch"


# --- Queue ------------------------------------------------------------------------------------


def page_key(pk):
    return f"page:{pk}"


def queue(keys):
    """Record work for the index and apply it after the commit; does nothing unless Elasticsearch is the engine."""
    keys = set(keys)
    if not enabled() or not keys:
        return
    now = timezone.now()
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(key=key, queued_at=now) for key in keys],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["queued_at"],
    )
    transaction.on_commit(enqueue_processing)


def queue_pages(pks):
    queue(page_key(pk) for pk in pks)


def enqueue_processing():
    from search.tasks import apply_pending_index_updates

    try:
        apply_pending_index_updates.enqueue()
    except Exception:  # The rows stay queued: the next run or `search_index retry` applies them.
        logger.exception("Could not enqueue the search index update")


def apply_pending(limit=CHUNK_SIZE):
    """Apply up to `limit` queued updates; (applied, failed). A failure keeps the rows with the error."""
    rows = list(PendingIndexUpdate.objects.all()[:limit])
    if not rows:
        return 0, 0
    pks = [int(row.key.split(":", 1)[1]) for row in rows if row.key.startswith("page:")]
    try:
        if any(row.key == SYNONYMS_KEY for row in rows):
            push_synonyms()
        if pks:
            index_pages(pks)
    except (*UNAVAILABLE, helpers.BulkIndexError) as error:
        logger.warning("Elasticsearch did not take %s index updates, kept for a retry: %s", len(rows), error)
        PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in rows]).update(
            attempts=F("attempts") + 1, last_error=str(error)[:2000]
        )
        return 0, len(rows)
    # The change was committed before the index had it: answers kept since then may predate it.
    catalogue_changed(())  # Elasticsearch's own index: only kept answers are stale
    # A row queued again while we worked has a newer queued_at and stays for the next run.
    for row in rows:
        PendingIndexUpdate.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
    return len(rows), 0


def apply_all_pending():
    """Apply every queued update, chunk by chunk, stopping at the first failure; (applied, failed)."""
    applied = 0
    while True:
        done, failed = apply_pending()
        applied += done
        if failed or not done:
            return applied, failed


# --- Documents and synonyms -------------------------------------------------------------------


def index_pages(pks, *, index=None):
    """Index the given opportunities as they are now, and remove those that are no longer searchable."""
    client = get_client(indexing=True)
    index = index or alias_name()
    ensure_index(client)
    pages = list(with_relations(searchable().filter(pk__in=pks)))
    found = {page.pk for page in pages}
    actions = [{"_index": index, **document(page)} for page in pages]
    actions += [{"_op_type": "delete", "_index": index, "_id": pk} for pk in set(pks) - found]
    # A page removed before it was ever indexed is not an error (404); anything else raises and stays queued.
    helpers.bulk(client, actions, refresh="wait_for", ignore_status=(404,))


def synonym_rules():
    return [{"id": str(group.pk), "synonyms": ", ".join(group.term_list)} for group in Synonym.objects.all()]


def push_synonyms(client=None):
    """Replace the cluster's synonyms set with the editors' groups; the search analyzers reload by themselves."""
    client = client or get_client(indexing=True)
    client.synonyms.put_synonym(id=synonyms_set_name(), synonyms_set=synonym_rules())


def ensure_index(client):
    """Create the first index behind the alias if there is none yet (a fresh cluster)."""
    if not client.indices.exists_alias(name=alias_name()):
        rebuild(client=client)


# --- Rebuild and status -----------------------------------------------------------------------


def new_index_name():
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def rebuild(*, client=None, chunk_size=CHUNK_SIZE, progress=None):
    """Build a new index from the database, then point the alias at it in one atomic step; returns (name, count).

    Searches keep using the old index until the swap, and then the new one; the old index is deleted.
    """
    client = client or get_client(indexing=True)
    started = timezone.now()
    push_synonyms(client)
    name = new_index_name()
    create_index(client, name)
    count = bulk_index_all(client, name, chunk_size=chunk_size, progress=progress)
    client.indices.refresh(index=name)
    alias = alias_name()
    old = list(client.indices.get_alias(name=alias).keys()) if client.indices.exists_alias(name=alias) else []
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.options(ignore_status=404).indices.delete(index=index)
    catalogue_changed(())
    # Pages changed while we were building were indexed from fresh rows, or are still queued; either way
    # the queue is applied to the new index next.
    logger.info("Rebuilt %s with %s opportunities in %s", name, count, timezone.now() - started)
    return name, count


def sync(*, client=None):
    """Bring the current index in step with the database in place (no new index): every searchable
    opportunity indexed, every other document removed, synonyms pushed; returns the number indexed."""
    client = client or get_client(indexing=True)
    ensure_index(client)
    push_synonyms(client)
    alias = alias_name()
    count = bulk_index_all(client, alias)
    wanted = set(searchable().values_list("pk", flat=True))
    indexed = {int(hit["_id"]) for hit in helpers.scan(client, index=alias, query={"_source": False})}
    stale = [{"_op_type": "delete", "_index": alias, "_id": pk} for pk in indexed - wanted]
    helpers.bulk(client, stale, ignore_status=(404,))
    client.indices.refresh(index=alias)
    catalogue_changed(())
    return count


def bulk_index_all(client, index, *, chunk_size=CHUNK_SIZE, progress=None):
    count = 0
    pks = list(searchable().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), chunk_size):
        chunk = pks[start : start + chunk_size]
        pages = with_relations(searchable().filter(pk__in=chunk))
        helpers.bulk(client, ({"_index": index, **document(page)} for page in pages), chunk_size=chunk_size)
        count += len(chunk)
        if progress:
            progress(count, len(pks))
    return count


def status(client=None):
    """How the index compares with the database: counts, the alias' index, the queue."""
    client = client or get_client(indexing=True)
    alias = alias_name()
    indices = list(client.indices.get_alias(name=alias).keys()) if client.indices.exists_alias(name=alias) else []
    indexed = client.count(index=alias)["count"] if indices else 0
    pending = PendingIndexUpdate.objects.all()
    oldest = pending.first()
    return {
        "alias": alias,
        "indices": indices,
        "indexed": indexed,
        "database": searchable().count(),
        "pending": pending.count(),
        "oldest_pending": oldest.queued_at if oldest else None,
        "failing": pending.filter(attempts__gt=0).count(),
    }
