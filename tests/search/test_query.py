"""The search contract: GET parameters in, a validated SearchQuery out, and back again."""

import datetime as dt
from decimal import Decimal

import pytest

from django.http import QueryDict

from search.query import InvalidSearchParameter, SearchQuery

# A Wednesday.
TODAY = dt.date(2026, 11, 18)


def parse(query_string):
    return SearchQuery.from_params(QueryDict(query_string), today=TODAY)


def error_for(query_string):
    with pytest.raises(InvalidSearchParameter) as caught:
        parse(query_string)
    return caught.value


def test_no_parameters_give_the_default_query():
    query = parse("")
    assert query == SearchQuery()
    assert (query.sort, query.page, query.page_size) == ("relevance", 1, 20)


def test_every_parameter_is_parsed():
    query = parse(
        "q=+teatro++ragazzi+&category=cultura&category=sport&audience=bambini&age=7&kind=evento&kind=attivita"
        "&district=centro&free=1&max_price=12,50&date_from=2026-11-20&date_to=2026-11-30&weekday=sa&weekday=MO"
        "&time_of_day=evening&accessibility=bagno-accessibile&language=en&registration_open=1&organization=42"
        "&lat=45.07&lng=7.68&radius_km=3&sort=nearest&page=2&page_size=50"
    )
    assert query.text == "teatro ragazzi"
    assert query.categories == ("cultura", "sport")
    assert query.audiences == ("bambini",)
    assert query.age == 7
    assert query.kinds == ("attivita", "evento")
    assert query.districts == ("centro",)
    assert query.free_only is True
    assert query.max_price == Decimal("12.50")
    assert (query.date_from, query.date_to) == (dt.date(2026, 11, 20), dt.date(2026, 11, 30))
    assert query.weekdays == ("MO", "SA")
    assert query.time_of_day == ("evening",)
    assert query.accessibility == ("bagno-accessibile",)
    assert query.languages == ("en",)
    assert query.registration_open is True
    assert query.organization == 42
    assert query.near == (45.07, 7.68)
    assert query.radius_km == 3
    assert (query.sort, query.page, query.page_size) == ("nearest", 2, 50)


def test_a_plain_dict_of_parameters_is_accepted():
    query = SearchQuery.from_params({"category": ["cultura", "sport"], "age": "9"}, today=TODAY)
    assert query.categories == ("cultura", "sport")
    assert query.age == 9


def test_unknown_category_and_district_slugs_are_not_errors():
    query = parse("category=non-esiste&district=atlantide")
    assert query.categories == ("non-esiste",)
    assert query.districts == ("atlantide",)


def test_when_today_is_the_day_itself():
    query = parse("when=today")
    assert (query.date_from, query.date_to) == (TODAY, TODAY)


def test_when_weekend_is_the_coming_saturday_and_sunday():
    query = parse("when=weekend")
    assert (query.date_from, query.date_to) == (dt.date(2026, 11, 21), dt.date(2026, 11, 22))


def test_when_weekend_on_a_sunday_is_what_is_left_of_it():
    sunday = dt.date(2026, 11, 22)
    query = SearchQuery.from_params({"when": "weekend"}, today=sunday)
    assert (query.date_from, query.date_to) == (sunday, sunday)


def test_when_next7_is_a_week_from_today():
    query = parse("when=next7")
    assert (query.date_from, query.date_to) == (TODAY, dt.date(2026, 11, 24))


def test_to_params_round_trips_through_from_params():
    query = parse(
        "q=teatro&category=cultura&age=7&kind=evento&free=1&max_price=10&when=weekend&weekday=SA"
        "&time_of_day=morning&language=en&registration_open=1&lat=45.07&lng=7.68&radius_km=3&sort=soonest&page=3"
    )
    assert SearchQuery.from_params(query.to_params(), today=TODAY) == query


def test_to_params_leaves_out_defaults_for_short_shareable_urls():
    assert SearchQuery().to_params() == {}
    assert parse("q=teatro&page=1&sort=relevance").to_params() == {"q": ["teatro"]}


def test_to_params_without_a_filter_removes_its_chip():
    query = parse("category=cultura&category=sport&age=7")
    chipless = query.with_changes(categories=("sport",)).to_params()
    assert chipless == {"category": ["sport"], "age": ["7"]}


@pytest.mark.parametrize(
    ("query_string", "parameter"),
    [
        ("age=sette", "age"),
        ("age=-1", "age"),
        ("age=121", "age"),
        ("kind=gita", "kind"),
        ("sort=random", "sort"),
        ("sort=nearest", "sort"),
        ("weekday=XX", "weekday"),
        ("time_of_day=night", "time_of_day"),
        ("free=forse", "free"),
        ("registration_open=maybe", "registration_open"),
        ("max_price=gratis", "max_price"),
        ("max_price=-5", "max_price"),
        ("max_price=NaN", "max_price"),
        ("max_price=Infinity", "max_price"),
        ("date_from=ieri", "date_from"),
        ("date_to=2026-13-01", "date_to"),
        ("date_from=2026-11-20&date_to=2026-11-10", "date_to"),
        ("when=domani", "when"),
        ("when=today&date_from=2026-11-20", "when"),
        ("lat=45.07", "lng"),
        ("lng=7.68", "lat"),
        ("lat=95&lng=7", "lat"),
        ("lat=45&lng=nan", "lng"),
        ("lat=inf&lng=7", "lat"),
        ("radius_km=3", "radius_km"),
        ("lat=45&lng=7&radius_km=0", "radius_km"),
        ("lat=45&lng=7&radius_km=1000", "radius_km"),
        ("organization=abc", "organization"),
        ("page=0", "page"),
        ("page=zzz", "page"),
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("q=" + "a" * 201, "q"),
    ],
)
def test_bad_input_names_the_parameter(query_string, parameter):
    assert error_for(query_string).parameter == parameter


def test_errors_speak_italian():
    error = error_for("age=sette")
    assert str(error.message) == "L'età deve essere un numero tra 0 e 120."
    assert isinstance(error, ValueError)


def test_direct_construction_is_validated_too():
    with pytest.raises(InvalidSearchParameter) as caught:
        SearchQuery(page_size=500)
    assert caught.value.parameter == "page_size"


def test_the_query_is_immutable():
    query = SearchQuery(text="teatro")
    with pytest.raises(AttributeError):
        query.text = "sport"
