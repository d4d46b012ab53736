"""Writing imported pages as Wagtail would publish them, with fewer queries.

Adding a page under its parent, saving a revision and publishing it
(`add_child`, `save_revision`, `publish`) saves the page three times,
validates it twice and reads the revision back into a new instance. What it
leaves behind is written here directly:

- `create_published`: new pages of a batch are inserted together (tree paths
  computed in Python and rows inserted in bulk by `publishing.bulk_pages`, the
  writer `seed_demo` uses), then one revision per page, the page pointing at
  it as its latest and live revision, the history's "created" and
  "published" entries and the reference index, all in bulk; `page_published`
  and `published` are sent for each page, as publishing sends them.
- `publish_changes`: the revision of a changed page is made from the page in
  memory and the page saved once, already published.

Both expect pages the caller has validated (`full_clean`); neither touches the
search index, which the caller updates.
"""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision, get_default_page_content_type
from wagtail.signals import page_published, published

from publishing import bulk_indexing, bulk_pages


class Placement:
    """Where new pages go: the next tree position below each parent, and a slug that no sibling has.

    Pages placed but not written yet exist only here, so they are counted when
    the next page below the same parent is placed. Positions are read from the
    database once per parent, then counted on: call `reset()` whenever what
    was placed may have been rolled back.
    """

    def __init__(self):
        self.reset()

    def reset(self):
        self._next_number = {}  # parent pk -> step number of its next child
        self._waiting_slugs = defaultdict(set)  # parent pk -> slugs of pages placed, not yet written

    def place(self, page, parent, slug):
        """Give an unsaved page the next position below `parent`, a free slug and the fields of a live page."""
        if parent.pk not in self._next_number:
            self._next_number[parent.pk] = bulk_pages.next_child_number(parent)
        page.slug = self.free_slug(parent, slug)
        bulk_pages.place_below(parent, [page], first_number=self._next_number[parent.pk])
        # Treebeard's get_parent() reads this cache (Wagtail's router sets it too): validating the page's slug
        # among its siblings then needs no query for the parent.
        page._cached_parent_obj = parent

    def take(self, page, *, written):
        """The placed page keeps its position: the next page below the same parent gets the following one."""
        parent = page.get_parent()
        self._next_number[parent.pk] += 1
        if not written:
            self._waiting_slugs[parent.pk].add(page.slug)

    def moved_in(self, page):
        """A page was moved (by Wagtail) after the last child of its new parent: later pages go after it.

        A page placed below the same parent before the move, still waiting, got
        that same position: writing it then fails, and the caller starts over.
        """
        parent = page.get_parent()
        if parent.pk in self._next_number:
            number = int(page.path[-Page.steplen :], len(Page.alphabet))
            self._next_number[parent.pk] = max(self._next_number[parent.pk], number + 1)

    def all_written(self):
        self._waiting_slugs.clear()

    def free_slug(self, parent, requested, ignore_page_id=None):
        """`requested`, or `requested-1`, `-2`… (as Wagtail's `find_available_slug`), skipping waiting pages too."""
        siblings = parent.get_children().filter(slug__startswith=requested)
        if ignore_page_id:
            siblings = siblings.exclude(pk=ignore_page_id)
        taken = set(siblings.values_list("slug", flat=True)) | self._waiting_slugs[parent.pk]
        slug, number = requested, 1
        while slug in taken:
            slug, number = f"{requested}-{number}", number + 1
        return slug


def create_published(pages, *, user=None):
    """Insert new pages of one model, placed by `Placement` and validated, each published with one revision."""
    if not pages:
        return
    model = type(pages[0])
    bulk_pages.insert_pages(pages)
    page_type = ContentType.objects.get_for_model(model)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=page_type,
            base_content_type=get_default_page_content_type(),
            object_id=str(page.pk),
            created_at=page.latest_revision_created_at,
            user=user,
            object_str=str(page),
            content=page.serializable_data(),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
    PageLogEntry.objects.bulk_create(
        entry
        for page in pages
        for entry in (
            _history(page, "wagtail.create", user=page.owner, content_changed=True),
            _history(page, "wagtail.publish", user=user, revision=page.live_revision, content_changed=True),
        )
    )
    for parent, count in Counter(page.get_parent() for page in pages).items():
        bulk_pages.add_children_count(parent, count)
    bulk_indexing.write_reference_index(model, pages)
    for page in pages:
        _send_published(page, page.live_revision)


def _history(page, action, *, user, revision=None, data=None, content_changed=False):
    """The entry Wagtail's `log()` would save, unsaved: its checks (a known action, existing rows) hold here."""
    context = get_active_log_context()
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=page.get_admin_display_title(),
        action=action,
        timestamp=timezone.now(),
        data=data or {},
        user=user or context.user,
        uuid=context.uuid,
        page=page,
        revision=revision,
        content_changed=content_changed,
    )


def publish_changes(page, *, user=None, previous_title=None):
    """Save a changed, validated page with a new revision, published: what `save_revision()` + `publish()` do.

    For a page without a draft, a workflow in progress or a scheduled
    revision (the importer skips those), which leaves nothing for publishing
    to cancel or reschedule. `previous_title` is the title of the page's last
    revision: a new title is logged as a rename. A page with a publishing date
    in the future goes through Wagtail's own publishing, which schedules it.
    """
    if page.go_live_at and page.go_live_at > timezone.now():
        revision = page.save_revision(user=user, clean=False)
        revision.publish(user=user, skip_permission_checks=True)
        return revision
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = page.live_revision = revision
    page.latest_revision_created_at = page.last_published_at = revision.created_at
    page.first_published_at = page.first_published_at or revision.created_at
    page.draft_title = page.title
    page.live, page.has_unpublished_changes, page.expired = True, False, False
    page.save(clean=False)
    entries = []
    data = None
    if previous_title is not None and previous_title != page.title:
        data = {"title": {"old": previous_title, "new": page.title}}
        entries.append(_history(page, "wagtail.rename", user=user, revision=revision, data=data))
    entries.append(_history(page, "wagtail.publish", user=user, revision=revision, data=data, content_changed=True))
    PageLogEntry.objects.bulk_create(entries)
    _send_published(page, revision)
    if Page.objects.filter(alias_of=page).exists():  # publish() always calls it; asking first is cheaper
        page.update_aliases(revision=revision, _content=revision.content)
    return revision


def _send_published(page, revision):
    page_published.send(sender=type(page), instance=page, revision=revision)
    published.send(sender=type(page), instance=page, revision=revision)
