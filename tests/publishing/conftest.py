"""Two organizations, each with a live and a draft opportunity, and one account per role."""

from dataclasses import dataclass

import pytest

from organizations.services import organization_editors_group_ensure
from publishing.roles import ADMINISTRATION, EDITORIAL, MODERATION, roles_ensure
from publishing.workflow import moderation_workflow_ensure
from tests.factories import OpportunityPageFactory, OrganizationPageFactory, UserFactory


@dataclass
class Organization:
    page: object
    live: object
    draft: object
    editor: object


@pytest.fixture
def roles(home_page):
    """The role groups and the workflow, as the migration leaves them (rebuilt after a transactional flush)."""
    groups = roles_ensure()
    moderation_workflow_ensure()
    return groups


def make_organization(title, username, **fields):
    page = OrganizationPageFactory(title=title, **fields)
    live = OpportunityPageFactory(parent=page, title=f"Corso di {username}")
    draft = OpportunityPageFactory(parent=page, title=f"Bozza di {username}", live=False)
    draft.save_revision()
    editor = UserFactory(username=username, email=f"{username}@associazione.example")
    editor.groups.add(organization_editors_group_ensure(organization=page))
    return Organization(page, live, draft, editor)


@pytest.fixture
def girasole(roles):
    return make_organization("APS Il Girasole", "girasole")


@pytest.fixture
def polisportiva(roles):
    return make_organization("Polisportiva Valdoria", "polisportiva")


@pytest.fixture
def staff(roles):
    """One account per municipal role, by role name."""
    return {
        name: UserFactory(username=username, email=f"{username}@comune.example", groups=[name])
        for name, username in (
            (ADMINISTRATION, "amministrazione"),
            (EDITORIAL, "redazione"),
            (MODERATION, "moderatore"),
        )
    }
