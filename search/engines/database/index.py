"""The catalogue as sets of bits: every searchable opportunity one bit, every filter value the set of its bits.

Counting facets in SQL touches every (opportunity, value) pair of every match, however the pairs are
stored: 0.7–0.9 s for the whole catalogue at 100,000 opportunities on PostgreSQL. Here each value (a
category, a district, "free", an age) is a Python integer with one bit per opportunity, built once per
catalogue version, day and language and kept in the process (`search.catalogue.kept_in_process`). A
search's matches are the AND of its filters' sets, the total their population count, and each facet
value's count one AND and one population count, a few microseconds at 100,000.

Bits follow the soonest-first order, so the default order's page is the lowest bits set. What is not a
column of the opportunity or of its relations (free text, distance, the schedules' dates) comes from the
database as keys and becomes one more set.

A change to a few opportunities does not build the index again (1.5–2 s at 100,000): `updated()` reads just
those, gives them new bits after the built ones, each marked with the place it takes in the soonest-first
order, and leaves their old bits out of `everything`, which every match starts from.
"""

import bisect
import copy
import dataclasses
import functools
import heapq
import math
import operator
from collections import defaultdict
from itertools import islice

from django.db import connection
from django.db.models import F, Q
from django.utils.translation import gettext

from opportunities.models import Kind, OpportunityPage, Status
from organizations.models import Place
from search.engines.database.filters import Audiences, Categories, Features, Languages, Places
from search.engines.database.text import catalogue_words, words_of
from search.facets import VOCABULARIES
from search.results import FACET_DIMENSIONS, FacetValue
from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language

SOONEST = (F("next_occurrence").asc(nulls_last=True), "title", "pk")
NEWEST = (F("first_published_at").desc(nulls_last=True), F("pk").asc())
COLUMNS = (
    "pk",
    "next_occurrence",
    "title",
    "kind",
    "is_free",
    "min_age",
    "max_age",
    "organization_id",
    "registration_required",
    "registration_deadline",
    "status",
    "places_available",
    "price",
)


def bits_of(positions, size):
    """The set of `positions` (bit numbers below `size`, repeats allowed) as one integer.

    A byte per position is set first (one store each, the cheapest loop Python has), then the bytes are
    packed eight to one in three shifts and masks over the whole integer and a slice: about three times
    faster than setting bits one by one for large sets.
    """
    spread = bytearray(size + (-size % 8))
    for position in positions:
        spread[position] = 1
    packed = int.from_bytes(spread, "little")
    for shift, mask in packing_masks(len(spread)):
        packed = (packed | packed >> shift) & mask
    return int.from_bytes(packed.to_bytes(len(spread), "little")[::8], "little")


@functools.cache
def packing_masks(length):
    """Each step halves the gaps between the bits of a byte-per-position integer, within 64-bit words."""
    steps = ((7, b"\x03\x00"), (14, b"\x0f\x00\x00\x00"), (28, b"\xff" + bytes(7)))
    return [(shift, int.from_bytes(pattern * (length // len(pattern)), "little")) for shift, pattern in steps]


def keys_by_value(through, key, value, only=None):
    """[(value, [keys])] of a many-to-many table, aggregated by the database (one row per value); with `only`,
    of those keys alone."""
    table, key, value = (connection.ops.quote_name(name) for name in (through, key, value))
    aggregate = f"array_agg({key})" if connection.vendor == "postgresql" else f"group_concat({key})"
    where, params = "", []
    if only is not None:
        if not only:
            return []
        where, params = f"WHERE {key} IN ({', '.join(['%s'] * len(only))})", list(only)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {value}, {aggregate} FROM {table} {where} GROUP BY {value}", params)
        rows = cursor.fetchall()
    if connection.vendor != "postgresql":
        rows = [(value, [int(key) for key in keys.split(",")]) for value, keys in rows]
    return rows


def union(sets):
    return functools.reduce(operator.or_, sets, 0)


def positions_in(bits, order=None):
    """The positions set in `bits`, ascending, or in `order` (a sequence of every position)."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    if order is not None:
        end = len(data) * 8
        return (p for p in order if p < end and data[p >> 3] >> (p & 7) & 1)
    return ((index << 3) + bit for index, byte in enumerate(data) if byte for bit in range(8) if byte >> bit & 1)


def registration_open(row, today):
    """Registration not required, or open: before its deadline, not full and with places left (if counted)."""
    if not row.registration_required:
        return True
    before_deadline = row.registration_deadline is None or row.registration_deadline >= today
    return before_deadline and row.status != Status.FULL and row.places_available != 0


def soonest_key(next_occurrence):
    """Where the soonest-first order puts a date (or no date: last)."""
    return (next_occurrence is None, next_occurrence)


def order_key(row):
    """The soonest-first order of a row, as Python compares it (titles as the database does if bytewise)."""
    return (*soonest_key(row.next_occurrence), row.title, row.pk)


@functools.cache
def titles_compare_bytewise(vendor, database):
    """Whether the database orders titles as Python orders strings: SQLite's BINARY, or PostgreSQL's C
    collation from the C library (not ICU's). Asked once per database (the arguments are the cache's key)."""
    if vendor == "sqlite":
        return True
    if vendor != "postgresql":
        return False
    # PostgreSQL 15 says which library collates; before it, only the C library could be the default.
    provider = "datlocprovider" if connection.pg_version >= 150000 else "'c'"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT datcollate, {provider} FROM pg_database WHERE datname = current_database()")
        collation, provider = cursor.fetchone()
    return provider == "c" and (collation in ("C", "POSIX") or collation.startswith("C."))


def merged(sets, more):
    """{value: set} of both, a value in both holding the union of its two sets."""
    return {**sets, **{value: sets.get(value, 0) | bits for value, bits in more.items()}}


def with_inserted(ordered, more):
    """A copy of the sorted list `ordered` with the items of `more` (a few) in their places."""
    ordered = list(ordered)
    for item in more:
        bisect.insort(ordered, item)
    return ordered


@dataclasses.dataclass(frozen=True)
class ValueSets:
    """The set of each filter value over some opportunities, as bits at their positions in the index."""

    registration_open: int
    by_min_age: dict  # {bound: set}
    by_max_age: dict
    by_organization: dict  # {organization id: [positions]}
    priced: list  # [(price in cents, position)], sorted
    facets: dict  # {dimension: {value: set}}; "free" holds {None: set}
    labels: dict  # {dimension: {value: label}} of the vocabularies' terms

    @classmethod
    def of(cls, rows, first, position, today, *, only=None):
        """The sets of `rows` (COLUMNS, soonest first) at positions `first`, `first + 1`, ...

        `position` maps their keys to positions: the related tables' keys are read through it. `only`: the
        keys whose related rows to read (None: every row, to build the whole index).
        """
        return SetsBuilder(rows, first, position, today, only).sets()

    @property
    def free(self):
        return self.facets["free"][None]

    def __or__(self, other):
        organizations = {
            organization: self.by_organization.get(organization, []) + positions
            for organization, positions in other.by_organization.items()
        }
        return ValueSets(
            registration_open=self.registration_open | other.registration_open,
            by_min_age=merged(self.by_min_age, other.by_min_age),
            by_max_age=merged(self.by_max_age, other.by_max_age),
            by_organization={**self.by_organization, **organizations},
            priced=with_inserted(self.priced, other.priced),
            facets={dimension: merged(sets, other.facets[dimension]) for dimension, sets in self.facets.items()},
            labels={dimension: {**labels, **other.labels[dimension]} for dimension, labels in self.labels.items()},
        )


class SetsBuilder:
    """Reads the relations of some opportunities and turns each value's positions into a set."""

    def __init__(self, rows, first, position, today, only):
        self.rows, self.first, self.position, self.today, self.only = rows, first, position, today, only
        self.count = len(rows)

    def bits(self, positions):
        """The set of these positions (all from `first` on, repeats allowed)."""
        first = self.first
        return bits_of([position - first for position in positions], self.count) << first

    def keys(self, pks):
        return self.bits(p for p in map(self.position.get, pks) if p is not None)

    def sets(self):
        rows, first = self.rows, self.first
        # Column by column (a transposition at C speed): each loop below is then as tight as Python gets.
        column = dict(zip(COLUMNS, zip(*rows, strict=True), strict=True)) if rows else dict.fromkeys(COLUMNS, ())
        categories, category_labels = self.category_values()
        audiences, audience_labels = self.term_values(Audiences, "audience", Audience, "slug")
        districts, district_labels = self.district_values()
        features, feature_labels = self.term_values(Features, "accessibilityfeature", AccessibilityFeature, "slug")
        languages, language_labels = self.term_values(Languages, "language", Language, "code")
        return ValueSets(
            registration_open=self.bits(p for p, row in enumerate(rows, first) if registration_open(row, self.today)),
            by_min_age=self.grouped(column["min_age"]),
            by_max_age=self.grouped(column["max_age"]),
            by_organization=self.grouped(column["organization_id"], as_bits=False),
            # In whole cents (a price has two decimals), to compare with a bound without rounding.
            priced=sorted((int(price * 100), p) for p, price in enumerate(column["price"], first) if price is not None),
            facets={
                "category": categories,
                "audience": audiences,
                "kind": self.grouped(column["kind"]),
                "district": districts,
                "accessibility": features,
                "language": languages,
                "free": {None: self.bits(p for p, free in enumerate(column["is_free"], first) if free)},
            },
            labels={
                "category": category_labels,
                "audience": audience_labels,
                "district": district_labels,
                "accessibility": feature_labels,
                "language": language_labels,
            },
        )

    def grouped(self, values, *, as_bits=True):
        """{value: its set} of a column's values; lists of positions instead with `as_bits=False`."""
        groups = defaultdict(list)
        for position, value in enumerate(values, self.first):
            groups[value].append(position)
        return {value: self.bits(positions) if as_bits else positions for value, positions in groups.items()}

    def related_keys(self, through, target):
        """{target id: [keys of the opportunities related to it]} from a many-to-many through table."""
        opportunity, target = (through._meta.get_field(name).column for name in ("opportunitypage", target))
        return dict(keys_by_value(through._meta.db_table, opportunity, target, self.only))

    def related(self, through, target):
        """{target id: set of the opportunities related to it}."""
        return {value: self.keys(pks) for value, pks in self.related_keys(through, target).items()}

    def term_values(self, through, target, vocabulary, value_field):
        """({value: set}, {value: label}) of each term of a vocabulary that some opportunity holds."""
        sets = self.related(through, target)
        names = vocabulary.objects.filter(pk__in=sets).values_list("pk", value_field, "name")
        return {value: sets[pk] for pk, value, _name in names}, {value: name for _pk, value, name in names}

    def category_values(self):
        """Sub-categories hold their own opportunities; a top-level category also those of its sub-categories."""
        direct = self.related(Categories, "category")
        categories = list(Category.objects.values_list("pk", "slug", "name", "parent_id"))
        children = defaultdict(list)
        for pk, _slug, _name, parent in categories:
            if parent is not None and pk in direct:
                children[parent].append(direct[pk])
        sets, labels = {}, {}
        for pk, slug, name, parent in categories:
            bits = direct.get(pk, 0) if parent is not None else direct.get(pk, 0) | union(children[pk])
            if bits:
                sets[slug], labels[slug] = bits, name
        return sets, labels

    def district_values(self):
        """Districts through the opportunities' places (two places in one district count once)."""
        places = self.related_keys(Places, "place")
        keys = defaultdict(list)
        for place, district in Place.objects.filter(pk__in=places, district__isnull=False).values_list(
            "pk", "district"
        ):
            keys[district] += places[place]
        names = District.objects.filter(pk__in=keys).values_list("pk", "slug", "name")
        return {slug: self.keys(keys[pk]) for pk, slug, _name in names}, {slug: name for _pk, slug, name in names}


# Beyond so many positions taken by updates since the build, the index is built again.
MAX_UPDATED = 500


class CatalogueIndex:
    """The searchable opportunities of `base` (in soonest-first order) and the sets of every filter value."""

    def __init__(self, base, today):
        self.base, self.today = base, today
        rows = list(base.order_by(*SOONEST).values_list(*COLUMNS, named=True))
        # Positions 0 to `size` - 1 are the build's; each update gives the opportunities it read the next ones.
        self.size = len(rows)
        self.pks = [row.pk for row in rows]
        self.built_position = {pk: position for position, pk in enumerate(self.pks)}
        self.position = self.built_position
        self.everything = (1 << self.size) - 1
        self.sets = ValueSets.of(rows, 0, self.position, today)
        self.order_keys = [order_key(row) for row in rows]
        self.updated_keys = frozenset()
        # {position from `size` on: (the built position it sorts just before, its rank among those that share it)}
        self.updated_order = {}
        self.words = None  # the typo vocabulary, read once asked for (`vocabulary()`)
        self.memo = {}

    # --- Updating -------------------------------------------------------------------------

    def updated(self, base, touched):
        """The index once the opportunities with keys `touched` changed, or None if it is better built again.

        Those opportunities are read again and take new positions; their old ones leave `everything`.
        """
        # A translation in or out of the visitor's language takes its original out or back in.
        translation_keys = OpportunityPage.objects.filter(pk__in=touched).values("translation_key")
        touched = set(touched) | set(
            OpportunityPage.objects.filter(translation_key__in=translation_keys).values_list("pk", flat=True)
        )
        first, keys = len(self.pks), self.updated_keys | touched
        if first + len(touched) - self.size > MAX_UPDATED:
            return None
        rows = list(base.filter(pk__in=touched).order_by(*SOONEST).values_list(*COLUMNS, named=True))
        points = self.insertion_points(base, rows, keys)
        if points is None:
            return None
        index = copy.copy(self)
        index.base, index.updated_keys, index.memo = base, frozenset(keys), {}
        moved = {row.pk: first + offset for offset, row in enumerate(rows)}
        index.pks = self.pks + list(moved)
        index.position = dict(self.position)
        for pk in touched:
            index.position.pop(pk, None)
        index.position.update(moved)
        gone = {position for position in map(self.position.get, touched) if position is not None}
        index.everything = (self.everything & ~union(1 << p for p in gone)) | (((1 << len(rows)) - 1) << first)
        index.sets = self.sets | ValueSets.of(rows, first, moved, self.today, only=touched)
        if self.words is not None:
            index.words = sorted(set(self.words) | words_of(row.title for row in rows))
        index.updated_order = index.ordered(base, {moved[pk]: point for pk, point in points.items()}, gone)
        return index

    def ordered(self, base, points, gone):
        """`updated_order` without the positions `gone`, with new positions before their `points` ({position:
        built position}). Those that sort before the same built position are ranked in the database's order."""
        order = {position: key for position, key in self.updated_order.items() if position not in gone}
        order |= {position: (point, 0) for position, point in points.items()}
        sharing = defaultdict(list)
        for position, (point, _rank) in order.items():
            sharing[point].append(position)
        tied = [position for point in set(points.values()) if len(sharing[point]) > 1 for position in sharing[point]]
        if tied:
            pks = base.filter(pk__in=[self.pks[position] for position in tied]).order_by(*SOONEST)
            rank = {pk: rank for rank, pk in enumerate(pks.values_list("pk", flat=True))}
            for position in tied:
                order[position] = (order[position][0], rank.get(self.pks[position], len(rank)))
        return order

    def insertion_points(self, base, rows, keys):
        """{key: the built position it now sorts just before} of updated opportunities; None if the index
        misses an opportunity (a change it was not told of).

        Where Python orders titles as the database does, that is where its key goes among the built ones.
        """
        if titles_compare_bytewise(connection.vendor, connection.settings_dict["NAME"]):
            return {row.pk: bisect.bisect_left(self.order_keys, order_key(row)) for row in rows}
        # Otherwise by date, and on a date built opportunities share, by the database's order of their titles.
        points, dates = {}, {}
        for row in rows:
            dates[row.pk] = date = soonest_key(row.next_occurrence)
            points[row.pk] = point = bisect.bisect_left(self.order_keys, date)
            if point == self.size or self.order_keys[point][:2] != date:
                del dates[row.pk]
        if not dates:
            return points
        shared = {next_occurrence for _none, next_occurrence in dates.values()}
        on_dates = Q(next_occurrence__in=[date for date in shared if date is not None])
        if None in shared:
            on_dates |= Q(next_occurrence__isnull=True)
        last = None  # the last built position, not changed since, in the database's order
        for pk in base.filter(on_dates).order_by(*SOONEST).values_list("pk", flat=True):
            if pk in dates:
                if last is not None and self.order_keys[last][:2] == dates[pk]:
                    points[pk] = last + 1
            elif pk not in keys:
                last = self.built_position.get(pk)
                if last is None:
                    return None
        return points

    def vocabulary(self):
        """The catalogue's words, for typos: read once per build, then the words of updated titles added.

        A word that an update took out stays until the next build: a correction to it that finds nothing
        is not offered (`text.py`).
        """
        if self.words is None:
            self.words = catalogue_words(self.base)
        return self.words

    # --- Filters --------------------------------------------------------------------------

    def filter_sets(self, query):
        """{filter name: its set} for every filter of `query` that the index holds, keyed as the facets are."""
        sets, facets = {}, self.sets.facets
        for dimension in FACET_DIMENSIONS:
            if dimension == "free":
                if query.free_only:
                    sets["free"] = self.sets.free
                continue
            selected = set(getattr(query, VOCABULARIES[dimension][0]))
            if selected:
                sets[dimension] = union(bits for value, bits in facets[dimension].items() if value in selected)
        if query.max_price is not None:
            price = query.max_price
            sets["price"] = self.sets.free | self.memoized(("price", price), lambda: self.priced_up_to(price))
        if query.age is not None:
            sets["age"] = self.memoized(("age", query.age), lambda: self.admitting(query.age))
        if query.registration_open:
            sets["registration"] = self.sets.registration_open
        if query.organization:
            sets["organization"] = bits_of(self.sets.by_organization.get(query.organization, ()), len(self.pks))
        return sets

    def memoized(self, key, compute):
        """`compute()`, once per index: the sets of the ages, prices and orders visitors ask for."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def priced_up_to(self, maximum):
        priced = self.sets.priced
        end = bisect.bisect_right(priced, (math.floor(maximum * 100), len(self.pks)))
        return bits_of((position for _price, position in priced[:end]), len(self.pks))

    def admitting(self, age):
        """Opportunities whose age bounds admit `age` (a missing bound admits everyone on that side)."""
        low = union(bits for bound, bits in self.sets.by_min_age.items() if bound is None or bound <= age)
        high = union(bits for bound, bits in self.sets.by_max_age.items() if bound is None or bound >= age)
        return low & high

    def keys(self, pks):
        """The set of the opportunities with these primary keys (those not searchable are left out)."""
        return bits_of([p for p in map(self.position.get, pks) if p is not None], len(self.pks))

    # --- Reading a set --------------------------------------------------------------------

    def matching(self, sets, *, without=None):
        """The opportunities in every set of `sets` ({name: set}) except the one named `without`."""
        others = (bits for name, bits in sets.items() if name != without)
        return functools.reduce(operator.and_, others, self.everything)

    def page(self, bits, start, end, *, newest=False):
        """The primary keys of the matches from `start` to `end`, soonest first or newest first."""
        if newest:
            positions = positions_in(bits, self.memoized("newest", self.newest_first))
        else:
            positions = self.soonest_first(bits)
        return [self.pks[position] for position in islice(positions, start, end)]

    def soonest_first(self, bits):
        """The positions set in `bits`, soonest first: the built ones in order, the updated ones merged in."""
        if not self.updated_order:
            return positions_in(bits)
        built = ((position, 1, 0, position) for position in positions_in(bits & ((1 << self.size) - 1)))
        updated = sorted(
            (*self.updated_order[position], position) for position in positions_in(bits >> self.size << self.size)
        )
        # An updated position sorts before the built position it names: (point, 0, ...) < (point, 1, ...).
        updated = ((point, 0, rank, position) for point, rank, position in updated)
        return (position for *_order, position in heapq.merge(built, updated))

    def newest_first(self):
        """Every position, published most recently first (never published last), then by key."""
        # Read later than the index: pages published since (in another process, say) are not in it.
        positions = map(self.position.get, self.base.order_by(*NEWEST).values_list("pk", flat=True))
        return [position for position in positions if position is not None]

    def pks_of(self, bits):
        """Every match's primary key, soonest first."""
        return [self.pks[position] for position in self.soonest_first(bits)]

    def total_and_facets(self, query, sets):
        """(how many opportunities match, {dimension: [FacetValue]} ordered by count, then label).

        A facet counts over every filter but its own, so a parent sees what each other choice would give.
        """
        matching = self.matching(sets)
        kinds = dict(Kind.choices)
        facets = {}
        for dimension in FACET_DIMENSIONS:
            over = self.matching(sets, without=dimension) if dimension in sets else matching
            labels = self.sets.labels.get(dimension, {})
            values = []
            for value, bits in self.sets.facets[dimension].items():
                count = (over & bits).bit_count()
                if not count:
                    continue
                if dimension == "free":
                    values.append(FacetValue("1", gettext("Gratuito"), count, query.free_only))
                else:
                    label = str(kinds.get(value, value)) if dimension == "kind" else labels[value]
                    values.append(FacetValue(value, label, count, value in getattr(query, VOCABULARIES[dimension][0])))
            values.sort(key=lambda facet: (-facet.count, facet.label.lower()))
            facets[dimension] = values
        return matching.bit_count(), facets
