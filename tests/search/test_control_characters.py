"""Control characters (NUL above all, which PostgreSQL refuses in any text) never reach the database.

A NUL byte in a URL used to answer 500 on PostgreSQL ("unterminated string" / "cannot contain NUL"), on the
search page, the API, the calendar feed, the agenda, the autocomplete and the short links. Parameters are
cleaned where they are parsed (`SearchQuery.from_params`); what cannot be understood is a 4xx.
"""

import pytest

from search.models import ShortLink
from search.query import InvalidSearchParameter, SearchQuery
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

TODAY = None  # from_params needs `today` only for `when`


@pytest.mark.parametrize(
    "url",
    [
        "/cerca/?q=%00",
        "/cerca/?q=abc%00def",
        "/cerca/?q=%01%1f%7f%c2%9f",
        "/api/v1/opportunities/?q=%00",
        "/cerca/calendario/?q=%00",
        "/cerca/agenda/?q=%00",
        "/cerca/mappa/?q=%00",
        "/cerca/categoria/cultura/?q=%00",
        "/cerca/?category=%00",
        "/cerca/?category=cul%00tura",
        "/cerca/?audience=%00",
        "/cerca/?district=%00",
        "/cerca/?accessibility=%00",
        "/cerca/?language=%00",
        "/cerca/?page=%00",
        "/cerca/?page=2%00",
        "/cerca/?page_size=%00",
        "/cerca/?age=%00",
        "/cerca/?date_from=%00",
        "/cerca/?near=%00",
        "/cerca/?link=%00",
        "/api/v1/opportunities/?category=%00&district=%00&page=%00",
        "/api/v1/autocomplete/?q=%00",
        "/api/v1/autocomplete/?q=cul%00tura",
    ],
)
def test_a_nul_byte_in_a_harmless_place_is_dropped_and_the_page_answers(client, home_page, url):
    OpportunityPageFactory(title="Corso di ceramica")
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/cerca/?kind=x%00",
        "/cerca/?age=%00sette",
        "/cerca/?page=%00x",
        "/cerca/?sort=%00x",
        "/cerca/?when=%00x",
        "/cerca/?date_from=2027%0001-01",
        "/cerca/?near=district:%00",
        "/cerca/?near=place:%00",
        "/cerca/agenda/?month=%00",
        "/cerca/agenda/?month=2027-01%00",
        "/api/v1/opportunities/?age=%00sette",
    ],
)
def test_a_nul_byte_in_a_value_that_must_be_understood_is_a_400(client, home_page, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize("url", ["/cerca/l/%00/", "/cerca/l/abc%00/", "/api/v1/opportunities/%00/"])
def test_a_nul_byte_in_a_path_is_a_404(client, home_page, url):
    assert client.get(url).status_code == 404


def test_control_characters_in_the_text_separate_words_and_are_not_searched():
    query = SearchQuery.from_params({"q": "abc\x00def\x07 ghi\x9f"}, today=TODAY)
    assert query.text == "abc def ghi"
    assert SearchQuery.from_params({"q": "\x00"}, today=TODAY).text == ""


def test_control_characters_are_dropped_from_every_parameter():
    query = SearchQuery.from_params({"category": "\x00", "district": ["\x00", "centro\x00"]}, today=TODAY)
    assert query.categories == ()
    assert query.districts == ("centro",)


def test_the_text_still_finds_what_the_words_around_the_nul_byte_say(client, home_page):
    OpportunityPageFactory(title="Corso di ceramica")
    text = client.get("/cerca/", {"q": "ceramica\x00"}).content.decode()
    assert "1 risultato per «ceramica»" in text


@pytest.mark.parametrize("field", ["text", "categories", "districts"])
def test_a_query_built_directly_cannot_carry_control_characters(field):
    value = "a\x00b" if field == "text" else ("a\x00b",)
    with pytest.raises(InvalidSearchParameter):
        SearchQuery(**{field: value})


def test_a_short_link_never_stores_a_control_character(client, home_page):
    response = client.post("/cerca/link/", {"search": "q=nuoto%00&category=%00"})
    assert response.status_code == 302
    assert ShortLink.objects.get().query_string == "q=nuoto"


# Found while checking the parameters above: other values that reached the database and failed there.
@pytest.mark.parametrize(
    "url",
    [
        "/cerca/?page=99999999999999999999",  # bigint out of range (the offset)
        "/cerca/?page=10001",
        "/api/v1/opportunities/?page=99999999999999999999",
        "/cerca/?max_price=1e999999",  # numeric overflow
        "/cerca/?max_price=1e-999999",
        "/cerca/?max_price=1000000.01",
        "/cerca/?max_price=12.555",
        "/cerca/?near=place:%C2%B2",  # "²".isdigit(), but int() refuses it
    ],
)
def test_numbers_the_database_cannot_hold_are_a_400(client, home_page, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize("url", ["/cerca/?page=10000", "/cerca/?max_price=1000000", "/cerca/?max_price=12.500"])
def test_the_largest_accepted_numbers_still_search(client, home_page, url):
    assert client.get(url).status_code == 200


def test_an_api_id_of_unicode_digits_is_a_404(client, home_page):
    assert client.get("/api/v1/opportunities/%C2%B2/").status_code == 404
