"""The search engine that needs nothing but the database: ORM filters plus Wagtail's search backend.

Structured filters are plain ORM conditions keyed by facet dimension, so that a
facet can be counted with every filter except its own. Free text and distance
cannot be expressed portably in SQL, so each is resolved once to a set of
primary keys (with scores or distances) that then acts as one more filter.
"""

import datetime as dt
import difflib
import math
import re

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import Kind, OpportunityPage, OpportunitySchedule, Status
from organizations.models import OrganizationPage
from search.engines.base import SearchEngine
from search.facets import with_selected_values
from search.models import Synonym, fold
from search.results import FacetValue, Hit, SearchResult
from taxonomy.models import Category

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LATITUDE = 111.32
NOON, SIX_PM = dt.time(12), dt.time(18)
# Date windows up to this many days are checked day by day, which is exact; longer ones by overlap.
EXACT_WINDOW_DAYS = 31

Categories = OpportunityPage.categories.through
Audiences = OpportunityPage.audiences.through
Features = OpportunityPage.accessibility_features.through
Languages = OpportunityPage.languages.through
Places = OpportunityPage.places.through


class DatabaseEngine(SearchEngine):
    def search(self, query, *, now):
        base, filters, scores, distances, suggestions = self.match(query, now)
        start = (query.page - 1) * query.page_size
        total, page_pks = ordered_page(
            filtered(base, filters), query, scores, distances, start, start + query.page_size
        )
        return SearchResult(
            total=total,
            hits=fetch_hits(page_pks, scores, distances),
            facets=with_selected_values(count_facets(query, base, filters), query),
            page=query.page,
            page_size=query.page_size,
            suggestions=suggestions,
        )

    def matching_pks(self, query, *, now, limit):
        base, filters, scores, distances, _suggestions = self.match(query, now)
        return ordered_page(filtered(base, filters), query, scores, distances, 0, limit)

    def match(self, query, now):
        """(base, filters, scores, distances, suggestions): what matches the query, not yet ordered or counted."""
        today = timezone.localtime(now).date()
        # Built once: public() asks the database for view restrictions every time it is called.
        base = searchable()
        suggestions = []
        filters = structured_filters(query, today)
        scores = None
        if query.text:
            scores, notes = text_scores(base, query.text)
            filters["text"] = Q(pk__in=list(scores))
            suggestions += notes
        distances = None
        if query.near:
            distances = distances_within(base, query.near, query.effective_radius_km)
            filters["near"] = Q(pk__in=list(distances))
        return base, filters, scores, distances, suggestions

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


def filtered(base, filters, *, without=None):
    """The `base` opportunities passing every filter except the one named `without`."""
    queryset = base
    for name, condition in filters.items():
        if name != without:
            queryset = queryset.filter(condition)
    return queryset


# --- Structured filters -------------------------------------------------------------------


def structured_filters(query, today):
    """Every active structured filter as a Q, keyed by the facet dimension it would hide."""
    builders = {
        "category": category_filter,
        "audience": lambda q: related_filter(Audiences, "audience__slug__in", q.audiences),
        "kind": lambda q: Q(kind__in=q.kinds) if q.kinds else None,
        "district": lambda q: related_filter(Places, "place__district__slug__in", q.districts),
        "accessibility": lambda q: related_filter(Features, "accessibilityfeature__slug__in", q.accessibility),
        "language": lambda q: related_filter(Languages, "language__code__in", q.languages),
        "free": lambda q: Q(is_free=True) if q.free_only else None,
        "price": price_filter,
        "age": age_filter,
        "schedule": schedule_filter,
        "registration": lambda q: registration_filter(today) if q.registration_open else None,
        "organization": lambda q: Q(organization_id=q.organization) if q.organization else None,
    }
    filters = {name: build(query) for name, build in builders.items()}
    return {name: condition for name, condition in filters.items() if condition is not None}


def related_filter(through, lookup, values):
    # Exists rather than a join: an opportunity in two matching categories must appear once.
    if not values:
        return None
    return Q(Exists(through.objects.filter(opportunitypage_id=OuterRef("pk"), **{lookup: values})))


def category_filter(query):
    if not query.categories:
        return None
    # A top-level category stands for itself and all its sub-categories.
    matches = Q(category__slug__in=query.categories) | Q(category__parent__slug__in=query.categories)
    return Q(Exists(Categories.objects.filter(matches, opportunitypage_id=OuterRef("pk"))))


def age_filter(query):
    if query.age is None:
        return None
    # A missing bound admits everyone on that side.
    return (Q(min_age__isnull=True) | Q(min_age__lte=query.age)) & (Q(max_age__isnull=True) | Q(max_age__gte=query.age))


def price_filter(query):
    if query.max_price is None:
        return None
    return Q(is_free=True) | Q(price__lte=query.max_price)


def registration_filter(today):
    open_deadline = Q(registration_deadline__isnull=True) | Q(registration_deadline__gte=today)
    full = Q(status=Status.FULL) | Q(places_available=0)
    return Q(registration_required=False) | (open_deadline & ~full)


def schedule_filter(query):
    """One schedule must satisfy the date window, weekdays and time of day together."""
    conditions = [
        condition for condition in (occurrence_condition(query), time_of_day_condition(query)) if condition is not None
    ]
    if not conditions:
        return None
    schedules = OpportunitySchedule.objects.filter(opportunity_id=OuterRef("pk"))
    for condition in conditions:
        schedules = schedules.filter(condition)
    return Q(Exists(schedules))


def occurrence_condition(query):
    """Schedules with an occurrence in the date window that falls on one of the requested weekdays."""
    if query.date_from is None and query.date_to is None:
        return weekday_condition(query.weekdays) if query.weekdays else None
    days = window_days(query.date_from, query.date_to)
    if days is None:
        condition = overlap_condition(query.date_from, query.date_to)
        return condition & weekday_condition(query.weekdays) if query.weekdays else condition
    if query.weekdays:
        days = [day for day in days if weekday_code(day) in query.weekdays]
    condition = Q(pk__in=[])
    for day in days:
        condition |= occurs_on(day)
    return condition


def window_days(date_from, date_to):
    """The days of a bounded window short enough to be checked one by one (exact), else None."""
    if date_from is None or date_to is None or (date_to - date_from).days >= EXACT_WINDOW_DAYS:
        return None
    return [date_from + dt.timedelta(days=offset) for offset in range((date_to - date_from).days + 1)]


def weekday_code(day):
    return WEEKDAY_CODES[day.weekday()]


def occurs_on(day):
    """Schedules that take place on `day`, as `occurrence_dates` defines it."""
    weekly = (
        Q(weekdays__contains=weekday_code(day))
        & (Q(start_date__isnull=True) | Q(start_date__lte=day))
        & (Q(end_date__isnull=True) | Q(end_date__gte=day))
    )
    dated = Q(weekdays="", start_date__lte=day) & (Q(end_date__gte=day) | Q(end_date__isnull=True, start_date=day))
    return weekly | dated


def overlap_condition(date_from, date_to):
    """Long or open-ended windows: the schedule's validity overlaps the window, which holds every weekday."""
    weekly = ~Q(weekdays="")
    dated = Q(weekdays="", start_date__isnull=False)
    if date_to is not None:
        weekly &= Q(start_date__isnull=True) | Q(start_date__lte=date_to)
        dated &= Q(start_date__lte=date_to)
    if date_from is not None:
        weekly &= Q(end_date__isnull=True) | Q(end_date__gte=date_from)
        dated &= Q(end_date__gte=date_from) | Q(end_date__isnull=True, start_date__gte=date_from)
    return weekly | dated


def weekday_condition(codes):
    return (~Q(weekdays="") & any_weekday(codes)) | dated_on_weekdays(codes)


def dated_on_weekdays(codes):
    """Dated schedules with a day on one of `codes`, exact for runs of any length.

    A run of `length` + 1 days starting on weekday s holds weekday w when w - s (mod 7) <= length,
    so each short length becomes a condition on the start date's weekday; a week or more holds them all.
    """
    indexes = {WEEKDAY_CODES.index(code) for code in codes}
    condition = Q(end_date__gte=F("start_date") + dt.timedelta(days=6))
    for length in range(6):
        starts = {(index - offset) % 7 for index in indexes for offset in range(length + 1)}
        if length == 0:
            span = Q(end_date__isnull=True) | Q(end_date=F("start_date"))
        else:
            span = Q(end_date=F("start_date") + dt.timedelta(days=length))
        condition |= span & Q(start_date__week_day__in=[django_week_day(start) for start in starts])
    return Q(weekdays="", start_date__isnull=False) & condition


def any_weekday(codes):
    condition = Q()
    for code in sorted(codes):
        condition |= Q(weekdays__contains=code)
    return condition


def django_week_day(index):
    """Django's __week_day counts from Sunday = 1; Python's weekday() from Monday = 0."""
    return (index + 1) % 7 + 1


def time_of_day_condition(query):
    if not query.time_of_day:
        return None
    ranges = {
        "morning": Q(opens_at__lt=NOON),
        "afternoon": Q(opens_at__gte=NOON, opens_at__lt=SIX_PM),
        "evening": Q(opens_at__gte=SIX_PM),
    }
    condition = Q()
    for name in query.time_of_day:
        condition |= ranges[name]
    return condition


# --- Free text and distance -----------------------------------------------------------------


def text_scores(base, text):
    """({pk: (score, rank)}, notes) of the opportunities matching the text.

    Every word first, else every word of the text with its typos corrected against the
    catalogue's own words (with a "did you mean" note), else any word (with a note
    saying so), else any corrected word.
    Each attempt also searches the text with a synonym in place of each term it contains.
    """
    candidates = OpportunityPage.objects.filter(pk__in=base.values("pk"))
    groups = synonym_groups()
    scores = synonym_search(candidates, text, "and", groups)
    if scores:
        return scores, []
    # Lazily: the vocabulary is only read when every word together found nothing.
    corrections = {}

    def corrected():
        if "text" not in corrections:
            corrections["text"] = corrected_text(base, text)
        return corrections["text"]

    did_you_mean = gettext("Forse cercavi: %(text)s")
    if corrected():
        scores = synonym_search(candidates, corrected(), "and", groups)
        if scores:
            return scores, [did_you_mean % {"text": corrected()}]
    if len(text.split()) >= 2:
        scores = synonym_search(candidates, text, "or", groups)
        if scores:
            note = gettext("Nessun risultato con tutte le parole di «%(text)s»: ecco quelli con almeno una.")
            return scores, [note % {"text": text}]
        if corrected():
            scores = synonym_search(candidates, corrected(), "or", groups)
            if scores:
                return scores, [did_you_mean % {"text": corrected()}]
    return {}, []


def synonym_search(candidates, text, operator, groups):
    """The text search run for the text and each synonym variant of it; a page keeps its best score and rank."""
    merged = {}
    for variant in synonym_variants(text, groups):
        for pk, (score, rank) in run_text_search(candidates, variant, operator).items():
            best_score, best_rank = merged.get(pk, (None, rank))
            if score is not None and (best_score is None or score > best_score):
                best_score = score
            merged[pk] = (best_score, min(rank, best_rank))
    return merged


def run_text_search(candidates, text, operator):
    results = candidates.only("pk").search(text, operator=operator).annotate_score("_score")
    # The backend returns best matches first; the rank orders hits, the score is only shown.
    return {page.pk: (normalized_score(getattr(page, "_score", None)), rank) for rank, page in enumerate(results)}


# --- Synonyms -------------------------------------------------------------------------------


def synonym_groups():
    """Every group of equivalent terms editors maintain, as lists of terms (one query per search)."""
    return [group.term_list for group in Synonym.objects.all()]


def folded_with_positions(text):
    """`text` folded (lower case, no accents) and, for each folded character, its index in `text`."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def synonym_variants(text, groups):
    """The text itself, then the text with each group term it contains replaced by every other term of the group."""
    variants = [text]
    folded, positions = folded_with_positions(text)
    for terms in groups:
        for term in terms:
            match = re.search(rf"(?<!\w){re.escape(fold(term))}(?!\w)", folded)
            if not match:
                continue
            start, end = positions[match.start()], positions[match.end() - 1] + 1
            for other in terms:
                variant = f"{text[:start]}{other}{text[end:]}"
                if other != term and variant not in variants:
                    variants.append(variant)
    return variants


# --- Typos ----------------------------------------------------------------------------------

MIN_CORRECTED_LENGTH = 4
WORD = re.compile(r"\w+")


def corrected_text(base, text):
    """The text with each unknown word replaced by the closest word of the catalogue, or None if nothing changed."""
    words = WORD.findall(text.lower())
    unknown = [word for word in words if len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit()]
    if not unknown:
        return None
    vocabulary = catalogue_words(base, unknown)
    known = set(vocabulary)
    corrected = []
    for word in words:
        if word in unknown and word not in known:
            word = next(iter(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)), word)
        corrected.append(word)
    corrected = " ".join(corrected)
    return corrected if corrected != " ".join(words) else None


def catalogue_words(base, unknown):
    """The distinct words (of at least four letters) of searchable titles and category names.

    On PostgreSQL pg_trgm first narrows the titles and names to those with a part similar to
    one of the `unknown` words; elsewhere every title and name is read (a city's catalogue).
    """
    titles = base.values_list("title", flat=True)
    names = Category.objects.values_list("name", flat=True)
    if connection.vendor == "postgresql":
        titles, names = similar_texts(titles, "title", unknown), similar_texts(names, "name", unknown)
    words = set()
    for value in (*titles, *names):
        words.update(word for word in WORD.findall(value.lower()) if len(word) >= MIN_CORRECTED_LENGTH)
    return sorted(words)


def similar_texts(values, field, unknown, threshold=0.3, limit=50):
    from django.contrib.postgres.search import TrigramWordSimilarity

    similarity = Greatest(*[TrigramWordSimilarity(Value(word), field) for word in unknown], 0.0)
    return list(
        values.model.objects.filter(pk__in=values.values("pk"))
        .annotate(similarity=similarity)
        .filter(similarity__gte=threshold)
        .order_by("-similarity")
        .values_list(field, flat=True)[:limit]
    )


def normalized_score(score):
    """Higher is better: PostgreSQL's ts_rank already is, SQLite's bm25() is negative for a match."""
    return None if score is None else abs(float(score))


def distances_within(base, point, radius_km):
    """{pk: km to the nearest place} for the opportunities with a place within `radius_km` of `point`."""
    lat, lng = point
    lat_delta = radius_km / KM_PER_DEGREE_LATITUDE
    lng_delta = radius_km / (KM_PER_DEGREE_LATITUDE * max(math.cos(math.radians(lat)), 0.01))
    # The bounding box keeps the SQL cheap; the exact distance is then computed for the few candidates.
    rows = Places.objects.filter(
        opportunitypage_id__in=base.values("pk"),
        place__latitude__range=(lat - lat_delta, lat + lat_delta),
        place__longitude__range=(lng - lng_delta, lng + lng_delta),
    ).values_list("opportunitypage_id", "place__latitude", "place__longitude")
    distances = {}
    for pk, place_lat, place_lng in rows:
        km = haversine_km(lat, lng, float(place_lat), float(place_lng))
        if km <= radius_km and km < distances.get(pk, math.inf):
            distances[pk] = km
    return distances


def haversine_km(lat1, lng1, lat2, lng2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


# --- Sorting, paging and hits -------------------------------------------------------------


def soonest_order():
    return [F("next_occurrence").asc(nulls_last=True), "title", "pk"]


def ordered_page(matching, query, scores, distances, start, end):
    """(total, primary keys from `start` to `end` in the query's order), in two queries at most."""
    python_key = python_sort_key(query, scores, distances)
    if python_key is None:
        order = [F("first_published_at").desc(nulls_last=True), "pk"] if query.sort == "newest" else soonest_order()
        total = matching.count()
        return total, list(matching.order_by(*order).values_list("pk", flat=True)[start:end])
    # Scores and distances live in Python, so the (already narrowed) candidates are ordered here.
    pks = list(matching.order_by(*soonest_order()).values_list("pk", flat=True))
    pks.sort(key=python_key)  # stable: ties keep the soonest-first order
    return len(pks), pks[start:end]


def python_sort_key(query, scores, distances):
    if query.sort == "nearest" and distances is not None:
        return distances.__getitem__
    if query.sort == "relevance" and scores is not None:
        return lambda pk: scores[pk][1]
    return None


def fetch_hits(page_pks, scores, distances):
    pages = OpportunityPage.objects.cards().filter(pk__in=page_pks).in_bulk()
    return [
        Hit(
            page=pages[pk],
            score=scores[pk][0] if scores else None,
            distance_km=round(distances[pk], 3) if distances else None,
        )
        for pk in page_pks
        if pk in pages
    ]


# --- Facets ---------------------------------------------------------------------------------


def count_facets(query, base, filters):
    """Counts per value of each dimension, with every filter applied except that dimension's own."""
    return {
        "category": category_facet(query, base, filters),
        "audience": term_facet(Audiences, "audience", filtered(base, filters, without="audience"), query.audiences),
        "kind": kind_facet(query, base, filters),
        "district": term_facet(Places, "place__district", filtered(base, filters, without="district"), query.districts),
        "accessibility": term_facet(
            Features, "accessibilityfeature", filtered(base, filters, without="accessibility"), query.accessibility
        ),
        "language": language_facet(query, base, filters),
        "free": free_facet(query, base, filters),
    }


def grouped_counts(rows, matching, *group_by, **conditions):
    """Distinct opportunities per group of through-table rows, in one GROUP BY query."""
    return list(
        rows.filter(opportunitypage_id__in=matching.values("pk"), **conditions)
        .values(*group_by)
        .annotate(count=Count("opportunitypage_id", distinct=True))
        .order_by()
    )


def facet_values(rows, selected):
    values = [FacetValue(value, label, count, value in selected) for value, label, count in rows if value]
    return sorted(values, key=lambda facet: (-facet.count, facet.label.lower()))


def term_facet(through, relation, matching, selected):
    rows = grouped_counts(through.objects, matching, f"{relation}__slug", f"{relation}__name")
    return facet_values([(row[f"{relation}__slug"], row[f"{relation}__name"], row["count"]) for row in rows], selected)


def category_facet(query, base, filters):
    matching = filtered(base, filters, without="category")
    children = grouped_counts(
        Categories.objects, matching, "category__slug", "category__name", category__parent__isnull=False
    )
    # A top-level category counts what it holds directly and through its sub-categories, each once.
    top_level = grouped_counts(
        Categories.objects.annotate(
            top=Coalesce("category__parent__slug", "category__slug"),
            top_name=Coalesce("category__parent__name", "category__name"),
        ),
        matching,
        "top",
        "top_name",
    )
    rows = [(row["top"], row["top_name"], row["count"]) for row in top_level]
    rows += [(row["category__slug"], row["category__name"], row["count"]) for row in children]
    return facet_values(rows, query.categories)


def kind_facet(query, base, filters):
    rows = filtered(base, filters, without="kind").values("kind").annotate(count=Count("pk")).order_by()
    labels = dict(Kind.choices)
    return facet_values(
        [(row["kind"], str(labels.get(row["kind"], row["kind"])), row["count"]) for row in rows], query.kinds
    )


def language_facet(query, base, filters):
    rows = grouped_counts(
        Languages.objects, filtered(base, filters, without="language"), "language__code", "language__name"
    )
    return facet_values([(row["language__code"], row["language__name"], row["count"]) for row in rows], query.languages)


def free_facet(query, base, filters):
    count = filtered(base, filters, without="free").filter(is_free=True).count()
    return [FacetValue("1", str(_("Gratuito")), count, query.free_only)] if count else []
