"""Help desks: a short link for any search, to read out or send to a citizen."""

import re

import pytest

from django.test import Client

from search.models import SHORT_LINK_ALPHABET, ShortLink
from tests.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


def create(client, search):
    return client.post("/cerca/link/", {"search": search})


def test_a_help_desk_gets_a_short_link_that_opens_the_same_search(client, home_page):
    OpportunityPageFactory(title="Nuoto per bambini", min_age=6, max_age=10)
    OpportunityPageFactory(title="Nuoto per adulti", min_age=18)
    response = create(client, "q=nuoto&age=7&page=3")
    assert response.status_code == 302
    page = client.get(response["Location"])
    link = re.search(r'<a href="(http://testserver/cerca/l/(\w+)/)">', page.content.decode())
    assert link, "the search page shows the short link"
    code = link.group(2)
    assert len(code) == 6 and set(code) <= set(SHORT_LINK_ALPHABET)

    followed = client.get(link.group(1), follow=True)
    assert followed.redirect_chain[-1][0] == "/cerca/?q=nuoto&age=7"  # the first page of the same search
    text = followed.content.decode()
    assert "Nuoto per bambini" in text
    assert "Nuoto per adulti" not in text


def test_the_same_search_always_gets_the_same_code(client, home_page):
    create(client, "q=nuoto&age=7")
    create(client, "age=7&q=nuoto")  # the same search, written differently
    assert ShortLink.objects.count() == 1


def test_the_short_link_box_is_shown_only_for_its_own_search(client, home_page):
    create(client, "q=nuoto")
    code = ShortLink.objects.get().code
    assert "/cerca/l/" in client.get("/cerca/", {"q": "nuoto", "link": code}).content.decode()
    assert "/cerca/l/" not in client.get("/cerca/", {"q": "danza", "link": code}).content.decode()


def test_codes_are_read_case_insensitively_and_unknown_ones_are_a_404(client, home_page):
    create(client, "q=nuoto")
    code = ShortLink.objects.get().code
    assert client.get(f"/cerca/l/{code.upper()}/").status_code == 302
    assert client.get("/cerca/l/zzzzzz/").status_code == 404


def test_a_bad_or_too_long_search_is_a_400_and_creates_nothing(client, home_page):
    assert create(client, "age=duecento").status_code == 400
    assert create(client, "q=" + "a" * 1600).status_code == 400
    assert not ShortLink.objects.exists()


def test_links_are_created_only_by_post_with_a_csrf_token(home_page):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get("/cerca/link/").status_code == 405
    assert strict.post("/cerca/link/", {"search": "q=nuoto"}).status_code == 403
    assert not ShortLink.objects.exists()
