"""Places and organization pages of the demo town, planned in memory from the specs."""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from home.demo.orgs import OrgSpec
from home.demo.town import (
    CENTRE,
    COMUNE_DOMAIN,
    COMUNE_SITE,
    DISTRICTS,
    DISTRICTS_BY_NAME,
    PHONE_PREFIX,
    PLACES,
    PLACES_BY_KEY,
    POSTAL_CODE,
    TOWN,
)
from home.demo.writing import join_words, paragraphs
from organizations.models import LegalForm, OrganizationPage, Place, SocialLink

COORDINATE = Decimal("0.000001")
ETS_FORMS = {LegalForm.APS, LegalForm.ODV, LegalForm.SOCIAL_COOPERATIVE, LegalForm.SOCIAL_ENTERPRISE}
INTRODUCTIONS = {
    LegalForm.APS: "Associazione di promozione sociale attiva {where} dal {year}.",
    LegalForm.ODV: "Organizzazione di volontariato attiva {where} dal {year}.",
    LegalForm.SOCIAL_COOPERATIVE: "Cooperativa sociale attiva {where} dal {year}.",
    LegalForm.SOCIAL_ENTERPRISE: "Impresa sociale attiva {where} dal {year}.",
    LegalForm.SPORT: "Società sportiva dilettantistica attiva {where} dal {year}.",
    LegalForm.FOUNDATION: "Fondazione attiva {where} dal {year}.",
    LegalForm.RELIGIOUS: "Parrocchia presente {where} dal {year}.",
    LegalForm.PUBLIC: f"Servizio del Comune di {TOWN}, aperto {{where}} dal {{year}}.",
    LegalForm.INFORMAL: "Gruppo informale di cittadine e cittadini nato {where} nel {year}.",
    LegalForm.OTHER: "Comitato di cittadini nato {where} nel {year}.",
}
FIELDS_TEMPLATES = (
    "Le sue attività riguardano soprattutto {fields}.",
    "Lavora in particolare su {fields}.",
    "Ambiti di attività: {fields}.",
    "Si occupa di {fields}.",
)
JOIN_TEXTS = {
    LegalForm.PUBLIC: (
        "I servizi sono gratuiti per chi risiede a Valdoria, salvo dove è indicato un costo.",
        "Per parlare con un operatore non serve appuntamento negli orari di apertura dello sportello.",
    ),
    LegalForm.RELIGIOUS: (
        "Le attività dell'oratorio sono aperte a tutte le famiglie, di qualsiasi credo.",
        "Il centro di ascolto accoglie chiunque abbia bisogno, su appuntamento.",
    ),
    LegalForm.INFORMAL: (
        "Non c'è una quota: basta scrivere o presentarsi a uno degli incontri.",
        "Chi vuole dare una mano è il benvenuto, anche solo per una volta.",
    ),
}
JOIN_DEFAULT = (
    "Cerca sempre nuovi volontari: scrivi a {email} per conoscerci.",
    "La tessera associativa costa {fee} euro all'anno e dà diritto a sconti su tutte le attività.",
    "Conta {members} soci e {volunteers} volontari; le assemblee sono aperte a tutti gli iscritti.",
    "Collabora con il Comune, le scuole e le altre associazioni della città.",
)
SOCIAL_NETWORKS = ("Facebook", "Instagram", "YouTube")
SEAT_ACCESSIBILITY = (
    "Ingresso senza gradini e bagno accessibile al piano terra.",
    "Due gradini all'ingresso, con rampa mobile su richiesta.",
    "Sede al primo piano con ascensore.",
)


def plan_places(specs, districts):
    """Valdoria's venues and help desks, plus a seat for each organization that has none: {key: Place}."""
    places = {place.key: _place_from_spec(place, districts) for place in PLACES}
    for spec in specs:
        if not spec.seat:
            places[seat_key(spec)] = _seat_for(spec, districts)
    return places


def seat_key(spec):
    return spec.seat or f"seat:{spec.short}"


def place_names(spec):
    """The names of an organization's places, as plan_places and plan_organization give them (no query)."""
    seat = PLACES_BY_KEY[spec.seat].name if spec.seat else seat_name(spec)
    return [seat] + [PLACES_BY_KEY[key].name for key in spec.venues if key in PLACES_BY_KEY]


def seat_name(spec):
    return f"{spec.name} – sede"


def _place_from_spec(spec, districts):
    return _town_place(
        random.Random(f"valdoria-place-{spec.key}"),
        districts,
        spec.district,
        name=spec.name,
        address=f"{spec.street} {spec.number}",
        accessibility_notes=spec.accessibility_notes,
        opening_hours=spec.opening_hours,
        phone=spec.phone,
        email=spec.email,
        is_help_desk=spec.is_help_desk,
    )


def _seat_for(spec, districts):
    rng = random.Random(f"valdoria-seat-{spec.short}")
    district = DISTRICTS_BY_NAME.get(spec.district) or rng.choice(DISTRICTS)
    return _town_place(
        rng,
        districts,
        district.name,
        name=seat_name(spec),
        address=f"{rng.choice(district.streets)} {rng.randint(1, 120)}",
        accessibility_notes=rng.choice(SEAT_ACCESSIBILITY),
    )


def _town_place(rng, districts, district_name, **fields):
    """A Place in Valdoria, a little off its district's centre."""
    offset_lat, offset_lng = DISTRICTS_BY_NAME[district_name].offset
    return Place(
        postal_code=POSTAL_CODE,
        city=TOWN,
        district=districts[district_name],
        latitude=CENTRE[0] + Decimal(offset_lat + rng.uniform(-0.003, 0.003)).quantize(COORDINATE),
        longitude=CENTRE[1] + Decimal(offset_lng + rng.uniform(-0.004, 0.004)).quantize(COORDINATE),
        **fields,
    )


def plan_organization(spec: OrgSpec, *, vocabulary, places, logo, today):
    """An unsaved OrganizationPage with its places, districts, categories and social links in memory."""
    rng = random.Random(f"valdoria-org-page-{spec.short}")
    seat = places[seat_key(spec)]
    categories = _categories(spec, vocabulary)
    email = f"{spec.short}@{COMUNE_DOMAIN}" if spec.legal_form == LegalForm.PUBLIC else f"info@{spec.domain}"
    published = timezone.now() - dt.timedelta(days=rng.randint(30, 700))
    page = OrganizationPage(
        title=spec.name,
        slug=spec.slug,
        legal_form=spec.legal_form,
        runts_number=str(rng.randint(10000, 199999)) if spec.legal_form in ETS_FORMS and rng.random() < 0.7 else "",
        summary=f"{spec.mission}.",
        description=_description(rng, spec, categories, email),
        logo=logo,
        email=email,
        phone=f"{PHONE_PREFIX} {rng.randint(300, 999)}",
        website=_website(rng, spec),
        address=f"{seat.address}, {POSTAL_CODE} {TOWN}",
        qualified_on=_qualified_on(rng, spec, today),
        first_published_at=published,
        last_published_at=published + dt.timedelta(days=rng.randint(0, 25)),
    )
    page.places = [seat] + [places[key] for key in spec.venues if key in places]
    page.districts = _districts(rng, spec, vocabulary)
    page.categories = categories
    page.social_links = [
        SocialLink(name=network, url=f"https://{network.lower()}.example.org/{spec.short}")
        for network in SOCIAL_NETWORKS[: rng.choice((0, 0, 1, 2, 3))]
    ]
    return page


def _categories(spec, vocabulary):
    chosen = {}
    for slug in spec.categories:
        category = vocabulary.categories.get(slug)
        if category:
            chosen.update({item.pk: item for item in vocabulary.category_with_parent(category)})
    return list(chosen.values())


def _districts(rng, spec, vocabulary):
    own = vocabulary.districts.get(spec.district)
    others = [district for name, district in vocabulary.districts.items() if name != spec.district]
    return ([own] if own else []) + rng.sample(others, rng.randint(0, 3))


def _website(rng, spec):
    if spec.legal_form == LegalForm.PUBLIC:
        return f"{COMUNE_SITE}/{spec.short}"
    if spec.legal_form == LegalForm.INFORMAL and rng.random() < 0.6:
        return ""
    return f"https://{spec.domain}/"


def _qualified_on(rng, spec, today):
    if spec.legal_form == LegalForm.PUBLIC or rng.random() < 0.75:
        return today - dt.timedelta(days=rng.randint(20, 900))
    return None


def _description(rng, spec, categories, email):
    district = DISTRICTS_BY_NAME.get(spec.district)
    where = district.locative if district else f"a {TOWN}"
    first = f"{INTRODUCTIONS[spec.legal_form].format(where=where, year=spec.founded)} {spec.mission}."
    names = [category.name.lower() for category in categories if category.parent_id] or [
        category.name.lower() for category in categories
    ]
    second = rng.choice(FIELDS_TEMPLATES).format(fields=join_words(names)) if names else ""
    join = rng.choice(JOIN_TEXTS.get(spec.legal_form, JOIN_DEFAULT)).format(
        email=email, fee=rng.choice((10, 15, 20)), members=rng.randint(30, 400), volunteers=rng.randint(5, 60)
    )
    return paragraphs(first, second, join)
