"""The catalogue index on the demo town (250 opportunities, sets wider than one machine word): every facet count
and the default order agree with what the database says directly."""

import pytest

from django.core.management import call_command
from django.db.models import F, Q
from django.utils import timezone

from search.engines.database.engine import DatabaseEngine, searchable
from search.query import SearchQuery
from taxonomy.models import Category

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
