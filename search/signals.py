"""What changes search: receivers that drop cached reads and queue the opportunities a change touches.

Every change retires the typo vocabulary and the kept answers (search.catalogue); so do changes to what a
search page shows around its results (menus, site settings, editors' promotions). Each says which
opportunities it touched, if it knows, so that the catalogue index is updated for those alone; a renamed or
deleted vocabulary term rebuilds it. With Elasticsearch they also record the keys to re-index (see
search.indexing): the index itself is updated by a task after the commit. Nothing is queued unless
SEARCH_ENGINE is "elasticsearch".
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import PortalSettings
from opportunities.models import OpportunityPage
from organizations.models import OrganizationPage, Place
from search import indexing
from search.catalogue import catalogue_changed
from search.models import Synonym
from taxonomy.models import AccessibilityFeature, Audience, Category, District, Language


def opportunities_below(page):
    return OpportunityPage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)


@receiver(post_save, sender=OpportunityPage)
@receiver(post_delete, sender=OpportunityPage)
@receiver(page_published, sender=OpportunityPage)
@receiver(page_unpublished, sender=OpportunityPage)
def opportunity_changed(sender, instance, **kwargs):
    catalogue_changed([instance.pk])
    # The task reads the row again after the commit: a draft saved on a live page re-indexes the live content.
    indexing.queue_pages([instance.pk])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # Wagtail saves a move as a plain Page: an organization takes its opportunities (and its restrictions) along.
    moved = list(opportunities_below(instance))
    catalogue_changed(moved)
    indexing.queue_pages(moved)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first() if instance.page_id else None
    below = list(opportunities_below(page)) if page else None
    catalogue_changed(below)
    indexing.queue_pages(below or ())


@receiver(post_save, sender=OrganizationPage)
def organization_changed(sender, instance, **kwargs):
    # Its opportunities' cards show its name; nothing they are filtered or counted by changes.
    catalogue_changed(())
    if indexing.enabled():
        indexing.queue_pages(OpportunityPage.objects.filter(organization=instance).values_list("pk", flat=True))


def term_receiver(model, lookup):
    """Renaming (or deleting) a vocabulary term re-indexes the opportunities that carry it."""

    def changed(sender, instance, **kwargs):
        catalogue_changed()
        if indexing.enabled():
            indexing.queue_pages(OpportunityPage.objects.filter(lookup(instance)).values_list("pk", flat=True))

    # pre_delete: after the deletion the links to the term are gone and nothing would be found.
    for name, signal in (("save", post_save), ("delete", pre_delete)):
        signal.connect(changed, sender=model, weak=False, dispatch_uid=f"search_index_{model.__name__}_{name}")


term_receiver(Category, lambda term: Q(categories=term) | Q(categories__parent=term))
term_receiver(Audience, lambda term: Q(audiences=term))
term_receiver(AccessibilityFeature, lambda term: Q(accessibility_features=term))
term_receiver(Language, lambda term: Q(languages=term))
term_receiver(District, lambda term: Q(places__district=term))
term_receiver(Place, lambda term: Q(places=term))


@receiver(post_save, sender=Synonym)
@receiver(post_delete, sender=Synonym)
def synonyms_changed(sender, instance, **kwargs):
    catalogue_changed(())
    indexing.queue([indexing.SYNONYMS_KEY])


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=PortalSettings)
@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def page_surroundings_changed(sender, **kwargs):
    # The menus (any page published or removed), the header and footer, the promotions above the results.
    catalogue_changed(())
