import json
from decimal import Decimal

import pytest
from icalendar import Calendar

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from taxonomy.models import Audience, Category
from tests.factories import OpportunityPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def test_search_finds_live_opportunities_by_a_word_of_their_title(client, home_page):
    OpportunityPageFactory(title="Laboratorio di ceramica")
    OpportunityPageFactory(title="Ceramica segreta", live=False)
    OpportunityPageFactory(title="Corso di yoga")
    text = client.get("/cerca/", {"q": "ceramica"}).content.decode()
    assert "Laboratorio di ceramica" in text
    assert "Ceramica segreta" not in text
    assert "Corso di yoga" not in text
    assert "1 risultato per «ceramica»" in text


def test_editors_promotions_come_first(client, home_page):
    promoted = OpportunityPageFactory(title="Sportello compiti del Comune")
    SearchPromotion.objects.create(query=Query.get("compiti"), page=promoted, description="Gratuito per tutti")
    text = client.get("/cerca/", {"q": "compiti"}).content.decode()
    assert text.index("Consigliati dal Comune") < text.index("Sportello compiti del Comune")
    assert "Gratuito per tutti" in text


def test_every_query_is_counted_for_the_comune(client, home_page):
    client.get("/cerca/", {"q": "piscina"})
    client.get("/cerca/", {"q": "Piscina "})
    assert Query.get("piscina").hits == 2


def test_no_results_suggest_what_to_do(client, home_page):
    text = client.get("/cerca/", {"q": "paracadutismo"}).content.decode()
    assert "0 risultati" in text
    assert "Prova con parole diverse" in text


def test_search_results_are_not_indexed_by_search_engines(client, home_page):
    assert '<meta name="robots" content="noindex">' in client.get("/cerca/", {"q": "x"}).content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "a" * 5000}, "200"),
        ({"age": "sette"}, "età"),
        ({"sort": "casuale"}, "ordin"),
    ],
)
def test_bad_input_is_explained_with_a_400(client, home_page, params, message):
    response = client.get("/cerca/", params)
    assert response.status_code == 400
    assert message in response.content.decode().lower()
    assert "Ricomincia da capo" in response.content.decode()


def test_filters_and_their_counts_narrow_the_results(client, home_page):
    OpportunityPageFactory(title="Minibasket", min_age=6, max_age=10, is_free=True)
    OpportunityPageFactory(title="Ginnastica dolce", min_age=65)
    text = client.get("/cerca/", {"age": "7"}).content.decode()
    assert "Minibasket" in text and "Ginnastica dolce" not in text
    assert "1 opportunità" in text
    assert "Solo gratuite (1)" in text


def test_the_catalogue_lists_everything_without_a_query(client, home_page):
    OpportunityPageFactory(title="Coro di voci bianche")
    assert "Coro di voci bianche" in client.get("/cerca/").content.decode()


def test_pages_keep_the_filters_in_their_links(client, home_page):
    for number in range(3):
        OpportunityPageFactory(title=f"Laboratorio {number}", min_age=6)
    text = client.get("/cerca/", {"age": "7", "page_size": "2"}).content.decode()
    assert "?age=7&amp;page_size=2&amp;page=2" in text


def test_active_filters_are_chips_that_remove_themselves(client, home_page):
    OpportunityPageFactory(title="Minibasket", min_age=6, max_age=10, is_free=True)
    text = client.get("/cerca/", {"q": "minibasket", "age": "7", "free": "1"}).content.decode()
    assert '<span class="chip-label">7 anni</span>' in text
    assert '<span class="chip-label">Gratis</span>' in text
    assert 'href="/cerca/?q=minibasket&amp;free=1"' in text  # the age chip keeps the other filters
    assert 'href="/cerca/?q=minibasket&amp;age=7"' in text


def test_any_search_can_be_downloaded_as_a_calendar(client, home_page):
    OpportunityPageFactory(title="Minibasket", min_age=6, max_age=10)
    OpportunityPageFactory(title="Ginnastica dolce", min_age=65)
    page = client.get("/cerca/", {"age": "7"}).content.decode()
    assert 'href="/cerca/calendario/?age=7"' in page
    response = client.get("/cerca/calendario/", {"age": "7"})
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Minibasket"]


def test_a_calendar_of_a_bad_search_is_a_400(client, home_page):
    assert client.get("/cerca/calendario/", {"age": "tanti"}).status_code == 400


def test_categories_and_audiences_have_their_own_pages(client, home_page):
    OpportunityPageFactory(title="Torneo di scacchi", categories=[Category.objects.get(slug="svago-e-tempo-libero")])
    OpportunityPageFactory(title="Ginnastica dolce", audiences=[Audience.objects.get(slug="anziani")])
    category_page = client.get("/cerca/categoria/svago-e-tempo-libero/").content.decode()
    assert "<h1>Svago e tempo libero</h1>" in category_page
    assert "Torneo di scacchi" in category_page and "Ginnastica dolce" not in category_page
    assert "noindex" not in category_page
    audience_page = client.get("/cerca/per/anziani/").content.decode()
    assert "Ginnastica dolce" in audience_page and "Torneo di scacchi" not in audience_page
    assert client.get("/cerca/categoria/non-esiste/").status_code == 404


def test_results_with_a_place_on_the_map_carry_their_markers(client, home_page):
    place = PlaceFactory(name="Piscina comunale", latitude=Decimal("45.070000"), longitude=Decimal("11.790000"))
    mapped = OpportunityPageFactory(title="Nuoto libero", places=[place])
    OpportunityPageFactory(title="Nuoto a domicilio")
    text = client.get("/cerca/", {"q": "nuoto"}).content.decode()
    embedded = text.split('id="results-map-markers" type="application/json">')[1].split("</script>")[0]
    assert json.loads(embedded) == [
        {"lat": 45.07, "lng": 11.79, "title": "Nuoto libero", "url": mapped.url, "place": "Piscina comunale"}
    ]


def test_every_filter_of_the_url_has_a_plain_form_control(client, home_page):
    text = client.get(
        "/cerca/",
        {
            "weekday": "TU",
            "time_of_day": "afternoon",
            "date_from": "2027-03-01",
            "max_price": "20",
            "registration_open": "1",
        },
    ).content.decode()
    for control in [
        'name="weekday" value="TU" checked',
        'name="time_of_day" value="afternoon" checked',
        'name="date_from" value="2027-03-01"',
        'name="max_price" min="0" step="1" value="20"',
        'name="registration_open" value="1" checked',
        'name="when" value="weekend"',
    ]:
        assert control in text, control
    for chip in ["martedì", "Pomeriggio (12-18)", "dal 1° marzo 2027", "Fino a € 20", "Iscrizioni aperte"]:
        assert f'<span class="chip-label">{chip}</span>' in text, chip


def test_date_chips_elide_the_article_as_italian_does(client, home_page):
    text = client.get("/cerca/", {"date_from": "2027-03-08", "date_to": "2027-03-11"}).content.decode()
    assert '<span class="chip-label">dall&#x27;8 marzo 2027</span>' in text
    assert '<span class="chip-label">fino all&#x27;11 marzo 2027</span>' in text


def test_zero_results_say_which_filter_to_drop_and_what_it_gives(client, home_page):
    OpportunityPageFactory(title="Minibasket", min_age=6, max_age=10)
    OpportunityPageFactory(title="Ginnastica per tutti")
    text = client.get("/cerca/", {"age": "7", "free": "1"}).content.decode()
    assert "0 opportunità" in text
    assert 'href="/cerca/?age=7">Senza «Gratis»: 2 risultati</a>' in text
    assert "Senza «7 anni»" not in text  # dropping the age alone still finds nothing free
    assert 'href="/cerca/categoria/sport/"' in text


def test_a_search_near_a_point_shows_distances_and_one_chip_to_drop_it(client, home_page):
    place = PlaceFactory(latitude=Decimal("45.070000"), longitude=Decimal("11.790000"))
    OpportunityPageFactory(title="Nuoto libero", places=[place])
    text = client.get("/cerca/", {"lat": "45.07", "lng": "11.80", "radius_km": "2", "sort": "nearest"}).content.decode()
    assert "Distanza:</span> 0,8 km" in text
    assert '<span class="chip-label">Entro 2 km da te</span>' in text
    assert 'name="radius_km" data-near-radius>' in text  # enabled, so paging keeps the point
    assert 'href="/cerca/?"' in text
