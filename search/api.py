"""The search as a read-only JSON API (open data): the list of opportunities and each one in full."""

import datetime as dt
import functools

from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext

from opportunities.models import OpportunityPage
from search.engines import get_engine
from search.openapi import QUERY_PARAMETERS, openapi_document
from search.query import InvalidSearchParameter, SearchQuery, normalize_text
from search.responses import kept_json

SAFE_METHODS = ("GET", "HEAD")
LIST_RELATIONS = ("categories", "audiences")
DETAIL_RELATIONS = ("categories", "audiences", "schedules", "languages", "accessibility_features", "places__district")


def api_view(view):
    """Only GET and HEAD; every answer may be read from any origin."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            response = view(request, *args, **kwargs)
        else:
            response = JsonResponse({"error": gettext("Metodo non consentito.")}, status=405)
            response["Allow"] = ", ".join(SAFE_METHODS)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


AUTOCOMPLETE_MIN_LENGTH = 2
AUTOCOMPLETE_MAX_LENGTH = 100


@api_view
def autocomplete(request):
    """Suggestions while typing in the search box: categories, opportunities and organizations, each with its link."""
    text = normalize_text(request.GET.get("q", ""))
    if len(text) > AUTOCOMPLETE_MAX_LENGTH:
        message = gettext("Il testo può contenere al massimo 100 caratteri.")
        return JsonResponse({"error": {"parameter": "q", "message": message}}, status=400)
    found = get_engine().autocomplete(text) if len(text) >= AUTOCOMPLETE_MIN_LENGTH else []
    response = JsonResponse({"suggestions": [{"label": label, "url": url, "type": kind} for label, url, kind in found]})
    # Shared by every visitor who types the same letters.
    response["Cache-Control"] = "public, max-age=300"
    return response


# A misspelt filter ("categroy=sport") would otherwise silently answer the whole catalogue.
LIST_PARAMETERS = frozenset(parameter["name"] for parameter in QUERY_PARAMETERS)


@api_view
def opportunity_list(request):
    try:
        unknown = sorted(set(request.GET) - LIST_PARAMETERS)
        if unknown:
            raise InvalidSearchParameter(
                unknown[0], gettext("Parametro sconosciuto: quelli ammessi sono descritti in /api/v1/openapi.json.")
            )
        query = SearchQuery.from_params(request.GET, today=timezone.localdate())
    except InvalidSearchParameter as error:
        return JsonResponse({"error": {"parameter": error.parameter, "message": str(error.message)}}, status=400)
    return kept_json(request, "api-opportunities", lambda: listing(request, query))


def listing(request, query):
    result = get_engine().search(query, now=timezone.now())
    prefetch_related_objects([hit.page for hit in result.hits], *LIST_RELATIONS)
    return {
        "count": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "num_pages": result.num_pages,
        "next": page_link(request, query, query.page + 1) if result.has_next else None,
        "previous": page_link(request, query, query.page - 1) if result.has_previous else None,
        "results": [serialize_hit(request, hit) for hit in result.hits],
        "facets": serialize_facets(result.facets),
        "suggestions": [str(suggestion) for suggestion in result.suggestions],
    }


@api_view
def opportunity_detail(request, pk):
    numeric = pk.isascii() and pk.isdigit()  # not "²", which isdigit() accepts and int() refuses
    page = OpportunityPage.objects.live().public().cards().filter(pk=pk).first() if numeric else None
    if page is None:
        return JsonResponse({"error": gettext("Opportunità non trovata.")}, status=404)
    prefetch_related_objects([page], *DETAIL_RELATIONS)
    return JsonResponse(serialize_detail(request, page))


@api_view
def openapi(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/api/v1/")))


def page_link(request, query, page):
    params = urlencode(query.with_changes(page=page).to_params(), doseq=True)
    return request.build_absolute_uri(f"{request.path}?{params}")


def absolute_url(request, page):
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


# --- Serialisers ------------------------------------------------------------------------------


def serialize_hit(request, hit):
    data = serialize_opportunity(request, hit.page)
    data["distance_km"] = hit.distance_km
    data["score"] = hit.score
    data["highlight"] = str(hit.highlight)
    return data


def serialize_opportunity(request, page):
    place = page.primary_place
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute_url(request, page),
        "summary": page.summary,
        "kind": page.kind,
        "status": page.status,
        "organization": serialize_organization(request, page.organization),
        "categories": serialize_terms(page.categories.all()),
        "audiences": serialize_terms(page.audiences.all()),
        "min_age": page.min_age,
        "max_age": page.max_age,
        "free": page.is_free,
        "price": None if page.price is None else str(page.price),
        "price_period": page.price_period or None,
        "next_occurrence": iso(page.next_occurrence),
        "district": serialize_term(place.district) if place and place.district else None,
        "latitude": as_float(place.latitude) if place else None,
        "longitude": as_float(place.longitude) if place else None,
    }


def serialize_detail(request, page):
    data = serialize_opportunity(request, page)
    data.update(
        {
            "audience_description": page.audience_description,
            "how_to_take_part": page.how_to_take_part,
            "requirements": page.requirements,
            "cost_description": page.cost_description,
            "timing": page.timing,
            "contact_email": page.contact_email,
            "contact_phone": page.contact_phone,
            "registration": serialize_registration(page),
            "schedules": [serialize_schedule(schedule) for schedule in page.schedules.all()],
            "places": [serialize_place(place) for place in page.places.all()],
            "languages": [{"code": language.code, "name": language.name} for language in page.languages.all()],
            "accessibility_features": serialize_terms(page.accessibility_features.all()),
            "last_verified": iso(page.last_verified),
            "last_published_at": iso(page.last_published_at),
        }
    )
    return data


def serialize_organization(request, organization):
    if organization is None:
        return None
    return {"id": organization.pk, "name": organization.title, "url": absolute_url(request, organization)}


def serialize_term(term):
    return {"slug": term.slug, "name": term.name}


def serialize_terms(terms):
    return [serialize_term(term) for term in terms]


def serialize_registration(page):
    return {
        "required": page.registration_required,
        "url": page.registration_url or None,
        "deadline": iso(page.registration_deadline),
        "places_available": page.places_available,
    }


def serialize_schedule(schedule):
    return {
        "start_date": iso(schedule.start_date),
        "end_date": iso(schedule.end_date),
        "weekdays": list(schedule.weekdays or []),
        "opens_at": iso(schedule.opens_at),
        "closes_at": iso(schedule.closes_at),
        "note": schedule.note,
        "description": str(schedule),
    }


def serialize_place(place):
    return {
        "name": place.name,
        "address": place.address,
        "district": serialize_term(place.district) if place.district else None,
        "latitude": as_float(place.latitude),
        "longitude": as_float(place.longitude),
        "is_help_desk": place.is_help_desk,
    }


def serialize_facets(facets):
    return {
        dimension: [
            {"value": value.value, "label": str(value.label), "count": value.count, "selected": value.selected}
            for value in values
        ]
        for dimension, values in facets.items()
    }


def iso(value):
    """ISO 8601; moments in the Comune's time zone, so that a day's midnight does not read as the day before."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return value.isoformat() if value is not None else None


def as_float(value):
    return None if value is None else float(value)
