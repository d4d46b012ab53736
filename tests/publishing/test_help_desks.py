"""Only the Comune marks a place as a help desk (sportello): through the real admin views, forms and crafted POSTs."""

import pytest

from home.models import HelpDeskPage
from organizations.models import Place
from publishing.roles import EDITORIAL
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/organizations/place/add/"
FIELD = 'name="is_help_desk"'


def place_form(name, **fields):
    return {"name": name, "address": "Via Garibaldi 4", "city": "Valdoria", **fields}


@pytest.fixture
def help_desks_page(home_page):
    return home_page.add_child(instance=HelpDeskPage(title="Sportelli", slug="sportelli"))


def public_pages(client, help_desks_page):
    return client.get("/").content.decode() + client.get(help_desks_page.url).content.decode()


def test_an_association_adds_a_place_without_the_help_desk_field(client, girasole):
    client.force_login(girasole.editor)

    form = client.get(ADD_URL)

    assert form.status_code == 200
    assert 'name="name"' in form.content.decode() and FIELD not in form.content.decode()


def test_a_crafted_post_from_an_association_does_not_make_a_help_desk(client, girasole, help_desks_page):
    """The review's case: "Sportello" ticked in Luoghi → Aggiungi luogo appeared at once on /sportelli/ and /."""
    client.force_login(girasole.editor)

    response = client.post(ADD_URL, place_form("Sportello del Girasole", is_help_desk="on"))

    assert response.status_code == 302
    place = Place.objects.get(name="Sportello del Girasole")
    assert not place.is_help_desk
    assert "Sportello del Girasole" not in public_pages(client, help_desks_page)


def test_copying_a_help_desk_gives_an_association_a_plain_place_and_never_changes_the_original(client, girasole):
    desk = PlaceFactory(name="Sportello Informagiovani", is_help_desk=True)
    client.force_login(girasole.editor)
    copy_url = f"/admin/snippets/organizations/place/copy/{desk.pk}/"

    form = client.get(copy_url).content.decode()
    assert FIELD not in form and f'action="{ADD_URL}"' in form  # the copy is posted to the add view
    copied = client.post(ADD_URL, place_form("Sportello Informagiovani, sede estiva"))
    # Wagtail's copy view would save a POST over the place it copies, whoever sends it: it only shows the form.
    crafted = client.post(copy_url, place_form("Rinominato", is_help_desk=""))

    assert copied.status_code == 302 and crafted.status_code == 405
    assert not Place.objects.get(name="Sportello Informagiovani, sede estiva").is_help_desk
    desk.refresh_from_db()
    assert desk.name == "Sportello Informagiovani" and desk.is_help_desk


def test_municipal_editors_mark_and_unmark_help_desks(client, staff, help_desks_page):
    client.force_login(staff[EDITORIAL])

    assert FIELD in client.get(ADD_URL).content.decode()
    client.post(ADD_URL, place_form("Sportello sociale", is_help_desk="on"))

    place = Place.objects.get(name="Sportello sociale")
    assert place.is_help_desk
    assert "Sportello sociale" in public_pages(client, help_desks_page)
    edit_url = f"/admin/snippets/organizations/place/edit/{place.pk}/"
    assert FIELD in client.get(edit_url).content.decode()
    client.post(edit_url, place_form("Sportello sociale"))
    place.refresh_from_db()
    assert not place.is_help_desk
