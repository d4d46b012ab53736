"""What the site history report (and a place's history) shows an association editor: its own work, not others'."""

import importlib

import pytest

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import ModelLogEntry

from organizations.models import Place, PlaceLogEntry
from publishing.roles import EDITORIAL, MODERATION
from tests.factories import PlaceFactory, UserFactory
from tests.publishing.test_moderation_flow import review, submit

pytestmark = pytest.mark.django_db
SITE_HISTORY = "/admin/reports/site-history/"
PLACE_ADD = "/admin/snippets/organizations/place/add/"


def add_place(client, name):
    response = client.post(PLACE_ADD, {"name": name, "address": "Via Garibaldi 4"})
    assert response.status_code == 302
    return Place.objects.get(name=name)


def site_history(client, **filters):
    response = client.get(SITE_HISTORY, filters)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def girasole_at_work(client, staff, girasole):
    """APS Il Girasole edits, submits, gets a change request, adds a place; the Comune reviews."""
    client.force_login(girasole.editor)
    submit(client, girasole.live, "Corso segreto del Girasole")
    client.force_login(staff[MODERATION])
    review(client, girasole.live, "reject", "Manca l'orario.")
    client.force_login(girasole.editor)
    place = add_place(client, "Cortile del Girasole")
    client.logout()
    return place


def test_another_association_sees_none_of_it(client, girasole_at_work, girasole, polisportiva):
    client.force_login(polisportiva.editor)
    add_place(client, "Campo della Polisportiva")

    content = site_history(client)
    export = b"".join(client.get(SITE_HISTORY, {"export": "csv"}).streaming_content).decode()

    assert "Campo della Polisportiva" in content  # its own work is there
    for text in (content, export):
        for foreign in (
            girasole.live.title,
            "Corso segreto del Girasole",
            girasole.draft.title,
            girasole.page.title,
            "Cortile del Girasole",  # the place is public, but who made it and when is not
            "girasole",  # the other association's editor, in the list or in the user filter
        ):
            assert foreign not in text, foreign


def test_an_association_sees_its_own_pages_and_places_and_its_colleagues_work(client, girasole_at_work, girasole):
    colleague = UserFactory(username="collega-girasole", groups=[girasole.page.editors_group.name])
    client.force_login(colleague)
    add_place(client, "Sala del collega")
    client.force_login(girasole.editor)

    content = site_history(client)

    for own in ("Corso di girasole", "Cortile del Girasole", "Sala del collega"):
        assert own in content, own


def test_a_place_history_shows_an_association_only_its_own_organizations_entries(
    client, staff, girasole_at_work, polisportiva
):
    place = girasole_at_work
    client.force_login(staff[EDITORIAL])
    client.post(f"/admin/snippets/organizations/place/edit/{place.pk}/", {"name": place.name, "address": "Via Nuova 1"})
    history_url = f"/admin/snippets/organizations/place/history/{place.pk}/"
    staff_view = client.get(history_url).content.decode()

    client.force_login(polisportiva.editor)
    response = client.get(history_url)

    assert "girasole" in staff_view and "redazione" in staff_view  # the Comune sees everything
    assert response.status_code == 200
    assert "girasole" not in response.content.decode() and "redazione" not in response.content.decode()


def test_municipal_editors_see_every_association_in_the_site_history(client, staff, girasole_at_work, polisportiva):
    client.force_login(polisportiva.editor)
    add_place(client, "Campo della Polisportiva")
    client.force_login(staff[EDITORIAL])

    content = site_history(client)

    for text in ("Corso di girasole", "Cortile del Girasole", "Campo della Polisportiva"):
        assert text in content, text


def test_the_migration_moves_existing_place_entries_out_of_wagtails_model_log(girasole):
    migration = importlib.import_module("organizations.migrations.0005_place_log_entries")
    place = PlaceFactory(name="Cortile del Girasole")
    PlaceLogEntry.objects.all().delete()
    old = ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Place),
        object_id=str(place.pk),
        label=str(place),
        action="wagtail.create",
        timestamp=timezone.now(),
        user=girasole.editor,
    )

    migration.forwards(apps, None)

    assert not ModelLogEntry.objects.filter(pk=old.pk).exists()
    (moved,) = PlaceLogEntry.objects.all()
    assert (moved.object_id, moved.label, moved.action, moved.timestamp, moved.user) == (
        old.object_id,
        old.label,
        old.action,
        old.timestamp,
        girasole.editor,
    )
