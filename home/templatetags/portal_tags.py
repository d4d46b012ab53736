import html
from typing import NamedTuple
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.html import format_html, strip_tags
from django.utils.translation import get_language, gettext

from wagtail.models import Locale, Site

from opportunities.schedules import day_phrase as schedules_day_phrase
from opportunities.schedules import format_day, format_occurrence
from search.catalogue import kept_in_process, unchanged
from search.map import page_markers
from taxonomy.models import Category

register = template.Library()


def menu_pages(site):
    """The live sections under the site's home page that editors show in menus (migration home 0005 indexes them)."""
    return site.root_page.localized.get_children().live().in_menu()


def kept_menu_pages(site):
    """The menu of every page, kept in the process until the catalogue changes (publishing any page changes it)
    or the site gets another root page."""
    return kept_in_process(f"menu:{site.pk}:{get_language()}", site.root_page_id, lambda: list(menu_pages(site)))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    pages = kept_menu_pages(site) if site else []
    current_path = current.url_path if current else ""
    return {
        "items": [
            {"page": item, "current": current_path == item.url_path, "active": current_path.startswith(item.url_path)}
            for item in pages
        ],
        "search_active": request.resolver_match is not None and request.resolver_match.namespace == "search",
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    # Depth 1 is Wagtail's invisible root; the home page starts the trail.
    ancestors = page.get_ancestors().filter(depth__gt=1) if page and page.depth > 2 else []
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers with gaps ("1 2 … 40 41 42 … 99 100"), for catalogues of any size."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


class CardDate(NamedTuple):
    label: str
    moment: object  # a datetime, or a date for a call's deadline
    text: str


@register.simple_tag
def card_date(opportunity, window=None):
    """What a result card says about when, or None: nothing for a suspended or concluded opportunity;
    a call's deadline ("Scadenza"); within a search's date window (a SearchQuery, optional) the first
    occurrence in it; else the next date. Reads only the prefetched schedules (see OpportunityPage.cards)."""
    if opportunity.is_on_hold:
        return None
    if opportunity.is_call:
        deadline = opportunity.deadline
        return CardDate(gettext("Scadenza"), deadline, format_day(deadline)) if deadline else None
    if window and (window.date_from or window.date_to or window.weekdays):
        moment = opportunity.first_occurrence_between(window.date_from, window.date_to, weekdays=window.weekdays)
        if moment is not None:
            in_window = window.date_from or window.date_to
            return CardDate(
                gettext("Nel periodo scelto") if in_window else gettext("Prossima data"),
                moment,
                format_occurrence(moment),
            )
    moment = opportunity.next_occurrence
    return CardDate(gettext("Prossima data"), moment, format_occurrence(moment)) if moment else None


@register.filter
def occurrence(moment, with_year=False):
    return format_occurrence(moment, with_year=bool(with_year)) if moment else ""


@register.filter
def day(value):
    """A date in words, as Italian writes it ("2 maggio 2027")."""
    return format_day(value) if value else ""


@register.filter
def day_phrase(value, phrase):
    """A date after "il", "dal", "al", "fino al" or "entro il", elided as Italian wants ("entro l'11 febbraio 2027")."""
    return schedules_day_phrase(value, phrase) if value else ""


@register.filter
def quoted(label):
    """«label» in guillemets, unless it already carries them (the chip of the words typed is «words»)."""
    text = str(label)
    return text if text.startswith("«") and text.endswith("»") else f"«{text}»"


@register.simple_tag
def selected_count(values):
    """How many values of a facet are chosen."""
    return sum(1 for value in values if value.selected)


@register.simple_tag
def facet_checkbox(name, value):
    """One value of a search facet (search/results.py FacetValue) as a checkbox of the facet `name`.

    Written in Python: the filter panel has a hundred of them, and an included template costs ten times more.
    """
    return format_html(
        '<div class="form-check"><input class="form-check-input" type="checkbox" id="filter-{name}-{value}"'
        ' name="{name}" value="{value}"{checked}><label class="form-check-label" for="filter-{name}-{value}">'
        '{label} <span class="text-muted">({count})</span></label></div>',
        name=name,
        value=value.value,
        checked=" checked" if value.selected else "",
        label=value.label,
        count=value.count,
    )


@register.simple_tag
def category_tree(values):
    """The category facet's values as [(top-level value, [its sub-categories' values])], in the vocabulary's
    order; a sub-category whose parent is not among the values stands on its own."""
    by_slug = {value.value: value for value in values}
    vocabulary = kept_in_process(f"category-parents:{get_language()}", (), category_parents, update=unchanged)
    rows = [(slug, parent) for slug, parent in vocabulary if slug in by_slug]
    tree = {slug: [] for slug, parent in rows if parent not in by_slug}
    for slug, parent in rows:
        if parent in by_slug:
            tree[parent].append(by_slug[slug])
    known = {slug for slug, _parent in rows}
    tree.update({slug: [] for slug in by_slug if slug not in known})  # not in this language's vocabulary
    return [(by_slug[slug], children) for slug, children in tree.items()]


def category_parents():
    """[(slug, parent's slug or None)] of the active language's categories, in the vocabulary's order: the same
    for every search page, so kept in the process until a change touches everything, as a category's does."""
    return list(Category.objects.filter(locale=Locale.get_active()).values_list("slug", "parent__slug"))


@register.filter
def plain_text(rich_text):
    """Rich text as plain words for a teaser, without expanding its links (which would cost a query each)."""
    return html.unescape(strip_tags(rich_text or ""))


@register.filter
def urlencode_params(params):
    """A dict of lists (SearchQuery.to_params()) as a query string."""
    return urlencode(params, doseq=True)


@register.inclusion_tag("components/results_map.html")
def results_map(hits, all_markers_url=""):
    """The map of the results: this page's markers at once, all of them from `all_markers_url` when opened."""
    return {
        "markers": page_markers(hit.page for hit in hits),
        "all_markers_url": all_markers_url,
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
    }
