import datetime as dt
import io
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from opportunities.models import OpportunityPage, OpportunitySchedule
from opportunities.services import opportunities_refresh_next_occurrence
from organizations.models import OrganizationIndexPage, OrganizationPage
from tests.factories import OpportunityPageFactory, OrganizationPageFactory

pytestmark = pytest.mark.django_db


class PageTreeRules(WagtailPageTestCase):
    def test_opportunities_live_only_under_organizations(self):
        self.assertAllowedParentPageTypes(OpportunityPage, {OrganizationPage})
        self.assertAllowedSubpageTypes(OpportunityPage, {})

    def test_organizations_live_only_in_the_directory(self):
        self.assertAllowedParentPageTypes(OrganizationPage, {OrganizationIndexPage})
        self.assertAllowedSubpageTypes(OrganizationPage, {OpportunityPage})

    def test_the_directory_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(OrganizationIndexPage, {HomePage})
        self.assertCanNotCreateAt(OrganizationIndexPage, OpportunityPage)

    def test_there_is_one_home_page(self):
        self.assertCanNotCreateAt(OrganizationIndexPage, HomePage)
        self.assertEqual(HomePage.max_count, 1)


def invalid_fields(page):
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return set(error.value.message_dict)


@pytest.mark.parametrize(
    ("fields", "invalid"),
    [
        ({"min_age": 12, "max_age": 8}, "max_age"),
        ({"is_free": True, "price": Decimal("10")}, "price"),
        ({"price_period": "mese"}, "price_period"),
    ],
)
def test_inconsistent_opportunities_are_never_saved(fields, invalid, home_page):
    organization = OrganizationPageFactory()
    with pytest.raises(ValidationError) as error:
        OpportunityPageFactory(parent=organization, **fields)
    assert invalid in error.value.message_dict
    assert not organization.get_children().exists()


@pytest.mark.parametrize(
    ("fields", "invalid"),
    [
        ({}, "start_date"),
        ({"start_date": dt.date(2027, 5, 2), "end_date": dt.date(2027, 5, 1)}, "end_date"),
        ({"weekdays": ["MO"], "opens_at": dt.time(18), "closes_at": dt.time(17)}, "closes_at"),
    ],
)
def test_schedules_refuse_impossible_dates_and_times(fields, invalid, home_page):
    schedule = OpportunitySchedule(opportunity=OpportunityPageFactory(), **fields)
    assert invalid in invalid_fields(schedule)


def test_saving_records_the_organization_and_the_next_occurrence(home_page):
    organization = OrganizationPageFactory(title="Biblioteca civica")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = OpportunityPageFactory(
        parent=organization, schedules=[OpportunitySchedule(start_date=tomorrow, opens_at=dt.time(15))]
    )
    page.refresh_from_db()
    assert page.organization == organization
    assert timezone.localtime(page.next_occurrence) == timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(15)))


def test_moving_an_opportunity_to_another_organization_follows_it(home_page):
    page = OpportunityPageFactory()
    other = OrganizationPageFactory(title="Cooperativa Il Ponte")
    MovePageAction(page, other, pos="last-child").execute()
    page.refresh_from_db()
    assert page.organization == other
    assert other.opportunities.get() == page


def test_copying_an_opportunity_to_another_organization_belongs_to_it(home_page):
    page = OpportunityPageFactory(title="Corso di ceramica")
    other = OrganizationPageFactory(title="Parrocchia San Rocco")
    copy = CopyPageAction(page, to=other, update_attrs={"slug": "corso-di-ceramica-2"}).execute()
    assert OpportunityPage.objects.get(pk=copy.pk).organization == other
    page.refresh_from_db()
    assert page.organization != other


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"min_age": 6, "max_age": 10}, "Da 6 a 10 anni"),
        ({"min_age": 14}, "Da 14 anni in su"),
        ({"min_age": 8}, "Da 8 anni in su"),
        ({"max_age": 1}, "Fino a 1 anno"),
        ({"max_age": 5}, "Fino a 5 anni"),
        ({"min_age": 3, "max_age": 3}, "3 anni"),
        ({}, "Tutte le età"),
    ],
)
def test_ages_read_plainly(fields, label):
    assert OpportunityPage(**fields).age_label == label


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"is_free": True}, "Gratuito"),
        ({"price": Decimal("30"), "price_period": "mese"}, "€ 30,00 al mese"),
        ({"price": Decimal("5.5")}, "€ 5,50"),
        ({}, "A pagamento"),
    ],
)
def test_costs_read_plainly(fields, label):
    assert OpportunityPage(**fields).cost_label == label


def test_refreshing_moves_past_next_occurrences_forward(home_page):
    page = OpportunityPageFactory(
        schedules=[OpportunitySchedule(weekdays=["MO", "TU", "WE", "TH", "FR", "SA", "SU"], opens_at=dt.time(9))]
    )
    page.refresh_from_db()
    later = page.next_occurrence + dt.timedelta(days=3, hours=23, minutes=59)
    assert opportunities_refresh_next_occurrence(now=later) == 1
    page.refresh_from_db()
    assert page.next_occurrence > later
    assert page.next_occurrence - later < dt.timedelta(days=1)


def test_the_daily_command_refreshes_next_dates(home_page):
    page = OpportunityPageFactory()
    OpportunityPage.objects.filter(pk=page.pk).update(next_occurrence=timezone.now() - dt.timedelta(days=30))
    out = io.StringIO()
    call_command("refresh_next_occurrences", stdout=out)
    page.refresh_from_db()
    assert page.next_occurrence > timezone.now() - dt.timedelta(days=1)
    assert "1 opportunities updated." in out.getvalue()
