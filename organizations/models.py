from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager
from wagtail.search import index

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Place(index.Indexed, models.Model):
    """A venue or a help desk (sportello) where opportunities happen."""

    name = models.CharField(_("nome"), max_length=150)
    address = models.CharField(_("indirizzo"), max_length=200, help_text=_("Via e numero civico."))
    postal_code = models.CharField(_("CAP"), max_length=5, blank=True)
    city = models.CharField(_("comune"), max_length=100, blank=True)
    district = models.ForeignKey(
        "taxonomy.District",
        verbose_name=_("quartiere"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
    )
    latitude = models.DecimalField(
        _("latitudine"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitudine"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    accessibility_notes = models.TextField(_("note sull'accessibilità"), blank=True)
    opening_hours = models.TextField(_("orari di apertura"), blank=True)
    phone = models.CharField(_("telefono"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    hsds_id = models.CharField(
        _("identificativo HSDS"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("L'id della sede nei dati Open Referral importati."),
    )
    is_help_desk = models.BooleanField(
        _("sportello"),
        default=False,
        help_text=_("Un punto dove un operatore orienta i cittadini tra le opportunità."),
    )

    panels = [
        FieldPanel("name"),
        # A help desk is listed on the home page and on /sportelli/ at once: the Comune's decision, like the
        # organizations' qualification. Without the permission the field is left out of the form.
        FieldPanel("is_help_desk", permission="organizations.qualify_organization"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("district"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Dove"),
        ),
        FieldPanel("opening_hours"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("accessibility_notes"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
        index.FilterField("is_help_desk"),
        index.FilterField("district"),
    ]

    class Meta:
        verbose_name = _("luogo")
        verbose_name_plural = _("luoghi")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["hsds_id"], condition=~Q(hsds_id=""), name="unique_place_hsds_id")
        ]

    def __str__(self):
        return f"{self.name} – {self.address}"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Indica sia la latitudine sia la longitudine, oppure nessuna delle due."))

    @property
    def full_address(self):
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.address, locality) if part)


class PlaceLogEntryManager(ModelLogEntryManager):
    # Who may change places (the Comune) sees every entry. Wagtail's rule for other models (any permission
    # on the model) would show association editors, who may add places, everyone's entries: who created or
    # edited which place and when, with other associations' volunteers' names and emails.
    STAFF_PERMISSIONS = ("organizations.change_place", "organizations.delete_place")
    ANY_PERMISSIONS = (*STAFF_PERMISSIONS, "organizations.add_place", "organizations.view_place")

    def viewable_by_user(self, user):
        if user.is_superuser or any(user.has_perm(permission) for permission in self.STAFF_PERMISSIONS):
            return self.all()
        if not any(user.has_perm(permission) for permission in self.ANY_PERMISSIONS):
            return self.none()
        # Their own entries and their organizations' colleagues' (whom "Persone dell'organizzazione" lists).
        colleagues = get_user_model().objects.filter(groups__organization__isnull=False, groups__user=user)
        return self.filter(Q(user=user) | Q(user__in=colleagues.values("pk")))


class PlaceLogEntry(BaseLogEntry):
    """The history of places, apart from Wagtail's ModelLogEntry so that its visibility can follow the roles.

    Registered for Place in organizations/wagtail_hooks.py; read by the site history report and by a
    place's history. Fields as in ModelLogEntry.
    """

    object_id = models.CharField(max_length=255, blank=False, db_index=True)

    objects = PlaceLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("voce della cronologia di un luogo")
        verbose_name_plural = _("voci della cronologia dei luoghi")

    def __str__(self):
        return f"PlaceLogEntry {self.pk}: {self.action!r} on {self.object_id}"


class OrganizationIndexPage(Page):
    """The directory of organizations: one per site."""

    introduction = models.TextField(_("introduzione"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["organizations.OrganizationPage"]
    max_count_per_parent = 1
    PAGE_SIZE = 24

    class Meta:
        verbose_name = _("elenco delle organizzazioni")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organizations = (
            OrganizationPage.objects.child_of(self)
            .live()
            .public()
            .annotate(live_opportunities=Count("opportunities", filter=Q(opportunities__live=True)))
            .order_by("title")
        )
        context["page_obj"] = Paginator(organizations, self.PAGE_SIZE).get_page(request.GET.get("page"))
        return context


class LegalForm(models.TextChoices):
    APS = "aps", _("Associazione di promozione sociale (APS)")
    ODV = "odv", _("Organizzazione di volontariato (ODV)")
    SOCIAL_COOPERATIVE = "cooperativa_sociale", _("Cooperativa sociale")
    SOCIAL_ENTERPRISE = "impresa_sociale", _("Impresa sociale")
    SPORT = "asd_ssd", _("Associazione o società sportiva dilettantistica (ASD/SSD)")
    FOUNDATION = "fondazione", _("Fondazione")
    RELIGIOUS = "ente_religioso", _("Ente religioso o parrocchia")
    PUBLIC = "ente_pubblico", _("Ente pubblico o ufficio comunale")
    INFORMAL = "gruppo_informale", _("Gruppo informale")
    OTHER = "altro", _("Altro")


class OrganizationPage(Page):
    """An association, cooperative, club, parish or municipal office.

    Its opportunities live below it in the page tree, so that the
    organization's editors get exactly this subtree through Wagtail's page
    permissions.
    """

    legal_form = models.CharField(_("forma giuridica"), max_length=30, choices=LegalForm.choices)
    runts_number = models.CharField(
        _("numero RUNTS"),
        max_length=30,
        blank=True,
        help_text=_("Solo per gli enti iscritti al Registro unico nazionale del Terzo settore."),
    )
    summary = models.TextField(_("in breve"), max_length=300, help_text=_("Una o due frasi semplici."))
    description = RichTextField(_("descrizione"), features=RICH_TEXT_FEATURES, blank=True)
    logo = models.ForeignKey(
        "home.PortalImage", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(_("email pubblica"), blank=True)
    phone = models.CharField(_("telefono"), max_length=40, blank=True)
    website = models.URLField(_("sito web"), blank=True)
    address = models.CharField(_("sede"), max_length=200, blank=True)
    places = ParentalManyToManyField(Place, verbose_name=_("luoghi"), blank=True, related_name="organizations")
    districts = ParentalManyToManyField(
        "taxonomy.District", verbose_name=_("quartieri serviti"), blank=True, related_name="organizations"
    )
    categories = ParentalManyToManyField(
        "taxonomy.Category", verbose_name=_("ambiti di attività"), blank=True, related_name="organizations"
    )
    qualified_on = models.DateField(
        _("qualificata dal Comune il"),
        null=True,
        blank=True,
        help_text=_("Data in cui il Comune ha verificato e qualificato l'organizzazione."),
    )
    is_trusted = models.BooleanField(
        _("pubblica senza revisione"),
        default=False,
        help_text=_("Le redattrici e i redattori dell'organizzazione pubblicano senza la revisione comunale."),
    )
    editors_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("gruppo dei redattori"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="organization",
    )
    hsds_id = models.CharField(
        _("identificativo HSDS"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_("L'id dell'organizzazione nei dati Open Referral importati."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("legal_form"), FieldPanel("runts_number")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("website"),
                InlinePanel("social_links", label=_("profili social")),
                FieldPanel("address"),
                FieldPanel("places"),
                FieldPanel("districts"),
            ],
            heading=_("Contatti e luoghi"),
        ),
        # Only municipal staff hold this permission; others never see the field.
        FieldPanel("qualified_on", permission="organizations.qualify_organization"),
        FieldPanel("is_trusted", permission="organizations.qualify_organization"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.AutocompleteField("title"),
        index.FilterField("legal_form"),
        index.FilterField("qualified_on"),
    ]

    parent_page_types = ["organizations.OrganizationIndexPage"]
    subpage_types = ["opportunities.OpportunityPage"]
    # A copy is a new organization: it gets its own group and no imported identity.
    exclude_fields_in_copy = ["editors_group", "hsds_id"]

    class Meta:
        verbose_name = _("organizzazione")
        verbose_name_plural = _("organizzazioni")
        permissions = [("qualify_organization", _("Può qualificare le organizzazioni"))]
        constraints = [
            models.UniqueConstraint(fields=["hsds_id"], condition=~Q(hsds_id=""), name="unique_organization_hsds_id")
        ]

    @property
    def is_qualified(self):
        return self.qualified_on is not None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        prefetch_related_objects([self], "social_links", "categories", "districts", "places__district")
        context["opportunities"] = self.opportunities.live().public().cards()
        return context


class SocialLink(Orderable):
    organization = ParentalKey(OrganizationPage, on_delete=models.CASCADE, related_name="social_links")
    name = models.CharField(_("nome"), max_length=40, help_text=_("Ad esempio Facebook, Instagram, YouTube."))
    url = models.URLField(_("indirizzo"))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("profilo social")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("In attesa")
    APPROVED = "approved", _("Approvata")
    REJECTED = "rejected", _("Respinta")


class OrganizationRegistration(models.Model):
    """An association's request to join the portal, sent from the public form and decided by municipal editors.

    The organization's data become its page on approval; the contact person's
    data are never published.
    """

    status = models.CharField(
        _("stato"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    name = models.CharField(_("nome dell'organizzazione"), max_length=150)
    legal_form = models.CharField(_("forma giuridica"), max_length=30, choices=LegalForm.choices)
    runts_number = models.CharField(_("numero RUNTS"), max_length=30, blank=True)
    summary = models.TextField(_("in breve"), max_length=300)
    email = models.EmailField(_("email pubblica"))
    phone = models.CharField(_("telefono"), max_length=40, blank=True)
    website = models.URLField(_("sito web"), blank=True)
    address = models.CharField(_("sede"), max_length=200, blank=True)
    districts = models.ManyToManyField(
        "taxonomy.District", verbose_name=_("quartieri serviti"), blank=True, related_name="+"
    )
    categories = models.ManyToManyField(
        "taxonomy.Category", verbose_name=_("ambiti di attività"), blank=True, related_name="+"
    )
    contact_name = models.CharField(_("nome e cognome del referente"), max_length=150)
    contact_email = models.EmailField(_("email del referente"))
    contact_phone = models.CharField(_("telefono del referente"), max_length=40, blank=True)
    contact_role = models.CharField(_("ruolo nell'organizzazione"), max_length=100, blank=True)
    privacy_accepted_at = models.DateTimeField(_("informativa privacy accettata il"))
    submitted_at = models.DateTimeField(_("inviata il"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decisa il"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decisa da"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("motivo del rifiuto"), blank=True)
    organization = models.ForeignKey(
        OrganizationPage,
        verbose_name=_("pagina creata"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )

    class Meta:
        verbose_name = _("richiesta di registrazione")
        verbose_name_plural = _("richieste di registrazione")
        ordering = ["-submitted_at"]
        constraints = [
            # A decision always says who and when; a rejection always says why.
            models.CheckConstraint(
                condition=Q(status=RegistrationStatus.PENDING) | Q(decided_at__isnull=False),
                name="registration_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.REJECTED) | ~Q(rejection_reason=""),
                name="registration_rejection_has_reason",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_pending(self):
        return self.status == RegistrationStatus.PENDING
