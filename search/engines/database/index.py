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
"""

import bisect
import functools
import math
import operator
from collections import defaultdict
from itertools import islice

from django.db import connection
from django.db.models import F
from django.utils.translation import gettext

from opportunities.models import Kind, Status
from organizations.models import Place
from search.engines.database.filters import Audiences, Categories, Features, Languages, Places
from search.facets import VOCABULARIES
from search.results import FACET_DIMENSIONS, FacetValue
from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language

SOONEST = (F("next_occurrence").asc(nulls_last=True), "title", "pk")
NEWEST = (F("first_published_at").desc(nulls_last=True), F("pk").asc())
COLUMNS = (
    "pk",
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


def keys_by_value(through, key, value):
    """[(value, [keys])] of a many-to-many table, aggregated by the database (one row per value)."""
    table, key, value = (connection.ops.quote_name(name) for name in (through, key, value))
    aggregate = f"array_agg({key})" if connection.vendor == "postgresql" else f"group_concat({key})"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {value}, {aggregate} FROM {table} GROUP BY {value}")
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


class CatalogueIndex:
    """The searchable opportunities of `base` (in soonest-first order) and the sets of every filter value."""

    def __init__(self, base, today):
        self.base = base
        rows = list(base.order_by(*SOONEST).values_list(*COLUMNS, named=True))
        # Column by column (a transposition at C speed): each loop below is then as tight as Python gets.
        column = dict(zip(COLUMNS, zip(*rows, strict=True), strict=True)) if rows else dict.fromkeys(COLUMNS, ())
        self.size = len(rows)
        self.pks = list(column["pk"])
        self.position = {pk: position for position, pk in enumerate(self.pks)}
        self.everything = (1 << self.size) - 1
        self.free = bits_of([position for position, free in enumerate(column["is_free"]) if free], self.size)
        self.registration_open = bits_of(
            [position for position, row in enumerate(rows) if registration_open(row, today)], self.size
        )
        self.by_min_age = self.grouped(column["min_age"])
        self.by_max_age = self.grouped(column["max_age"])
        self.by_organization = self.grouped(column["organization_id"], as_bits=False)
        # In whole cents (a price has two decimals), to compare with a bound without rounding.
        self.priced = sorted(
            (int(price * 100), position) for position, price in enumerate(column["price"]) if price is not None
        )
        kinds = self.grouped(column["kind"])
        self.facets = {
            "category": self.category_values(),
            "audience": self.term_values(Audiences, "audience", Audience, "slug"),
            "kind": [(kind, None, bits) for kind, bits in kinds.items()],
            "district": self.district_values(),
            "accessibility": self.term_values(Features, "accessibilityfeature", AccessibilityFeature, "slug"),
            "language": self.term_values(Languages, "language", Language, "code"),
            "free": [(None, None, self.free)],
        }
        self.memo = {}

    # --- Building -------------------------------------------------------------------------

    def grouped(self, values, *, as_bits=True):
        """{value: its set} of a column's values; lists of positions instead with `as_bits=False`."""
        groups = defaultdict(list)
        for position, value in enumerate(values):
            groups[value].append(position)
        return {value: bits_of(positions, self.size) if as_bits else positions for value, positions in groups.items()}

    def related_keys(self, through, target):
        """{target id: [keys of the opportunities related to it]} from a many-to-many through table."""
        opportunity, target = (through._meta.get_field(name).column for name in ("opportunitypage", target))
        return dict(keys_by_value(through._meta.db_table, opportunity, target))

    def related(self, through, target):
        """{target id: set of the opportunities related to it}."""
        return {value: self.keys(pks) for value, pks in self.related_keys(through, target).items()}

    def term_values(self, through, target, vocabulary, value_field):
        """(value, label, set) of each term of a vocabulary that some opportunity holds."""
        sets = self.related(through, target)
        names = vocabulary.objects.filter(pk__in=sets).values_list("pk", value_field, "name")
        return [(value, name, sets[pk]) for pk, value, name in names]

    def category_values(self):
        """Sub-categories hold their own opportunities; a top-level category also those of its sub-categories."""
        direct = self.related(Categories, "category")
        categories = list(Category.objects.values_list("pk", "slug", "name", "parent_id"))
        children = defaultdict(list)
        for pk, _slug, _name, parent in categories:
            if parent is not None and pk in direct:
                children[parent].append(direct[pk])
        values = []
        for pk, slug, name, parent in categories:
            bits = direct.get(pk, 0) if parent is not None else direct.get(pk, 0) | union(children[pk])
            if bits:
                values.append((slug, name, bits))
        return values

    def district_values(self):
        """Districts through the opportunities' places (two places in one district count once)."""
        places = self.related_keys(Places, "place")
        keys = defaultdict(list)
        for place, district in Place.objects.filter(pk__in=places, district__isnull=False).values_list(
            "pk", "district"
        ):
            keys[district] += places[place]
        names = District.objects.filter(pk__in=keys).values_list("pk", "slug", "name")
        return [(slug, name, self.keys(keys[pk])) for pk, slug, name in names]

    # --- Filters --------------------------------------------------------------------------

    def filter_sets(self, query):
        """{filter name: its set} for every filter of `query` that the index holds, keyed as the facets are."""
        sets = {}
        for dimension in FACET_DIMENSIONS:
            if dimension == "free":
                if query.free_only:
                    sets["free"] = self.free
                continue
            selected = set(getattr(query, VOCABULARIES[dimension][0]))
            if selected:
                sets[dimension] = union(bits for value, _label, bits in self.facets[dimension] if value in selected)
        if query.max_price is not None:
            price = query.max_price
            sets["price"] = self.free | self.memoized(("price", price), lambda: self.priced_up_to(price))
        if query.age is not None:
            sets["age"] = self.memoized(("age", query.age), lambda: self.admitting(query.age))
        if query.registration_open:
            sets["registration"] = self.registration_open
        if query.organization:
            sets["organization"] = bits_of(self.by_organization.get(query.organization, ()), self.size)
        return sets

    def memoized(self, key, compute):
        """`compute()`, once per index: the sets of the ages, prices and orders visitors ask for."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def priced_up_to(self, maximum):
        end = bisect.bisect_right(self.priced, (math.floor(maximum * 100), self.size))
        return bits_of((position for _price, position in self.priced[:end]), self.size)

    def admitting(self, age):
        """Opportunities whose age bounds admit `age` (a missing bound admits everyone on that side)."""
        low = union(bits for bound, bits in self.by_min_age.items() if bound is None or bound <= age)
        high = union(bits for bound, bits in self.by_max_age.items() if bound is None or bound >= age)
        return low & high

    def keys(self, pks):
        """The set of the opportunities with these primary keys (those not searchable are left out)."""
        return bits_of([p for p in map(self.position.get, pks) if p is not None], self.size)

    # --- Reading a set --------------------------------------------------------------------

    def matching(self, sets, *, without=None):
        """The opportunities in every set of `sets` ({name: set}) except the one named `without`."""
        others = (bits for name, bits in sets.items() if name != without)
        return functools.reduce(operator.and_, others, self.everything)

    def page(self, bits, start, end, *, newest=False):
        """The primary keys of the matches from `start` to `end`, soonest first or newest first."""
        order = self.memoized("newest", self.newest_first) if newest else None
        return [self.pks[position] for position in islice(positions_in(bits, order), start, end)]

    def newest_first(self):
        """Every position, published most recently first (never published last), then by key."""
        # Read later than the index: pages published since (in another process, say) are not in it.
        positions = map(self.position.get, self.base.order_by(*NEWEST).values_list("pk", flat=True))
        return [position for position in positions if position is not None]

    def pks_of(self, bits):
        """Every match's primary key, soonest first."""
        return [self.pks[position] for position in positions_in(bits)]

    def total_and_facets(self, query, sets):
        """(how many opportunities match, {dimension: [FacetValue]} ordered by count, then label).

        A facet counts over every filter but its own, so a parent sees what each other choice would give.
        """
        matching = self.matching(sets)
        kinds = dict(Kind.choices)
        facets = {}
        for dimension in FACET_DIMENSIONS:
            over = self.matching(sets, without=dimension) if dimension in sets else matching
            values = []
            for value, label, bits in self.facets[dimension]:
                count = (over & bits).bit_count()
                if not count:
                    continue
                if dimension == "free":
                    values.append(FacetValue("1", gettext("Gratuito"), count, query.free_only))
                else:
                    label = str(kinds.get(value, value)) if dimension == "kind" else label
                    values.append(FacetValue(value, label, count, value in getattr(query, VOCABULARIES[dimension][0])))
            values.sort(key=lambda facet: (-facet.count, facet.label.lower()))
            facets[dimension] = values
        return matching.bit_count(), facets
