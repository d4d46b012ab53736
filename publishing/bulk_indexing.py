"""Search index and reference index entries for objects created in bulk, as saving them one by one would make.

Search: every configured backend receives the objects through its own
`add_bulk`, except Wagtail's database backend on PostgreSQL, which spends most
of its time building one Django expression per text per object (about 5 ms
an object). For it, `_postgres_add` writes the same rows with one plain SQL
statement per batch: the same texts, weights and search configurations, in
the same order, from the backend's own `ObjectIndexer.prepare_field`.
A test compares the two row by row.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.index import AutocompleteField, SearchField

BATCH_SIZE = 1000


def index_for_search(model, objects):
    """Add objects to every search backend; their relations are read from memory when they are set there."""
    for backend in get_search_backends(with_auto_update=False):
        if _is_postgres_database_backend(backend):
            for start in range(0, len(objects), BATCH_SIZE):
                _postgres_add(backend, model, objects[start : start + BATCH_SIZE])
        else:
            for start in range(0, len(objects), BATCH_SIZE):
                backend.add_bulk(model, objects[start : start + BATCH_SIZE])


def finish_search_index(model):
    """Set the title weights of the entries added on PostgreSQL, once at the end: it scans the whole index.

    The other backends do it themselves on every `add_bulk`. Until then the
    new entries rank as if their titles had average length.
    """
    for backend in get_search_backends(with_auto_update=False):
        if _is_postgres_database_backend(backend):
            backend.get_index_for_model(model)._refresh_title_norms()


def _is_postgres_database_backend(backend):
    if connection.vendor != "postgresql":
        return False
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _postgres_add(backend, model, objects):
    from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer

    if not model.get_search_fields() or not objects:
        return
    content_type_id = ContentType.objects.get_for_model(model).pk
    rows, params = [], []
    for obj in objects:
        title, body, autocomplete = _texts(ObjectIndexer(obj, backend), obj)
        parts = [
            _vector(title, backend.config),
            _vector(autocomplete, backend.autocomplete_config),
            _vector(body, backend.config),
        ]
        rows.append(f"(%s, %s, {parts[0][0]}, {parts[1][0]}, {parts[2][0]}, 1.0, %s, %s)")
        params += [content_type_id, str(obj.pk), *parts[0][1], *parts[1][1], *parts[2][1]]
        params += [" ".join(text for text, _weight in title), " ".join(text for text, _weight in body)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {IndexEntry._meta.db_table} "  # noqa: S608 - identifiers from the model, values as parameters
            "(content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text) "
            f"VALUES {', '.join(rows)} "
            "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, "
            "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
            "body_text = EXCLUDED.body_text",
            params,
        )


def _texts(indexer, obj):
    """(title, body, autocomplete) lists of (text, weight), each field's value computed once."""
    title, body, autocomplete = [], [], []
    for search_field in indexer.search_fields:
        for field, weight, value in indexer.prepare_field(obj, search_field):
            text = value.strip()
            if not text:
                continue
            if isinstance(field, SearchField):
                (title if field.field_name == "title" else body).append((text, weight))
            elif isinstance(field, AutocompleteField):
                autocomplete.append((text, weight))
    return title, body, autocomplete


def _vector(texts, config):
    """SQL for the weighted tsvector of the texts, concatenated in order, and its parameters."""
    if not texts:
        return "''::tsvector", []
    function = "setweight(to_tsvector(%s::regconfig, %s), %s)" if config else "setweight(to_tsvector(%s), %s)"
    params = []
    for text, weight in texts:
        params += [config, text, weight] if config else [text, weight]
    return " || ".join([function] * len(texts)), params


def write_reference_index(model, objects):
    """Record the objects' outbound references (images, parent organization...) as saving them would.

    Uses Wagtail's own extraction, then inserts all rows at once instead of
    querying and diffing per object.
    """
    if not ReferenceIndex.is_indexed(model):
        return
    content_type = ContentType.objects.get_for_model(model)
    base_content_type = ReferenceIndex._get_base_content_type(model)
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(obj.pk),
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for obj in objects
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        )
    ]
    ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH_SIZE)
