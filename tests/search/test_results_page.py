"""How the search page presents its results and filters to a citizen (and to a help desk)."""

import html

import pytest

from tests.factories import OpportunityPageFactory

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
