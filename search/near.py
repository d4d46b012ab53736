"""Places and districts a search can be centred on, for families without (or not sharing) their position.

A reference reads `district:<slug>` or `place:<id>`. A district's point is the centre of its places with
coordinates, so it needs no upkeep when venues are added.
"""

from django.db.models import Avg
from django.utils.translation import gettext_lazy

from organizations.models import Place
from search.catalogue import kept_in_process, unchanged
from taxonomy.models import District

DISTRICT, PLACE = "district", "place"


class UnknownReference(ValueError):
    pass


def resolve_near(reference):
    """(latitude, longitude, label) of a reference; raise UnknownReference if it names nothing with a position."""
    kind, _separator, key = reference.partition(":")
    if kind == DISTRICT:
        district = District.objects.filter(slug=key).first()
        if district:
            centre = district.places.filter(latitude__isnull=False, longitude__isnull=False).aggregate(
                lat=Avg("latitude"), lng=Avg("longitude")
            )
            if centre["lat"] is not None:
                return float(centre["lat"]), float(centre["lng"]), district.name
    elif kind == PLACE and key.isascii() and key.isdigit():  # "²".isdigit() too, which int() refuses
        place = Place.objects.filter(pk=int(key), latitude__isnull=False, longitude__isnull=False).first()
        if place:
            return float(place.latitude), float(place.longitude), place.name
    raise UnknownReference(reference)


def near_choices():
    """The choices of the "near" menu: districts with located places, then help desks (sportelli) with a position.

    The same on every search page: kept in the process until a change touches everything, as a place's does.
    """
    return kept_in_process("near-choices", (), read_near_choices, update=unchanged)


def read_near_choices():
    located = {"latitude__isnull": False, "longitude__isnull": False}
    districts = District.objects.filter(places__latitude__isnull=False, places__longitude__isnull=False).distinct()
    help_desks = Place.objects.filter(is_help_desk=True, **located).only("pk", "name")
    return [
        (gettext_lazy("Quartieri"), [(f"{DISTRICT}:{district.slug}", district.name) for district in districts]),
        (gettext_lazy("Sportelli"), [(f"{PLACE}:{place.pk}", place.name) for place in help_desks]),
    ]
