"""The search engine for regional and national catalogues: the same contract as the database engine, on Elasticsearch.

One request answers a search: the text and the filters without a facet narrow the query, the
faceted filters go into the post filter, and each facet is an aggregation filtered by every faceted
filter but its own. Only the page's primary keys come back; the pages themselves are loaded from the
database with the relations a result card shows, as the database engine does.
"""

import dataclasses
import re

from elasticsearch.dsl import A, Q, Search

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opportunities.models import Kind, OpportunityPage
from organizations.models import OrganizationPage
from search.engines.base import SearchEngine
from search.engines.database.distance import haversine_km
from search.engines.database.engine import category_suggestions, fetch_hits
from search.engines.database.text import cut_short_note, synonym_groups, synonym_variants
from search.engines.elasticsearch.client import alias_name, get_client
from search.engines.elasticsearch.documents import searchable
from search.engines.elasticsearch.filters import FACETED, combined, near_filter, structured_filters
from search.engines.elasticsearch.index import FACET_SEPARATOR, TEXT_FIELDS
from search.facets import with_selected_values
from search.results import FacetValue, SearchResult

MAX_RESULT_WINDOW = 10000
MIN_CORRECTED_LENGTH = 4
WORD = re.compile(r"\w+")
# simple_query_string operators a family does not mean to type.
OPERATORS = re.compile(r'[+|\-"*()~\\<>]')
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "\x02", "\x03"
# Passages for the result cards, which already show the title.
HIGHLIGHT_FIELDS = ("summary", "body")
FACET_FIELDS = {
    "category": "category_facets",
    "audience": "audience_facets",
    "kind": "kind",
    "district": "district_facets",
    "accessibility": "accessibility_facets",
    "language": "language_facets",
}


class ElasticsearchEngine(SearchEngine):
    def __init__(self, client=None, index=None):
        self.client = client or get_client()
        self.index = index or alias_name()

    def search(self, query, *, now):
        today = timezone.localtime(now).date()
        self.groups = synonym_groups() if query.text else []
        self.stripped = {}
        text, operator, suggestions = self.choose_text(query.text) if query.text else ("", "and", [])
        filters = structured_filters(query, today)
        faceted = {name: condition for name, condition in filters.items() if name in FACETED}
        narrowing = [condition for name, condition in filters.items() if name not in FACETED]
        if query.near:
            narrowing.append(near_filter(query))
        if query.text and not text:
            narrowing.append(~Q("match_all"))  # No attempt found anything: an empty result, empty facets.
        must = [self.text_query(text, operator)] if text else []

        search = Search(using=self.client, index=self.index).query(Q("bool", must=must, filter=narrowing))
        if faceted:
            search = search.post_filter(combined(faceted))
        for dimension in FACETED:
            bucket = search.aggs.bucket(dimension, A("filter", combined(faceted, without=dimension)))
            if dimension in FACET_FIELDS:
                bucket.bucket("values", A("terms", field=FACET_FIELDS[dimension], size=1000))
            else:
                bucket.bucket("values", A("filter", Q("term", is_free=True)))
        start = (query.page - 1) * query.page_size
        size = query.page_size if start + query.page_size <= MAX_RESULT_WINDOW else 0
        search = search.extra(track_total_hits=True, from_=start if size else 0, size=size)
        search = search.sort(*sort_order(query, bool(text))).source(["pk", "locations"])
        if text:
            search = search.highlight(*HIGHLIGHT_FIELDS, number_of_fragments=1, fragment_size=160).highlight_options(
                pre_tags=[HIGHLIGHT_OPEN], post_tags=[HIGHLIGHT_CLOSE]
            )
        response = search.execute()

        page_pks = [int(hit.meta.id) for hit in response.hits]
        scores = {int(hit.meta.id): hit.meta.score for hit in response.hits} if text else None
        distances = nearest_distances(response.hits, query.near) if query.near else None
        # The index catches up after the commit: a page restricted or unpublished since may still be in it.
        pages = OpportunityPage.objects.live().public()
        hits = with_highlights(fetch_hits(pages, page_pks, scores, distances), response.hits)
        return SearchResult(
            total=response.hits.total.value,
            hits=hits,
            facets=with_selected_values(facets(response.aggregations, query), query),
            page=query.page,
            page_size=query.page_size,
            suggestions=suggestions,
        )

    # --- Free text: the same attempts, in the same order, as the database engine -------------

    def choose_text(self, text):
        """(text, operator, notes): every word, the last one cut short, the corrected words, any word, any corrected."""
        if self.count_text(text, "and"):
            return text, "and", []
        if self.count_text(text, "prefix"):
            return text, "prefix", [cut_short_note(text)]
        corrected = self.corrected_text(text)
        did_you_mean = gettext("Forse cercavi: %(text)s")
        if corrected and self.count_text(corrected, "and"):
            return corrected, "and", [did_you_mean % {"text": corrected}]
        if len(text.split()) >= 2:
            if self.count_text(text, "or"):
                note = gettext("Nessun risultato con tutte le parole di «%(text)s»: ecco quelli con almeno una.")
                return text, "or", [note % {"text": text}]
            if corrected and self.count_text(corrected, "or"):
                return corrected, "or", [did_you_mean % {"text": corrected}]
        return "", "and", []

    def count_text(self, text, operator):
        return self.client.count(index=self.index, query=self.text_query(text, operator).to_dict())["count"]

    def text_query(self, text, operator):
        """The text over the boosted fields, and each synonym variant of it (as the database engine searches them).

        simple_query_string splits the text at spaces before analysis, so the index's synonym filter sees
        one word at a time: phrases ("aiuto compiti") are swapped for their synonyms here, before analysis.
        Operator "prefix": every word of the title, the last one as the start of a word (the autocomplete field).
        """
        if operator == "prefix":
            return Q("match", **{"title.autocomplete": {"query": text, "operator": "and"}})
        variants = [self.without_stop_words(variant) for variant in synonym_variants(text, self.groups)]
        clauses = [
            Q("simple_query_string", query=variant, fields=list(TEXT_FIELDS), default_operator=operator)
            for variant in dict.fromkeys(variants)
        ]
        return clauses[0] if len(clauses) == 1 else Q("bool", should=clauses, minimum_should_match=1)

    def without_stop_words(self, text):
        """The words of `text` that are not Italian stop words, by the index's own list ("laboratorio bambini").

        With `and`, a word the analyzer drops must not be required: Elasticsearch ignores it, but not
        every server that speaks its API does (noida-db finds nothing), so the engine drops it first.
        """
        text = OPERATORS.sub(" ", text)
        if text not in self.stripped:
            tokens = self.client.indices.analyze(index=self.index, field="spelling.stop_words", text=text)["tokens"]
            self.stripped[text] = " ".join(token["token"] for token in tokens) or text
        return self.stripped[text]

    def corrected_text(self, text):
        """Each unknown word of four letters or more replaced by the closest word of the catalogue (term suggester)."""
        words = WORD.findall(text.lower())
        if not any(len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit() for word in words):
            return None
        suggestion = {
            "text": " ".join(words),
            "words": {
                "term": {
                    "field": "spelling",
                    "suggest_mode": "missing",
                    "min_word_length": MIN_CORRECTED_LENGTH,
                    "max_edits": 2,
                    "size": 1,
                }
            },
        }
        response = self.client.search(index=self.index, size=0, suggest=suggestion)
        replacements = {
            entry["text"]: entry["options"][0]["text"]
            for entry in response.get("suggest", {}).get("words", [])
            if entry["options"]
        }
        corrected = " ".join(
            replacements.get(word, word) if len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit() else word
            for word in words
        )
        return corrected if corrected != " ".join(words) else None

    # --- Autocomplete -----------------------------------------------------------------------

    def autocomplete(self, text, limit=8):
        """Categories (they lead to a whole filtered list), opportunities from the index, then organizations."""
        text = " ".join(text.split())[:100]
        if not text:
            return []
        suggestions = category_suggestions(text, limit)
        if len(suggestions) < limit:
            suggestions += self.opportunity_suggestions(text, limit - len(suggestions))
        if len(suggestions) < limit:
            # Organizations are not in the opportunities index: Wagtail's search answers for them.
            found = OrganizationPage.objects.live().public().autocomplete(text)[: limit - len(suggestions)]
            suggestions += [(page.title, page.url, "organization") for page in found]
        return suggestions

    def opportunity_suggestions(self, text, limit):
        query = Q("match", **{"title.autocomplete": {"query": text, "operator": "and"}})
        search = Search(using=self.client, index=self.index).query(query).source(False).extra(size=limit)
        pks = [int(hit.meta.id) for hit in search.execute().hits]
        pages = searchable().filter(pk__in=pks).in_bulk()
        return [(pages[pk].title, pages[pk].url, "opportunity") for pk in pks if pk in pages]


def sort_order(query, has_text):
    soonest = [{"next_occurrence": {"order": "asc", "missing": "_last"}}, {"title.raw": "asc"}, {"pk": "asc"}]
    if query.sort == "nearest" and query.near:
        lat, lng = query.near
        distance = {"locations": {"lat": lat, "lon": lng}, "order": "asc", "unit": "km", "mode": "min"}
        return [{"_geo_distance": distance}, *soonest]
    if query.sort == "newest":
        return [{"first_published_at": {"order": "desc", "missing": "_last"}}, {"pk": "asc"}]
    if query.sort == "relevance" and has_text:
        return [{"_score": "desc"}, *soonest]
    return soonest


def nearest_distances(hits, point):
    """{pk: km to the nearest place}, computed like the database engine (haversine) from the indexed points."""
    distances = {}
    for hit in hits:
        locations = hit.to_dict().get("locations") or []
        if isinstance(locations, dict):
            locations = [locations]
        kms = [haversine_km(point[0], point[1], location["lat"], location["lon"]) for location in locations]
        if kms:
            distances[int(hit.meta.id)] = min(kms)
    return distances


def with_highlights(hits, es_hits):
    """The hits with the best matching passage of the summary or, failing that, of the body."""
    passages = {}
    for es_hit in es_hits:
        highlight = getattr(es_hit.meta, "highlight", None)
        passage = next((highlight[field][0] for field in HIGHLIGHT_FIELDS if highlight and field in highlight), None)
        if passage:
            # Escaped first: only the markers the query asked Elasticsearch for become tags.
            marked = escape(passage).replace(HIGHLIGHT_OPEN, "<mark>").replace(HIGHLIGHT_CLOSE, "</mark>")
            passages[int(es_hit.meta.id)] = mark_safe(marked)  # noqa: S308
    return [dataclasses.replace(hit, highlight=passages.get(hit.page.pk, "")) for hit in hits]


def facets(aggregations, query):
    selected = {
        "category": query.categories,
        "audience": query.audiences,
        "kind": query.kinds,
        "district": query.districts,
        "accessibility": query.accessibility,
        "language": query.languages,
    }
    kinds = dict(Kind.choices)
    result = {}
    for dimension, field in FACET_FIELDS.items():
        values = []
        for bucket in aggregations[dimension]["values"]["buckets"]:
            if field == "kind":
                value, label = bucket["key"], str(kinds.get(bucket["key"], bucket["key"]))
            else:
                value, _separator, label = bucket["key"].partition(FACET_SEPARATOR)
            values.append(FacetValue(value, label, bucket["doc_count"], value in selected[dimension]))
        result[dimension] = sorted(values, key=lambda facet: (-facet.count, facet.label.lower()))
    free = aggregations["free"]["values"]["doc_count"]
    result["free"] = [FacetValue("1", str(_("Gratuito")), free, query.free_only)] if free else []
    return result
