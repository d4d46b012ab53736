"""Open Referral HSDS 3.0 services, read into plain data with every type checked.

Only the shape is checked here (types, formats, required ids); what the portal
requires of an organization, a place or an opportunity is checked by the
models themselves when the importer builds them. CSV rows are turned into the
same nested service objects (`opendata.csv_format`), so both formats share
this reading and the importer.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from opportunities.fields import WEEKDAY_CODES

MAX_ID_LENGTH = 100


class RecordError(Exception):
    """The record cannot be imported; `messages` says every reason found."""

    def __init__(self, messages):
        self.messages = messages if isinstance(messages, list) else [messages]
        super().__init__("; ".join(self.messages))


@dataclass
class OrganizationData:
    hsds_id: str
    name: str
    description: str = ""
    email: str = ""
    website: str = ""
    legal_status: str = ""
    phone: str = ""


@dataclass
class PlaceData:
    hsds_id: str
    name: str
    address: str = ""
    postal_code: str = ""
    city: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    phone: str = ""
    email: str = ""
    accessibility: str = ""


@dataclass
class ScheduleData:
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    weekdays: list = field(default_factory=list)
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    note: str = ""


@dataclass
class TermData:
    taxonomy: str
    code: str
    name: str


@dataclass
class CostData:
    amount: Decimal | None
    currency: str
    option: str


@dataclass
class ServiceData:
    hsds_id: str
    name: str
    organization: OrganizationData
    description: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    status: str = ""
    fees_description: str = ""
    eligibility_description: str = ""
    application_process: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    languages: list = field(default_factory=list)  # (code, name)
    terms: list = field(default_factory=list)  # TermData
    schedules: list = field(default_factory=list)  # ScheduleData
    cost_options: list = field(default_factory=list)  # CostData
    places: list = field(default_factory=list)  # PlaceData


class _Reader:
    """Typed access to one JSON object; collects a message per problem instead of stopping at the first."""

    def __init__(self, data, path, errors):
        self.data, self.path, self.errors = data, path, errors

    def _where(self, key):
        return f"{self.path}.{key}" if self.path else key

    def error(self, key, message):
        self.errors.append(f"{self._where(key)}: {message}")

    def text(self, key, *, required=False):
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                self.error(key, _("campo obbligatorio mancante"))
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.error(key, _("deve essere un testo"))
            return ""
        return value.strip()

    def identifier(self, key="id"):
        value = self.text(key, required=True)
        if len(value) > MAX_ID_LENGTH:
            self.error(key, _("l'identificativo supera %(max)s caratteri") % {"max": MAX_ID_LENGTH})
            return ""
        return value

    def integer(self, key):
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(key, _("deve essere un numero intero non negativo, non «%(value)s»") % {"value": value})
            return None
        return value

    def decimal(self, key):
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.error(key, _("deve essere un numero, non «%(value)s»") % {"value": value})
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            self.error(key, _("deve essere un numero, non «%(value)s»") % {"value": value})
            return None
        if not number.is_finite():
            self.error(key, _("deve essere un numero, non «%(value)s»") % {"value": value})
            return None
        return number

    def date(self, key):
        value = self.text(key)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            self.error(key, _("data non valida «%(value)s»: usa AAAA-MM-GG") % {"value": value})
            return None

    def time(self, key):
        value = self.text(key)
        if not value:
            return None
        if len(value) >= 4 and value[1] == ":":
            value = "0" + value  # "9:00"
        try:
            # "16:00", "16:00:00", "16:00:00+01:00": the portal keeps local wall-clock times.
            return dt.time.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            self.error(key, _("orario non valido «%(value)s»: usa HH:MM") % {"value": value})
            return None

    def objects(self, key):
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(key, _("deve essere un elenco"))
            return []
        readers = []
        for position, item in enumerate(value):
            if isinstance(item, dict):
                readers.append(_Reader(item, f"{self._where(key)}[{position}]", self.errors))
            else:
                self.errors.append(f"{self._where(key)}[{position}]: " + _("deve essere un oggetto"))
        return readers

    def object(self, key, *, required=False):
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, _("campo obbligatorio mancante"))
            return None
        if not isinstance(value, dict):
            self.error(key, _("deve essere un oggetto"))
            return None
        return _Reader(value, self._where(key), self.errors)


def parse_service(data):
    """The `ServiceData` of one HSDS service object; raises `RecordError` listing every problem found."""
    if not isinstance(data, dict):
        raise RecordError(_("ogni servizio deve essere un oggetto JSON"))
    errors = []
    service = _Reader(data, "", errors)
    hsds_id = service.identifier()
    name = service.text("name", required=True)
    organization = _organization(service.object("organization", required=True))
    parsed = ServiceData(
        hsds_id=hsds_id,
        name=name,
        organization=organization,
        description=service.text("description"),
        url=service.text("url"),
        email=service.text("email"),
        phone=_first_phone(service),
        status=service.text("status").lower(),
        fees_description=service.text("fees_description"),
        eligibility_description=service.text("eligibility_description"),
        application_process=service.text("application_process"),
        minimum_age=service.integer("minimum_age"),
        maximum_age=service.integer("maximum_age"),
        languages=[_language(reader) for reader in service.objects("languages")],
        terms=[term for reader in service.objects("attributes") if (term := _term(reader))],
        schedules=[_schedule(reader) for reader in service.objects("schedules")],
        cost_options=[_cost(reader) for reader in service.objects("cost_options")],
    )
    for reader in service.objects("service_at_locations"):
        location = reader.object("location", required=True)
        if location is not None:
            parsed.places.append(_place(location))
        parsed.schedules.extend(_schedule(schedule) for schedule in reader.objects("schedules"))
    if errors:
        raise RecordError(errors)
    return parsed


def _first_phone(reader):
    numbers = [phone.text("number") for phone in reader.objects("phones")]
    return next((number for number in numbers if number), "")


def _organization(reader):
    if reader is None:
        return None
    return OrganizationData(
        hsds_id=reader.identifier(),
        name=reader.text("name", required=True),
        description=reader.text("description"),
        email=reader.text("email"),
        # HSDS 3.0 says `website`; 2.0 files say `url`.
        website=reader.text("website") or reader.text("url"),
        legal_status=reader.text("legal_status"),
        phone=_first_phone(reader),
    )


def _place(reader):
    addresses = reader.objects("addresses")
    address = addresses[0] if addresses else None
    street = ""
    if address is not None:
        street = ", ".join(part for part in (address.text("address_1"), address.text("address_2")) if part)
    accessibility = [item.text("description") for item in reader.objects("accessibility")]
    return PlaceData(
        hsds_id=reader.identifier(),
        name=reader.text("name") or street,
        address=street,
        postal_code=address.text("postal_code") if address else "",
        city=address.text("city") if address else "",
        latitude=reader.decimal("latitude"),
        longitude=reader.decimal("longitude"),
        phone=_first_phone(reader),
        email=reader.text("email"),
        accessibility="\n".join(text for text in accessibility if text),
    )


def _schedule(reader):
    freq = reader.text("freq").upper()
    weekdays = _weekdays(reader)
    if freq and freq not in ("WEEKLY", "DAILY"):
        reader.error("freq", _("frequenza «%(freq)s» non gestita: solo WEEKLY o DAILY") % {"freq": freq})
    if freq == "DAILY" and weekdays:
        reader.error("byday", _("con freq DAILY non si indicano i giorni"))
    if reader.integer("interval") not in (None, 1):
        reader.error("interval", _("solo ripetizioni ogni settimana (interval 1)"))
    return ScheduleData(
        start_date=reader.date("dtstart") or reader.date("valid_from"),
        end_date=reader.date("until") or reader.date("valid_to"),
        weekdays=weekdays,
        opens_at=reader.time("opens_at"),
        closes_at=reader.time("closes_at"),
        note=reader.text("description")[:200],
    )


def _weekdays(reader):
    value = reader.data.get("byday")
    if value in (None, "", []):
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        reader.error("byday", _("deve essere un elenco di giorni come «MO,WE»"))
        return []
    codes = {code.strip().upper() for code in value}
    unknown = sorted(codes - set(WEEKDAY_CODES))
    if unknown:
        reader.error(
            "byday", _("giorni non validi: %(codes)s (usa MO, TU, WE, TH, FR, SA, SU)") % {"codes": ", ".join(unknown)}
        )
        return []
    return [code for code in WEEKDAY_CODES if code in codes]


def _term(reader):
    term = reader.object("taxonomy_term", required=True)
    if term is None:
        return None
    taxonomy = term.text("taxonomy")
    detail = term.object("taxonomy_detail")
    if not taxonomy and detail is not None:
        taxonomy = detail.text("name")
    code, name = term.text("code"), term.text("name")
    if not code and not name:
        term.error("name", _("serve almeno il codice o il nome del termine"))
        return None
    return TermData(taxonomy=taxonomy, code=code, name=name)


def _language(reader):
    code = reader.text("code").lower()
    if not code or len(code) > 3:
        reader.error("code", _("serve il codice ISO 639-1 della lingua, ad esempio «it»"))
    return code, reader.text("name")


def _cost(reader):
    return CostData(
        amount=reader.decimal("amount"), currency=reader.text("currency").upper(), option=reader.text("option")
    )
