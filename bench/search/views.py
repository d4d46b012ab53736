"""The two reference views of the benchmark, mounted only by `bench.search.urls`."""

from pathlib import Path

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse

from wagtail.models import Page

# Compiled once from this folder, so the portal's template directories stay free of benchmark code.
STOCK_TEMPLATE = engines["django"].from_string((Path(__file__).parent / "stock_search.html").read_text())


def bare(request):
    """The floor: Django's request cycle and middleware, no query, no template."""
    return HttpResponse("ok", content_type="text/plain")


def stock_search(request):
    """Wagtail's search view as `wagtail start` generates it (wagtail/project_template/search/views.py)."""
    search_query = request.GET.get("query", None)
    page = request.GET.get("page", 1)

    if search_query:  # noqa: SIM108 (kept as `wagtail start` writes it)
        search_results = Page.objects.live().search(search_query)
    else:
        search_results = Page.objects.none()

    paginator = Paginator(search_results, 10)
    try:
        search_results = paginator.page(page)
    except PageNotAnInteger:
        search_results = paginator.page(1)
    except EmptyPage:
        search_results = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        STOCK_TEMPLATE,
        {"search_query": search_query, "search_results": search_results},
    )
