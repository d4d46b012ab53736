"""A page past the last one: still a 200 (an empty page, as in the API), but the citizen is told and led back."""

import re

import pytest

from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Nessun risultato in questa pagina"


@pytest.fixture
def three_pages(home_page):
    organization = OpportunityPageFactory(title="Nuoto 0").get_parent()
    for number in range(1, 5):
        OpportunityPageFactory(title=f"Nuoto {number}", parent=organization)


def links(text):
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', text)


def test_a_page_past_the_end_says_so_and_links_to_the_first_and_the_last(client, three_pages):
    response = client.get("/cerca/", {"q": "nuoto", "page_size": "2", "page": "999"})

    text = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE in text
    assert "5 opportunità trovate stanno in 3 pagine" in text
    assert ("?q=nuoto&amp;page_size=2&amp;page=3", "Vai all'ultima pagina (3)") in [
        (href, label.replace("&#x27;", "'")) for href, label in links(text)
    ]
    assert ("?q=nuoto&amp;page_size=2", "Vai alla prima pagina") in links(text)
    assert 'class="page-link" aria-current="page"' not in text  # the pagination would mark page 3 as shown


def test_the_last_page_and_the_first_say_nothing_of_the_kind(client, three_pages):
    for page in ("1", "3"):
        text = client.get("/cerca/", {"q": "nuoto", "page_size": "2", "page": page}).content.decode()
        assert MESSAGE not in text
        assert "Nuoto" in text


def test_with_a_single_page_only_the_first_is_offered(client, three_pages):
    text = client.get("/cerca/", {"q": "nuoto", "page": "2"}).content.decode()

    assert MESSAGE in text
    assert "5 opportunità trovate stanno in 1 pagina." in text
    assert "Vai alla prima pagina" in text
    assert "Vai all&#x27;ultima pagina" not in text


def test_a_category_page_past_the_end_links_back_to_the_category_page(client, three_pages):
    text = client.get("/cerca/categoria/cultura/", {"page": "7"}).content.decode()

    assert MESSAGE in text
    assert ("?", "Vai alla prima pagina") in links(text)  # the same address without the page


def test_no_result_at_all_keeps_its_own_advice(client, home_page):
    text = client.get("/cerca/", {"q": "paracadutismo", "page": "5"}).content.decode()

    assert "Prova con parole diverse" in text
    assert MESSAGE not in text


def test_the_api_still_answers_an_empty_list_past_the_end(client, three_pages):
    response = client.get("/api/v1/opportunities/", {"q": "nuoto", "page": "999"})

    assert response.status_code == 200
    assert response.json()["results"] == [] and response.json()["count"] == 5
