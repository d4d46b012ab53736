"""The search contract: what a family can ask for, validated from GET parameters.

Every engine (the database one today, Elasticsearch later) receives the same
`SearchQuery`, so views, API, map and calendar never parse parameters themselves.
"""

import dataclasses
import datetime as dt
import re
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import Kind
from search.near import UnknownReference, resolve_near

MAX_TEXT_LENGTH = 200
MAX_AGE = 120
MAX_PAGE_SIZE = 100
# Far past any catalogue's end (a million results at 100 a page); beyond it the database's offset overflows.
MAX_PAGE = 10_000
# Prices are stored with 8 digits, 2 of them decimals; a bigger or finer number overflows PostgreSQL's numeric.
MAX_PRICE = Decimal(1_000_000)
DEFAULT_PAGE_SIZE = 20
DEFAULT_RADIUS_KM = 5.0
MAX_RADIUS_KM = 200.0

SORTS = ("relevance", "soonest", "nearest", "newest")
TIMES_OF_DAY = ("morning", "afternoon", "evening")
WHEN_SHORTCUTS = ("today", "weekend", "next7")
TRUE_VALUES = ("1", "true", "on", "si", "sì", "yes")
FALSE_VALUES = ("", "0", "false", "off", "no")
# C0 and C1 control characters and DEL. Nobody means them in a search, and PostgreSQL refuses NUL in any text
# ("unterminated string"), so every parameter loses them before it is read: each becomes a space, which keeps
# the words on either side apart and is then trimmed like any other.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class InvalidSearchParameter(ValueError):
    """A GET parameter that cannot be understood; the message is for the person who typed it."""

    def __init__(self, parameter, message):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


@dataclasses.dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    categories: tuple = ()
    audiences: tuple = ()
    age: int | None = None
    kinds: tuple = ()
    districts: tuple = ()
    free_only: bool = False
    max_price: Decimal | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    weekdays: tuple = ()
    time_of_day: tuple = ()
    accessibility: tuple = ()
    languages: tuple = ()
    registration_open: bool = False
    organization: int | None = None
    near: tuple | None = None
    near_to: str = ""  # the place or district the point stands for ("district:centro"), if one was chosen
    near_label: str = ""
    radius_km: float | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    when: str = ""

    def __post_init__(self):
        # Direct construction (from views or tests) gets the same guarantees as from_params.
        if len(self.text) > MAX_TEXT_LENGTH:
            raise InvalidSearchParameter("q", _("La ricerca può contenere al massimo 200 caratteri."))
        if CONTROL_CHARACTERS.search(self.text):
            raise InvalidSearchParameter("q", _("La ricerca contiene caratteri non ammessi."))
        for name, values in (
            ("category", self.categories),
            ("audience", self.audiences),
            ("district", self.districts),
            ("accessibility", self.accessibility),
            ("language", self.languages),
        ):
            if any(CONTROL_CHARACTERS.search(value) for value in values):
                raise InvalidSearchParameter(name, _("Valore non valido."))
        if self.age is not None and not 0 <= self.age <= MAX_AGE:
            raise InvalidSearchParameter("age", _("L'età deve essere un numero tra 0 e 120."))
        if self.sort not in SORTS:
            raise InvalidSearchParameter("sort", _("Ordinamento non valido."))
        if not 1 <= self.page <= MAX_PAGE:
            raise InvalidSearchParameter("page", _("La pagina deve essere un numero tra 1 e 10000."))
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise InvalidSearchParameter("page_size", _("I risultati per pagina devono essere tra 1 e 100."))
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise InvalidSearchParameter("date_to", _("La data di fine non può precedere la data di inizio."))
        if self.radius_km is not None and self.near is None:
            raise InvalidSearchParameter("radius_km", _("Per cercare nei dintorni indica anche la posizione."))
        if self.sort == "nearest" and self.near is None:
            raise InvalidSearchParameter("sort", _("Per ordinare per distanza indica la posizione."))

    @property
    def effective_radius_km(self):
        return self.radius_km if self.radius_km is not None else DEFAULT_RADIUS_KM

    @classmethod
    def from_params(cls, params, *, today):
        """Validate a QueryDict (or a plain dict) of GET parameters; raise InvalidSearchParameter."""
        params = _Params(params)
        date_from, date_to, when = _date_window(params, today)
        near, radius, near_to, near_label = _location(params)
        return cls(
            text=_text(params),
            categories=params.slugs("category"),
            audiences=params.slugs("audience"),
            age=params.integer("age", 0, MAX_AGE, _("L'età deve essere un numero tra 0 e 120.")),
            kinds=params.choices("kind", Kind.values, _("Tipo di opportunità non valido.")),
            districts=params.slugs("district"),
            free_only=params.boolean("free"),
            max_price=_max_price(params),
            date_from=date_from,
            date_to=date_to,
            when=when,
            weekdays=params.choices("weekday", WEEKDAY_CODES, _("Giorno della settimana non valido."), upper=True),
            time_of_day=params.choices("time_of_day", TIMES_OF_DAY, _("Fascia oraria non valida.")),
            accessibility=params.slugs("accessibility"),
            languages=params.slugs("language"),
            registration_open=params.boolean("registration_open"),
            organization=params.integer("organization", 1, None, _("Organizzazione non valida.")),
            near=near,
            near_to=near_to,
            near_label=near_label,
            radius_km=radius,
            sort=_sort(params),
            page=params.integer("page", 1, MAX_PAGE, _("La pagina deve essere un numero tra 1 e 10000.")) or 1,
            page_size=_page_size(params),
        )

    def to_params(self):
        """The canonical GET parameters, as a dict of lists, for shareable URLs and removable filter chips."""
        params = {}

        def put(name, values):
            values = [str(value) for value in values if value not in (None, "", False)]
            if values:
                params[name] = values

        put("q", [self.text])
        put("category", self.categories)
        put("audience", self.audiences)
        put("age", [self.age])
        put("kind", self.kinds)
        put("district", self.districts)
        put("free", ["1" if self.free_only else None])
        put("max_price", [self.max_price])
        if self.when:
            put("when", [self.when])
        else:
            put("date_from", [self.date_from and self.date_from.isoformat()])
            put("date_to", [self.date_to and self.date_to.isoformat()])
        put("weekday", self.weekdays)
        put("time_of_day", self.time_of_day)
        put("accessibility", self.accessibility)
        put("language", self.languages)
        put("registration_open", ["1" if self.registration_open else None])
        put("organization", [self.organization])
        if self.near_to:
            put("near", [self.near_to])
        elif self.near:
            put("lat", [self.near[0]])
            put("lng", [self.near[1]])
        if self.near:
            put("radius_km", [self.radius_km])
        put("sort", [self.sort if self.sort != "relevance" else None])
        put("page", [self.page if self.page != 1 else None])
        put("page_size", [self.page_size if self.page_size != DEFAULT_PAGE_SIZE else None])
        return params

    def with_changes(self, **changes):
        return dataclasses.replace(self, **changes)


class _Params:
    """Reads single and repeated values from a QueryDict or a dict of strings or lists."""

    def __init__(self, source):
        self.source = source

    def raw(self, name):
        if hasattr(self.source, "getlist"):
            values = self.source.getlist(name)
        else:
            value = self.source.get(name)
            values = [] if value is None else list(value) if isinstance(value, list | tuple) else [value]
        return [without_control_characters(str(value)) for value in values]

    def all(self, name):
        # Repeated parameters may also arrive comma-separated ("kind=evento,attivita").
        return [part.strip() for value in self.raw(name) for part in value.split(",") if part.strip()]

    def one(self, name):
        values = self.raw(name)
        return values[-1].strip() if values else ""

    def slugs(self, name):
        # Unknown slugs are not errors: they simply match nothing.
        return tuple(dict.fromkeys(value.lower() for value in self.all(name)))

    def choices(self, name, allowed, message, upper=False):
        values = [value.upper() if upper else value.lower() for value in self.all(name)]
        if any(value not in allowed for value in values):
            raise InvalidSearchParameter(name, message)
        return tuple(value for value in allowed if value in values)

    def converted(self, name, convert, message, minimum=None, maximum=None):
        """The parameter converted and within bounds, or None when absent."""
        raw = self.one(name)
        if not raw:
            return None
        try:
            value = convert(raw)
            # `value != value` catches NaN, which every comparison would let through.
            out_of_bounds = (
                value != value or (minimum is not None and value < minimum) or (maximum is not None and value > maximum)
            )
        except (ValueError, ArithmeticError):
            out_of_bounds = True
        if out_of_bounds:
            raise InvalidSearchParameter(name, message)
        return value

    def integer(self, name, minimum, maximum, message):
        return self.converted(name, int, message, minimum, maximum)

    def number(self, name, minimum, maximum, message):
        return self.converted(name, lambda raw: float(raw.replace(",", ".")), message, minimum, maximum)

    def boolean(self, name):
        raw = self.one(name).lower()
        if raw in TRUE_VALUES:
            return True
        if raw in FALSE_VALUES:
            return False
        raise InvalidSearchParameter(name, _("Valore non valido: usa 1 oppure 0."))

    def date(self, name):
        return self.converted(name, dt.date.fromisoformat, _("Data non valida: usa il formato AAAA-MM-GG."))


def without_control_characters(value):
    return CONTROL_CHARACTERS.sub(" ", value)


def normalize_text(raw):
    """Free text as searched: control characters dropped, whitespace collapsed (also for the autocomplete)."""
    return " ".join(without_control_characters(raw).split())


def _text(params):
    text = normalize_text(params.one("q"))
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidSearchParameter("q", _("La ricerca può contenere al massimo 200 caratteri."))
    return text


def _max_price(params):
    message = _("Il prezzo massimo deve essere un numero tra 0 e 1.000.000, con al massimo due decimali.")
    return params.converted("max_price", _price, message, minimum=0, maximum=MAX_PRICE)


def _price(raw):
    return finite_decimal(raw.replace(",", "."), decimal_places=2)


def finite_decimal(raw, decimal_places=None):
    value = Decimal(raw)
    if not value.is_finite():
        raise ValueError(raw)
    # normalize(): "12.500" has two decimal places that matter, "1e-999999" far more.
    if decimal_places is not None and value.normalize().as_tuple().exponent < -decimal_places:
        raise ValueError(raw)
    return value


def _date_window(params, today):
    when = params.one("when").lower()
    if when:
        if when not in WHEN_SHORTCUTS:
            raise InvalidSearchParameter("when", _("Periodo non valido."))
        if params.one("date_from") or params.one("date_to"):
            raise InvalidSearchParameter("when", _("Scegli un periodo oppure delle date, non entrambi."))
        return (*resolve_when(when, today), when)
    date_from, date_to = params.date("date_from"), params.date("date_to")
    if date_from and date_to and date_to < date_from:
        raise InvalidSearchParameter("date_to", _("La data di fine non può precedere la data di inizio."))
    return date_from, date_to, ""


def resolve_when(when, today):
    """The (date_from, date_to) a named period means, seen from `today`."""
    if when == "today":
        return today, today
    if when == "next7":
        return today, today + dt.timedelta(days=6)
    # The weekend: the coming Saturday and Sunday, or what is left of it on a Sunday.
    if today.weekday() == 6:
        return today, today
    saturday = today + dt.timedelta(days=5 - today.weekday())
    return saturday, saturday + dt.timedelta(days=1)


def _location(params):
    """(point, radius, reference, label): a named place or district (`near`) wins over `lat`/`lng`.

    The search form always sends `near`, empty when no place is chosen; its radius then means nothing
    and is dropped instead of refused.
    """
    radius = params.number("radius_km", 0.1, MAX_RADIUS_KM, _("Il raggio deve essere tra 0,1 e 200 km."))
    reference = params.one("near")
    if reference:
        try:
            lat, lng, label = resolve_near(reference)
        except UnknownReference:
            raise InvalidSearchParameter("near", _("Il luogo scelto non esiste o non ha una posizione.")) from None
        return (lat, lng), radius, reference, label
    lat = params.number("lat", -90, 90, _("Latitudine non valida."))
    lng = params.number("lng", -180, 180, _("Longitudine non valida."))
    if (lat is None) != (lng is None):
        missing = "lng" if lng is None else "lat"
        raise InvalidSearchParameter(missing, _("Indica sia la latitudine sia la longitudine."))
    if lat is None:
        if radius is not None and not params.raw("near"):
            raise InvalidSearchParameter("radius_km", _("Per cercare nei dintorni indica anche la posizione."))
        return None, None, "", ""
    return (lat, lng), radius, "", ""


def _sort(params):
    sort = params.one("sort").lower() or "relevance"
    if sort not in SORTS:
        raise InvalidSearchParameter("sort", _("Ordinamento non valido."))
    if sort == "nearest" and not (params.one("lat") or params.one("near")):
        raise InvalidSearchParameter("sort", _("Per ordinare per distanza indica la posizione."))
    return sort


def _page_size(params):
    message = _("I risultati per pagina devono essere tra 1 e 100.")
    return params.integer("page_size", 1, MAX_PAGE_SIZE, message) or DEFAULT_PAGE_SIZE
