"""From opportunity pages to index documents: which pages belong in the index and what each one says."""

import datetime as dt
import html as html_lib

from django.utils.html import strip_tags

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import OpportunityPage, Status
from search.engines.elasticsearch.index import FACET_SEPARATOR

OPEN_START, OPEN_END = dt.date(1, 1, 1), dt.date(9999, 12, 31)
NOON, SIX_PM = dt.time(12), dt.time(18)
BODY_FIELDS = ("audience_description", "how_to_take_part", "requirements", "cost_description", "timing")


def searchable():
    """What a family may find at all (the database engine's rule): live, public, not concluded for good."""
    return OpportunityPage.objects.live().public().exclude(status=Status.CONCLUDED)


def with_relations(queryset):
    """Everything a document needs, in a fixed number of queries whatever the number of pages."""
    return queryset.select_related("organization").prefetch_related(
        "categories__parent", "audiences", "places__district", "accessibility_features", "languages", "schedules"
    )


def facet_value(slug, label):
    return f"{slug}{FACET_SEPARATOR}{label}"


def plain_text(html):
    return " ".join(html_lib.unescape(strip_tags(html or "")).split())


def category_fields(page):
    slugs, facets, names = {}, {}, []
    for category in page.categories.all():
        names.append(category.name)
        slugs[category.slug] = True
        facets[category.slug] = facet_value(category.slug, category.name)
        if category.parent_id:
            # A top-level category counts (and matches) what its sub-categories hold, each opportunity once.
            parent = category.parent
            slugs[parent.slug] = True
            facets[parent.slug] = facet_value(parent.slug, parent.name)
    return list(slugs), list(facets.values()), names


def time_of_day(opens_at):
    if opens_at is None:
        return None
    if opens_at < NOON:
        return "morning"
    return "afternoon" if opens_at < SIX_PM else "evening"


def schedule_fields(schedule):
    """A schedule as bounds and possible weekdays, exact for any date window (no horizon to run out of)."""
    if schedule.weekdays:
        start, end, weekdays = schedule.start_date or OPEN_START, schedule.end_date or OPEN_END, schedule.weekdays
    elif schedule.start_date:
        start, end = schedule.start_date, schedule.end_date or schedule.start_date
        # A run of dates holds the weekdays of its days: every one from a week on.
        length = min((end - start).days, 6)
        weekdays = sorted(
            {WEEKDAY_CODES[(start + dt.timedelta(days=offset)).weekday()] for offset in range(length + 1)}
        )
    else:
        return None  # No weekdays and no date: it never occurs (as occurrence_dates says).
    return {
        "weekly": bool(schedule.weekdays),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "weekdays": list(weekdays),
        "time_of_day": time_of_day(schedule.opens_at),
    }


def document(page):
    """The index document of one opportunity (with_relations() already applied)."""
    categories, category_facets, category_names = category_fields(page)
    places = list(page.places.all())
    districts = {place.district.slug: place.district for place in places if place.district_id}
    audiences = list(page.audiences.all())
    features = list(page.accessibility_features.all())
    languages = list(page.languages.all())
    schedules = [fields for fields in map(schedule_fields, page.schedules.all()) if fields]
    return {
        "_id": page.pk,
        "pk": page.pk,
        "title": page.title,
        "summary": page.summary,
        "body": " ".join(plain_text(getattr(page, name)) for name in BODY_FIELDS).strip(),
        "category_names": category_names,
        "audience_names": [audience.name for audience in audiences],
        "organization_name": page.organization.title if page.organization_id else "",
        "place_names": [f"{place.name} {place.address}" for place in places],
        "spelling": [page.title, *category_names],
        "categories": categories,
        "category_facets": category_facets,
        "audiences": [audience.slug for audience in audiences],
        "audience_facets": [facet_value(audience.slug, audience.name) for audience in audiences],
        "districts": list(districts),
        "district_facets": [facet_value(slug, district.name) for slug, district in districts.items()],
        "accessibility": [feature.slug for feature in features],
        "accessibility_facets": [facet_value(feature.slug, feature.name) for feature in features],
        "languages": [language.code for language in languages],
        "language_facets": [facet_value(language.code, language.name) for language in languages],
        "kind": page.kind,
        "status": page.status,
        "is_free": page.is_free,
        "price": float(page.price) if page.price is not None else None,
        "min_age": page.min_age,
        "max_age": page.max_age,
        "registration_required": page.registration_required,
        "registration_deadline": page.registration_deadline.isoformat() if page.registration_deadline else None,
        "places_available": page.places_available,
        "organization_id": page.organization_id,
        "locations": [
            {"lat": float(place.latitude), "lon": float(place.longitude)}
            for place in places
            if place.latitude is not None and place.longitude is not None
        ],
        "schedules": schedules,
        "next_occurrence": page.next_occurrence.isoformat() if page.next_occurrence else None,
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
    }
