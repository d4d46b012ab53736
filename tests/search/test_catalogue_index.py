"""The catalogue index on the demo town (250 opportunities, sets wider than one machine word): every facet count
and the default order agree with what the database says directly, and an index brought up to date after a
few changes reads as one built afresh."""

import datetime as dt
from decimal import Decimal

import pytest

from django.core.management import call_command
from django.db.models import F, Q
from django.utils import timezone

from opportunities.models import OpportunityPage, Status
from search.engines.database.engine import DatabaseEngine, searchable
from search.engines.database.filters import Categories
from search.engines.database.index import CatalogueIndex
from search.query import SearchQuery
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_town(home_page):
    call_command("seed_demo", verbosity=0)


def counted_by_the_database(opportunities, dimension, value):
    lookups = {
        "audience": Q(audiences__slug=value),
        "kind": Q(kind=value),
        "district": Q(places__district__slug=value),
        "accessibility": Q(accessibility_features__slug=value),
        "language": Q(languages__code=value),
        "category": Q(categories__slug=value) | Q(categories__parent__slug=value),
        "free": Q(is_free=True),
    }
    return opportunities.filter(lookups[dimension]).distinct().count()


@pytest.mark.parametrize(
    "criteria",
    [{}, {"free_only": True, "age": 10}, {"categories": ("sport",), "sort": "soonest"}],
    ids=["everything", "free-for-a-ten-year-old", "sport"],
)
def test_every_facet_count_is_what_the_database_counts(demo_town, criteria):
    query = SearchQuery(page_size=50, **criteria)
    result = DatabaseEngine().search(query, now=timezone.now())
    matching = searchable()
    if query.free_only:
        matching = matching.filter(is_free=True)
    if query.age is not None:
        age = query.age
        matching = matching.filter(Q(min_age__isnull=True) | Q(min_age__lte=age)).filter(
            Q(max_age__isnull=True) | Q(max_age__gte=age)
        )
    if query.categories:
        sport = Category.objects.filter(slug__in=query.categories)
        matching = matching.filter(Q(categories__in=sport) | Q(categories__parent__in=sport)).distinct()
    assert searchable().count() > 200 and result.total == matching.count() > 0
    # A facet ignores its own filter: those are counted over other sets (tests/search/test_database_engine.py).
    own_filters = {"free"} if query.free_only else set()
    own_filters |= {"category"} if query.categories else set()
    counted = 0
    for dimension, values in result.facets.items():
        if dimension in own_filters:
            continue
        for value in values:
            assert value.count == counted_by_the_database(matching, dimension, value.value), (dimension, value)
            counted += 1
    assert counted > 20
    soonest = matching.order_by(F("next_occurrence").asc(nulls_last=True), "title", "pk")
    assert [hit.page.pk for hit in result.hits] == list(soonest.values_list("pk", flat=True)[:50])


READS = [
    {},
    {"categories": ("sport",)},
    {"categories": ("cultura", "sport"), "free_only": True},
    {"age": 10},
    {"max_price": Decimal("30")},
    {"registration_open": True},
    {"kinds": ("evento",), "age": 8},
]


def what_searches_read(index):
    """For each search of READS: the total, every facet value's label and count, both orders of all matches."""
    read = []
    for criteria in READS:
        query = SearchQuery(**criteria)
        sets = index.filter_sets(query)
        total, facets = index.total_and_facets(query, sets)
        bits = index.matching(sets)
        counts = {
            dimension: [(value.value, value.label, value.count) for value in values]
            for dimension, values in facets.items()
        }
        read.append((total, counts, index.page(bits, 0, total), index.page(bits, 0, total, newest=True)))
    return read


def fresh_and_updated(built, touched):
    today = timezone.localdate()
    updated = built.updated(searchable(), touched)
    assert updated is not None
    return what_searches_read(CatalogueIndex(searchable(), today)), what_searches_read(updated), updated


@pytest.fixture(params=["bytewise", "other"], ids=["titles-compared-in-python", "titles-ordered-by-the-database"])
def title_collation(request, monkeypatch):
    """Both ways of placing an updated opportunity: the second serves collations Python cannot reproduce."""
    if request.param == "other":
        monkeypatch.setattr("search.engines.database.index.titles_compare_bytewise", lambda vendor, name: False)


def test_an_index_brought_up_to_date_reads_as_one_built_afresh(demo_town, title_collation):
    soonest = list(searchable().order_by(F("next_occurrence").asc(nulls_last=True), "title", "pk"))
    # Four on one date, ordered by title: the last goes first, then the second (once it is updated, see below).
    same_day = timezone.now() + dt.timedelta(days=200)
    group = soonest[60:64]
    for number, page in enumerate(group, 1):
        OpportunityPage.objects.filter(pk=page.pk).update(title=f"Gruppo {number}", next_occurrence=same_day)
    built = CatalogueIndex(searchable(), timezone.localdate())
    first, second, third, last = soonest[0], soonest[1], soonest[len(soonest) // 2], soonest[-1]
    dated = [page for page in soonest if page.next_occurrence is not None]
    # Renamed to the front of its date, moved to another opportunity's date, to no date at all, to a new one.
    OpportunityPage.objects.filter(pk=third.pk).update(title="AAA primo in ordine")
    OpportunityPage.objects.filter(pk=first.pk).update(next_occurrence=dated[len(dated) // 3].next_occurrence)
    OpportunityPage.objects.filter(pk=second.pk).update(next_occurrence=None)
    OpportunityPage.objects.filter(pk=last.pk).update(
        next_occurrence=timezone.now() + dt.timedelta(days=400), is_free=False, price=Decimal("12.50"), min_age=9
    )
    OpportunityPage.objects.filter(pk=group[3].pk).update(title="AAA gruppo")
    # Other categories, concluded, unpublished, and one opportunity new.
    recategorised = soonest[10]
    Categories.objects.filter(opportunitypage=recategorised).delete()
    Categories.objects.create(opportunitypage=recategorised, category=Category.objects.get(slug="sport"))
    OpportunityPage.objects.filter(pk=soonest[20].pk).update(status=Status.CONCLUDED)
    OpportunityPage.objects.filter(pk=soonest[30].pk).update(live=False)
    new = OpportunityPageFactory(
        title="Torneo di scacchi", parent=soonest[40].get_parent(), categories=[Category.objects.get(slug="sport")]
    )
    touched = {page.pk for page in (first, second, third, last, recategorised, soonest[20], soonest[30], new, group[3])}

    fresh, updated, index = fresh_and_updated(built, touched)
    assert updated == fresh
    assert fresh[0][2][0] != first.pk and new.pk in fresh[1][2]  # the changes show, in the order and the sets

    # Changed again, and another one: the update reads every opportunity changed since the build.
    OpportunityPage.objects.filter(pk=new.pk).update(title="AAA torneo", next_occurrence=None)
    OpportunityPage.objects.filter(pk=soonest[50].pk).update(title="Zzz ultimo")
    OpportunityPage.objects.filter(pk=group[1].pk).update(title="AAB gruppo")
    fresh, again, _index = fresh_and_updated(index, {new.pk, soonest[50].pk, group[1].pk})
    assert again == fresh


def test_too_many_changes_build_the_index_again(demo_town, monkeypatch):
    monkeypatch.setattr("search.engines.database.index.MAX_UPDATED", 20)
    built = CatalogueIndex(searchable(), timezone.localdate())
    pks = list(searchable().values_list("pk", flat=True))
    assert built.updated(searchable(), pks[:20]) is not None
    assert built.updated(searchable(), pks[:21]) is None
