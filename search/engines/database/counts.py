"""The total and every facet count of a search, in one SQL statement.

Each set of matches a count needs is evaluated once, as a materialized common table expression:
the opportunities passing every filter, plus, for each dimension with a filter of its own, those
passing every other filter (a facet ignores its own filter). Every facet is then a GROUP BY over a
through table joined to its set, counted by foreign key (a few groups, aggregated in memory) and
named afterwards from the small vocabulary tables. Counting facets one query at a time would
evaluate the matches eight times over.

Each count's rows are cached on their own until the catalogue changes (search.catalogue), keyed by
the set they count: the same few sets (the whole catalogue, a category) are asked for all day, and
the facet a visitor has just chosen a value of is counted over the same set as before the click
(the whole catalogue, on the landing page), so it comes from the cache; the statement counts only
what is missing.
"""

from django.db import connection
from django.utils.translation import gettext

from opportunities.models import Kind
from search.catalogue import cached_each
from search.engines.database.filters import Audiences, Categories, Features, Languages, Places, filtered
from search.facets import VOCABULARIES
from search.results import FACET_DIMENSIONS, FacetValue
from taxonomy.models import Category, District

TOTAL = "total"


def total_and_facets(query, base, filters):
    """(how many opportunities match, {dimension: [FacetValue]} ordered by count, then label)."""
    sets = MatchingSets(base, filters)
    # The set each count runs over: the total over every filter, a facet over every filter but its own.
    over = {TOTAL: sets.name_for(None), **{dimension: sets.name_for(dimension) for dimension in FACET_DIMENSIONS}}
    parts = {count: (count, sets.definition(name)) for count, name in over.items()}
    rows = cached_each("counts", parts, lambda missing: counted(sets, {count: over[count] for count in missing}))
    total = rows[TOTAL][0][3]
    facets = {dimension: [] for dimension in FACET_DIMENSIONS}
    kinds = dict(Kind.choices)
    for dimension in FACET_DIMENSIONS:
        for _dimension, value, label, count in rows[dimension]:
            if dimension == "free":
                if count:
                    facets["free"] = [FacetValue("1", gettext("Gratuito"), count, query.free_only)]
            elif value:
                label = str(kinds.get(value, value)) if dimension == "kind" else label
                selected = getattr(query, VOCABULARIES[dimension][0])
                facets[dimension].append(FacetValue(value, label, count, value in selected))
    for values in facets.values():
        values.sort(key=lambda facet: (-facet.count, facet.label.lower()))
    return total, facets


def counted(sets, over):
    """{count: its rows} for the counts in `over` ({count: the set it runs over}), in one statement."""
    branches = [branch for count, name in over.items() for branch in BRANCHES[count](name)]
    expressions, params = sets.sql(set(over.values()))
    rows = {count: [] for count in over}
    for row in fetch_all(f"WITH {expressions} {' UNION ALL '.join(branches)}", params):
        rows[row[0]].append(row)
    return rows


def fetch_all(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class MatchingSets:
    """The common table expressions of the statement: one per distinct set of filters a count needs."""

    def __init__(self, base, filters):
        self.base, self.filters = base, filters
        self.definitions = {}

    def name_for(self, dimension):
        """The set of opportunities passing every filter except the dimension's own (all of them if it has none)."""
        without = dimension if dimension in self.filters else None
        name = f"matching_{without}" if without else "matching"
        if name not in self.definitions:
            matching = filtered(self.base, self.filters, without=without).order_by().values("pk", "kind", "is_free")
            self.definitions[name] = matching.query.sql_with_params()
        return name

    def definition(self, name):
        """(SQL, parameters) of a set: what its counts are cached under, whatever its name in the statement."""
        return self.definitions[name]

    def sql(self, names):
        """(the WITH list of the named sets, their parameters in the same order)."""
        expressions, params = [], []
        for name, (sql, set_params) in self.definitions.items():
            if name in names:
                expressions.append(f"{name} (pk, kind, is_free) AS MATERIALIZED ({sql})")
                params += set_params
        return ", ".join(expressions), params


def table(model):
    return connection.ops.quote_name(model._meta.db_table)


def column(model, field):
    return connection.ops.quote_name(model._meta.get_field(field).column)


def rows_of(through, matching):
    """FROM clause: the through table's rows (as t) of the opportunities in `matching`."""
    return f"FROM {table(through)} t JOIN {matching} ON t.{column(through, 'opportunitypage')} = {matching}.pk"


def per_id(id_sql, rows_sql, *, distinct_through=None):
    """Opportunities per id; `distinct_through` the through table when one opportunity can reach an id twice."""
    if distinct_through is None:
        return f"SELECT {id_sql} AS id, COUNT(*) AS n {rows_sql} GROUP BY {id_sql}"
    opportunity = column(distinct_through, "opportunitypage")
    pairs = f"SELECT DISTINCT {id_sql} AS id, t.{opportunity} AS opportunity {rows_sql}"
    return f"SELECT id, COUNT(*) AS n FROM ({pairs}) pairs GROUP BY id"


def named(dimension, counts_sql, vocabulary, *, value="slug", where=""):
    """The counts per id with the vocabulary's value and label: (dimension, value, label, count) rows."""
    return (
        f"SELECT '{dimension}', v.{value}, v.name, counted.n FROM ({counts_sql}) counted "
        f"JOIN {table(vocabulary)} v ON v.{connection.ops.quote_name(vocabulary._meta.pk.column)} = counted.id {where}"
    )


def counted_terms(dimension, through, target, matching, value="slug"):
    """Opportunities per term of a many-to-many relation (each pair is unique, so no DISTINCT is needed)."""
    vocabulary = through._meta.get_field(target).related_model
    counts = per_id(
        f"t.{column(through, target)}",
        rows_of(through, matching),
    )
    return [named(dimension, counts, vocabulary, value=value)]


def counted_categories(matching):
    """Sub-categories count their own opportunities; a top-level category each opportunity it holds, once."""
    rows = rows_of(Categories, matching)
    parent = column(Category, "parent")
    children = per_id(
        f"t.{column(Categories, 'category')}",
        rows,
    )
    top_level = per_id(
        f"COALESCE(c.{parent}, c.id)",
        f"{rows} JOIN {table(Category)} c ON c.id = t.{column(Categories, 'category')}",
        distinct_through=Categories,
    )
    return [
        named("category", children, Category, where=f"WHERE v.{parent} IS NOT NULL"),
        named("category", top_level, Category),
    ]


def counted_districts(matching):
    """Districts through the opportunities' places: two places in one district count once."""
    place = Places._meta.get_field("place").related_model
    district = column(place, "district")
    rows = (
        f"{rows_of(Places, matching)} JOIN {table(place)} p ON p.id = t.{column(Places, 'place')} "
        f"WHERE p.{district} IS NOT NULL"
    )
    return [named("district", per_id(f"p.{district}", rows, distinct_through=Places), District)]


BRANCHES = {
    TOTAL: lambda matching: [f"SELECT '{TOTAL}', NULL, NULL, COUNT(*) FROM {matching}"],
    "category": counted_categories,
    "audience": lambda matching: counted_terms("audience", Audiences, "audience", matching),
    "kind": lambda matching: [f"SELECT 'kind', kind, NULL, COUNT(*) FROM {matching} GROUP BY kind"],
    "district": counted_districts,
    "accessibility": lambda matching: counted_terms("accessibility", Features, "accessibilityfeature", matching),
    "language": lambda matching: counted_terms("language", Languages, "language", matching, value="code"),
    "free": lambda matching: [f"SELECT 'free', NULL, NULL, COUNT(*) FROM {matching} WHERE is_free"],
}
