"""Structured filters of a SearchQuery as Elasticsearch queries, keyed like the database engine's.

Dimensions with a facet go into the post filter so that each facet can be counted without its own
filter; the others narrow the query itself.
"""

import datetime as dt

from elasticsearch.dsl import Q

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import Status

# Date windows up to this many days are checked day by day, which is exact; longer ones by overlap
# (the same rule, and so the same answers, as the database engine).
EXACT_WINDOW_DAYS = 31
FACETED = ("category", "audience", "kind", "district", "accessibility", "language", "free")


def terms(field, values):
    return Q("terms", **{field: list(values)}) if values else None


def structured_filters(query, today):
    """{dimension: Q} for every active structured filter."""
    filters = {
        "category": terms("categories", query.categories),
        "audience": terms("audiences", query.audiences),
        "kind": terms("kind", query.kinds),
        "district": terms("districts", query.districts),
        "accessibility": terms("accessibility", query.accessibility),
        "language": terms("languages", query.languages),
        "free": Q("term", is_free=True) if query.free_only else None,
        "price": price_filter(query),
        "age": age_filter(query),
        "schedule": schedule_filter(query),
        "registration": registration_filter(today) if query.registration_open else None,
        "organization": Q("term", organization_id=query.organization) if query.organization else None,
    }
    return {name: condition for name, condition in filters.items() if condition is not None}


def missing(field):
    return ~Q("exists", field=field)


def age_filter(query):
    if query.age is None:
        return None
    # A missing bound admits everyone on that side.
    return (missing("min_age") | Q("range", min_age={"lte": query.age})) & (
        missing("max_age") | Q("range", max_age={"gte": query.age})
    )


def price_filter(query):
    if query.max_price is None:
        return None
    return Q("term", is_free=True) | Q("range", price={"lte": float(query.max_price)})


def registration_filter(today):
    open_deadline = missing("registration_deadline") | Q("range", registration_deadline={"gte": today.isoformat()})
    full = Q("term", status=Status.FULL) | Q("term", places_available=0)
    return Q("term", registration_required=False) | Q("bool", must=[open_deadline], must_not=[full])


def schedule_filter(query):
    """One schedule (a nested document) must satisfy the date window, weekdays and time of day together."""
    conditions = [
        condition for condition in (occurrence_condition(query), time_of_day_condition(query)) if condition is not None
    ]
    if not conditions:
        return None
    return Q("nested", path="schedules", query=Q("bool", filter=conditions))


def occurrence_condition(query):
    if query.date_from is None and query.date_to is None:
        return terms("schedules.weekdays", query.weekdays)
    days = window_days(query.date_from, query.date_to)
    if days is None:
        condition = overlap(query.date_from, query.date_to)
        return condition & terms("schedules.weekdays", query.weekdays) if query.weekdays else condition
    if query.weekdays:
        days = [day for day in days if WEEKDAY_CODES[day.weekday()] in query.weekdays]
    if not days:
        return ~Q("match_all")  # The window holds none of the requested weekdays.
    return Q("bool", should=[occurs_on(day) for day in days], minimum_should_match=1)


def window_days(date_from, date_to):
    if date_from is None or date_to is None or (date_to - date_from).days >= EXACT_WINDOW_DAYS:
        return None
    return [date_from + dt.timedelta(days=offset) for offset in range((date_to - date_from).days + 1)]


def within_bounds(day):
    return Q("range", **{"schedules.start": {"lte": day.isoformat()}}) & Q(
        "range", **{"schedules.end": {"gte": day.isoformat()}}
    )


def occurs_on(day):
    # A weekly schedule on that weekday, or a run of dates containing the day.
    on_weekday = Q("term", **{"schedules.weekly": False}) | Q(
        "term", **{"schedules.weekdays": WEEKDAY_CODES[day.weekday()]}
    )
    return within_bounds(day) & on_weekday


def overlap(date_from, date_to):
    condition = Q("match_all")
    if date_to is not None:
        condition &= Q("range", **{"schedules.start": {"lte": date_to.isoformat()}})
    if date_from is not None:
        condition &= Q("range", **{"schedules.end": {"gte": date_from.isoformat()}})
    return condition


def time_of_day_condition(query):
    return terms("schedules.time_of_day", query.time_of_day)


def near_filter(query):
    if not query.near:
        return None
    lat, lng = query.near
    return Q("geo_distance", distance=f"{query.effective_radius_km}km", locations={"lat": lat, "lon": lng})


def combined(filters, *, without=None):
    conditions = [condition for name, condition in filters.items() if name != without]
    return Q("bool", filter=conditions) if conditions else Q("match_all")
