"""How the search page presents its results and filters to a citizen (and to a help desk)."""

import datetime as dt
import html

import pytest
from icalendar import Calendar

from django.http import QueryDict
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query

from opportunities.fields import WEEKDAY_CODES
from opportunities.models import Kind, OpportunitySchedule, Status
from opportunities.schedules import format_day
from search import views as search_views
from search.models import SearchLog, ShortLink
from search.query import resolve_when
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db


def page_text(client, params, path="/cerca/"):
    response = client.get(path, params)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


# --- Zero results ---------------------------------------------------------------------------------


def test_dropping_the_words_typed_names_them_in_one_pair_of_guillemets(client, home_page):
    OpportunityPageFactory(title="Coro di voci bianche")
    OpportunityPageFactory(title="Scacchi in biblioteca")
    text = page_text(client, {"q": "xyzzyqwert"})
    assert "Senza «xyzzyqwert»: 2 risultati" in text
    assert "««" not in text and "»»" not in text


# --- Cards: status and dates ----------------------------------------------------------------------


def card_of(text, title):
    """The HTML of the result card whose title is `title`."""
    start = text.rindex('<div class="card-wrapper', 0, text.index(f">{title}</a>"))
    return text[start : text.index("</article>", start)]


def every_day_from_today():
    return [OpportunitySchedule(weekdays=list(WEEKDAY_CODES), start_date=timezone.localdate(), opens_at=dt.time(23))]


def test_a_suspended_opportunity_reads_as_a_status_and_offers_no_date(client, home_page):
    OpportunityPageFactory(title="Libri a domicilio", kind=Kind.SERVICE, status=Status.SUSPENDED)
    card = card_of(page_text(client, {}), "Libri a domicilio")
    assert "Stato: sospesa" in card
    category_top = card[card.index('class="category-top"') : card.index("</div>", card.index('class="category-top"'))]
    assert "sospesa" not in category_top.lower()  # not "SERVIZIO SOSPESA" in the upper-case kind line
    assert "Prossima data" not in card


def test_a_full_opportunity_keeps_its_date_beside_its_status(client, home_page):
    OpportunityPageFactory(title="Nuoto libero", status=Status.FULL)
    card = card_of(page_text(client, {}), "Nuoto libero")
    assert "Stato: al completo" in card and "Prossima data" in card


def test_a_call_shows_its_deadline_instead_of_a_next_date(client, home_page):
    OpportunityPageFactory(
        title="Contributi alle associazioni",
        kind=Kind.CALL,
        schedules=[OpportunitySchedule(start_date=timezone.localdate(), end_date=dt.date(2099, 2, 11))],
    )
    card = card_of(page_text(client, {}), "Contributi alle associazioni")
    assert 'Scadenza:</span> <time datetime="2099-02-11">11 febbraio 2099</time>' in card
    assert "Prossima data" not in card


def test_a_calls_registration_deadline_comes_before_its_last_day(client, home_page):
    OpportunityPageFactory(
        title="Bando cultura",
        kind=Kind.CALL,
        registration_deadline=dt.date(2099, 1, 8),
        schedules=[OpportunitySchedule(start_date=timezone.localdate(), end_date=dt.date(2099, 2, 11))],
    )
    assert 'Scadenza:</span> <time datetime="2099-01-08">8 gennaio 2099</time>' in page_text(client, {})


def test_within_a_date_window_a_card_shows_the_first_date_in_the_window(client, home_page):
    OpportunityPageFactory(title="Passeggiata quotidiana", schedules=every_day_from_today())
    first = timezone.localdate() + dt.timedelta(days=10)
    params = {"date_from": first.isoformat(), "date_to": (first + dt.timedelta(days=2)).isoformat()}
    card = card_of(page_text(client, params), "Passeggiata quotidiana")
    assert f'Nel periodo scelto:</span> <time datetime="{first.isoformat()}T23:00:00' in card
    assert "Prossima data" not in card


def test_this_weekend_cards_show_the_weekend_date_that_matched(client, home_page):
    OpportunityPageFactory(title="Passeggiata quotidiana", schedules=every_day_from_today())
    saturday, _sunday = resolve_when("weekend", timezone.localdate())
    card = card_of(page_text(client, {"when": "weekend"}), "Passeggiata quotidiana")
    assert f'<time datetime="{saturday.isoformat()}T23:00:00' in card
    assert format_day(saturday, "l j E") in card


def test_chosen_weekdays_show_the_next_date_on_one_of_them(client, home_page):
    OpportunityPageFactory(title="Passeggiata quotidiana", schedules=every_day_from_today())
    today = timezone.localdate()
    tomorrow_code = WEEKDAY_CODES[(today.weekday() + 2) % 7]  # the day after tomorrow's weekday
    expected = today + dt.timedelta(days=2)
    card = card_of(page_text(client, {"weekday": tomorrow_code}), "Passeggiata quotidiana")
    assert f'Prossima data:</span> <time datetime="{expected.isoformat()}T23:00:00' in card


def test_cards_dates_need_no_query_per_card(client, home_page):
    url = "/cerca/?when=weekend"
    for number in range(2):
        OpportunityPageFactory(title=f"Passeggiata {number}", schedules=every_day_from_today())
    few = queries_to_render(client, url)
    for number in range(2, 12):
        OpportunityPageFactory(title=f"Passeggiata {number}", schedules=every_day_from_today())
    assert queries_to_render(client, url) == few


# --- Calendar feed of a search ----------------------------------------------------------------------


def feed(client, params):
    response = client.get("/cerca/calendario/", params)
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def test_a_feed_cut_short_says_how_many_of_how_many_it_holds(client, home_page, monkeypatch):
    monkeypatch.setattr(search_views, "MAX_PAGE_SIZE", 2)
    for number in range(3):
        OpportunityPageFactory(title=f"Coro {number}")
    calendar = feed(client, {"q": "coro"})
    assert len(calendar.walk("VEVENT")) == 2
    description = str(calendar["X-WR-CALDESC"])
    assert description == str(calendar["DESCRIPTION"])
    assert description.startswith("Contiene le prime 2 delle 3 opportunità trovate: restringi la ricerca")
    assert description.endswith("http://testserver/cerca/?q=coro")
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == "Opportunità in città"


def test_a_complete_feed_says_it_holds_every_result(client, home_page):
    OpportunityPageFactory(title="Coro 1")
    OpportunityPageFactory(title="Coro 2")
    assert str(feed(client, {"q": "coro"})["X-WR-CALDESC"]).startswith("Contiene tutte le 2 opportunità trovate.")


def test_a_feed_leaves_out_suspended_results_and_says_so(client, home_page):
    OpportunityPageFactory(title="Coro attivo")
    OpportunityPageFactory(title="Coro sospeso", status=Status.SUSPENDED)
    calendar = feed(client, {"q": "coro"})
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Coro attivo"]
    description = str(calendar["X-WR-CALDESC"])
    assert description.startswith("Contiene 1 delle 2 opportunità trovate. Le opportunità sospese non sono")


def test_the_search_page_says_when_its_calendar_holds_only_the_first_results(client, home_page, monkeypatch):
    monkeypatch.setattr(search_views, "MAX_PAGE_SIZE", 2)
    for number in range(3):
        OpportunityPageFactory(title=f"Coro {number}")
    text = page_text(client, {"q": "coro"})
    link = text[text.index("Aggiungi queste opportunità al tuo calendario") :]
    note = "(il calendario contiene le prime 2 delle 3: restringi la ricerca per averle tutte)</span>"
    assert link[: link.index("</p>")].endswith(note)
    assert "il calendario contiene" not in page_text(client, {"q": "coro 1"})


# --- Filters: folded groups, categories as a tree ---------------------------------------------------


def facet_group(text, name):
    """The <details> of a facet group, by its parameter name."""
    start = text.index(f'<details class="search-facet" data-facet="{name}"')
    return text[start : text.index("</details>", start)]


def test_facet_groups_fold_away_and_open_when_a_value_is_chosen(client, home_page):
    OpportunityPageFactory(categories=[Category.objects.get(slug="sport")], kind=Kind.EVENT)
    plain = page_text(client, {})
    assert facet_group(plain, "category").startswith('<details class="search-facet" data-facet="category">')
    assert facet_group(plain, "kind").startswith('<details class="search-facet" data-facet="kind">')
    chosen = page_text(client, {"category": "sport"})
    category = facet_group(chosen, "category")
    assert category.startswith('<details class="search-facet" data-facet="category" open>')
    assert "<summary>Categoria" in category and "1 scelto" in category
    assert '<legend class="visually-hidden">Categoria</legend>' in category
    assert 'name="category" value="sport" checked' in category
    assert not facet_group(chosen, "kind").startswith('<details class="search-facet" data-facet="kind" open')


def test_the_category_filter_shows_sub_categories_under_their_parent(client, home_page):
    theatre, music = Category.objects.get(slug="teatro"), Category.objects.get(slug="musica")
    assert theatre.parent.slug == music.parent.slug == "cultura"
    OpportunityPageFactory(categories=[theatre])
    OpportunityPageFactory(categories=[music])
    OpportunityPageFactory(categories=[music])
    OpportunityPageFactory(categories=[Category.objects.get(slug="sport")])
    group = facet_group(page_text(client, {}), "category")
    culture = group[group.index('value="cultura"') :]
    culture = culture[: culture.index("</ul>")]  # the list of Cultura's sub-categories
    assert 'value="teatro"' in culture and 'value="musica"' in culture
    assert 'value="sport"' not in culture
    # In the vocabulary's order (Musica before Teatro), not by count; each sub-category once.
    assert culture.index('value="musica"') < culture.index('value="teatro"')
    assert group.count('value="teatro"') == 1
    assert 'Cultura <span class="text-muted">(3)</span>' in group


def test_a_phone_can_skip_the_filters_to_the_results(client, home_page):
    OpportunityPageFactory()
    text = page_text(client, {})
    assert '<a href="#risultati">Salta i filtri: vai al risultato</a>' in text
    assert 'id="risultati"' in text


# --- The help desks' printout -----------------------------------------------------------------------


def test_print_the_list_is_a_link_to_the_printable_version(client, home_page):
    OpportunityPageFactory(title="Coro", min_age=6)
    text = page_text(client, {"q": "coro", "age": "7", "page": "1"})
    assert '<a class="btn btn-outline-primary btn-sm" href="/cerca/?q=coro&age=7&stampa=1">' in text


def test_the_printable_version_lists_every_result_on_one_page(client, home_page):
    for number in range(25):
        OpportunityPageFactory(title=f"Coro {number:02d}")
    text = page_text(client, {"q": "coro", "stampa": "1"})
    assert "Versione stampabile" in text
    assert text.count('<li class="search-print-item') == 25
    assert "Sono elencate le prime" not in text
    assert 'class="pagination' not in text
    assert "data-print" in text


def test_the_printable_version_says_when_the_list_is_cut_short(client, home_page, monkeypatch):
    monkeypatch.setattr(search_views, "MAX_PAGE_SIZE", 2)
    for number in range(3):
        OpportunityPageFactory(title=f"Coro {number}")
    text = page_text(client, {"q": "coro", "stampa": "1"})
    assert text.count('<li class="search-print-item') == 2
    assert "Sono elencate le prime 2 delle 3 opportunità trovate: aggiungi un filtro per averle tutte." in text


def test_a_page_printed_as_it_is_says_it_is_one_page_of_several(client, home_page):
    for number in range(3):
        OpportunityPageFactory(title=f"Coro {number}")
    text = page_text(client, {"q": "coro", "page_size": "2"})
    assert "Pagina 1 di 2: 2 delle 3 opportunità trovate. Per stamparle tutte usa «Stampa l'elenco»." in text


def test_printing_does_not_count_the_search_again(client, home_page):
    OpportunityPageFactory(title="Coro")
    client.get("/cerca/", {"q": "coro"})
    client.get("/cerca/", {"q": "coro", "stampa": "1"})
    assert SearchLog.objects.count() == 1
    assert Query.get("coro").hits == 1


def test_the_printable_version_keeps_the_short_link(client, home_page):
    OpportunityPageFactory(title="Coro")
    shown = client.post("/cerca/link/", {"search": "q=coro"})["Location"]
    code = ShortLink.objects.get().code
    text = page_text(client, QueryDict(shown.split("?", 1)[1]))
    printable = f"/cerca/?q=coro&stampa=1&link={code}"
    assert f'href="{printable}"' in text
    assert f"http://testserver/cerca/l/{code}/" in page_text(client, QueryDict(printable.split("?", 1)[1]))


def test_the_printable_version_of_a_browse_page_stays_on_it(client, home_page):
    OpportunityPageFactory(categories=[Category.objects.get(slug="sport")])
    text = page_text(client, {}, path="/cerca/categoria/sport/")
    assert 'href="/cerca/categoria/sport/?category=sport&stampa=1"' in text


def test_a_feed_cut_short_counts_the_suspended_ones_among_the_first(client, home_page, monkeypatch):
    monkeypatch.setattr(search_views, "MAX_PAGE_SIZE", 2)
    OpportunityPageFactory(title="Coro attivo")
    OpportunityPageFactory(title="Coro sospeso", status=Status.SUSPENDED)
    OpportunityPageFactory(title="Coro di domani")
    calendar = feed(client, {"q": "coro", "sort": "newest"})
    assert len(calendar.walk("VEVENT")) == 1
    description = str(calendar["X-WR-CALDESC"])
    assert description.startswith(
        "Contiene le prime 2 delle 3 opportunità trovate: restringi la ricerca per averle tutte. "
        "Tra queste, 1 è sospesa e non ha date in programma."
    )
