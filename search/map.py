"""Markers for the results map: every result with a place on the map, not just the page being read."""

from opportunities.models import OpportunityPage

# Enough for a town's whole catalogue; beyond it the map says it shows only the first ones.
MAX_MAP_MARKERS = 2000


def markers(pks):
    """One marker per opportunity with a located place, in the order of `pks`."""
    pages = (
        OpportunityPage.objects.filter(pk__in=pks)
        .only("pk", "title", "url_path", "path", "depth")
        .prefetch_related("places")
        .in_bulk()
    )
    return page_markers(pages[pk] for pk in pks if pk in pages)


def page_markers(pages):
    """Markers of opportunities whose places are already fetched (prefetched), skipping those with none located."""
    found = []
    for page in pages:
        place = next((place for place in page.places.all() if place.latitude is not None), None)
        if place is not None and place.longitude is not None:
            found.append(
                {
                    "lat": float(place.latitude),
                    "lng": float(place.longitude),
                    "title": page.title,
                    "url": page.url,
                    "place": place.name,
                }
            )
    return found
