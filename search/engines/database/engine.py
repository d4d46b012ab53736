"""The search engine that needs nothing but the database: Wagtail's search backend plus the catalogue index.

Every filter that is a column or a relation of the opportunity, and every facet count, is a set of the
catalogue index (`index.py`), kept in the process until the catalogue changes. Free text, distance and the
schedules' dates are resolved by the database to primary keys (with scores or distances), which become
one more set. What a search found (total, facets, the page's keys) is cached until the catalogue changes
(`search/catalogue.py`); the page's opportunities are always read fresh.
"""

import dataclasses
import functools

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from wagtail.models import Locale

from opportunities.models import OpportunityPage, Status
from organizations.models import OrganizationPage
from search.catalogue import cached, kept_in_process
from search.engines.base import SearchEngine
from search.engines.database.distance import distances_within
from search.engines.database.filters import scheduled_keys
from search.engines.database.index import CatalogueIndex
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
            # The keys come from the catalogue index, where every opportunity is public: public() costs a query.
            hits=fetch_hits(OpportunityPage.objects.live(), page_pks, scores, distances),
            facets=with_selected_values(facets, query),
            page=query.page,
            page_size=query.page_size,
            suggestions=suggestions,
        )

    def computed_page(self, query, now):
        """(total, facets, keys of the page, their scores, their distances, suggestions): all a page needs."""
        match = self.match(query, now)
        total, facets = match.index.total_and_facets(query, match.sets)
        start = (query.page - 1) * query.page_size
        page_pks = match.ordered_keys(query, start, start + query.page_size)
        # Only the page's own scores and distances: what is kept is small whatever the number of matches.
        scores = match.text.scores(page_pks) if match.text else None
        distances = {pk: match.distances[pk] for pk in page_pks} if match.distances else None
        return total, facets, page_pks, scores, distances, match.suggestions

    def count(self, query, *, now):
        return self.match(query, now).total

    def matching_pks(self, query, *, now, limit):
        match = self.match(query, now)
        return match.total, match.ordered_keys(query, 0, limit)

    def match(self, query, now):
        """What matches the query, not yet ordered or counted."""
        index = catalogue_index(timezone.localtime(now).date())
        match = Match(index, index.filter_sets(query))
        scheduled = scheduled_keys(query)
        if scheduled is not None:
            match.sets["schedule"] = index.keys(scheduled)
        if query.text:
            # The text alone, by relevance: rank the matches as they are found, there is nothing to narrow.
            rank_all = not match.sets and not query.near and query.sort == "relevance"
            match.text, match.suggestions = text_match(
                query.text, searchable=index.position, rank_all=rank_all, vocabulary=index.vocabulary
            )
            match.sets["text"] = index.keys(match.text.keys)
        if query.near:
            match.distances = distances_within(query.near, query.effective_radius_km)
            match.sets["near"] = index.keys(match.distances)
        return match

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


def catalogue_index(today):
    """The catalogue index of the searchable opportunities in the active language, kept and brought up to date.

    What is searchable is read only to build or update it (`public()` asks the database for view restrictions
    every time it is called); a search's matches are then always among its opportunities.
    """
    language = translation.get_language()
    return kept_in_process(
        f"catalogue-index:{language}",
        today,
        lambda: CatalogueIndex(searchable(), today),
        update=lambda index, touched: index.updated(searchable(), touched),
    )


@dataclasses.dataclass
class Match:
    """What matches a query: the sets of its filters in the catalogue index (`sets`, by filter name), the
    text match and the distances if it asked for them, and notes on the text ("did you mean")."""

    index: CatalogueIndex
    sets: dict
    text: object = None
    distances: dict | None = None
    suggestions: list = dataclasses.field(default_factory=list)

    @functools.cached_property
    def bits(self):
        return self.index.matching(self.sets)

    @property
    def total(self):
        return self.bits.bit_count()

    def ordered_keys(self, query, start, end):
        """The primary keys of the matches from `start` to `end`, in the query's order."""
        if query.sort == "nearest" and self.distances is not None:
            # Places share distances: ties keep the soonest-first order.
            pks = sorted(self.index.pks_of(self.bits), key=self.distances.__getitem__)
            return pks[start:end]
        if query.sort == "relevance" and self.text is not None:
            # Ranked by the database, and only what passes every other filter: ranking costs a text search most.
            within = None if self.sets.keys() == {"text"} else self.index.pks_of(self.bits)
            return self.text.ranked_page(within, start, end)
        return self.index.page(self.bits, start, end, newest=query.sort == "newest")


def fetch_hits(pages, page_pks, scores, distances):
    """The page's hits in the order of `page_pks`, those of them among `pages` (a queryset of what the engine
    cannot vouch for itself); `scores` and `distances` map keys to numbers, or are None."""
    pages = pages.cards().filter(pk__in=page_pks).in_bulk()
    return [
        Hit(
            page=pages[pk],
            score=scores[pk] if scores else None,
            distance_km=round(distances[pk], 3) if distances else None,
        )
        for pk in page_pks
        if pk in pages
    ]
