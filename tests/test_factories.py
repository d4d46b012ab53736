import pytest

from tests.factories import (
    DistrictFactory,
    OpportunityPageFactory,
    OrganizationPageFactory,
    PlaceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [DistrictFactory, OpportunityPageFactory, OrganizationPageFactory, PlaceFactory, UserFactory]
)
def test_every_factory_builds_a_saved_object(factory, home_page):
    instance = factory()
    assert instance.pk is not None
    assert type(instance).objects.filter(pk=instance.pk).exists()


def test_factory_pages_are_live_and_placed_in_the_tree(home_page):
    opportunity = OpportunityPageFactory(title="Coro dei ragazzi")
    assert opportunity.live
    assert opportunity.url.startswith("/organizzazioni/")
    assert opportunity.url.endswith("/coro-dei-ragazzi/")
