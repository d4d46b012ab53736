"""An association's volunteer publishes an activity through the Comune's review, in a real browser.

Log in, create an activity with a weekly schedule and an uploaded image, submit it; a moderator asks for a change
with a comment; the volunteer reads the comment in the editor, fixes the page and submits it again; the moderator
approves and the activity is on the public site. Screenshots of each step are saved (see docs/testing.md); the
guides in docs/ use some of them.
"""

import io

import pytest
from PIL import Image

from django.contrib.auth import get_user_model

from opportunities.models import OpportunityPage
from organizations.models import LegalForm, OrganizationIndexPage, OrganizationPage
from organizations.services import organization_editors_group_ensure
from publishing.roles import MODERATION, roles_ensure
from publishing.workflow import moderation_workflow_ensure
from taxonomy.models import Category

pytestmark = pytest.mark.browser

EDITOR = ("volontaria", "girasole-prova-2026")
MODERATOR = ("moderatrice", "moderazione-prova-2026")
TITLE = "Laboratorio di ceramica"
COMMENT = "Indica anche il costo del materiale, per favore."


@pytest.fixture
def association(home_page):
    """An untrusted association with one editor, the Comune's roles and workflow, and a moderator."""
    roles = roles_ensure()
    moderation_workflow_ensure()
    Category.objects.get_or_create(
        slug="laboratori-creativi", locale=home_page.locale, defaults={"name": "Laboratori creativi"}
    )
    directory = OrganizationIndexPage.objects.child_of(home_page).get()
    organization = directory.add_child(
        instance=OrganizationPage(
            title="APS Il Girasole",
            slug="aps-il-girasole",
            legal_form=LegalForm.APS,
            summary="Associazione di quartiere con laboratori per bambini e famiglie.",
        )
    )
    users = get_user_model().objects
    editor = users.create_user(EDITOR[0], "volontaria@girasole.example", EDITOR[1], first_name="Giulia")
    editor.groups.add(organization_editors_group_ensure(organization=organization))
    moderator = users.create_user(MODERATOR[0], "moderatrice@comune.example", MODERATOR[1], first_name="Marta")
    moderator.groups.add(roles[MODERATION])
    return organization


@pytest.fixture(autouse=True)
def without_autosave(settings):
    """Wagtail's autosave posts the form half a second after each change; a test types faster than a person and
    its background saves would race the explicit submit (the live server shares these settings)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "ceramica.png"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (200, 120, 60)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def log_in(visitor, credentials):
    page = visitor.visit("/admin/login/")
    page.fill("#id_username", credentials[0])
    page.fill("#id_password", credentials[1])
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_url("**/admin/")
    return page


def run_action(page, name):
    """Click an action of the editor's footer menu, opening the drop-down first when it is hidden there."""
    button = page.locator(f'footer [name="{name}"]').first
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    button.click()


def workflow_action(page, action, *, with_comment):
    """Click "Richiedi modifiche" (reject) or "Approva" (approve) in the reviewer's action menu."""
    page.locator("footer .w-dropdown__toggle").first.click()
    modal = "[data-workflow-action-modal-url]" if with_comment else ":not([data-workflow-action-modal-url])"
    page.locator(f'footer [data-workflow-action-name="{action}"]{modal}').click()


def test_an_association_publishes_an_activity_through_the_review(open_browser, association, photo):
    volunteer = open_browser()
    page = log_in(volunteer, EDITOR)
    volunteer.screenshot("associazione-01-bacheca")

    page.get_by_role("link", name="Nuova attività").click()
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Un pomeriggio a settimana per modellare l'argilla, per bambini dai 7 ai 12 anni.")
    page.get_by_label("Laboratori creativi").check()
    page.fill("#id_min_age", "7")
    page.fill("#id_max_age", "12")
    page.get_by_label("mercoledì").first.check()
    page.fill("#id_schedules-0-opens_at", "16:30")
    page.fill("#id_schedules-0-closes_at", "18:00")
    page.locator("[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Carica").click()
    modal.locator("input[type=file]").set_input_files(photo)
    title = modal.locator("#id_image-chooser-upload-title")
    # Wagtail fills the title from the file name a moment after the file is chosen (later on a loaded machine):
    # let it, so that it does not write over what the volunteer types.
    page.wait_for_function("document.querySelector('#id_image-chooser-upload-title').value !== ''")
    title.fill("Mani nell'argilla")
    modal.get_by_role("button", name="Carica").click()
    page.wait_for_selector(".modal-dialog", state="detached")
    page.fill("#id_image_alt", "Mani di una bambina che modellano una ciotola di argilla")
    page.locator("#id_title").scroll_into_view_if_needed()
    volunteer.screenshot("associazione-02-nuova-attivita")
    run_action(page, "action-submit")
    page.wait_for_url(f"**/admin/pages/{association.pk}/")
    activity = OpportunityPage.objects.get(title=TITLE)
    assert not activity.live and activity.workflow_in_progress
    volunteer.visit("/admin/").get_by_text("In attesa di revisione").wait_for()
    volunteer.screenshot("associazione-03-in-revisione")
    assert activity.schedules.get().weekdays == ["WE"] and activity.image.title == "Mani nell'argilla"

    reviewer = open_browser()
    page = log_in(reviewer, MODERATOR)
    reviewer.screenshot("redazione-01-da-revisionare")
    page.get_by_role("link", name=TITLE).first.click()
    workflow_action(page, "reject", with_comment=True)
    page.locator(".modal-dialog textarea").fill(COMMENT)
    reviewer.screenshot("redazione-02-commento")
    page.locator(".modal-dialog").get_by_role("button", name="Richiedi modifiche").click()
    page.wait_for_url(f"**/admin/pages/{activity.pk}/edit/")
    page.locator(".messages").wait_for()
    reviewer.screenshot("redazione-03-modifiche-richieste")

    page = volunteer.visit(f"/admin/pages/{activity.pk}/edit/")
    page.locator('[data-side-panel-toggle="comments"]').click()  # comments are shown beside their field
    page.get_by_text(COMMENT).first.wait_for()
    volunteer.screenshot("associazione-04-commento")
    page.fill("#id_price", "5")
    page.select_option("#id_price_period", label="a ingresso o lezione")
    run_action(page, "action-submit")
    page.wait_for_url(f"**/admin/pages/{association.pk}/")

    page = reviewer.visit(f"/admin/pages/{activity.pk}/edit/")
    workflow_action(page, "approve", with_comment=False)
    page.locator(".messages").wait_for()

    activity.refresh_from_db()
    assert activity.live and activity.price == 5
    page = open_browser().visit(activity.url)
    assert page.get_by_role("heading", name=TITLE).is_visible()
    volunteer.visit("/admin/")
    volunteer.screenshot("associazione-05-pubblicata")
