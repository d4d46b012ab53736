"""The search box's suggestions endpoint: what a family sees while typing."""

import pytest

from tests.factories import OpportunityPageFactory, OrganizationPageFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/autocomplete/"


def test_suggestions_name_categories_opportunities_and_organizations_with_their_links(client, home_page):
    swimming = OpportunityPageFactory(title="Nuoto per bambini")
    club = OrganizationPageFactory(title="Nuotatori Valdoria")
    body = client.get(URL, {"q": "nuot"}).json()
    assert {(item["label"], item["url"], item["type"]) for item in body["suggestions"]} == {
        ("Nuoto per bambini", swimming.url, "opportunity"),
        ("Nuotatori Valdoria", club.url, "organization"),
    }


def test_a_category_leads_to_its_search(client, home_page):
    [first, *_rest] = client.get(URL, {"q": "teatr"}).json()["suggestions"]
    assert first == {"label": "Cultura › Teatro", "url": "/cerca/?category=teatro", "type": "category"}


def test_drafts_are_never_suggested(client, home_page):
    OpportunityPageFactory(title="Nuoto segreto", live=False)
    assert client.get(URL, {"q": "nuoto"}).json() == {"suggestions": []}


@pytest.mark.parametrize("text", ["", "n", "   "])
def test_fewer_than_two_letters_suggest_nothing(client, home_page, text):
    OpportunityPageFactory(title="Nuoto per bambini")
    assert client.get(URL, {"q": text}).json() == {"suggestions": []}


def test_too_long_a_text_is_a_400_naming_the_parameter(client, home_page):
    response = client.get(URL, {"q": "a" * 101})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "q"


def test_the_openapi_document_describes_it(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/autocomplete/"]["get"]
    assert [parameter["name"] for parameter in operation["parameters"]] == ["q"]
    assert "Suggestion" in document["components"]["schemas"]
