"""The one mapping from imported services to the portal's organizations, places and opportunities.

Every write goes through the models' own validation (`full_clean`) and is
published with a revision, as Wagtail's publishing would leave it
(`opendata.pages`): a created page is placed under its parent, an updated page
gets a new published revision, so its history shows the import. Records are
matched by their HSDS ids; pages an editor is changing (a draft, or a page in
moderation) are never overwritten.

New opportunity pages can wait (`deferred`) until `flush()` writes all those
of a batch at once; the caller then owns the batch's transaction and, if the
flush fails, rolls it back, calls `abandon_batch()` and imports the batch again
without deferring (`opendata.services`).
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from opendata.hsds import RecordError, parse_service
from opendata.pages import Placement, create_published, publish_changes
from opendata.vocabulary import Vocabulary
from opportunities.models import Kind, OpportunityPage, OpportunitySchedule, PricePeriod, Status
from opportunities.schedules import next_occurrence
from organizations.models import LegalForm, OrganizationPage, Place
from organizations.services import organization_editors_group_ensure

SUMMARY_MAX = {OrganizationPage: 300, OpportunityPage: 280}
# What a page's full_clean() leaves out, since checking it costs queries that prove nothing here: Wagtail's
# bookkeeping, which the import sets from rows it has just read (the parent, its locale, the page type) or
# leaves to Wagtail (revisions, translation key, and the tree path, which the database keeps unique); and the
# HSDS id, whose uniqueness is what records are matched by (the page was just looked up by it, and the
# database's unique index refuses a duplicate) and whose length the reader checks. Every other field and
# the models' clean() (the slug among its siblings) are validated.
UNVALIDATED_FIELDS = [
    "path",
    "content_type",
    "locale",
    "translation_key",
    "latest_revision",
    "live_revision",
    "organization",
    "hsds_id",
]
COORDINATE_STEP = Decimal("0.000001")

# HSDS service status -> the portal's; the portal's own codes are accepted too (CSV files use them).
STATUSES = {
    "active": Status.ACTIVE,
    "inactive": Status.SUSPENDED,
    "temporarily closed": Status.SUSPENDED,
    "defunct": Status.CONCLUDED,
    **{value: value for value in Status.values},
    **{str(label).lower(): value for value, label in Status.choices},
}

# Words in a free-text legal status that identify the portal's legal form, most specific first.
LEGAL_FORM_HINTS = [
    (LegalForm.APS, ("aps", "promozione sociale")),
    (LegalForm.ODV, ("odv", "volontariato")),
    (LegalForm.SOCIAL_COOPERATIVE, ("cooperativa",)),
    (LegalForm.SOCIAL_ENTERPRISE, ("impresa sociale",)),
    (LegalForm.SPORT, ("asd", "ssd", "sportiv")),
    (LegalForm.FOUNDATION, ("fondazione", "foundation")),
    (LegalForm.RELIGIOUS, ("parrocchia", "religios", "diocesi")),
    (LegalForm.PUBLIC, ("comune", "pubblic", "government", "public")),
    (LegalForm.INFORMAL, ("informale", "informal")),
]


class ServiceImporter:
    """Creates or updates what one service describes, one record at a time, each in its own savepoint."""

    def __init__(self, *, directory, user=None):
        self.directory = directory
        self.user = user
        self.vocabulary = Vocabulary()
        # Organizations and places already written in this run: each gets one revision or save, however
        # many services name it.
        self._organizations = {}
        self._places = {}
        self.touched = {OrganizationPage: set(), OpportunityPage: set(), Place: set()}
        # Pages written without Wagtail's save(), so without its search index signal handler.
        self.created = {OrganizationPage: set(), OpportunityPage: set()}
        self.deferred = False
        self._placement = Placement()
        self._waiting = []  # new opportunity pages, validated, that the next flush() writes
        self._batch_start = None
        self._new_ids = set()  # ids of the batch's services that no page had when it started

    def start_batch(self, *, deferred, hsds_ids=()):
        """Remember the run's state, so that `abandon_batch()` can go back to it; `deferred`: see the module.

        `hsds_ids`, the ids of the batch's services, are looked up at once: a
        service no page has is then created without a lookup of its own.
        """
        self.deferred = deferred
        self._placement.reset()
        existing = OpportunityPage.objects.filter(hsds_id__in=hsds_ids).exclude(hsds_id="")
        self._new_ids = set(hsds_ids) - set(existing.values_list("hsds_id", flat=True)) if hsds_ids else set()
        self._batch_start = (
            dict(self._organizations),
            dict(self._places),
            {model: set(pks) for model, pks in self.touched.items()},
            {model: set(pks) for model, pks in self.created.items()},
            self.vocabulary.checkpoint(),
        )

    def flush(self):
        """Write the new opportunity pages waiting since the last flush, in bulk."""
        pages, self._waiting = self._waiting, []
        create_published(pages, user=self.user)
        self._placement.all_written()
        for page in pages:
            self.touched[OpportunityPage].add(page.pk)
            self.created[OpportunityPage].add(page.pk)

    def abandon_batch(self):
        """The batch's transaction was rolled back: forget what it wrote."""
        organizations, places, touched, created, vocabulary = self._batch_start
        self._organizations, self._places, self.touched, self.created = organizations, places, touched, created
        self.vocabulary.restore(vocabulary)
        self._waiting = []
        self._placement.reset()

    def import_record(self, data):
        """Import one HSDS service object; returns (outcome, title, notes) or raises `RecordError`.

        Nothing of a failed record stays in the database or in the run's caches.
        """
        service = parse_service(data)
        notes = []
        self._saved = []
        organizations, places = dict(self._organizations), dict(self._places)
        try:
            # Saving would rebuild the reference index of a page or place on each save: once per object at
            # the end is enough.
            with transaction.atomic(), disable_reference_index_auto_update():
                outcome, page = self._import(service, notes)
                for instance in self._saved:
                    ReferenceIndex.create_or_update_for_object(instance)
        except ValidationError as error:
            self._forget(organizations, places)
            raise RecordError(_validation_messages(error, OpportunityPage)) from None
        except RecordError:
            self._forget(organizations, places)
            raise
        except DatabaseError as error:
            # A constraint the models do not check (a race with another import, say): this record only.
            self._forget(organizations, places)
            raise RecordError(_("errore del database: %(error)s") % {"error": error}) from None
        except Exception:
            self._forget(organizations, places)
            raise
        self.vocabulary.record_succeeded()
        if page.pk is None:  # validated, waiting for the flush
            self._placement.take(page, written=False)
            self._waiting.append(page)
        else:
            self.touched[OpportunityPage].add(page.pk)
            if outcome == "created":
                self.created[OpportunityPage].add(page.pk)
        return outcome, page.title, notes

    def _forget(self, organizations, places):
        self._organizations, self._places = organizations, places
        self.vocabulary.record_failed()

    def _import(self, service, notes):
        terms = self.vocabulary.classify(service.terms, notes)
        organization = self._organization(service.organization, notes)
        places = [self._place(place, terms["districts"]) for place in service.places]
        page = None if service.hsds_id in self._new_ids else _by_hsds_id(OpportunityPage, service.hsds_id)
        created = page is None
        if created:
            page = OpportunityPage(hsds_id=service.hsds_id, kind=Kind.ACTIVITY)
        else:
            _refuse_pending_edits(page)
        previous_title = page.title
        page.title = service.name
        page.summary = _summary(service.description, OpportunityPage, notes)
        page.kind = terms["kind"] or page.kind
        page.status = _status(service.status)
        page.audience_description = _rich_text(service.eligibility_description)
        page.how_to_take_part = _rich_text(service.application_process)
        page.cost_description = _rich_text(service.fees_description)
        page.contact_email = service.email
        page.contact_phone = service.phone
        page.registration_url = service.url
        page.min_age, page.max_age = service.minimum_age, service.maximum_age
        page.is_free, page.price, page.price_period = _cost(service.cost_options)
        if not terms["categories"]:
            raise RecordError(_("serve almeno una categoria (attributes[].taxonomy_term)"))
        page.categories = terms["categories"]
        page.audiences = terms["audiences"]
        page.accessibility_features = terms["features"]
        page.languages = self.vocabulary.languages(service.languages, notes)
        page.places = places
        page.schedules = _schedules(service.schedules)
        if created:
            # What OpportunityPage.save() derives, since new pages are inserted without it.
            page.organization = organization
            page.next_occurrence = next_occurrence(page.schedules.all())
            self._create(page, organization, write=not self.deferred)
        else:
            self._update(page, organization, previous_title)
        return ("created" if created else "updated"), page

    def _organization(self, data, notes):
        if data.hsds_id in self._organizations:
            return self._organizations[data.hsds_id]
        page = _by_hsds_id(OrganizationPage, data.hsds_id)
        if page is None and (registered := _registered_organization(data.name)):
            # An organization that joined through the portal and keeps its own page: the services are
            # attached to it, its page is the association's and stays as it is.
            notes.append(
                _("Collegata all'organizzazione già presente «%(title)s»: la sua pagina non è stata modificata.")
                % {"title": registered.title}
            )
            self._organizations[data.hsds_id] = registered
            return registered
        created = page is None
        if created:
            page = OrganizationPage(hsds_id=data.hsds_id)
        elif page.has_unpublished_changes or page.workflow_in_progress:
            # The editor's draft wins; the organization's services are still imported.
            notes.append(_("L'organizzazione «%(title)s» ha una bozza: non aggiornata.") % {"title": page.title})
            self._organizations[data.hsds_id] = page
            return page
        previous_title = page.title
        page.title = data.name
        # Spreadsheets repeat the organization on every row and often leave its description blank after the first.
        page.summary = _summary(data.description, OrganizationPage, notes) or page.summary
        page.legal_form = _legal_form(data.legal_status, page.legal_form)
        page.email, page.website = data.email, data.website
        page.phone = data.phone
        try:
            if created:
                self._create(page, self.directory, write=True)
            else:
                self._update(page, self.directory, previous_title)
        except ValidationError as error:
            raise RecordError(_prefixed(_("organizzazione «%(id)s»"), data.hsds_id, error, OrganizationPage)) from None
        if created:
            page.editors_group = organization_editors_group_ensure(organization=page)
            self.created[OrganizationPage].add(page.pk)
        self._organizations[data.hsds_id] = page
        self.touched[OrganizationPage].add(page.pk)
        return page

    def _place(self, data, districts):
        if data.hsds_id in self._places:
            return self._places[data.hsds_id]
        place = _by_hsds_id(Place, data.hsds_id) or Place(hsds_id=data.hsds_id)
        place.name, place.address = data.name, data.address
        place.postal_code, place.city = data.postal_code, data.city
        place.latitude, place.longitude = _coordinate(data.latitude), _coordinate(data.longitude)
        place.phone, place.email = data.phone, data.email
        place.accessibility_notes = data.accessibility or place.accessibility_notes
        if districts and place.district_id is None:
            place.district = districts[0]
        try:
            place.full_clean()
        except ValidationError as error:
            raise RecordError(_prefixed(_("sede «%(id)s»"), data.hsds_id, error, Place)) from None
        place.save()
        self._saved.append(place)
        self._places[data.hsds_id] = place
        self.touched[Place].add(place.pk)
        return place

    def _create(self, page, parent, *, write):
        """Place a new page under `parent` and validate it; publish it now if `write`, else at the next flush."""
        self._placement.place(page, parent, slugify(page.title)[:200] or "pagina")
        page.full_clean(exclude=UNVALIDATED_FIELDS)
        if write:
            create_published([page], user=self.user)
            self._placement.take(page, written=True)

    def _update(self, page, parent, previous_title):
        """Move the page under `parent` if it is elsewhere, validate it and publish a new revision of it."""
        if page.get_parent().pk != parent.pk:
            page.slug = self._placement.free_slug(parent, page.slug, ignore_page_id=page.pk)
            parent.refresh_from_db(fields=["path", "numchild"])  # a cached organization may have had children since
            page.move(parent, pos="last-child")
            page.refresh_from_db(fields=["path", "depth", "url_path"])
            page.get_parent(update=True)  # OpportunityPage.save() takes the organization from the parent
            self._placement.moved_in(page)
        page.full_clean(exclude=UNVALIDATED_FIELDS)
        # The import permission is the gate (granted to municipal editors): the history names the user,
        # page permissions are not asked again page by page.
        publish_changes(page, user=self.user, previous_title=previous_title if page.latest_revision_id else None)
        self._saved.append(page)


def _registered_organization(name):
    """The one organization without an HSDS id whose title is `name` (case and the name's stray spaces aside)."""
    name = " ".join(name.split())
    if not name:
        return None
    matches = list(OrganizationPage.objects.filter(hsds_id="", title__iexact=name)[:2])
    return matches[0] if len(matches) == 1 else None


def _by_hsds_id(model, hsds_id):
    """The object with this HSDS id, or None.

    Repeating the condition of the unique index on `hsds_id` (not blank) lets
    SQLite use it: without it, every lookup reads the whole table.
    """
    return model.objects.filter(hsds_id=hsds_id).exclude(hsds_id="").first()


def _refuse_pending_edits(page):
    if page.has_unpublished_changes or page.workflow_in_progress:
        raise RecordError(
            _("«%(title)s» ha modifiche in bozza o in revisione nel portale: non sovrascritta") % {"title": page.title}
        )


def _validation_messages(error, model):
    """The model's messages, each after the label of its field as the admin's forms show it."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    messages = []
    for name, errors in error.message_dict.items():
        label = _field_label(model, name)
        messages.extend(message if label is None else f"{label}: {message}" for message in errors)
    return messages


def _field_label(model, name):
    if name in ("__all__", None):
        return None
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a non-field key: show it as it is
        return name


def _prefixed(prefix, hsds_id, error, model):
    label = prefix % {"id": hsds_id}
    return [f"{label}: {message}" for message in _validation_messages(error, model)]


def _summary(description, model, notes):
    text = " ".join(description.split())
    limit = SUMMARY_MAX[model]
    if len(text) <= limit:
        return text
    notes.append(_("Descrizione accorciata a %(limit)s caratteri.") % {"limit": limit})
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _rich_text(text):
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text or "")]
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs if paragraph)


def _status(value):
    if not value:
        return Status.ACTIVE
    if value not in STATUSES:
        raise RecordError(_("stato «%(status)s» sconosciuto") % {"status": value})
    return STATUSES[value]


def _legal_form(legal_status, current):
    text = legal_status.lower()
    if text in LegalForm.values:
        return text
    for legal_form, hints in LEGAL_FORM_HINTS:
        if any(re.search(rf"\b{re.escape(hint)}", text) for hint in hints):
            return legal_form
    return current or LegalForm.OTHER


def _cost(cost_options):
    """(is_free, price, price_period) from HSDS cost options: the lowest price in euro, or free if all are zero."""
    amounts = []
    for option in cost_options:
        if option.currency and option.currency != "EUR":
            raise RecordError(
                _("cost_options: solo prezzi in euro (EUR), non %(currency)s") % {"currency": option.currency}
            )
        if option.amount is not None:
            if option.amount < 0:
                raise RecordError(_("cost_options: il prezzo non può essere negativo"))
            amounts.append((option.amount, option.option))
    if not amounts:
        return False, None, ""
    amount, option = min(amounts, key=lambda pair: pair[0])
    if amount == 0:
        return True, None, ""
    return False, amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), _price_period(option)


def _price_period(option):
    text = option.strip().lower()
    for value, label in PricePeriod.choices:
        if text in (value, str(label).lower()):
            return value
    return ""


def _coordinate(value):
    return None if value is None else value.quantize(COORDINATE_STEP, rounding=ROUND_HALF_UP)


def _schedules(schedules):
    if not schedules:
        raise RecordError(_("serve almeno un orario o una data (schedules)"))
    built, messages = [], []
    for position, data in enumerate(schedules):
        schedule = OpportunitySchedule(
            start_date=data.start_date,
            end_date=data.end_date,
            weekdays=data.weekdays,
            opens_at=data.opens_at,
            closes_at=data.closes_at,
            note=data.note,
            sort_order=position,
        )
        try:
            schedule.full_clean(exclude=["opportunity"])
        except ValidationError as error:
            messages.extend(
                f"schedules[{position}]: {message}" for message in _validation_messages(error, OpportunitySchedule)
            )
        built.append(schedule)
    if messages:
        raise RecordError(messages)
    return built
