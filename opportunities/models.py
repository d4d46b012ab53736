import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from opportunities.fields import WeekdaysField
from opportunities.ical import opportunities_calendar
from opportunities.schedules import HORIZON, describe_schedule, first_occurrence, last_day, next_occurrence
from organizations.models import Place
from taxonomy.models import validate_age_range

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Kind(models.TextChoices):
    ACTIVITY = "attivita", _("Attività o corso")
    SERVICE = "servizio", _("Servizio")
    EVENT = "evento", _("Evento")
    SUMMER_CAMP = "centro_estivo", _("Centro estivo")
    VOLUNTEERING = "volontariato", _("Volontariato")
    CALL = "bando", _("Bando")


class Status(models.TextChoices):
    ACTIVE = "attiva", _("Attiva")
    FULL = "al_completo", _("Al completo")
    SUSPENDED = "sospesa", _("Sospesa")
    CONCLUDED = "conclusa", _("Conclusa")


class PricePeriod(models.TextChoices):
    ONCE = "una_tantum", _("una tantum")
    SESSION = "ingresso", _("a ingresso o lezione")
    WEEK = "settimana", _("a settimana")
    MONTH = "mese", _("al mese")
    YEAR = "anno", _("all'anno")
    COURSE = "corso", _("per l'intero corso")


def choice_label(choices, value):
    """The label of a value of `choices` (a TextChoices), or the value itself if it is not one, as Django's own."""
    return choices(value).label if value in choices.values else value


class OpportunityQuerySet(PageQuerySet):
    def cards(self):
        """The opportunities with everything a result card shows, in a fixed number of queries, soonest first.

        It does not choose which: most callers want `live().public()` first; a search's keys come from the
        catalogue index, which holds only those (public() costs a query). No image: cards show none, and
        twenty images cost a search page about 7 ms to load."""
        return (
            self.select_related("organization")
            .prefetch_related(
                "accessibility_features", Prefetch("places", Place.objects.select_related("district")), "schedules"
            )
            .order_by(models.F("next_occurrence").asc(nulls_last=True), "title")
        )


class OpportunityPage(RoutablePageMixin, Page):
    """An activity, service, event, summer camp, call for volunteers or funding call.

    Lives below its organization's page; `organization` mirrors that parent so
    that listings and filters need no tree walk.
    """

    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices, default=Kind.ACTIVITY)
    summary = models.TextField(
        _("in breve"),
        max_length=280,
        help_text=_("Cos'è, per chi e quando, in parole semplici (al massimo 280 caratteri)."),
    )
    status = models.CharField(_("stato"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    image = models.ForeignKey(
        "home.PortalImage",
        verbose_name=_("immagine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("testo alternativo dell'immagine"),
        max_length=250,
        blank=True,
        help_text=_("Descrivi cosa mostra l'immagine; se vuoto si usa la descrizione dell'immagine."),
    )

    # The Comuni model's sections, in their fixed order.
    audience_description = RichTextField(_("a chi è rivolto"), features=SECTION_FEATURES, blank=True)
    how_to_take_part = RichTextField(_("come partecipare"), features=SECTION_FEATURES, blank=True)
    requirements = RichTextField(_("cosa serve"), features=SECTION_FEATURES, blank=True)
    cost_description = RichTextField(_("costi e agevolazioni"), features=SECTION_FEATURES, blank=True)
    timing = RichTextField(_("tempi e scadenze"), features=SECTION_FEATURES, blank=True)
    contact_email = models.EmailField(_("email per informazioni"), blank=True)
    contact_phone = models.CharField(_("telefono per informazioni"), max_length=40, blank=True)

    categories = ParentalManyToManyField("taxonomy.Category", verbose_name=_("categorie"), related_name="opportunities")
    audiences = ParentalManyToManyField(
        "taxonomy.Audience", verbose_name=_("destinatari"), blank=True, related_name="opportunities"
    )
    min_age = models.PositiveSmallIntegerField(
        _("età minima"), null=True, blank=True, validators=[MaxValueValidator(120)], help_text=_("In anni.")
    )
    max_age = models.PositiveSmallIntegerField(
        _("età massima"), null=True, blank=True, validators=[MaxValueValidator(120)], help_text=_("In anni.")
    )

    is_free = models.BooleanField(_("gratuita"), default=False)
    price = models.DecimalField(_("prezzo (euro)"), max_digits=8, decimal_places=2, null=True, blank=True)
    price_period = models.CharField(_("il prezzo è"), max_length=20, choices=PricePeriod.choices, blank=True)

    registration_required = models.BooleanField(_("serve l'iscrizione"), default=False)
    registration_url = models.URLField(_("link per iscriversi"), blank=True)
    registration_deadline = models.DateField(_("iscrizioni entro il"), null=True, blank=True)
    places_available = models.PositiveIntegerField(_("posti disponibili"), null=True, blank=True)

    places = ParentalManyToManyField(
        "organizations.Place", verbose_name=_("luoghi"), blank=True, related_name="opportunities"
    )
    languages = ParentalManyToManyField(
        "taxonomy.Language", verbose_name=_("lingue"), blank=True, related_name="opportunities"
    )
    accessibility_features = ParentalManyToManyField(
        "taxonomy.AccessibilityFeature", verbose_name=_("accessibilità"), blank=True, related_name="opportunities"
    )
    last_verified = models.DateField(
        _("informazioni verificate il"),
        default=dt.date.today,
        help_text=_("Quando qualcuno ha controllato che sia ancora valida."),
    )
    verification_reminded_on = models.DateField(
        _("promemoria di verifica inviato il"), null=True, blank=True, editable=False
    )
    hsds_id = models.CharField(
        _("identificativo HSDS"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("L'id del servizio nei dati Open Referral importati."),
    )

    organization = models.ForeignKey(
        "organizations.OrganizationPage",
        verbose_name=_("organizzazione"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="opportunities",
    )
    next_occurrence = models.DateTimeField(_("prossima data"), null=True, editable=False, db_index=True)

    objects = PageManager.from_queryset(OpportunityQuerySet)()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
            ],
            heading=_("Per chi"),
        ),
        InlinePanel("schedules", heading=_("Quando"), label=_("orario o data"), min_num=1),
        FieldPanel("places"),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldRowPanel([FieldPanel("price"), FieldPanel("price_period")])],
            heading=_("Quanto costa"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("places_available")]),
            ],
            heading=_("Iscrizione"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience_description"),
                FieldPanel("how_to_take_part"),
                FieldPanel("requirements"),
                FieldPanel("cost_description"),
                FieldPanel("timing"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Scheda (modello dei siti dei Comuni)"),
        ),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
        FieldPanel("last_verified"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.RelatedFields("categories", [index.SearchField("name", boost=3)]),
        index.RelatedFields("audiences", [index.SearchField("name", boost=2)]),
        index.SearchField("audience_description"),
        index.SearchField("how_to_take_part"),
        index.SearchField("requirements"),
        index.SearchField("cost_description"),
        index.SearchField("timing"),
        index.RelatedFields("organization", [index.SearchField("title")]),
        index.RelatedFields("places", [index.SearchField("name"), index.SearchField("address")]),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("organization"),
        index.FilterField("min_age"),
        index.FilterField("max_age"),
        index.FilterField("is_free"),
        index.FilterField("price"),
        index.FilterField("registration_required"),
        index.FilterField("registration_deadline"),
        index.FilterField("next_occurrence"),
        index.FilterField("last_verified"),
    ]

    parent_page_types = ["organizations.OrganizationPage"]
    subpage_types = []
    exclude_fields_in_copy = ["hsds_id", "verification_reminded_on"]

    class Meta:
        verbose_name = _("opportunità")
        verbose_name_plural = _("opportunità")
        constraints = [
            models.UniqueConstraint(fields=["hsds_id"], condition=~Q(hsds_id=""), name="unique_opportunity_hsds_id")
        ]

    def clean(self):
        super().clean()
        validate_age_range(self.min_age, self.max_age)
        if self.is_free and self.price:
            raise ValidationError({"price": _("Un'opportunità gratuita non può avere un prezzo.")})
        if self.price_period and self.price is None:
            raise ValidationError({"price_period": _("Indica anche il prezzo.")})

    def save(self, *args, **kwargs):
        if self.path:
            self.organization_id = self.get_parent().pk
        self.next_occurrence = next_occurrence(self.schedules.all())
        super().save(*args, **kwargs)

    # Django's get_FOO_display builds a dict of every choice, each label translated, on every call: ten times
    # slower than the enum's own label, and a result card asks for two.
    def get_kind_display(self):
        return choice_label(Kind, self.kind)

    def get_status_display(self):
        return choice_label(Status, self.status)

    def get_price_period_display(self):
        return choice_label(PricePeriod, self.price_period)

    @property
    def image_alt_text(self):
        if self.image_alt:
            return self.image_alt
        return self.image.description if self.image else ""

    @property
    def age_label(self):
        if self.min_age is not None and self.max_age is not None:
            if self.min_age == self.max_age:
                return ngettext("%(age)s anno", "%(age)s anni", self.min_age) % {"age": self.min_age}
            return gettext("Da %(min)s a %(max)s anni") % {"min": self.min_age, "max": self.max_age}
        if self.min_age is not None:
            # "Da 8 anni in su": "dai/dagli" would depend on how the number is spoken.
            return ngettext("Da %(min)s anno in su", "Da %(min)s anni in su", self.min_age) % {"min": self.min_age}
        if self.max_age is not None:
            return ngettext("Fino a %(max)s anno", "Fino a %(max)s anni", self.max_age) % {"max": self.max_age}
        return gettext("Tutte le età")

    @property
    def cost_label(self):
        if self.is_free:
            return gettext("Gratuito")
        if self.price is None:
            return gettext("A pagamento")
        amount = f"€ {formats.number_format(self.price, 2)}"
        return f"{amount} {self.get_price_period_display()}".strip()

    @property
    def is_on_hold(self):
        """Suspended or concluded: it has no date to offer, whatever its schedules say."""
        return self.status in (Status.SUSPENDED, Status.CONCLUDED)

    @property
    def is_call(self):
        return self.kind == Kind.CALL

    @property
    def deadline(self):
        """When a call (bando) closes: the registration deadline, else the last day of its schedules."""
        return self.registration_deadline or last_day(self.schedules.all())

    def first_occurrence_between(self, date_from=None, date_to=None, *, weekdays=(), now=None):
        """The first occurrence in a search's date window (either end open), from the prefetched schedules."""
        now = now or timezone.now()
        start = date_from or timezone.localtime(now).date()
        end = date_to or start + HORIZON
        return first_occurrence(self.schedules.all(), start, end, weekdays=weekdays, now=now)

    @property
    def primary_place(self):
        """The first place, read from the prefetched list when there is one."""
        places = self.places.all()
        return places[0] if places else None

    @path("calendario/", name="calendar")
    def calendar(self, request):
        """ "Add to my calendar": every schedule of this opportunity as an iCalendar file."""
        body = opportunities_calendar([self], base_url=request.build_absolute_uri("/")[:-1], name=self.title).to_ical()
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects(
            [self], "schedules", "audiences", "languages", "accessibility_features", "places__district"
        )
        context["other_opportunities"] = (
            OpportunityPage.objects.live()
            .public()
            .cards()
            .filter(organization_id=self.organization_id)
            .exclude(pk=self.pk)[:6]
        )
        return context


class OpportunitySchedule(Orderable):
    """When an opportunity takes place, expressible as an HSDS schedule / iCalendar RRULE.

    No weekdays: a single date, or every day from start to end date.
    Weekdays: weekly on those days, between the optional start and end dates.
    """

    opportunity = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="schedules")
    start_date = models.DateField(_("dal / il giorno"), null=True, blank=True)
    end_date = models.DateField(_("al"), null=True, blank=True)
    weekdays = WeekdaysField(_("ogni settimana il"), help_text=_("Lascia vuoto per date singole o consecutive."))
    opens_at = models.TimeField(_("dalle ore"), null=True, blank=True)
    closes_at = models.TimeField(_("alle ore"), null=True, blank=True)
    note = models.CharField(_("nota"), max_length=200, blank=True, help_text=_("Ad esempio «escluse le festività»."))

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("weekdays"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("orario")
        verbose_name_plural = _("orari")

    def clean(self):
        super().clean()
        errors = {}
        if not self.weekdays and self.start_date is None:
            errors["start_date"] = _("Indica la data, oppure i giorni della settimana in cui si ripete.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("La data di fine deve essere uguale o successiva alla data di inizio.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("L'orario di fine deve essere successivo all'orario di inizio.")
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        return describe_schedule(self)
