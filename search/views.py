from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.contrib.search_promotions.models import Query

from opportunities.fields import WEEKDAYS
from opportunities.ical import search_calendar as search_results_calendar
from search.chips import TIME_OF_DAY_CHOICES, WHEN_CHOICES, active_filter_chips, relaxed_searches
from search.engines import get_engine
from search.map import MAX_MAP_MARKERS, markers
from search.models import SHORT_LINK_ALPHABET, ShortLink
from search.near import near_choices
from search.query import MAX_PAGE_SIZE, InvalidSearchParameter, SearchQuery
from search.responses import for_everyone, kept, kept_json, rendered, with_csrf_token
from search.services import search_recorded, short_link_for
from taxonomy.models import Audience, Category

# The facets a citizen filters by, in the order the page shows them.
FACETS = [
    ("category", _("Categoria")),
    ("audience", _("Per chi")),
    ("kind", _("Tipo")),
    ("district", _("Quartiere")),
    ("accessibility", _("Accessibilità")),
    ("language", _("Lingua")),
]
SORTS = [
    ("relevance", _("Più pertinenti")),
    ("soonest", _("Più vicine nel tempo")),
    ("newest", _("Pubblicate da poco")),
]


# Longer than any canonical search the form can produce (ShortLink.query_string holds 2000 characters).
MAX_SHORT_LINK_QUERY = 1500
# `?stampa=1`: the help desks' printout, every result up to the API's page size on one page.
PRINT_PARAMETER = "stampa"


def parse_query(params):
    return SearchQuery.from_params(params, today=timezone.localdate())


def search(request):
    """The catalogue: free text and filters from the URL, so every search can be bookmarked and shared."""
    return render_search(request, request.GET)


def browse_category(request, slug):
    """A category's own page (/cerca/categoria/sport/): the search with that category chosen."""
    category = get_object_or_404(Category, slug=slug, locale__language_code=get_language())
    return render_search(request, with_filter(request.GET, "category", slug), heading=category.name)


def browse_audience(request, slug):
    """An audience's own page (/cerca/per/anziani/): the search for that audience."""
    audience = get_object_or_404(Audience, slug=slug, locale__language_code=get_language())
    return render_search(request, with_filter(request.GET, "audience", slug), heading=str(audience))


def with_filter(params, name, value):
    params = params.copy()
    params.setlist(name, [value])
    return params


def render_search(request, params, heading=None):
    """Editors' promotions come first for the words typed; every text query is counted for the Comune."""
    try:
        query = parse_query(params)
    except InvalidSearchParameter as error:
        return TemplateResponse(request, "search/search.html", {"error": error}, status=400)
    printable = params.get(PRINT_PARAMETER) == "1"
    # A short link shown is looked up each time: it names one help desk's search, not the address's.
    shared = for_everyone(request) and "link" not in request.GET
    content, total, tracked_pk = kept(
        request, "search-page", lambda: search_page(request, query, heading, printable), shared=shared
    )
    if not printable:  # the printout repeats a search already counted
        search_recorded(query=query, result_count=total, tracked_pk=tracked_pk)
    return HttpResponse(with_csrf_token(request, content))


def search_page(request, query, heading, printable):
    """(the page's HTML with a placeholder for the CSRF token, the number of results, the text's `Query` key)."""
    listed = query.with_changes(page=1, page_size=MAX_PAGE_SIZE) if printable else query
    engine = get_engine()
    result = engine.search(listed, now=timezone.now())
    tracked = Query.get(query.text) if query.text else None
    promotions = list(tracked.editors_picks.select_related("page").filter(page__live=True)) if tracked else []
    chips = active_filter_chips(query, result.facets)
    short_link = short_link_shown(request, query)
    relaxed = []
    if not result.total:
        relaxed = relaxed_searches(chips, engine=engine, today=timezone.localdate(), now=timezone.now())
    # Past the last page: an empty page (200, as in the API) that says so and links to the first and the last.
    past_the_end = bool(result.total) and query.page > result.num_pages
    context = {
        "heading": heading,
        "query": query,
        "result": result,
        "promotions": promotions,
        "facets": [(name, label, result.facets.get(name, [])) for name, label in FACETS],
        "free_facet": result.facets.get("free", []),
        "sorts": SORTS,
        "when_choices": WHEN_CHOICES,
        "radius_choices": [1, 2, 5, 10, 20],
        "near_choices": near_choices(),
        "weekday_choices": WEEKDAYS,
        "time_of_day_choices": TIME_OF_DAY_CHOICES,
        "chips": chips,
        "query_string": urlencode(query.to_params(), doseq=True),
        "printable": printable,
        "print_url": print_url(request, query, link=request.GET.get("link", "") if short_link else ""),
        "max_page_size": MAX_PAGE_SIZE,
        "short_link": short_link,
        "relaxed": relaxed,
        "browse_categories": Category.objects.filter(parent=None, locale__language_code=get_language()),
        # A lazy range: the shared pagination component needs a Django page, not the rows.
        "page_obj": None if past_the_end else Paginator(range(result.total), query.page_size).get_page(query.page),
        "past_the_end": past_the_end,
    }
    content = rendered(TemplateResponse(request, "search/search.html", context))
    return content, result.total, tracked.pk if tracked else None


def print_url(request, query, *, link=""):
    """The printable version of this search, with its short link; render_search lists MAX_PAGE_SIZE results."""
    params = {**query.with_changes(page=1).to_params(), PRINT_PARAMETER: ["1"]}
    if link:
        params["link"] = [link]
    return f"{request.path}?{urlencode(params, doseq=True)}"


@require_POST
def short_link_create(request):
    """Help desks: a short link for the search in the form, to read out or text to a citizen; shown on the page."""
    try:
        search = request.POST.get("search", "")
        if len(search) > MAX_SHORT_LINK_QUERY:
            raise InvalidSearchParameter("search", _("La ricerca è troppo lunga per un link breve."))
        query = parse_query(QueryDict(search))
    except InvalidSearchParameter as error:
        return TemplateResponse(request, "search/search.html", {"error": error}, status=400)
    query_string = urlencode(query.with_changes(page=1).to_params(), doseq=True)
    link = short_link_for(query_string)
    return redirect(f"{reverse('search:search')}?{urlencode({'link': link.code})}&{query_string}")


def short_link_follow(request, code):
    code = short_link_code(code)
    if not code:
        raise Http404
    link = get_object_or_404(ShortLink, code=code)
    return redirect(f"{reverse('search:search')}?{link.query_string}")


def short_link_code(raw):
    """The code, lower-cased, if it could be one (12 characters at most, of the codes' alphabet); else ""."""
    code = raw.lower()
    return code if len(code) <= 12 and set(code) <= set(SHORT_LINK_ALPHABET) else ""


def short_link_shown(request, query):
    """The absolute short link named in the URL, if it stands for this very search."""
    code = short_link_code(request.GET.get("link", ""))
    link = ShortLink.objects.filter(code=code).first() if code else None
    if link is None or link.query_string != urlencode(query.with_changes(page=1).to_params(), doseq=True):
        return None
    return request.build_absolute_uri(reverse("search:short_link", args=[link.code]))


def search_map(request):
    """Every result of a search with a place, as map markers (the page embeds only its own, for a quick start)."""
    try:
        query = parse_query(request.GET)
    except InvalidSearchParameter as error:
        return JsonResponse({"error": {"parameter": error.parameter, "message": str(error.message)}}, status=400)
    return kept_json(request, "search-map", lambda: map_markers(query))


def map_markers(query):
    total, pks = get_engine().matching_pks(query, now=timezone.now(), limit=MAX_MAP_MARKERS)
    return {"total": total, "truncated": total > len(pks), "markers": markers(pks)}


def search_calendar(request):
    """The first results of any search as an iCalendar feed, to subscribe to or import."""
    try:
        query = parse_query(request.GET).with_changes(page=1, page_size=MAX_PAGE_SIZE)
    except InvalidSearchParameter as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    body = kept(request, "search-calendar", lambda: calendar_feed(request, query))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="opportunita.ics"'
    return response


def calendar_feed(request, query):
    result = get_engine().search(query, now=timezone.now())
    pages = [hit.page for hit in result.hits]
    prefetch_related_objects(pages, "schedules")
    search_url = request.build_absolute_uri(f"{reverse('search:search')}?{request.GET.urlencode()}")
    return search_results_calendar(
        pages,
        total=result.total,
        base_url=request.build_absolute_uri("/")[:-1],
        search_url=search_url,
        name=_("Opportunità in città"),
    ).to_ical()
