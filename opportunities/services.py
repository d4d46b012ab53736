from django.utils import timezone

from wagtail.search import index

from opportunities.freshness import past_opportunities
from opportunities.models import OpportunityPage, Status
from opportunities.schedules import next_occurrence
from search.services import opportunities_changed

# Page-history actions of the automatic freshness jobs (labels registered in wagtail_hooks.py).
CONCLUDE_ACTION = "opportunities.conclude"
VERIFY_ACTION = "opportunities.verify"


def opportunities_refresh_next_occurrence(*, now=None):
    """Move `next_occurrence` forward for opportunities whose date has passed.

    Run daily (see the README); returns how many opportunities were updated.
    """
    now = now or timezone.now()
    stale = list(OpportunityPage.objects.filter(next_occurrence__lt=now).prefetch_related("schedules"))
    for page in stale:
        page.next_occurrence = next_occurrence(page.schedules.all(), now=now)
    OpportunityPage.objects.bulk_update(stale, ["next_occurrence"], batch_size=500)
    opportunities_changed(pks=[page.pk for page in stale])
    return len(stale)


def opportunity_update_published(*, page, changes, log_action, user=None):
    """Apply `changes` to a live opportunity so that the page, its revisions and the search index agree.

    Without pending work, the changes become a new published revision (logged as
    `log_action`, so the page history says who or what did it). When an editor has a
    draft or a page in moderation, publishing would overwrite that draft and cancel
    the moderation, so only the live row is updated and reindexed: the draft keeps
    what the editor chose and takes over when it is published.
    """
    for name, value in changes.items():
        setattr(page, name, value)
    if page.has_unpublished_changes or page.workflow_in_progress:
        OpportunityPage.objects.filter(pk=page.pk).update(**changes)
        index.insert_or_update_object(page)
        opportunities_changed(pks=[page.pk])
        return
    # No validation: an automatic change must not fail on an old page that today's rules would reject.
    revision = page.save_revision(user=user, clean=False)
    revision.publish(user=user, log_action=log_action)


def opportunities_conclude_past(*, now=None):
    """Mark "conclusa" every live opportunity whose last date has passed; returns how many.

    Concluded opportunities leave the search results (search excludes them) but
    their pages stay online, saying they are over, for anyone holding a link.
    """
    pages = list(past_opportunities(now=now).live().specific())
    for page in pages:
        opportunity_update_published(page=page, changes={"status": Status.CONCLUDED}, log_action=CONCLUDE_ACTION)
    return len(pages)


def opportunity_confirm_still_valid(*, page, today, user=None):
    """Record that someone checked the opportunity today; returns False when it was already confirmed today.

    Idempotent, so a second click on the same emailed link changes nothing.
    """
    if page.last_verified >= today:
        return False
    opportunity_update_published(page=page, changes={"last_verified": today}, log_action=VERIFY_ACTION, user=user)
    return True
