"""Active filters as removable chips: each links to the same search without it."""

import datetime as dt
from typing import NamedTuple
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opportunities.fields import WEEKDAYS
from opportunities.schedules import day_phrase
from search.query import SearchQuery

# Parameters that shape the listing rather than filter it: no chip.
NOT_FILTERS = {"page", "page_size", "sort", "lat", "lng", "near", "radius_km"}
TIME_OF_DAY_CHOICES = [
    ("morning", gettext_lazy("Mattina (prima delle 12)")),
    ("afternoon", gettext_lazy("Pomeriggio (12-18)")),
    ("evening", gettext_lazy("Sera (dalle 18)")),
]
WHEN_CHOICES = [
    ("", gettext_lazy("In qualsiasi momento")),
    ("today", gettext_lazy("Oggi")),
    ("weekend", gettext_lazy("Questo fine settimana")),
    ("next7", gettext_lazy("Nei prossimi 7 giorni")),
]
WHEN_LABELS = dict(WHEN_CHOICES)


class Chip(NamedTuple):
    label: str
    url: str
    remaining: dict  # the search's parameters without this filter


def active_filter_chips(query, facets):
    """A Chip for every active filter, from the query's canonical parameters."""
    params = query.to_params()
    params.pop("page", None)
    labels = {(name, value.value): value.label for name, values in facets.items() for value in values}
    chips = []
    for name, values in params.items():
        if name in NOT_FILTERS:
            continue
        for value in values:
            remaining = {key: [v for v in vals if (key, v) != (name, value)] for key, vals in params.items()}
            url = reverse("search:search") + "?" + urlencode(remaining, doseq=True)
            chips.append(Chip(_chip_label(name, value, labels), url, remaining))
    if query.near:
        chips.append(_near_chip(query, params))
    return chips


def _near_chip(query, params):
    """The point, its radius and the distance sort go together: one chip removes them all."""
    point = {"lat", "lng", "near", "radius_km", "sort"}
    remaining = {key: values for key, values in params.items() if key not in point}
    km = formats.number_format(query.effective_radius_km, decimal_pos=0)
    if query.near_label:
        label = _("Entro %(km)s km da %(place)s") % {"km": km, "place": query.near_label}
    else:
        label = _("Entro %(km)s km da te") % {"km": km}
    return Chip(label, reverse("search:search") + "?" + urlencode(remaining, doseq=True), remaining)


def relaxed_searches(chips, *, engine, today, now):
    """For a search that found nothing: how many results dropping each filter would give, best first."""
    counted = []
    for chip in chips:
        params = QueryDict(mutable=True)
        for key, values in chip.remaining.items():
            params.setlist(key, values)
        total = engine.count(SearchQuery.from_params(params, today=today), now=now)
        if total:
            counted.append((chip, total))
    return sorted(counted, key=lambda pair: -pair[1])


def _chip_label(name, value, labels):
    if name == "q":
        return f"«{value}»"
    if name == "age":
        return _("%(age)s anni") % {"age": value}
    if name == "free":
        return _("Gratis")
    if name == "when":
        return str(WHEN_LABELS.get(value, value))
    if name == "max_price":
        return _("Fino a € %(price)s") % {"price": value}
    if name in ("weekday", "time_of_day"):
        return str(dict(WEEKDAYS + TIME_OF_DAY_CHOICES).get(value, value))
    if name in ("date_from", "date_to"):
        return day_phrase(dt.date.fromisoformat(value), "dal" if name == "date_from" else "fino al")
    if name == "registration_open":
        return _("Iscrizioni aperte")
    return labels.get((name, value), value)
