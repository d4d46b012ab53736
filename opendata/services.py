"""Imports, as the command line and the admin run them."""

import logging
from contextlib import contextmanager, nullcontext

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.search import index
from wagtail.search.signal_handlers import post_save_signal_handler

from opendata.hsds import RecordError
from opendata.importer import ServiceImporter
from opendata.report import Entry, ImportReport
from opendata.sources import RecordSyntaxError, SourceError
from organizations.models import OrganizationIndexPage
from publishing.bulk_indexing import finish_search_index, index_for_search

logger = logging.getLogger(__name__)

# Records per transaction: a crash loses at most one batch, and SQLite does not sync to disk per record.
BATCH_SIZE = 200


def data_import(*, records, dry_run=False, user=None, defer_search_index=False, on_batch=None):
    """Import HSDS service objects (an iterable of dicts, `RecordSyntaxError`s or (row, dict) pairs).

    Each record is imported in its own savepoint, so a bad record leaves nothing
    behind and the others go on; the new opportunity pages of a batch are
    written together at its end. `dry_run` does everything, validation
    included, and rolls it all back. `defer_search_index` stops per-save
    indexing for the whole process and indexes what was written at the end, in
    bulk: for the command line only, since it would also pause indexing for
    other requests served by the same process. `on_batch(report)` is called
    after each batch.
    """
    report = ImportReport(dry_run=dry_run)
    directory = OrganizationIndexPage.objects.first()
    if directory is None:
        report.error = _("Manca l'elenco delle organizzazioni: crealo nel sito prima di importare.")
        return report
    importer = ServiceImporter(directory=directory, user=user)
    numbered = _numbered(records)
    with _search_index_deferred(defer_search_index and not dry_run):
        # Each batch is a transaction; a dry run is one, rolled back, with a savepoint per batch.
        with transaction.atomic() if dry_run else nullcontext():
            while batch := _read_batch(numbered, report):
                _import_batch(importer, batch, report)
                if on_batch:
                    on_batch(report)
            if dry_run:
                transaction.set_rollback(True)
        report.created_terms = importer.vocabulary.created
        if not dry_run:
            # Pages written in bulk had no save() to index them; with indexing deferred, nothing had.
            _index_touched(importer.touched if defer_search_index else importer.created)
    return report


def _numbered(records):
    for position, record in enumerate(records, start=1):
        yield record if isinstance(record, tuple) else (position, record)


def _read_batch(numbered, report):
    """The next (position, record) pairs, up to a batch; a file that breaks ends the batch and sets the error."""
    batch = []
    if report.error:
        return batch
    try:
        for pair in numbered:
            batch.append(pair)
            if len(batch) == BATCH_SIZE:
                break
    except SourceError as error:
        report.error = str(error)
    return batch


def _import_batch(importer, batch, report):
    """Import a batch in one transaction (a savepoint in a dry run), its new pages written together at the end.

    If writing them fails (a constraint the models do not check, or a page
    someone added meanwhile where the batch meant to put one), the batch is
    rolled back and imported again with each page written in its record's
    savepoint, so that a failure costs only its own record. So is a batch that
    names a service twice, which must be created, then updated.
    """
    ids = [record_id.strip() for _position, record in batch if (record_id := _record_id(record))]
    if len(ids) == len(set(ids)):
        importer.start_batch(deferred=True, hsds_ids=ids)
        try:
            with transaction.atomic():
                entries = [_import_one(importer, position, record) for position, record in batch]
                importer.flush()
        except Exception:
            logger.warning("Writing a batch of new pages failed: importing it again record by record", exc_info=True)
            importer.abandon_batch()
        else:
            report.entries.extend(entries)
            return
    importer.start_batch(deferred=False)
    with transaction.atomic():
        report.entries.extend(_import_one(importer, position, record) for position, record in batch)


def _import_one(importer, position, record):
    record_id = _record_id(record)
    if isinstance(record, RecordSyntaxError):
        return Entry(index=position, hsds_id="", outcome="skipped", messages=[record.message])
    try:
        outcome, title, notes = importer.import_record(record)
    except RecordError as error:
        return Entry(index=position, hsds_id=record_id, outcome="skipped", messages=error.messages)
    except Exception as error:
        # A bug must not cost the other records: the record was rolled back; the log keeps the traceback.
        logger.exception("Unexpected error importing record %s (%s)", position, record_id)
        message = _("errore inatteso (%(error)s): segnalalo a chi gestisce il portale") % {
            "error": type(error).__name__
        }
        return Entry(index=position, hsds_id=record_id, outcome="skipped", messages=[message])
    return Entry(index=position, hsds_id=record_id, outcome=outcome, title=title, messages=notes)


def _record_id(record):
    value = record.get("id") if isinstance(record, dict) else None
    return str(value)[:100] if isinstance(value, str | int) else ""


@contextmanager
def _search_index_deferred(enabled):
    if not enabled:
        yield
        return
    models = list(index.get_indexed_models())
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            if getattr(model, "search_auto_update", True):
                post_save.connect(post_save_signal_handler, sender=model)


def _index_touched(touched):
    """Index in bulk what the import wrote, as saving each object with indexing on would have."""
    for model, pks in touched.items():
        pks = sorted(pks)
        for start in range(0, len(pks), 1000):
            objects = list(model.get_indexed_objects().filter(pk__in=pks[start : start + 1000]))
            # The backends read each indexed relation of each object, several times: fetch them once.
            prefetch_related_objects(objects, *_indexed_parental_relations(model))
            index_for_search(model, objects)
        if pks:
            finish_search_index(model)


def _indexed_parental_relations(model):
    """The modelcluster many-to-many relations of the search fields, which `get_indexed_objects()` does not fetch."""
    fields = {field.name: field for field in model._meta.get_fields()}
    return [
        search_field.field_name
        for search_field in model.get_search_fields()
        if isinstance(search_field, index.RelatedFields)
        and isinstance(fields.get(search_field.field_name), ParentalManyToManyField)
    ]
