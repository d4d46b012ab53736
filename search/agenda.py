"""The calendar view of a search: the occurrences of its results, day by day, a month at a time."""

import datetime as dt
from collections import defaultdict

from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from opportunities.schedules import occurrence_dates
from search.engines import get_engine
from search.query import MAX_PAGE_SIZE, InvalidSearchParameter, SearchQuery
from search.responses import kept_page

# The months the agenda shows, counted from the current one: a year back (what was on) to three years ahead
# (what is planned). Outside it nothing is published, a weekly service without start or end date would fill
# every day of any month ever asked for (January 1900 too), and the years 1 and 9999 overflow the dates.
MONTHS_BEFORE = 12
MONTHS_AFTER = 36


def agenda(request):
    today = timezone.localdate()
    earliest, latest = month_window(today)
    try:
        first = _month(request.GET.get("month", ""), today, earliest, latest)
        query = SearchQuery.from_params(_without(request.GET, "month"), today=today)
    except InvalidSearchParameter as error:
        return TemplateResponse(request, "search/agenda.html", {"error": error}, status=400)
    return kept_page(request, "search-agenda", lambda: agenda_page(request, query, first, earliest, latest))


def agenda_page(request, query, first, earliest, latest):
    last = _next_month(first) - dt.timedelta(days=1)
    month_query = query.with_changes(date_from=first, date_to=last, when="", page=1, page_size=MAX_PAGE_SIZE)
    result = get_engine().search(month_query, now=timezone.now())
    pages = [hit.page for hit in result.hits]
    prefetch_related_objects(pages, "schedules")
    filters = query.with_changes(page=1).to_params()
    return TemplateResponse(
        request,
        "search/agenda.html",
        {
            "month": first,
            "days": occurrences_by_day(pages, first, last),
            "total": result.total,
            "shown": len(pages),
            "filters": filters,
            "previous_month": _month_param(filters, first - dt.timedelta(days=1)) if first > earliest else None,
            "next_month": _month_param(filters, _next_month(first)) if first < latest else None,
        },
    )


def occurrences_by_day(pages, first, last):
    """[(day, [(opportunity, schedule)])] for the days in [first, last] that have something on."""
    days = defaultdict(list)
    for page in pages:
        for schedule in page.schedules.all():
            for day in occurrence_dates(schedule, first, last):
                days[day].append((page, schedule))
    return [
        (day, sorted(entries, key=lambda entry: (entry[1].opens_at or dt.time.min, entry[0].title)))
        for day, entries in sorted(days.items())
    ]


def month_window(today):
    """The first days of the earliest and of the latest month the agenda shows."""
    current = today.replace(day=1)
    return _add_months(current, -MONTHS_BEFORE), _add_months(current, MONTHS_AFTER)


def _add_months(first, months):
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _month(raw, today, earliest, latest):
    if not raw:
        return today.replace(day=1)
    try:
        first = dt.datetime.strptime(raw, "%Y-%m").date()
    except ValueError:
        raise InvalidSearchParameter("month", _("Il mese va indicato come AAAA-MM, ad esempio 2027-06.")) from None
    if not earliest <= first <= latest:
        message = _("Il calendario mostra i mesi da %(earliest)s a %(latest)s: scegli un mese in questo periodo.")
        names = {"earliest": _month_name(earliest), "latest": _month_name(latest)}
        raise InvalidSearchParameter("month", message % names)
    return first


def _month_name(first):
    return date_format(first, "F Y").lower()


def _next_month(first):
    return (first + dt.timedelta(days=32)).replace(day=1)


def _without(params, name):
    params = params.copy()
    params.pop(name, None)
    return params


def _month_param(filters, day):
    return {**filters, "month": [day.strftime("%Y-%m")]}
