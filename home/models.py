import datetime as dt

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from opportunities.models import Kind, OpportunityPage
from organizations.models import OrganizationIndexPage, Place
from search.engines import get_engine
from search.query import MAX_PAGE_SIZE, InvalidSearchParameter, SearchQuery
from taxonomy.models import Audience, Category


class PortalImage(AbstractImage):
    """Images carry a credit line: photos of associations often require one."""

    credit = models.CharField(_("crediti"), max_length=200, blank=True)

    admin_form_fields = Image.admin_form_fields + ("credit",)


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HomePage(Page):
    introduction = RichTextField(_("introduzione"), features=["bold", "italic", "link"], blank=True)
    help_desks_text = models.TextField(
        _("testo sugli sportelli"),
        blank=True,
        help_text=_("Invito a rivolgersi agli sportelli per chi preferisce parlare con una persona."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_opportunities", heading=_("In evidenza"), label=_("opportunità"), max_num=8),
        FieldPanel("help_desks_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("pagina iniziale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = OpportunityPage.objects.live().public().cards().filter(home_features__home_page=self)
        context["featured"] = featured.order_by("home_features__sort_order")
        context["categories"] = Category.objects.filter(parent=None, locale__language_code=self.locale.language_code)
        context["audiences"] = Audience.objects.filter(locale__language_code=self.locale.language_code)
        context["collections"] = CollectionPage.objects.child_of(self).live().public()
        context["upcoming_events"] = (
            OpportunityPage.objects.live().public().cards().filter(kind=Kind.EVENT, next_occurrence__isnull=False)[:6]
        )
        context["help_desks"] = Place.objects.filter(is_help_desk=True).select_related("district")
        context["organizations_index"] = self.get_children().live().type(OrganizationIndexPage).first()
        return context


class HomePageFeaturedOpportunity(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_opportunities")
    opportunity = models.ForeignKey(
        OpportunityPage, verbose_name=_("opportunità"), on_delete=models.CASCADE, related_name="home_features"
    )

    panels = [PageChooserPanel("opportunity")]


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Who runs the portal, and the links every page footer must carry."""

    comune_name = models.CharField(_("nome del Comune"), max_length=100, default="Comune")
    tagline = models.CharField(_("sottotitolo"), max_length=150, blank=True)
    logo = models.ForeignKey(
        PortalImage, verbose_name=_("stemma"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    address = models.CharField(_("indirizzo"), max_length=200, blank=True)
    phone = models.CharField(_("telefono"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    pec = models.EmailField(_("PEC"), blank=True)
    accessibility_declaration_url = models.URLField(_("dichiarazione di accessibilità"), blank=True)
    privacy_url = models.URLField(_("informativa privacy"), blank=True)
    legal_notes_url = models.URLField(_("note legali"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("comune_name"), FieldPanel("tagline"), FieldPanel("logo")], heading=_("Ente")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("pec")], heading=_("Contatti")
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_declaration_url"), FieldPanel("privacy_url"), FieldPanel("legal_notes_url")],
            heading=_("Collegamenti a piè di pagina"),
        ),
    ]

    class Meta:
        verbose_name = _("impostazioni del portale")


# --- Curation: collections, news and help desks ---------------------------------------------------------------

# The /cerca/ parameters a saved search may use; page and page size are the collection's business.
SAVED_SEARCH_PARAMETERS = {
    "q",
    "category",
    "audience",
    "age",
    "kind",
    "district",
    "free",
    "max_price",
    "when",
    "date_from",
    "date_to",
    "weekday",
    "time_of_day",
    "accessibility",
    "language",
    "registration_open",
    "organization",
    "near",
    "lat",
    "lng",
    "radius_km",
    "sort",
}
MAX_COLLECTION_PICKS = 24


class IntroductionMixin(models.Model):
    """A short rich-text introduction under the title of a listing page."""

    introduction = RichTextField(_("introduzione"), features=["bold", "italic", "link"], blank=True)

    class Meta:
        abstract = True


class PageImageMixin(models.Model):
    """An optional image with alternative text written for this page."""

    image = models.ForeignKey(
        PortalImage, verbose_name=_("immagine"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(
        _("testo alternativo dell'immagine"),
        max_length=250,
        blank=True,
        help_text=_("Descrivi cosa mostra l'immagine; se vuoto si usa la descrizione dell'immagine."),
    )

    image_panels = [FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")])]

    class Meta:
        abstract = True

    @property
    def image_alt_text(self):
        if self.image_alt:
            return self.image_alt
        return self.image.description if self.image else ""


def parse_saved_search(text, *, today):
    """A saved search as a SearchQuery; accepts a whole /cerca/ address or just what follows "?".

    Raises ValidationError with the search page's own message for a bad value, and
    refuses parameters the search does not know (a typo would silently show everything).
    """
    query_string = text.strip().split("?", 1)[-1] if "?" in text else text.strip()
    params = QueryDict(query_string)
    unknown = sorted(set(params) - SAVED_SEARCH_PARAMETERS)
    if unknown:
        raise ValidationError(_("Parametri di ricerca sconosciuti: %(names)s."), params={"names": ", ".join(unknown)})
    try:
        return SearchQuery.from_params(params, today=today)
    except InvalidSearchParameter as error:
        raise ValidationError(error.message) from error


class CollectionPage(Page, IntroductionMixin, PageImageMixin):  # noqa: DJ008 (Page defines __str__)
    """A curated collection ("Estate 2027: centri estivi"): hand-picked opportunities, then a saved search."""

    saved_search = models.CharField(
        _("ricerca salvata"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Fai la ricerca su /cerca/ con i filtri che vuoi e incolla qui l'indirizzo della pagina dei risultati "
            "(ad esempio /cerca/?category=sport&age=70). I risultati si aggiornano da soli."
        ),
    )
    search_results_limit = models.PositiveSmallIntegerField(
        _("quanti risultati della ricerca mostrare"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        *PageImageMixin.image_panels,
        InlinePanel("picks", heading=_("Scelte dalla redazione"), label=_("opportunità"), max_num=MAX_COLLECTION_PICKS),
        MultiFieldPanel([FieldPanel("saved_search"), FieldPanel("search_results_limit")], heading=_("Ricerca salvata")),
    ]

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("raccolta")
        verbose_name_plural = _("raccolte")

    def clean(self):
        super().clean()
        if not self.saved_search.strip():
            self.saved_search = ""
            return
        try:
            query = parse_saved_search(self.saved_search, today=timezone.localdate())
        except ValidationError as error:
            raise ValidationError({"saved_search": error.messages}) from error
        # Stored in canonical form, so that the "see all" link and the page always agree.
        self.saved_search = urlencode(query.with_changes(page=1).to_params(), doseq=True)

    def saved_query(self):
        """The saved search, or None when there is none or it no longer passes the search's validation."""
        if not self.saved_search:
            return None
        try:
            return parse_saved_search(self.saved_search, today=timezone.localdate())
        except ValidationError:
            return None

    @property
    def search_url(self):
        return f"{reverse('search:search')}?{self.saved_search}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        picks = list(
            OpportunityPage.objects.live()
            .public()
            .cards()
            .filter(collection_picks__collection=self)
            .order_by("collection_picks__sort_order")
        )
        context["picks"] = picks
        context["search_hits"], context["search_total"] = self.search_hits(exclude={page.pk for page in picks})
        return context

    def search_hits(self, *, exclude):
        """The saved search's first results, without the hand-picked ones, and its total; ([], 0) without a search."""
        query = self.saved_query()
        if query is None:
            return [], 0
        query = query.with_changes(page=1, page_size=min(MAX_PAGE_SIZE, self.search_results_limit + len(exclude)))
        result = get_engine().search(query, now=timezone.now())
        hits = [hit for hit in result.hits if hit.page.pk not in exclude]
        return hits[: self.search_results_limit], result.total


class CollectionPick(Orderable):
    collection = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="picks")
    opportunity = models.ForeignKey(
        OpportunityPage, verbose_name=_("opportunità"), on_delete=models.CASCADE, related_name="collection_picks"
    )

    panels = [PageChooserPanel("opportunity")]


class NewsIndexPage(Page, IntroductionMixin):  # noqa: DJ008 (Page defines __str__)
    """Announcements and news ("Notizie"), newest first."""

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count = 1
    per_page = 10

    class Meta:
        verbose_name = _("elenco delle notizie")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().public().select_related("image").order_by("-date", "-pk")
        context["page_obj"] = Paginator(news, self.per_page).get_page(request.GET.get("page"))
        return context


class NewsPage(Page, PageImageMixin):  # noqa: DJ008 (Page defines __str__)
    date = models.DateField(_("data"), default=dt.date.today)
    summary = models.TextField(_("in breve"), max_length=300, help_text=_("Una o due frasi: compaiono nell'elenco."))
    body = RichTextField(_("testo"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [index.SearchField("summary", boost=2), index.SearchField("body")]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("notizia")
        verbose_name_plural = _("notizie")


class HelpDeskPage(Page, IntroductionMixin):  # noqa: DJ008 (Page defines __str__)
    """The help desks (sportelli) where a person helps citizens find their way, with hours and access notes.

    The desks themselves are Place snippets marked "sportello": the same records
    serve as venues, on the home page and in imports, so the page only adds the
    editorial text around them.
    """

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("pagina degli sportelli")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["help_desks"] = Place.objects.filter(is_help_desk=True).select_related("district").order_by("name")
        return context
