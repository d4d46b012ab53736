"""Seed the demo town: the steps in order, their timings, and how to recognise and remove demo content.

Demo content is recognisable: its organizations' e-mail addresses are on the
demo domain (valdoria.example.org), its places are in the town of Valdoria,
its images are in the demo collection.
"""

import math
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import reset_queries, transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Collection, Page

from home.demo.catalogue import Listing, plan_opportunity, plan_slots
from home.demo.curation import add_curation
from home.demo.directory import plan_organization, plan_places
from home.demo.images import coat_of_arms, illustration_images, logo_image
from home.demo.orgs import CURATED, EDITOR_ORGANIZATIONS, organization_specs
from home.demo.site import choose_featured, configure_site, default_site, organization_index
from home.demo.town import DOMAIN, POSTAL_CODE, TOWN
from home.demo.users import ensure_users
from home.demo.vocabulary import load_vocabulary
from home.models import PortalImage
from opportunities.models import OpportunityPage
from organizations.models import OrganizationPage, Place
from publishing import bulk_indexing, bulk_pages
from search.catalogue import catalogue_changed

DEFAULT_OPPORTUNITIES = 250
OPPORTUNITIES_PER_ORGANIZATION = 25
COLLECTION_NAME = f"Demo – Comune di {TOWN}"
STREAM_BATCH = 2000
PROGRESS_EVERY = 10_000
REMOVE_BATCH = 200


@dataclass
class SeedResult:
    skipped: bool = False
    organizations: int = 0
    opportunities: int = 0
    places: int = 0
    images: int = 0
    credentials: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)  # phase -> seconds

    @contextmanager
    def timing(self, phase):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[phase] = self.timings.get(phase, 0.0) + time.perf_counter() - started


def is_seeded():
    return OrganizationPage.objects.filter(email__endswith=DOMAIN).exists()


def organization_count(opportunities):
    return max(len(CURATED), math.ceil(opportunities / OPPORTUNITIES_PER_ORGANIZATION))


def seed_demo(*, opportunities=DEFAULT_OPPORTUNITIES, reset=False, log=print):
    """Build the demo town in one transaction; skip if it is already there, unless `reset`."""
    result = SeedResult()
    if is_seeded() and not reset:
        result.skipped = True
        return result
    with transaction.atomic():
        if reset:
            with result.timing("reset"):
                remove_demo(log)
        _seed(result, opportunities, log)
        # The pages are inserted in bulk, without the signals that tell search the catalogue changed.
        catalogue_changed()
    return result


def remove_demo(log=print):
    """Delete demo organizations (with their opportunities), places and images; keep accounts and districts."""
    organizations = list(OrganizationPage.objects.filter(email__endswith=DOMAIN).values_list("pk", flat=True))
    log(f"Removing {len(organizations)} demo organizations and their opportunities...")
    # By slices: treebeard deletes descendants with one `path LIKE` condition per page, and SQLite caps
    # the depth of an expression at 1000.
    for start in range(0, len(organizations), REMOVE_BATCH):
        _delete_subtrees(Page.objects.filter(pk__in=organizations[start : start + REMOVE_BATCH]))
    Place.objects.filter(city=TOWN, postal_code=POSTAL_CODE).delete()
    PortalImage.objects.filter(collection__name=COLLECTION_NAME).delete()


def _delete_subtrees(pages):
    """Delete pages and their descendants, taking them offline first in one query.

    Wagtail unpublishes each live page before deleting it (a revision check, a
    log entry and signals per page): pointless for demo content on its way out.
    """
    subtrees = Q()
    for path in pages.values_list("path", flat=True):
        subtrees |= Q(path__startswith=path)
    Page.objects.filter(subtrees).update(live=False)
    pages.delete()


@dataclass
class Plan:
    """What every step of one seeding shares."""

    today: object
    site: object
    vocabulary: object
    collection: object
    images: dict  # top-level category slug -> illustrations
    specs: list  # the organizations
    slots: list  # the opportunities, by organization


def _seed(result, opportunities, log):
    site = default_site()
    with result.timing("vocabularies and images"):
        vocabulary = load_vocabulary()
        collection = _demo_collection()
        images = illustration_images(vocabulary.top_categories, collection)
        coat = coat_of_arms(TOWN, collection)
    log(f"Drew {sum(map(len, images.values())) + 1} illustrations.")
    specs = organization_specs(organization_count(opportunities))
    slots = plan_slots(specs, vocabulary, opportunities)
    plan = Plan(timezone.localdate(), site, vocabulary, collection, images, specs, slots)
    organizations = _create_organizations(result, plan)
    log(f"Created {result.places} places and {result.organizations} organizations.")
    first_batch = _create_opportunities(result, plan, organizations, log)
    with result.timing("search index"):
        bulk_indexing.finish_search_index(OpportunityPage)
    with result.timing("site and users"):
        editors = {
            spec.short: page
            for spec, page in zip(specs, organizations, strict=True)
            if spec.short in EDITOR_ORGANIZATIONS
        }
        result.credentials = ensure_users(editors)
        admin = get_user_model().objects.filter(username="admin").first()
        configure_site(site, logo=coat, featured=choose_featured(first_batch, vocabulary), user=admin)
        add_curation(site, today=plan.today, user=admin)
    result.images = PortalImage.objects.filter(collection=collection).count()
    log("Configured the site, the home page and the demo accounts.")


def _create_organizations(result, plan):
    index = organization_index(plan.site)
    with result.timing("places and organizations"):
        places = plan_places(plan.specs, plan.vocabulary.districts)
        Place.objects.bulk_create(list(places.values()), batch_size=bulk_pages.BATCH_SIZE)
        logos = {spec.short: _logo(spec, plan) for spec in CURATED}
        pages = [
            plan_organization(
                spec, vocabulary=plan.vocabulary, places=places, logo=logos.get(spec.short), today=plan.today
            )
            for spec in plan.specs
        ]
        counts = Counter(slot.organization for slot in plan.slots)
        for number, page in enumerate(pages):
            page.numchild = counts[number]
        bulk_pages.place_below(index, pages, first_number=bulk_pages.next_child_number(index))
        bulk_pages.insert_pages(pages)
        bulk_pages.add_children_count(index, len(pages))
    with result.timing("search index"):
        bulk_indexing.index_for_search(Place, list(places.values()))
        bulk_indexing.index_for_search(OrganizationPage, pages)
    with result.timing("reference index"):
        bulk_indexing.write_reference_index(Place, list(places.values()))
        bulk_indexing.write_reference_index(OrganizationPage, pages)
    result.places, result.organizations = len(places), len(pages)
    return pages


def _create_opportunities(result, plan, organizations, log):
    """Plan and insert opportunities batch by batch, so that memory stays flat.

    Returns the first batch, where the home page picks its featured opportunities.
    """
    listings = [Listing(page, spec.domain, set(), set()) for page, spec in zip(organizations, plan.specs, strict=True)]
    positions = Counter()
    batch, first_batch = [], None
    for number, slot in enumerate(plan.slots, start=1):
        with result.timing("opportunity pages"):
            listing = listings[slot.organization]
            page = plan_opportunity(
                number, slot, listing, vocabulary=plan.vocabulary, images=plan.images, today=plan.today
            )
            positions[slot.organization] += 1
            bulk_pages.place_below(listing.page, [page], first_number=positions[slot.organization])
            batch.append(page)
        if len(batch) == STREAM_BATCH or number == len(plan.slots):
            _insert_opportunities(result, batch)
            first_batch = first_batch or batch
            batch = []
            if number % PROGRESS_EVERY < STREAM_BATCH or number == len(plan.slots):
                elapsed = sum(result.timings.values())
                log(f"  {number:>7} / {len(plan.slots)} opportunities ({elapsed:.0f} s)")
    result.opportunities = len(plan.slots)
    return first_batch or []


def _insert_opportunities(result, pages):
    reset_queries()  # with DEBUG on, Django keeps the SQL of recent queries: drop it, batch by batch
    with result.timing("opportunity pages"):
        bulk_pages.insert_pages(pages)
    with result.timing("search index"):
        bulk_indexing.index_for_search(OpportunityPage, pages)
    with result.timing("reference index"):
        bulk_indexing.write_reference_index(OpportunityPage, pages)


def _demo_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(name=COLLECTION_NAME)


def _logo(spec, plan):
    initials = "".join(word[0] for word in spec.name.replace("'", " ").split() if word[0].isupper())[:3]
    categories = [plan.vocabulary.categories[slug] for slug in spec.categories if slug in plan.vocabulary.categories]
    palette = plan.vocabulary.top_category(categories[0]).slug if categories else ""
    return logo_image(spec.name, spec.slug, initials or spec.name[:2].upper(), palette, plan.collection)
