"""The review's emails, Wagtail's (to whoever submitted) and the portal's (to the colleagues): wording and links."""

import io
import re

import pytest

from django.core import mail
from django.core.management import call_command

from wagtail.models import Site

from home.demo.seed import SeedResult
from home.demo.site import site_address_configure
from publishing.roles import MODERATION
from tests.factories import UserFactory
from tests.publishing.test_moderation_flow import fresh, review, submit

pytestmark = pytest.mark.django_db
TITLE = "Laboratorio dell'orto per ragazzi"
LINK = re.compile(r"https?://[^\s\"<>]+")


@pytest.fixture
def colleague(girasole):
    group = girasole.page.editors_group.name
    return UserFactory(username="collega", email="collega@associazione.example", groups=[group])


def to(address):
    (message,) = [message for message in mail.outbox if message.to == [address]]
    return message


def request_changes(client, staff, girasole, comment="Manca l'orario del sabato."):
    client.force_login(girasole.editor)
    submit(client, girasole.live, TITLE)
    mail.outbox.clear()
    client.force_login(staff[MODERATION])
    review(client, girasole.live, "reject", comment)


def approve(client, staff, girasole):
    request_changes(client, staff, girasole)
    client.force_login(girasole.editor)
    submit(client, fresh(girasole.live), TITLE)
    mail.outbox.clear()
    client.force_login(staff[MODERATION])
    review(client, girasole.live, "approve", "Perfetto.")


def test_changes_requested_say_so_with_the_comment_and_what_to_do(client, staff, girasole, colleague):
    request_changes(client, staff, girasole)

    for address in ("girasole@associazione.example", "collega@associazione.example"):
        message = to(address)
        assert message.subject == f"«{TITLE}»: servono modifiche"
        assert f"ha chiesto modifiche a «{TITLE}»" in message.body  # the submitted title, not the live one
        assert "Commento:\nManca l'orario del sabato." in message.body
        assert f"http://127.0.0.1:8000/admin/pages/{girasole.live.pk}/edit/" in message.body
        assert "rifiutat" not in message.body + message.subject
        assert "&#x27;" not in message.body + message.subject
    assert "fumetto" in to("girasole@associazione.example").body  # where the comment stays


def test_approval_says_so_with_the_public_link(client, staff, girasole, colleague):
    approve(client, staff, girasole)

    page = fresh(girasole.live)
    message = to("girasole@associazione.example")
    assert message.subject == f"«{TITLE}» è stata approvata"
    assert f"«{TITLE}» è stata approvata (Revisione comunale): la pagina è pubblicata." in message.body
    assert f"La pagina sul sito: {page.full_url}" in message.body
    assert f"«{TITLE}» è stata approvata" in to("collega@associazione.example").subject


def test_on_another_address_every_link_follows_it(client, settings, staff, girasole, colleague):
    """`bin/run-demo 127.0.0.1:8123` exports WAGTAILADMIN_BASE_URL; seed_demo points the Site at it."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    assert site_address_configure() == "http://127.0.0.1:8123"

    approve(client, staff, girasole)

    links = [link for message in mail.outbox for link in LINK.findall(message.body)]
    assert links and all(link.startswith("http://127.0.0.1:8123/") for link in links), links
    assert fresh(girasole.live).full_url in to("girasole@associazione.example").body


def test_seed_demo_points_the_site_at_the_address_and_prints_it_even_when_already_seeded(
    home_page, settings, monkeypatch
):
    monkeypatch.setattr("home.management.commands.seed_demo.seed_demo", lambda **options: SeedResult(skipped=True))
    output = io.StringIO()

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    call_command("seed_demo", stdout=output)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert "Site: http://127.0.0.1:8123/   Admin: http://127.0.0.1:8123/admin/" in output.getvalue()

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # the default again
    call_command("seed_demo", stdout=output)

    assert Site.objects.get(pk=site.pk).root_url == "http://127.0.0.1:8000"
    assert "Site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/" in output.getvalue()


def test_the_html_versions_say_the_same(client, settings, staff, girasole):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True

    request_changes(client, staff, girasole)
    (html, _type) = to("girasole@associazione.example").alternatives[0]
    client.force_login(girasole.editor)
    submit(client, fresh(girasole.live), TITLE)
    mail.outbox.clear()
    client.force_login(staff[MODERATION])
    review(client, girasole.live, "approve")
    (approved, _type) = to("girasole@associazione.example").alternatives[0]

    assert "ha chiesto modifiche a «Laboratorio dell&#x27;orto per ragazzi»" in html
    assert "Manca l&#x27;orario del sabato." in html and "rifiutat" not in html
    assert "è stata approvata (Revisione comunale)" in approved
    assert f'href="{fresh(girasole.live).full_url}"' in approved
