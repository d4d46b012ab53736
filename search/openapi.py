"""The OpenAPI 3.1 description of the JSON API, written by hand as a plain dict."""

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import Kind, PricePeriod, Status
from search.query import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_RADIUS_KM,
    MAX_AGE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_PRICE,
    MAX_RADIUS_KM,
    MAX_TEXT_LENGTH,
    SORTS,
    TIMES_OF_DAY,
    WHEN_SHORTCUTS,
)
from search.results import FACET_DIMENSIONS

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
BOOLEAN_FLAG = {"type": "string", "enum": ["1", "0", "true", "false"]}
REPEATED_SLUGS = {"type": "array", "items": STRING}
DATE = {"type": "string", "format": "date"}


def repeated(values):
    return {"type": "array", "items": {"type": "string", "enum": list(values)}}


def parameter(name, schema, description):
    repeatable = schema.get("type") == "array"
    spec = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if repeatable:
        spec.update({"style": "form", "explode": True})
    return spec


# Every query parameter SearchQuery.from_params reads; the tests check none is missing.
QUERY_PARAMETERS = [
    parameter("q", {"type": "string", "maxLength": MAX_TEXT_LENGTH}, "Free text."),
    parameter("category", REPEATED_SLUGS, "Category slugs; a top-level category includes its sub-categories."),
    parameter("audience", REPEATED_SLUGS, "Audience slugs."),
    parameter("age", {"type": "integer", "minimum": 0, "maximum": MAX_AGE}, "A person's age in years."),
    parameter("kind", repeated(Kind.values), "Kinds of opportunity."),
    parameter("district", REPEATED_SLUGS, "District slugs."),
    parameter("free", BOOLEAN_FLAG, "Only free opportunities."),
    parameter(
        "max_price",
        {"type": "number", "minimum": 0, "maximum": int(MAX_PRICE)},
        "Highest price in euro (free ones included), at most two decimals.",
    ),
    parameter("date_from", DATE, "First day of the date window."),
    parameter("date_to", DATE, "Last day of the date window; not before date_from."),
    parameter("when", {"type": "string", "enum": list(WHEN_SHORTCUTS)}, "A named window; excludes date_from/to."),
    parameter("weekday", repeated(WEEKDAY_CODES), "Days of the week (iCalendar codes)."),
    parameter("time_of_day", repeated(TIMES_OF_DAY), "Parts of the day."),
    parameter("accessibility", REPEATED_SLUGS, "Accessibility feature slugs."),
    parameter("language", REPEATED_SLUGS, "ISO 639-1 language codes."),
    parameter("registration_open", BOOLEAN_FLAG, "Only opportunities one can still register for."),
    parameter("organization", {"type": "integer", "minimum": 1}, "An organization's id."),
    parameter("lat", {"type": "number", "minimum": -90, "maximum": 90}, "Latitude; requires lng."),
    parameter("lng", {"type": "number", "minimum": -180, "maximum": 180}, "Longitude; requires lat."),
    parameter(
        "near",
        {"type": "string", "pattern": "^(district:[-a-z0-9_]+|place:[0-9]+)?$"},
        "A district (district:<slug>, the centre of its places) or a place (place:<id>) as the point; "
        "takes precedence over lat/lng. Sent empty, it makes radius_km optional without a point.",
    ),
    parameter(
        "radius_km",
        {"type": "number", "minimum": 0.1, "maximum": MAX_RADIUS_KM, "default": DEFAULT_RADIUS_KM},
        "Search radius around the point (lat/lng or near).",
    ),
    parameter(
        "sort",
        {"type": "string", "enum": list(SORTS), "default": "relevance"},
        "nearest needs a point (lat/lng or near).",
    ),
    parameter("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}, "Page number."),
    parameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        "Results per page.",
    ),
]

TERM = {
    "type": "object",
    "properties": {"slug": STRING, "name": STRING},
    "required": ["slug", "name"],
}
OPPORTUNITY_PROPERTIES = {
    "id": INTEGER,
    "title": STRING,
    "url": {"type": ["string", "null"], "format": "uri"},
    "summary": STRING,
    "kind": {"type": "string", "enum": list(Kind.values)},
    "status": {"type": "string", "enum": list(Status.values)},
    "organization": {
        "type": ["object", "null"],
        "properties": {"id": INTEGER, "name": STRING, "url": {"type": ["string", "null"], "format": "uri"}},
    },
    "categories": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
    "audiences": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
    "min_age": NULLABLE_INTEGER,
    "max_age": NULLABLE_INTEGER,
    "free": {"type": "boolean"},
    "price": {"type": ["string", "null"], "description": "A decimal number in euro, as a string."},
    "price_period": {"type": ["string", "null"], "enum": [*PricePeriod.values, None]},
    "next_occurrence": {"type": ["string", "null"], "format": "date-time"},
    "district": {"oneOf": [{"$ref": "#/components/schemas/Term"}, {"type": "null"}]},
    "latitude": NULLABLE_NUMBER,
    "longitude": NULLABLE_NUMBER,
}
HIT = {
    "type": "object",
    "properties": {
        **OPPORTUNITY_PROPERTIES,
        "distance_km": NULLABLE_NUMBER,
        "score": NULLABLE_NUMBER,
        "highlight": {
            "type": "string",
            "description": "HTML: the passage of the summary or description that matched `q`, the words in <mark>, "
            "the rest escaped; empty when the engine gives none.",
        },
    },
    "required": list(OPPORTUNITY_PROPERTIES),
}
SCHEDULE = {
    "type": "object",
    "properties": {
        "start_date": {"type": ["string", "null"], "format": "date"},
        "end_date": {"type": ["string", "null"], "format": "date"},
        "weekdays": repeated(WEEKDAY_CODES),
        "opens_at": {"type": ["string", "null"], "format": "time"},
        "closes_at": {"type": ["string", "null"], "format": "time"},
        "note": STRING,
        "description": {"type": "string", "description": "The schedule in plain Italian."},
    },
}
PLACE = {
    "type": "object",
    "properties": {
        "name": STRING,
        "address": STRING,
        "district": {"oneOf": [{"$ref": "#/components/schemas/Term"}, {"type": "null"}]},
        "latitude": NULLABLE_NUMBER,
        "longitude": NULLABLE_NUMBER,
        "is_help_desk": {"type": "boolean"},
    },
}
DETAIL_PROPERTIES = {
    **OPPORTUNITY_PROPERTIES,
    "audience_description": {"type": "string", "description": "HTML."},
    "how_to_take_part": {"type": "string", "description": "HTML."},
    "requirements": {"type": "string", "description": "HTML."},
    "cost_description": {"type": "string", "description": "HTML."},
    "timing": {"type": "string", "description": "HTML."},
    "contact_email": STRING,
    "contact_phone": STRING,
    "registration": {
        "type": "object",
        "properties": {
            "required": {"type": "boolean"},
            "url": {"type": ["string", "null"], "format": "uri"},
            "deadline": {"type": ["string", "null"], "format": "date"},
            "places_available": NULLABLE_INTEGER,
        },
    },
    "schedules": {"type": "array", "items": {"$ref": "#/components/schemas/Schedule"}},
    "places": {"type": "array", "items": {"$ref": "#/components/schemas/Place"}},
    "languages": {
        "type": "array",
        "items": {"type": "object", "properties": {"code": STRING, "name": STRING}},
    },
    "accessibility_features": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
    "last_verified": {"type": ["string", "null"], "format": "date"},
    "last_published_at": {"type": ["string", "null"], "format": "date-time"},
}
FACET_VALUE = {
    "type": "object",
    "properties": {"value": STRING, "label": STRING, "count": INTEGER, "selected": {"type": "boolean"}},
}
SEARCH_RESULT = {
    "type": "object",
    "properties": {
        "count": INTEGER,
        "page": INTEGER,
        "page_size": INTEGER,
        "num_pages": INTEGER,
        "next": {"type": ["string", "null"], "format": "uri"},
        "previous": {"type": ["string", "null"], "format": "uri"},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
        "facets": {
            "type": "object",
            "properties": {
                dimension: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                for dimension in FACET_DIMENSIONS
            },
        },
        "suggestions": {"type": "array", "items": STRING},
    },
    "required": ["count", "page", "page_size", "num_pages", "next", "previous", "results", "facets", "suggestions"],
}
PARAMETER_ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"parameter": STRING, "message": {"type": "string", "description": "In Italian."}},
            "required": ["parameter", "message"],
        }
    },
    "required": ["error"],
}
NOT_FOUND = {"type": "object", "properties": {"error": STRING}, "required": ["error"]}
SUGGESTION = {
    "type": "object",
    "properties": {"label": STRING, "url": STRING, "type": {"enum": ["category", "opportunity", "organization"]}},
    "required": ["label", "url", "type"],
}
SUGGESTIONS = {
    "type": "object",
    "properties": {"suggestions": {"type": "array", "items": {"$ref": "#/components/schemas/Suggestion"}}},
    "required": ["suggestions"],
}


def json_response(description, schema_name):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
    }


def openapi_document(server_url):
    """The whole document; `server_url` is where the API answers (…/api/v1/)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Portale delle opportunità: ricerca",
            "version": "1.0.0",
            "description": "Read-only open data: live, public opportunities for families. CORS is open to any origin.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/opportunities/": {
                "get": {
                    "operationId": "listOpportunities",
                    "summary": "Search opportunities, with facets and pagination.",
                    "parameters": QUERY_PARAMETERS,
                    "responses": {
                        "200": json_response("One page of results.", "SearchResult"),
                        "400": json_response("A parameter cannot be understood.", "ParameterError"),
                    },
                }
            },
            "/autocomplete/": {
                "get": {
                    "operationId": "autocomplete",
                    "summary": "Suggestions while typing: categories first, then opportunities and organizations.",
                    "parameters": [
                        parameter(
                            "q", {"type": "string", "maxLength": 100}, "What was typed so far; under 2 letters, none."
                        )
                    ],
                    "responses": {
                        "200": json_response("Up to 8 suggestions, each with its link.", "Suggestions"),
                        "400": json_response("The text is too long.", "ParameterError"),
                    },
                }
            },
            "/opportunities/{id}/": {
                "get": {
                    "operationId": "getOpportunity",
                    "summary": "One live, public opportunity in full.",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": INTEGER}],
                    "responses": {
                        "200": json_response("The opportunity.", "Opportunity"),
                        "404": json_response("Unknown, draft or restricted opportunity.", "NotFound"),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Term": TERM,
                "Hit": HIT,
                "Schedule": SCHEDULE,
                "Place": PLACE,
                "Opportunity": {"type": "object", "properties": DETAIL_PROPERTIES, "required": list(DETAIL_PROPERTIES)},
                "FacetValue": FACET_VALUE,
                "SearchResult": SEARCH_RESULT,
                "ParameterError": PARAMETER_ERROR,
                "NotFound": NOT_FOUND,
                "Suggestion": SUGGESTION,
                "Suggestions": SUGGESTIONS,
            }
        },
    }
