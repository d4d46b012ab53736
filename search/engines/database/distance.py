"""Distance for the database engine: a bounding box in SQL, the exact distance in Python for its few candidates."""

import math

from search.engines.database.filters import Places

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LATITUDE = 111.32


def distances_within(point, radius_km):
    """{pk: km to the nearest place} for the opportunities with a place within `radius_km` of `point`, searchable
    or not: the catalogue index keeps the searchable ones."""
    lat, lng = point
    lat_delta = radius_km / KM_PER_DEGREE_LATITUDE
    lng_delta = radius_km / (KM_PER_DEGREE_LATITUDE * max(math.cos(math.radians(lat)), 0.01))
    # The bounding box keeps the SQL cheap; the exact distance is then computed for the few candidates.
    rows = Places.objects.filter(
        place__latitude__range=(lat - lat_delta, lat + lat_delta),
        place__longitude__range=(lng - lng_delta, lng + lng_delta),
    ).values_list("opportunitypage_id", "place__latitude", "place__longitude")
    distances = {}
    for pk, place_lat, place_lng in rows:
        km = haversine_km(lat, lng, float(place_lat), float(place_lng))
        if km <= radius_km and km < distances.get(pk, math.inf):
            distances[pk] = km
    return distances


def haversine_km(lat1, lng1, lat2, lng2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
