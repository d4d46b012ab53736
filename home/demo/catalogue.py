"""The demo's opportunities: which organization offers what, and each listing planned in memory."""

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from django.utils import timezone
from django.utils.text import slugify

from home.demo import writing
from home.demo.dates import plan_when
from home.demo.directory import place_names
from home.demo.fits import fit_of
from home.demo.offers import LIS, OFFERS, generic_offers
from home.demo.town import COMUNE_SITE, DEDICATED_VENUES, DISTRICTS_BY_NAME, TOWN
from opportunities.models import Kind, OpportunityPage, OpportunitySchedule, Status
from opportunities.schedules import next_occurrence

STATUSES = (Status.ACTIVE, Status.FULL, Status.SUSPENDED)
STATUS_WEIGHTS = (92, 5, 3)
REGISTRATION_LIKELIHOOD = {
    Kind.ACTIVITY: 0.85,
    Kind.SERVICE: 0.3,
    Kind.EVENT: 0.35,
    Kind.SUMMER_CAMP: 1.0,
    Kind.VOLUNTEERING: 0.5,
    Kind.CALL: 1.0,
}
CAPACITIES = (10, 12, 15, 20, 25, 30, 40, 60, 80)
STEP_FREE_WORDS = ("senza gradini", "ascensore", "accessibile", "carrozzina")
STEP_FREE_FEATURES = ("accesso-senza-barriere-architettoniche", "bagno-accessibile")


@dataclass(frozen=True)
class Slot:
    """One opportunity to create: which organization offers which offer of which category."""

    organization: int  # index in the organization specs
    category: str  # category slug
    offer: int  # index in offers_for(category)
    use: int = 0  # how many slots before this one make the same offer: it picks the offer's next description


def offers_for(category):
    return OFFERS.get(category.slug) or generic_offers(category)


def plan_slots(specs, vocabulary, total):
    """Distribute `total` opportunities so that every category, kind and organization appears at least once.

    Each organization draws from its own menu: the offers of its categories
    that an organization of its legal form makes, at a venue it has. It makes
    each offer once, until it has made them all.
    """
    rng = random.Random("valdoria-slots")
    categories = sorted(vocabulary.categories.values(), key=lambda category: category.slug)
    menus = [_menu(spec, vocabulary) for spec in specs]
    made = [set() for _spec in specs]  # per organization, the (category, offer) pairs it makes already
    slots = [_slot_covering(rng, menus, vocabulary, category.slug) for category in categories]
    slots += _slots_adding_kinds(rng, menus, vocabulary, slots)
    for slot in slots:
        made[slot.organization].add((slot.category, slot.offer))
    covered = {slot.organization for slot in slots}
    slots += [_slot_of(rng, index, menus[index], made[index]) for index in range(len(specs)) if index not in covered]
    sizes = [sum(map(len, menu.values())) for menu in menus]
    # Organizations that still have offers they do not make: a small club does not list its course five times.
    still = [index for index in range(len(specs)) if len(made[index]) < sizes[index]]
    while len(slots) < total:
        if not still:
            still = list(range(len(specs)))
            for offers in made:
                offers.clear()
        index = rng.choice(still)
        slots.append(_slot_of(rng, index, menus[index], made[index]))
        if len(made[index]) >= sizes[index]:
            still.remove(index)
    uses = Counter()
    numbered = []
    for slot in sorted(slots[:total], key=lambda slot: slot.organization):
        numbered.append(replace(slot, use=uses[slot.category, slot.offer]))
        uses[slot.category, slot.offer] += 1
    return numbered


def _menu(spec, vocabulary):
    """{category slug: indices of the offers this organization can make}, as narrow as its focus allows."""
    slugs = [slug for slug in spec.categories if slug in vocabulary.categories] or sorted(vocabulary.categories)
    names = place_names(spec)
    everything = {
        slug: [
            (index, offer)
            for index, offer in enumerate(offers_for(vocabulary.categories[slug]))
            if _hosts(offer, names)
        ]
        for slug in slugs
    }
    everything = {slug: offers for slug, offers in everything.items() if offers}
    by_form = _menu_where(everything, lambda offer: offer.offered_by(spec.legal_form))
    focused = _menu_where(by_form, lambda offer: _in_focus(offer, spec.focus)) if spec.focus else {}
    menu = focused or by_form or _menu_where(everything, lambda offer: True)
    return {slug: [index for index, _offer in offers] for slug, offers in menu.items()}


def _menu_where(menu, condition):
    filtered = {slug: [(index, offer) for index, offer in offers if condition(offer)] for slug, offers in menu.items()}
    return {slug: offers for slug, offers in filtered.items() if offers}


def _in_focus(offer, focus):
    titles = " ".join(offer.titles).lower()
    return any(word in titles for word in focus)


def _hosts(offer, names):
    """Whether one of these places can host one of the offer's titles (a title may name its venue)."""
    return any(not fit.place or any(fit.admits_place(name) for name in names) for fit in offer.fits)


def _slot_of(rng, index, menu, made):
    """A slot of the organization's menu that it does not make yet; any, once it makes them all."""
    fresh = [(slug, offer) for slug in sorted(menu) for offer in menu[slug] if (slug, offer) not in made]
    if not fresh:
        made.clear()
        fresh = [(slug, offer) for slug in sorted(menu) for offer in menu[slug]]
    slug, offer = rng.choice(fresh)
    made.add((slug, offer))
    return Slot(index, slug, offer)


def _slot_covering(rng, menus, vocabulary, slug):
    """A slot in the category, from an organization that offers it; any organization if none does."""
    servers = [index for index, menu in enumerate(menus) if slug in menu]
    if servers:
        index = rng.choice(servers)
        return Slot(index, slug, rng.choice(menus[index][slug]))
    offers = offers_for(vocabulary.categories[slug])
    anywhere = [index for index, offer in enumerate(offers) if any(not fit.place for fit in offer.fits)]
    return Slot(rng.randrange(len(menus)), slug, rng.choice(anywhere or range(len(offers))))


def _slots_adding_kinds(rng, menus, vocabulary, slots):
    """Slots for the kinds of opportunity (bando, volontariato...) that `slots` lack."""
    covered = {_offer(vocabulary, slot).kind for slot in slots}
    added = []
    for kind in sorted(set(Kind.values) - covered):
        candidates = [
            Slot(index, slug, offer)
            for index, menu in enumerate(menus)
            for slug, offers in menu.items()
            for offer in offers
            if offers_for(vocabulary.categories[slug])[offer].kind == kind
        ]
        if candidates:
            added.append(rng.choice(candidates))
    return added


def _offer(vocabulary, slot):
    return offers_for(vocabulary.categories[slot.category])[slot.offer]


@dataclass
class Listing:
    """What an organization's page offers the planning of its opportunities."""

    page: object  # the saved OrganizationPage, with its places in memory
    domain: str
    titles: set
    slugs: set

    @cached_property
    def places(self):
        return list(self.page.places.all())


@dataclass
class Facts:
    """What is decided about an opportunity before it is written up."""

    min_age: int | None
    max_age: int | None
    when: object  # dates.When
    cost: tuple  # (is_free, price, price period, cost description)
    places: list
    where: str  # "a San Rocco"
    status: str
    registration_required: bool
    contact: dict  # email, phone, place: for the "how to take part" text


def plan_opportunity(number, slot, listing, *, vocabulary, images, today):
    """An unsaved OpportunityPage for the slot, with categories, audiences, places and schedules in memory."""
    rng = random.Random(f"valdoria-opportunity-{number}")
    category = vocabulary.categories[slot.category]
    offer = _offer(vocabulary, slot)
    places = _places(rng, listing.places, offer)
    variants = _variants(offer, places)
    if not variants:  # every title names a venue the draw missed: go to one that a title names
        places = _venue_named(rng, offer, listing.places)
        variants = _variants(offer, places)
    where = _locative(places)
    title, fit = _title(rng, offer, variants, where, listing.titles)
    facts = _draw_facts(rng, offer, fit, places, where, listing, today)
    slug = _slug(title, listing.slugs)
    area = vocabulary.top_category(category)
    page = OpportunityPage(
        title=title,
        slug=slug,
        kind=offer.kind,
        status=facts.status,
        image=_image(rng, area, images),
        organization=listing.page,
        **_prose(rng, offer, facts, area.slug, offer.descriptions[slot.use % len(offer.descriptions)]),
        **_practicalities(rng, offer, facts, listing.domain, slug, today),
    )
    schedules = [OpportunitySchedule(**fields) for fields in facts.when.schedules]
    page.schedules = schedules
    page.next_occurrence = next_occurrence(schedules)
    page.categories = _categories(rng, category, vocabulary)
    page.audiences = _unique(
        vocabulary.audiences_for_ages(facts.min_age, facts.max_age) + vocabulary.audiences_by_slug(offer.audiences)
    )
    page.places = facts.places
    page.languages = _languages(rng, offer, vocabulary)
    page.accessibility_features = _accessibility(rng, offer, facts.places, vocabulary)
    return page


def _draw_facts(rng, offer, fit, places, where, listing, today):
    min_age, max_age = _ages(rng, offer.ages)
    when = plan_when(offer.when, rng, today, fit)
    cost = writing.cost(rng, offer.cost, for_children=max_age is not None and max_age <= 18)
    contact = {
        "email": listing.page.email if rng.random() < 0.7 else f"iscrizioni@{listing.domain}",
        "phone": listing.page.phone,
        "place": f"in {places[0].address}" if places else "in sede",
    }
    status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
    registration_required = rng.random() < REGISTRATION_LIKELIHOOD[offer.kind]
    if status == Status.FULL and not registration_required:  # without sign-up, nothing can be fully booked
        status = Status.ACTIVE
    return Facts(
        min_age=min_age,
        max_age=max_age,
        when=when,
        cost=cost,
        places=places,
        where=where,
        status=status,
        registration_required=registration_required,
        contact=contact,
    )


def _prose(rng, offer, facts, area, what):
    """The summary (opening with `what`, a description of the offer) and the Comuni model's sections."""
    ages = {"min_age": facts.min_age, "max_age": facts.max_age}
    # Calls are for the whole town: no venue; volunteers agree on where they meet: the district.
    if offer.kind == Kind.CALL:
        at = ""
    elif offer.when == "flexible":
        at = facts.where
    else:
        at = writing.at_places(facts.places, facts.where)
    take_part = writing.take_part_key(offer.kind, facts.registration_required)
    return {
        "summary": writing.summary(
            rng, what=what, when=facts.when, at=at, is_free=facts.cost[0], take_part=take_part, **ages
        ),
        "audience_description": writing.audience_description(rng, offer=offer, **ages),
        "how_to_take_part": writing.how_to_take_part(
            rng, kind=offer.kind, registration_required=facts.registration_required, contact=facts.contact
        ),
        "requirements": writing.requirements(rng, offer=offer, min_age=facts.min_age, area=area),
        "cost_description": facts.cost[3],
        "timing": writing.timing(when=facts.when, status=facts.status),
    }


def _practicalities(rng, offer, facts, domain, slug, today):
    """Ages, cost, registration, contacts and publication dates."""
    is_free, price, price_period, _description = facts.cost
    published_days_ago = rng.randint(1, 300)
    first_published = timezone.now() - dt.timedelta(days=published_days_ago)
    return {
        "min_age": facts.min_age,
        "max_age": facts.max_age,
        "is_free": is_free,
        "price": price,
        "price_period": price_period,
        "registration_required": facts.registration_required,
        "registration_url": _registration_url(rng, offer, facts.registration_required, domain, slug),
        "registration_deadline": facts.when.deadline if facts.registration_required else None,
        "places_available": _capacity(rng, offer, facts.registration_required),
        "contact_email": facts.contact["email"],
        "contact_phone": facts.contact["phone"],
        "last_verified": today - dt.timedelta(days=rng.randint(0, 150)),
        "first_published_at": first_published,
        "last_published_at": first_published + dt.timedelta(days=rng.randint(0, published_days_ago - 1)),
    }


def _ages(rng, ages):
    """The offer's age band, sometimes shifted by a year as real groups are; an age of 0 means no minimum."""
    low, high = ages
    if low is not None and high is not None and rng.random() < 0.3:
        low = max(0, low + rng.choice((-1, 1)))
        high = max(low, high + rng.choice((-1, 0, 1)))
    return (None if low == 0 else low), high


def _variants(offer, places):
    """The (title, fit) pairs of the offer whose promised venue, if any, is where the listing takes place."""
    return [
        (title, fit)
        for title, fit in zip(offer.titles, offer.fits, strict=True)
        if all(fit.admits_place(place.name) for place in places)
    ]


def _venue_named(rng, offer, places):
    """A place of the organization that one of the offer's titles names; the draw's rule when there is none."""
    for fit in offer.fits:
        named = [place for place in places if fit.admits_place(place.name)]
        if named:
            return [rng.choice(named)]
    return []


def _locative(places):
    """ "a San Rocco" when every place of the listing is in that district; nothing otherwise."""
    districts = {place.district.name if place.district else None for place in places}
    if len(districts) != 1 or None in districts:
        return ""
    return DISTRICTS_BY_NAME[districts.pop()].locative


def _locatable(offer, title):
    """Whether "<title> a San Rocco" reads right: not for calls and home services, nor titles naming a place."""
    return offer.kind != Kind.CALL and offer.when != "appointment" and TOWN not in title and not fit_of(title).place


def _title(rng, offer, variants, where, used):
    """A title unused by the organization, and what it promises."""
    variants = list(variants)
    rng.shuffle(variants)
    located = [(f"{title} {where}", fit) for title, fit in variants if where and _locatable(offer, title)]
    candidates = (located[:1] + variants + located) if rng.random() < 0.3 else (variants + located)
    for title, fit in candidates:
        if title not in used:
            used.add(title)
            return title, fit
    title, fit = candidates[0]
    number = 2
    while f"{title} – gruppo {number}" in used:
        number += 1
    used.add(f"{title} – gruppo {number}")
    return f"{title} – gruppo {number}", fit


def _slug(title, used):
    base = slugify(title)[:200] or "opportunita"
    slug, number = base, 2
    while slug in used:
        slug, number = f"{base}-{number}", number + 1
    used.add(slug)
    return slug


def _places(rng, places, offer):
    """One place of the organization (sometimes two), among those the offer asks for and can use.

    A dedicated venue (the pool, the river bank) hosts only offers with a title that names it.
    """
    usable = [place for place in places if place.name not in DEDICATED_VENUES or _names(offer, place)] or places
    usable = [place for place in usable if offer.fit.admits_place(place.name)] or usable
    if not usable:
        return []
    return rng.sample(usable, 2 if len(usable) > 1 and rng.random() < 0.15 else 1)


def _names(offer, place):
    return any(fit.place and fit.admits_place(place.name) for fit in offer.fits)


def _image(rng, top_category, images):
    choices = images.get(top_category.slug)
    return rng.choice(choices) if choices and rng.random() < 0.85 else None


def _categories(rng, category, vocabulary):
    chosen = vocabulary.category_with_parent(category)
    if rng.random() < 0.1:
        extra = rng.choice(vocabulary.top_categories)
        if extra not in chosen:
            chosen.append(extra)
    return chosen


def _languages(rng, offer, vocabulary):
    codes = ["it"]
    if offer.languages:
        codes += rng.sample(offer.languages, rng.randint(1, len(offer.languages)))
    if rng.random() < 0.05:
        codes.append("en")
    if LIS in offer.access:
        codes.append("lis")
    return [vocabulary.languages[code] for code in dict.fromkeys(codes) if code in vocabulary.languages]


def _accessibility(rng, offer, places, vocabulary):
    slugs = list(offer.access)
    notes = " ".join(place.accessibility_notes.lower() for place in places)
    if any(word in notes for word in STEP_FREE_WORDS) and "non adatto" not in notes:
        slugs += STEP_FREE_FEATURES
    if "posti auto" in notes:
        slugs.append("posti-auto-riservati")
    if rng.random() < 0.15:
        slugs.append("ammessi-cani-guida-e-di-assistenza")
    if rng.random() < 0.05:
        slugs.append("percorsi-tattili-o-materiali-in-braille")
    return [vocabulary.features[slug] for slug in dict.fromkeys(slugs) if slug in vocabulary.features]


def _registration_url(rng, offer, required, domain, slug):
    if offer.kind == Kind.CALL:
        return f"{COMUNE_SITE}/bandi/{slug}"
    return f"https://{domain}/iscrizioni" if required and rng.random() < 0.5 else ""


def _capacity(rng, offer, required):
    if required and offer.kind in (Kind.ACTIVITY, Kind.SUMMER_CAMP, Kind.EVENT) and rng.random() < 0.5:
        return rng.choice(CAPACITIES)
    return None


def _unique(items):
    return list({item.pk: item for item in items}.values())
