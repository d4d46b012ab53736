"""Behaviour of the search engine; written against the SearchEngine interface so that any engine can run it."""

import datetime as dt
from decimal import Decimal

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opportunities.models import Kind, OpportunityPage, OpportunitySchedule, Status
from search.engines import get_engine
from search.engines.database.engine import DatabaseEngine
from search.query import SearchQuery
from taxonomy.models import AccessibilityFeature, Audience, Category, Language
from tests.factories import DistrictFactory, OpportunityPageFactory, OrganizationPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db

# A Monday to Sunday week, well in the future so that every schedule below is still to come.
MONDAY = dt.date(2030, 3, 4)
WEDNESDAY, SATURDAY, SUNDAY = MONDAY + dt.timedelta(days=2), MONDAY + dt.timedelta(days=5), MONDAY + dt.timedelta(6)
# Piazza Castello, Torino, and points at known distances from it.
CENTRE = (45.0703, 7.6869)


@pytest.fixture
def search(engine, home_page):
    def run(**criteria):
        return engine.search(SearchQuery(**criteria), now=timezone.now())

    return run


def opportunity(title, *, categories=("cultura",), audiences=(), languages=(), accessibility=(), **fields):
    """An opportunity with vocabulary terms given by slug (languages by ISO code)."""
    return OpportunityPageFactory(
        title=title,
        categories=list(Category.objects.filter(slug__in=categories)),
        audiences=list(Audience.objects.filter(slug__in=audiences)),
        languages=list(Language.objects.filter(code__in=languages)),
        accessibility_features=list(AccessibilityFeature.objects.filter(slug__in=accessibility)),
        **fields,
    )


def weekly(*weekdays, start=None, end=None, opens=dt.time(16)):
    return [OpportunitySchedule(weekdays=list(weekdays), start_date=start, end_date=end, opens_at=opens)]


def dated(start, end=None, opens=dt.time(10)):
    return [OpportunitySchedule(start_date=start, end_date=end, opens_at=opens)]


def titles(result):
    return [hit.page.title for hit in result.hits]


def facet(result, dimension):
    return {value.value: value.count for value in result.facets[dimension]}


# --- What is searchable ---------------------------------------------------------------------


def test_only_live_opportunities_that_have_not_concluded_are_found(search):
    opportunity("Attiva")
    opportunity("Bozza", live=False)
    opportunity("Finita", status=Status.CONCLUDED)
    assert titles(search()) == ["Attiva"]


# --- Structured filters ---------------------------------------------------------------------


def test_category_filter_matches_the_category(search):
    opportunity("Calcetto", categories=["sport"])
    opportunity("Mostra", categories=["arte"])
    assert titles(search(categories=("sport",))) == ["Calcetto"]


def test_a_top_level_category_also_matches_its_sub_categories(search):
    opportunity("Teatro ragazzi", categories=["teatro"])
    opportunity("Festa della cultura", categories=["cultura"])
    opportunity("Calcetto", categories=["sport"])
    assert sorted(titles(search(categories=("cultura",)))) == ["Festa della cultura", "Teatro ragazzi"]


def test_a_sub_category_does_not_match_its_parent(search):
    opportunity("Teatro ragazzi", categories=["teatro"])
    opportunity("Festa della cultura", categories=["cultura"])
    assert titles(search(categories=("teatro",))) == ["Teatro ragazzi"]


def test_an_opportunity_in_several_matching_categories_appears_once(search):
    opportunity("Musical", categories=["teatro", "musica"])
    result = search(categories=("cultura", "teatro", "musica"))
    assert (result.total, titles(result)) == (1, ["Musical"])


def test_unknown_category_slug_matches_nothing(search):
    opportunity("Mostra")
    assert search(categories=("non-esiste",)).total == 0


def test_audience_filter(search):
    opportunity("Per famiglie", audiences=["famiglie"])
    opportunity("Per anziani", audiences=["anziani"])
    assert titles(search(audiences=("famiglie",))) == ["Per famiglie"]


def test_age_filter_admits_only_what_admits_that_age(search):
    opportunity("Da 6 a 10", min_age=6, max_age=10)
    opportunity("Da 8 a 12", min_age=8, max_age=12)
    opportunity("Fino a 5", max_age=5)
    assert titles(search(age=7)) == ["Da 6 a 10"]


def test_age_filter_treats_missing_bounds_as_open(search):
    opportunity("Dai 6 in su", min_age=6)
    opportunity("Fino a 10", max_age=10)
    opportunity("Tutte le età")
    opportunity("Dai 18 in su", min_age=18)
    assert sorted(titles(search(age=7))) == ["Dai 6 in su", "Fino a 10", "Tutte le età"]


def test_kind_filter(search):
    opportunity("Festa", kind=Kind.EVENT)
    opportunity("Corso", kind=Kind.ACTIVITY)
    opportunity("Campo", kind=Kind.SUMMER_CAMP)
    assert sorted(titles(search(kinds=(Kind.EVENT, Kind.SUMMER_CAMP)))) == ["Campo", "Festa"]


def test_district_filter_goes_through_the_places(search):
    centro, borgo = DistrictFactory(name="Centro"), DistrictFactory(name="Borgo")
    opportunity("In centro", places=[PlaceFactory(district=centro)])
    opportunity("Nel borgo", places=[PlaceFactory(district=borgo), PlaceFactory(district=borgo)])
    opportunity("Senza luogo")
    assert titles(search(districts=("borgo",))) == ["Nel borgo"]


def test_free_only_filter(search):
    opportunity("Gratis", is_free=True)
    opportunity("A pagamento", price=Decimal("10"))
    assert titles(search(free_only=True)) == ["Gratis"]


def test_max_price_admits_free_ones_and_cheaper_ones(search):
    opportunity("Gratis", is_free=True)
    opportunity("Economico", price=Decimal("10"))
    opportunity("Caro", price=Decimal("80"))
    opportunity("Prezzo da chiedere")
    assert sorted(titles(search(max_price=Decimal("10")))) == ["Economico", "Gratis"]


def test_date_window_matches_weekly_schedules_only_when_one_of_their_days_falls_in_it(search):
    opportunity("Il mercoledì", schedules=weekly("WE"))
    opportunity("Il sabato", schedules=weekly("SA"))
    assert titles(search(date_from=MONDAY, date_to=WEDNESDAY)) == ["Il mercoledì"]


def test_date_window_of_a_week_matches_every_weekly_schedule(search):
    opportunity("Il mercoledì", schedules=weekly("WE"))
    opportunity("Il sabato", schedules=weekly("SA"))
    assert search(date_from=MONDAY, date_to=SUNDAY).total == 2


def test_date_window_respects_the_validity_of_weekly_schedules(search):
    opportunity("Finito prima", schedules=weekly("WE", end=MONDAY - dt.timedelta(days=1)))
    opportunity("Comincia dopo", schedules=weekly("WE", start=SUNDAY + dt.timedelta(days=1)))
    opportunity("Valido", schedules=weekly("WE", start=MONDAY - dt.timedelta(days=30), end=SUNDAY))
    assert titles(search(date_from=MONDAY, date_to=SUNDAY)) == ["Valido"]


def test_date_window_matches_single_dates_and_runs_of_days(search):
    opportunity("Il sabato", schedules=dated(SATURDAY))
    opportunity("Settimana prima", schedules=dated(MONDAY - dt.timedelta(days=7)))
    opportunity("Campo lungo", schedules=dated(MONDAY - dt.timedelta(days=10), WEDNESDAY))
    opportunity("Il mese dopo", schedules=dated(SUNDAY + dt.timedelta(days=30)))
    assert sorted(titles(search(date_from=WEDNESDAY, date_to=SUNDAY))) == ["Campo lungo", "Il sabato"]


def test_date_window_open_at_one_end(search):
    opportunity("Prima", schedules=dated(MONDAY))
    opportunity("Dopo", schedules=dated(SUNDAY))
    assert titles(search(date_from=SATURDAY)) == ["Dopo"]
    assert titles(search(date_to=WEDNESDAY)) == ["Prima"]


def test_weekday_filter_matches_weekly_schedules_and_single_dates_on_that_day(search):
    opportunity("Ogni sabato", schedules=weekly("TU", "SA"))
    opportunity("Un sabato", schedules=dated(SATURDAY))
    opportunity("Ogni lunedì", schedules=weekly("MO"))
    opportunity("Un mercoledì", schedules=dated(WEDNESDAY))
    assert sorted(titles(search(weekdays=("SA", "SU")))) == ["Ogni sabato", "Un sabato"]


def test_weekday_filter_finds_the_middle_day_of_a_run_of_days(search):
    opportunity("Da giovedì a sabato", schedules=dated(WEDNESDAY + dt.timedelta(days=1), SATURDAY))
    opportunity("Da lunedì a mercoledì", schedules=dated(MONDAY, WEDNESDAY))
    opportunity("Dieci giorni", schedules=dated(MONDAY, MONDAY + dt.timedelta(days=9)))
    assert sorted(titles(search(weekdays=("FR",)))) == ["Da giovedì a sabato", "Dieci giorni"]


def test_weekday_filter_across_the_end_of_the_week(search):
    opportunity("Da sabato a lunedì", schedules=dated(SATURDAY, SUNDAY + dt.timedelta(days=1)))
    assert search(weekdays=("SU",)).total == 1
    assert search(weekdays=("TU",)).total == 0


def test_short_window_ignores_weekly_days_before_the_schedule_starts(search):
    opportunity("Lunedì da mercoledì in poi", schedules=weekly("MO", start=WEDNESDAY))
    assert search(date_from=MONDAY, date_to=SATURDAY).total == 0
    assert search(date_from=MONDAY, date_to=SUNDAY + dt.timedelta(days=1)).total == 1


def test_long_window_matches_schedules_overlapping_it(search):
    opportunity("Un giorno", schedules=dated(MONDAY + dt.timedelta(days=40)))
    opportunity("Prima", schedules=dated(MONDAY - dt.timedelta(days=1)))
    assert titles(search(date_from=MONDAY, date_to=MONDAY + dt.timedelta(days=60))) == ["Un giorno"]


def test_weekday_and_date_window_must_meet_in_the_same_schedule(search):
    opportunity("Sabato", schedules=weekly("SA"))
    assert search(weekdays=("SA",), date_from=MONDAY, date_to=WEDNESDAY).total == 0
    assert search(weekdays=("SA",), date_from=MONDAY, date_to=SATURDAY).total == 1


def test_time_of_day_filter_uses_the_opening_time(search):
    opportunity("Mattina", schedules=weekly("MO", opens=dt.time(9, 30)))
    opportunity("Pomeriggio", schedules=weekly("MO", opens=dt.time(12)))
    opportunity("Sera", schedules=weekly("MO", opens=dt.time(18)))
    assert titles(search(time_of_day=("morning",))) == ["Mattina"]
    assert titles(search(time_of_day=("afternoon",))) == ["Pomeriggio"]
    assert sorted(titles(search(time_of_day=("morning", "evening")))) == ["Mattina", "Sera"]


def test_accessibility_filter(search):
    opportunity("Accessibile", accessibility=["bagno-accessibile"])
    opportunity("Non indicato")
    assert titles(search(accessibility=("bagno-accessibile",))) == ["Accessibile"]


def test_language_filter(search):
    opportunity("In inglese", languages=["it", "en"])
    opportunity("In italiano", languages=["it"])
    assert titles(search(languages=("en",))) == ["In inglese"]


def test_registration_open_filter(search):
    today = timezone.localdate()
    opportunity("Senza iscrizione")
    opportunity("Iscrizioni aperte", registration_required=True, registration_deadline=today + dt.timedelta(days=3))
    opportunity("Entro oggi", registration_required=True, registration_deadline=today)
    opportunity("Scaduta", registration_required=True, registration_deadline=today - dt.timedelta(days=1))
    opportunity("Al completo", registration_required=True, status=Status.FULL)
    opportunity("Posti finiti", registration_required=True, places_available=0)
    result = search(registration_open=True)
    assert sorted(titles(result)) == ["Entro oggi", "Iscrizioni aperte", "Senza iscrizione"]


def test_organization_filter(search):
    club = OrganizationPageFactory(title="Polisportiva")
    opportunity("Calcio", parent=club)
    opportunity("Altro")
    assert titles(search(organization=club.pk)) == ["Calcio"]


def place_at(lat, lng):
    return PlaceFactory(latitude=Decimal(f"{lat:.6f}"), longitude=Decimal(f"{lng:.6f}"))


def test_near_filter_keeps_what_is_within_the_radius(search):
    opportunity("A un chilometro", places=[place_at(CENTRE[0] + 0.009, CENTRE[1])])
    opportunity("A dieci chilometri", places=[place_at(CENTRE[0] + 0.09, CENTRE[1])])
    opportunity("Senza coordinate", places=[PlaceFactory()])
    result = search(near=CENTRE, radius_km=3)
    assert titles(result) == ["A un chilometro"]
    assert result.hits[0].distance_km == pytest.approx(1.0, abs=0.02)


@pytest.mark.parametrize("sort", ["nearest", "soonest"])
def test_near_never_finds_drafts_or_concluded_ones(search, sort):
    here = place_at(CENTRE[0] + 0.009, CENTRE[1])
    opportunity("Vicina", places=[here])
    opportunity("Vicina in bozza", places=[here], live=False)
    opportunity("Vicina finita", places=[here], status=Status.CONCLUDED)
    result = search(near=CENTRE, radius_km=3, sort=sort)
    assert (result.total, titles(result)) == (1, ["Vicina"])


def test_near_uses_the_closest_of_several_places(search):
    opportunity("Due sedi", places=[place_at(CENTRE[0] + 0.09, CENTRE[1]), place_at(CENTRE[0], CENTRE[1] + 0.013)])
    result = search(near=CENTRE, radius_km=2)
    assert result.hits[0].distance_km == pytest.approx(1.02, abs=0.03)


def test_nearest_sort_orders_by_distance(search):
    opportunity("Due chilometri", places=[place_at(CENTRE[0] + 0.018, CENTRE[1])])
    opportunity("Un chilometro", places=[place_at(CENTRE[0] - 0.009, CENTRE[1])])
    opportunity("Tre chilometri", places=[place_at(CENTRE[0], CENTRE[1] + 0.038)])
    result = search(near=CENTRE, radius_km=5, sort="nearest")
    assert titles(result) == ["Un chilometro", "Due chilometri", "Tre chilometri"]
    assert [round(hit.distance_km) for hit in result.hits] == [1, 2, 3]


# --- Free text ------------------------------------------------------------------------------


def test_text_finds_by_a_word_of_the_title(search):
    opportunity("Laboratorio di ceramica")
    opportunity("Corso di yoga")
    assert titles(search(text="ceramica")) == ["Laboratorio di ceramica"]


def test_accents_are_optional_and_case_does_not_matter(search):
    opportunity("Attività per la terza età", summary="Perché restare a casa?")
    opportunity("Corso di yoga")
    for text in ("attivita eta", "ETÀ", "perche"):
        assert titles(search(text=text)) == ["Attività per la terza età"], text


@pytest.mark.parametrize(
    ("title", "summary", "typed"),
    [
        ("Nuoto per bambini", "In piscina.", "bambino"),
        ("Laboratorio di ceramica", "Al museo.", "laboratori"),
        ("Biblioteche di quartiere", "Prestito di libri.", "biblioteca"),
        ("Pomeriggi insieme", "Attività per giovani.", "attivita giovane"),
    ],
)
def test_plurals_and_genders_find_each_other(search, title, summary, typed):
    """Italian inflections, on SQLite as on PostgreSQL: found by every word, with no fallback to explain."""
    opportunity(title, summary=summary)
    opportunity("Corso di yoga", summary="Per adulti.")
    result = search(text=typed)
    assert (titles(result), result.suggestions) == ([title], [])


def test_text_combines_with_filters(search):
    opportunity("Ceramica per bambini", min_age=6, max_age=10)
    opportunity("Ceramica per adulti", min_age=18)
    opportunity("Yoga per bambini", min_age=6, max_age=10)
    result = search(text="ceramica", age=8)
    assert (result.total, titles(result)) == (1, ["Ceramica per bambini"])


def test_text_falls_back_to_any_word_and_says_so(search):
    opportunity("Laboratorio di ceramica")
    result = search(text="ceramica paracadutismo")
    assert titles(result) == ["Laboratorio di ceramica"]
    assert result.suggestions


@pytest.mark.parametrize("sort", ["relevance", "soonest"])
def test_text_never_finds_drafts_or_concluded_ones(search, sort):
    opportunity("Ceramica")
    opportunity("Ceramica in bozza", live=False)
    opportunity("Ceramica finita", status=Status.CONCLUDED)
    result = search(text="ceramica", sort=sort)
    assert (result.total, titles(result)) == (1, ["Ceramica"])


def test_words_found_only_in_drafts_or_concluded_ones_fall_back_to_any_word(search):
    opportunity("Laboratorio di ceramica")
    opportunity("Ceramica e paracadutismo", live=False)
    opportunity("Paracadutismo e ceramica", status=Status.CONCLUDED)
    result = search(text="ceramica paracadutismo")
    assert titles(result) == ["Laboratorio di ceramica"]
    assert result.suggestions


def test_text_with_every_word_found_needs_no_suggestion(search):
    opportunity("Laboratorio di ceramica")
    assert search(text="laboratorio ceramica").suggestions == []


def test_text_that_matches_nothing_gives_an_empty_result_with_empty_facets(search):
    opportunity("Laboratorio di ceramica", is_free=True)
    result = search(text="paracadutismo", near=CENTRE, sort="nearest")
    assert (result.total, result.hits, result.num_pages) == (0, [], 1)
    assert all(values == [] for values in result.facets.values())


def test_hits_carry_a_score_when_text_is_given(search):
    opportunity("Laboratorio di ceramica")
    assert search(text="ceramica").hits[0].score is not None
    assert search().hits[0].score is None


# --- Facets ---------------------------------------------------------------------------------


def test_facets_count_every_dimension(search):
    centro = DistrictFactory(name="Centro")
    opportunity(
        "Tutto",
        categories=["sport"],
        audiences=["famiglie"],
        languages=["en"],
        accessibility=["bagno-accessibile"],
        places=[PlaceFactory(district=centro)],
        kind=Kind.EVENT,
        is_free=True,
    )
    result = search()
    assert facet(result, "category") == {"sport": 1}
    assert facet(result, "audience") == {"famiglie": 1}
    assert facet(result, "kind") == {"evento": 1}
    assert facet(result, "district") == {"centro": 1}
    assert facet(result, "accessibility") == {"bagno-accessibile": 1}
    assert facet(result, "language") == {"en": 1}
    assert facet(result, "free") == {"1": 1}
    assert result.facets["category"][0].label == "Sport"


def test_a_facet_ignores_its_own_filter_but_respects_the_others(search):
    opportunity("Calcio", categories=["sport"], kind=Kind.ACTIVITY)
    opportunity("Torneo", categories=["sport"], kind=Kind.EVENT)
    opportunity("Concerto", categories=["musica"], kind=Kind.EVENT)
    result = search(categories=("sport",), kinds=(Kind.EVENT,))
    assert titles(result) == ["Torneo"]
    assert facet(result, "category") == {"sport": 1, "cultura": 1, "musica": 1}
    assert facet(result, "kind") == {"attivita": 1, "evento": 1}


def test_selected_facet_values_are_marked(search):
    opportunity("Calcio", categories=["sport"])
    opportunity("Concerto", categories=["musica"])
    selected = {value.value: value.selected for value in search(categories=("sport",)).facets["category"]}
    assert selected == {"sport": True, "cultura": False, "musica": False}


def test_selected_values_nothing_matches_any_more_stay_at_zero_so_they_can_be_unticked(search):
    opportunity("Calcio", categories=["sport"], kind=Kind.ACTIVITY)
    result = search(
        categories=("musica",), kinds=(Kind.EVENT,), free_only=True, languages=("en",), audiences=("nessuno",)
    )
    assert result.total == 0
    assert [(value.value, value.label, value.count, value.selected) for value in result.facets["category"]] == [
        ("musica", "Musica", 0, True)
    ]
    assert facet(result, "kind") == {"evento": 0}
    assert facet(result, "free") == {"1": 0}
    assert facet(result, "language") == {"en": 0}
    assert facet(result, "audience") == {}  # an unknown slug names nothing to show


def test_a_top_level_category_facet_counts_each_opportunity_once(search):
    opportunity("Musical", categories=["teatro", "musica", "cultura"])
    opportunity("Mostra", categories=["arte"])
    assert facet(search(), "category") == {"cultura": 2, "teatro": 1, "musica": 1, "arte": 1}


def test_facets_follow_the_text_search(search):
    opportunity("Ceramica", categories=["arte"])
    opportunity("Calcio", categories=["sport"])
    assert facet(search(text="ceramica"), "category") == {"cultura": 1, "arte": 1}


def test_facets_are_ordered_by_count(search):
    opportunity("Uno", kind=Kind.EVENT)
    opportunity("Due", kind=Kind.EVENT)
    opportunity("Tre", kind=Kind.ACTIVITY)
    assert [value.value for value in search().facets["kind"]] == ["evento", "attivita"]


# --- Sorting and paging ---------------------------------------------------------------------


def test_soonest_sort_puts_undated_ones_last(search):
    today = timezone.localdate()
    opportunity("Tra una settimana", schedules=dated(today + dt.timedelta(days=7)))
    opportunity("Passato", schedules=dated(today - dt.timedelta(days=7)))
    opportunity("Domani", schedules=dated(today + dt.timedelta(days=1)))
    assert titles(search(sort="soonest")) == ["Domani", "Tra una settimana", "Passato"]


def test_relevance_without_text_is_soonest_first(search):
    today = timezone.localdate()
    opportunity("Dopo", schedules=dated(today + dt.timedelta(days=9)))
    opportunity("Prima", schedules=dated(today + dt.timedelta(days=2)))
    assert titles(search()) == ["Prima", "Dopo"]


def test_newest_sort_puts_the_latest_published_first(search):
    now = timezone.now()
    for title, age in (("Vecchia", 30), ("Nuova", 1), ("Di ieri", 2)):
        OpportunityPage.objects.filter(pk=opportunity(title).pk).update(first_published_at=now - dt.timedelta(age))
    assert titles(search(sort="newest")) == ["Nuova", "Di ieri", "Vecchia"]


def test_relevance_with_text_puts_better_matches_first(search):
    opportunity("Teatro", summary="Spettacoli per tutti.")
    opportunity("Teatro teatro teatro", summary="Teatro di burattini, teatro delle ombre, teatro.")
    opportunity("Laboratorio", summary="Per chi ama il teatro.")
    result = search(text="teatro")
    assert titles(result)[0] == "Teatro teatro teatro"
    assert result.hits[0].score >= result.hits[-1].score > 0


def test_pagination_slices_after_sorting(search):
    today = timezone.localdate()
    for day in range(1, 6):
        opportunity(f"Giorno {day}", schedules=dated(today + dt.timedelta(days=day)))
    result = search(sort="soonest", page=2, page_size=2)
    assert (result.total, result.num_pages, result.page) == (5, 3, 2)
    assert titles(result) == ["Giorno 3", "Giorno 4"]
    assert titles(search(sort="soonest", page=3, page_size=2)) == ["Giorno 5"]


def test_relevance_with_a_filter_pages_through_the_filtered_matches_by_rank(search):
    for repeats in range(1, 6):
        opportunity(" ".join(["Teatro"] * repeats), summary="Teatro " * repeats, is_free=True)
        opportunity(f"Teatro a pagamento {repeats}", summary="Teatro " * repeats, is_free=False)
    everything = search(text="teatro", free_only=True, page_size=10)
    pages = [search(text="teatro", free_only=True, page=page, page_size=2) for page in (1, 2, 3)]
    assert everything.total == 5 and [page.total for page in pages] == [5, 5, 5]
    assert sum((titles(page) for page in pages), []) == titles(everything)
    assert all(hit.page.is_free for hit in everything.hits)
    assert [hit.score for hit in everything.hits] == sorted((hit.score for hit in everything.hits), reverse=True)


def test_a_page_past_the_end_is_empty_not_an_error(search):
    opportunity("Uno")
    result = search(page=5)
    assert (result.total, result.hits) == (1, [])


def test_hits_come_with_the_card_relations_prefetched(search):
    opportunity("Con luogo", places=[PlaceFactory()], accessibility=["bagno-accessibile"])
    hit = search().hits[0]
    with CaptureQueriesContext(connection) as queries:
        hit.page.primary_place.district  # noqa: B018
        list(hit.page.accessibility_features.all())
        hit.page.organization.title  # noqa: B018
    assert len(queries) == 0


@pytest.mark.parametrize(
    "criteria",
    [
        {},
        {"text": "laboratorio"},
        {"near": CENTRE, "radius_km": 50, "sort": "nearest"},
        {"categories": ("cultura",), "age": 8, "date_from": MONDAY, "date_to": SUNDAY, "sort": "newest"},
    ],
)
def test_query_count_does_not_depend_on_page_size(engine, home_page, criteria):
    for number in range(25):
        opportunity(
            f"Laboratorio {number}",
            places=[place_at(CENTRE[0] + number / 1000, CENTRE[1]), PlaceFactory()],
            accessibility=["bagno-accessibile"],
            languages=["it"],
        )
    counts = []
    for page_size in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            result = engine.search(SearchQuery(page_size=page_size, **criteria), now=timezone.now())
        assert len(result.hits) == page_size
        counts.append(len(queries))
    # A ceiling against regressions: the text attempts, the counts (for the database engine, the catalogue
    # index, built for every search with the test settings' cache off: twelve queries), the page and the four
    # relations that OpportunityPage.objects.cards() prefetches for the result cards (schedules among them,
    # for their dates).
    assert counts[0] == counts[1] <= 24


# --- Autocomplete and engine choice -----------------------------------------------------------


def test_autocomplete_suggests_opportunities_by_the_start_of_a_word(engine, home_page):
    page = opportunity("Laboratorio di ceramica")
    opportunity("Corso di yoga")
    assert engine.autocomplete("ceram") == [("Laboratorio di ceramica", page.url, "opportunity")]


def test_autocomplete_suggests_categories_first_with_a_link_to_their_results(engine, home_page):
    opportunity("Teatro ragazzi")
    suggestions = engine.autocomplete("teatr")
    assert suggestions[0] == ("Cultura › Teatro", "/cerca/?category=teatro", "category")
    assert ("Teatro ragazzi", OpportunityPage.objects.get().url, "opportunity") in suggestions


def test_autocomplete_suggests_organizations(engine, home_page):
    club = OrganizationPageFactory(title="Polisportiva Aurora")
    assert engine.autocomplete("aurora") == [("Polisportiva Aurora", club.url, "organization")]


def test_autocomplete_stops_at_the_limit(engine, home_page):
    for number in range(4):
        opportunity(f"Laboratorio {number}")
    assert len(engine.autocomplete("laborat", limit=3)) == 3


def test_autocomplete_of_nothing_is_empty(engine):
    assert engine.autocomplete("  ") == []


def test_the_database_engine_is_the_default():
    assert isinstance(get_engine(), DatabaseEngine)


def test_an_unknown_engine_setting_is_a_configuration_error(settings):
    settings.SEARCH_ENGINE = "search.engines.nowhere.Engine"
    with pytest.raises(ImproperlyConfigured):
        get_engine()
