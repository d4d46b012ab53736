"""Bulk creation of live Wagtail pages with their many-to-many values and child objects.

`Page.add_child()` saves one page at a time, with several queries, signals and
a tree lock each: fine for an editor, far too slow for a catalogue of 100,000
opportunities. Here the caller builds unsaved page instances with their
many-to-many values and child objects set in memory (modelcluster keeps them
there), and this module:

1. computes the treebeard materialized path, depth and URL path of each page;
2. inserts the rows of the base `wagtailcore_page` table with `bulk_create`;
3. inserts the rows of the specific page table (multi-table inheritance, which
   `bulk_create` refuses) with the same insert query Django uses;
4. inserts many-to-many through rows and child objects (ParentalKey) in bulk.

`publishing.bulk_indexing` then adds the pages to the search and reference indexes. Used by
`seed_demo` (home/demo) and by the imports (opendata/pages.py).

Pages are published as they are created (live, first and last published now),
without revisions, as pages created in code usually are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Orderable, Page

BATCH_SIZE = 1000
PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def step(number):
    """The treebeard path step of the n-th child (1-based): 4 base-36 digits."""
    digits = ""
    while number:
        number, remainder = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[remainder] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def next_child_number(parent):
    """The step number the next child of `parent` gets, after any existing children."""
    last_path = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(last_path[-Page.steplen :], len(Page.alphabet)) + 1 if last_path else 1


def place_below(parent, pages, *, first_number):
    """Give `pages` consecutive positions below `parent` and the fields a live page needs."""
    content_type = ContentType.objects.get_for_model(type(pages[0])) if pages else None
    for offset, page in enumerate(pages):
        page.path = parent.path + step(first_number + offset)
        page.depth = parent.depth + 1
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or timezone.now()
        page.last_published_at = page.last_published_at or page.first_published_at
        page.latest_revision_created_at = page.last_published_at


def add_children_count(parent, count):
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    parent.numchild += count


def insert_pages(pages):
    """Insert specific pages of one model, already placed in the tree, with their relations."""
    if not pages:
        return
    model = type(pages[0])
    relations = [_relation_values(page, model) for page in pages]
    page_ids = insert_table_rows(Page, pages, fields=PAGE_FIELDS, returning=True)
    for page, page_id in zip(pages, page_ids, strict=True):
        page.id = page.page_ptr_id = page_id
        page._state.adding = False
    insert_table_rows(model, pages, fields=model._meta.local_concrete_fields)
    _insert_relations(model, pages, relations)


def insert_table_rows(model, objects, *, fields, returning=False):
    """Insert `objects` into one table of their model, leaving the other tables of the inheritance chain alone.

    `bulk_create` refuses multi-table inheritance; `QuerySet._insert` is the
    query it runs underneath, and works on one table at a time. The specific
    page objects serve for both tables: no copy into plain Page objects.
    Returns the new primary keys when `returning`.
    """
    batch_size = max(1, min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, objects)))
    returning_fields = [model._meta.pk] if returning else None
    keys = []
    for start in range(0, len(objects), batch_size):
        rows = model._base_manager._insert(
            objects[start : start + batch_size], fields=fields, returning_fields=returning_fields
        )
        keys += [row[0] for row in rows or []]
    return keys


def _relation_values(page, model):
    """The in-memory many-to-many values and child objects of an unsaved page (read without queries)."""
    many_to_many = {field.name: list(getattr(page, field.name).all()) for field in _parental_m2m_fields(model)}
    children = {
        relation.get_accessor_name(): list(getattr(page, relation.get_accessor_name()).all())
        for relation in get_all_child_relations(model)
    }
    return many_to_many, children


def _insert_relations(model, pages, relations):
    for field in _parental_m2m_fields(model):
        pairs = [
            (page.pk, target.pk)
            for page, (many_to_many, _children) in zip(pages, relations, strict=True)
            for target in many_to_many[field.name]
        ]
        _insert_pairs(field.remote_field.through, field.m2m_column_name(), field.m2m_reverse_name(), pairs)
    for relation in get_all_child_relations(model):
        name, fk_name = relation.get_accessor_name(), relation.field.attname
        children = []
        for page, (_many_to_many, page_children) in zip(pages, relations, strict=True):
            for order, child in enumerate(page_children[name]):
                setattr(child, fk_name, page.pk)
                if isinstance(child, Orderable) and child.sort_order is None:
                    child.sort_order = order
                children.append(child)
        relation.related_model.objects.bulk_create(children, batch_size=BATCH_SIZE)
    # Keep the values in memory, so that indexing below reads them without a query per page.
    for page, (many_to_many, children) in zip(pages, relations, strict=True):
        for name, values in {**many_to_many, **children}.items():
            setattr(page, name, values)


def _insert_pairs(through, source_column, target_column, pairs):
    """Many-to-many rows are two integers: plain parameterised SQL, without a model instance per row."""
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(through._meta.db_table)} ({quote(source_column)}, {quote(target_column)}) "  # noqa: S608
        "VALUES (%s, %s)"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, pairs)


def _parental_m2m_fields(model):
    return [field for field in model._meta.get_fields() if isinstance(field, ParentalManyToManyField)]
