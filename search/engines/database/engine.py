"""The search engine that needs nothing but the database: ORM filters plus Wagtail's search backend.

Structured filters are plain ORM conditions keyed by facet dimension, so that a facet can be counted
with every filter except its own. Free text and distance cannot be expressed portably in SQL, so each
is resolved once to primary keys (with scores or distances) that then act as one more filter. The
total and the facets are counted in one statement (`counts.py`), the page in one more query. What a
search found (total, facets, the page's keys) is cached until the catalogue changes (`search/catalogue.py`);
the page's opportunities are always read fresh.
"""

import json

from django.db import connection
from django.db.models import BooleanField, F, Func, Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from wagtail.models import Locale

from opportunities.models import OpportunityPage, Status
from organizations.models import OrganizationPage
from search.catalogue import cached
from search.engines.base import SearchEngine
from search.engines.database.counts import total_and_facets
from search.engines.database.distance import distances_within
from search.engines.database.filters import filtered, structured_filters
from search.engines.database.text import text_match
from search.facets import with_selected_values
from search.results import Hit, SearchResult
from taxonomy.models import Category


class DatabaseEngine(SearchEngine):
    def search(self, query, *, now):
        # Until the catalogue changes, the same search (on the same day, in the same language) gives the
        # same page: only its opportunities are read again, fresh, for the cards.
        parts = (query, timezone.localtime(now).date(), translation.get_language())
        total, facets, page_pks, scores, distances, suggestions = cached(
            "page", parts, lambda: self.computed_page(query, now)
        )
        return SearchResult(
            total=total,
            hits=fetch_hits(page_pks, scores, distances),
            facets=with_selected_values(facets, query),
            page=query.page,
            page_size=query.page_size,
            suggestions=suggestions,
        )

    def computed_page(self, query, now):
        """(total, facets, keys of the page, their scores, their distances, suggestions): all a page needs."""
        base, filters, text, distances, suggestions = self.match(query, now)
        total, facets = total_and_facets(query, base, filters)
        start = (query.page - 1) * query.page_size
        page_pks = ordered_keys(base, filters, query, text, distances, start, start + query.page_size)
        # Only the page's own scores and distances: what is kept is small whatever the number of matches.
        scores = text.scores(page_pks) if text else None
        distances = {pk: distances[pk] for pk in page_pks} if distances else None
        return total, facets, page_pks, scores, distances, suggestions

    def count(self, query, *, now):
        base, filters, text, *_rest = self.match(query, now)
        return match_count(base, filters, text)

    def matching_pks(self, query, *, now, limit):
        base, filters, text, distances, _suggestions = self.match(query, now)
        return match_count(base, filters, text), ordered_keys(base, filters, query, text, distances, 0, limit)

    def match(self, query, now):
        """(base, filters, text match, distances, suggestions): what matches the query, not yet ordered or counted."""
        today = timezone.localtime(now).date()
        # Built once: public() asks the database for view restrictions every time it is called.
        base = searchable()
        suggestions = []
        filters = structured_filters(query, today)
        text = None
        if query.text:
            # The text alone, by relevance: rank the matches as they are found, there is nothing to narrow.
            rank_all = not filters and not query.near and query.sort == "relevance"
            text, notes = text_match(base, query.text, rank_all=rank_all)
            filters["text"] = keys_in(text.keys)
            suggestions += notes
        distances = None
        if query.near:
            distances = distances_within(base, query.near, query.effective_radius_km)
            filters["near"] = keys_in(distances)
        return base, filters, text, distances, suggestions

    def autocomplete(self, text, limit=8):
        """Categories first (they lead to a whole filtered list), then opportunities, then organizations."""
        text = " ".join(text.split())[:100]
        if not text:
            return []
        suggestions = category_suggestions(text, limit)
        for kind, pages in (
            ("opportunity", searchable()),
            ("organization", OrganizationPage.objects.live().public()),
        ):
            if len(suggestions) < limit:
                found = pages.autocomplete(text)[: limit - len(suggestions)]
                suggestions += [(page.title, page.url, kind) for page in found]
        return suggestions


def category_suggestions(text, limit):
    # The ORM rather than the search index: the starting vocabulary comes from a data migration,
    # which does not index what it creates.
    categories = Category.objects.filter(name__icontains=text).select_related("parent")[:limit]
    url = reverse("search:search")
    return [(str(category), f"{url}?{urlencode({'category': category.slug})}", "category") for category in categories]


def searchable():
    """What a family may find at all: live, public opportunities that have not ended for good, in their language."""
    return in_active_language(OpportunityPage.objects.live().public().exclude(status=Status.CONCLUDED))


def in_active_language(pages):
    """Pages in the visitor's language and, for those not translated into it yet, their default-language original."""
    active, default = Locale.get_active(), Locale.get_default()
    if active.pk == default.pk:
        return pages.filter(locale=default)
    translated = pages.filter(locale=active).values("translation_key")
    return pages.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))


class AnyKey(Func):
    """`pk = ANY(array)`: PostgreSQL knows the array's length (it could not guess how many rows an unnest gives,
    and looped over 30,000 keys an index probe at a time) and looks each row up in a hash of the keys."""

    output_field = BooleanField()

    def __init__(self, pks):
        super().__init__(F("pk"))
        self.pks = pks

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"{column} = ANY(%s::integer[])", (*params, self.pks)


def keys_in(pks):
    """`pk IN pks` with the keys as one parameter: thousands of text matches must not make thousands of them."""
    pks = [int(pk) for pk in pks]
    if connection.vendor == "postgresql":
        return Q(AnyKey(pks))
    if connection.vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(pks)]))
    return Q(pk__in=pks)


# --- Sorting, paging and hits -------------------------------------------------------------


def soonest_order():
    return [F("next_occurrence").asc(nulls_last=True), "title", "pk"]


def only_text(filters):
    """Whether free text is the only condition: its matches, searched within the base, are then all the matches."""
    return filters.keys() == {"text"}


def match_count(base, filters, text):
    return len(text.keys) if only_text(filters) else filtered(base, filters).count()


def ordered_keys(base, filters, query, text, distances, start, end):
    """The primary keys of the matches from `start` to `end`, in the query's order, in at most one query."""
    if query.sort == "nearest" and distances is not None:
        # Distances live in Python. Places share distances: ties keep the soonest-first order (the sort is stable).
        pks = list(filtered(base, filters).order_by(*soonest_order()).values_list("pk", flat=True))
        pks.sort(key=distances.__getitem__)
        return pks[start:end]
    if query.sort == "relevance" and text is not None:
        # Ranked by the database, and only what passes every other filter: ranking costs a text search most.
        within = None if only_text(filters) else filtered(base, filters).values("pk")
        return text.ranked_page(within, start, end)
    order = [F("first_published_at").desc(nulls_last=True), "pk"] if query.sort == "newest" else soonest_order()
    return list(filtered(base, filters).order_by(*order).values_list("pk", flat=True)[start:end])


def fetch_hits(page_pks, scores, distances):
    """The page's hits in the order of `page_pks`; `scores` and `distances` map keys to numbers, or are None."""
    pages = OpportunityPage.objects.cards().filter(pk__in=page_pks).in_bulk()
    return [
        Hit(
            page=pages[pk],
            score=scores[pk] if scores else None,
            distance_km=round(distances[pk], 3) if distances else None,
        )
        for pk in page_pks
        if pk in pages
    ]
