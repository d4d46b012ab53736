"""What every engine does to its facet counts once it has them: shared, so engines only count."""

from django.utils.translation import gettext

from wagtail.models import Locale

from opportunities.models import Kind
from search.results import FacetValue
from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language

# For each facet dimension: the query's selected values, and how to name the ones no result holds.
VOCABULARIES = {
    "category": ("categories", lambda values: translated_names(Category, values)),
    "audience": ("audiences", lambda values: translated_names(Audience, values)),
    "accessibility": ("accessibility", lambda values: translated_names(AccessibilityFeature, values)),
    "district": (
        "districts",
        lambda values: dict(District.objects.filter(slug__in=values).values_list("slug", "name")),
    ),
    "language": (
        "languages",
        lambda values: dict(Language.objects.filter(code__in=values).values_list("code", "name")),
    ),
    "kind": ("kinds", lambda values: {value: str(label) for value, label in Kind.choices if value in values}),
}


def translated_names(model, slugs):
    return dict(model.objects.filter(slug__in=slugs, locale=Locale.get_active()).values_list("slug", "name"))


def with_selected_values(facets, query):
    """Selected values that no result holds any more stay in their facet at zero, so they can be unticked.

    Values naming nothing (an unknown slug in a URL) are left out: there is nothing to show.
    """
    for dimension, (attribute, names) in VOCABULARIES.items():
        values = facets.setdefault(dimension, [])
        missing = [value for value in getattr(query, attribute) if value not in {facet.value for facet in values}]
        if missing:
            found = names(missing)
            values += [FacetValue(value, found[value], 0, True) for value in missing if value in found]
    if query.free_only and not facets.get("free"):
        facets["free"] = [FacetValue("1", gettext("Gratuito"), 0, True)]
    return facets
