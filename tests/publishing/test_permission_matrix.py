"""Who may do what, through the real admin views: every role against two organizations' pages."""

import pytest

from wagtail.models import Site

from opportunities.models import OpportunityPage
from publishing.roles import ADMINISTRATION, EDITORIAL, MODERATION

pytestmark = pytest.mark.django_db
DENIED = (302, 403)


def allowed(response):
    assert response.status_code in (200, *DENIED), response.status_code
    return response.status_code == 200


def explore(client, org):
    response = client.get(f"/admin/pages/{org.page.pk}/")
    return allowed(response) and org.live.title in response.content.decode()


def edit(client, org):
    return allowed(client.get(f"/admin/pages/{org.live.pk}/edit/"))


def publish(client, org):
    response = client.get(f"/admin/pages/{org.live.pk}/edit/")
    return allowed(response) and 'name="action-publish"' in response.content.decode()


def unpublish(client, org):
    return allowed(client.get(f"/admin/pages/{org.live.pk}/unpublish/"))


def delete(client, org):
    return allowed(client.get(f"/admin/pages/{org.live.pk}/delete/"))


def move(client, org):
    return allowed(client.get(f"/admin/pages/{org.live.pk}/move/"))


def create_under(client, org):
    return allowed(client.get(f"/admin/pages/add/opportunities/opportunitypage/{org.page.pk}/"))


def see_draft(client, org):
    return allowed(client.get(f"/admin/pages/{org.draft.pk}/edit/"))


def edit_taxonomies(client, org):
    return allowed(client.get("/admin/snippets/taxonomy/category/add/"))


def manage_users(client, org):
    return allowed(client.get("/admin/users/"))


def edit_settings(client, org):
    return allowed(client.get(f"/admin/settings/home/portalsettings/{Site.objects.get().pk}/"))


ACTIONS = (
    explore,
    edit,
    publish,
    unpublish,
    delete,
    move,
    create_under,
    see_draft,
    edit_taxonomies,
    manage_users,
    edit_settings,
)
EVERYTHING = {action.__name__ for action in ACTIONS}
CONTENT = EVERYTHING - {"manage_users", "edit_settings"}
OWN_PAGES = {"explore", "edit", "create_under", "see_draft"}

# What each account may do on APS Il Girasole's pages.
MATRIX = {
    ADMINISTRATION: EVERYTHING,
    EDITORIAL: CONTENT,
    # Only what is submitted to them opens in the editor (test_moderation_flow); "publish" on the directory, which
    # Wagtail requires of whoever approves, lets them browse and unpublish (with a reason).
    MODERATION: {"explore", "unpublish"},
    "girasole": OWN_PAGES,  # its own organization, not trusted: no publish, no delete or move of live pages
    "polisportiva": set(),  # another organization
}


def account(name, staff, girasole, polisportiva):
    return {"girasole": girasole.editor, "polisportiva": polisportiva.editor}.get(name) or staff[name]


@pytest.mark.parametrize("who", MATRIX)
@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
def test_permission_matrix(client, staff, girasole, polisportiva, who, action):
    client.force_login(account(who, staff, girasole, polisportiva))
    assert action(client, girasole) == (action.__name__ in MATRIX[who])


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
def test_each_association_has_the_same_reach_on_its_own_pages(client, polisportiva, girasole, action):
    client.force_login(polisportiva.editor)
    assert action(client, polisportiva) == (action.__name__ in OWN_PAGES)


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
def test_a_trusted_association_also_publishes_unpublishes_deletes_and_moves_its_own_pages(client, girasole, action):
    girasole.page.is_trusted = True
    girasole.page.save()
    client.force_login(girasole.editor)
    assert action(client, girasole) == (action.__name__ in OWN_PAGES | {"publish", "unpublish", "delete", "move"})


def test_an_association_cannot_move_its_pages_to_another_organization(client, girasole, polisportiva):
    girasole.page.is_trusted = True
    girasole.page.save()
    client.force_login(girasole.editor)

    response = client.post(f"/admin/pages/{girasole.live.pk}/move/{polisportiva.page.pk}/confirm/")

    assert response.status_code in DENIED and response.url != f"/admin/pages/{polisportiva.page.pk}/"
    assert OpportunityPage.objects.get(pk=girasole.live.pk).get_parent().pk == girasole.page.pk


def test_an_association_does_not_find_other_organizations_drafts_in_search(client, girasole, polisportiva):
    client.force_login(girasole.editor)

    content = client.get("/admin/pages/search/", {"q": "Bozza"}).content.decode()

    assert girasole.draft.title in content
    assert polisportiva.draft.title not in content


MUNICIPAL_TOOLS = (
    "/admin/snippets/portal_search/synonym/",
    "/admin/searchpicks/",
    "/admin/collections/",
    "/admin/redirects/",
    "/admin/reports/freshness/",
    "/admin/workflows/list/",
)


@pytest.mark.parametrize("url", MUNICIPAL_TOOLS)
def test_municipal_editors_reach_their_tools_and_associations_do_not(client, staff, girasole, url):
    client.force_login(staff[EDITORIAL])
    reached = client.get(url).status_code == 200
    client.force_login(girasole.editor)

    assert reached == (url != "/admin/workflows/list/")  # workflows are the administration's
    assert client.get(url).status_code in DENIED
