"""Curated collections, news and help desks: page-tree rules, editing, rendering and query counts."""

import datetime as dt

import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import (
    CollectionPage,
    CollectionPick,
    HelpDeskPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    parse_saved_search,
)
from opportunities.models import Status
from taxonomy.models import Category
from tests.factories import OpportunityPageFactory, PlaceFactory, UserFactory
from tests.queries import queries_to_render

pytestmark = pytest.mark.django_db


def sport():
    return [Category.objects.get(slug="sport")]


def collection(home, **fields):
    page = CollectionPage(title="Per chi ha più di 65 anni", slug="over-65", **fields)
    page.full_clean(exclude=["path", "depth"])
    return home.add_child(instance=page)


class PageTreeRules(WagtailPageTestCase):
    def test_curation_pages_live_under_the_home_page(self):
        for model in (CollectionPage, NewsIndexPage, HelpDeskPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, {NewsPage} if model is NewsIndexPage else set())
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})

    def test_there_is_one_news_section_and_one_help_desk_page(self):
        self.assertEqual(NewsIndexPage.max_count, 1)
        self.assertEqual(HelpDeskPage.max_count, 1)


class EditingInTheAdmin(WagtailPageTestCase):
    """Every curation page is editable and previewable through the real admin views (with revisions)."""

    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get()
        cls.collection = collection(home, saved_search="category=sport")
        CollectionPick.objects.create(collection=cls.collection, opportunity=OpportunityPageFactory(), sort_order=0)
        cls.news_index = home.add_child(instance=NewsIndexPage(title="Notizie", slug="notizie"))
        cls.news = cls.news_index.add_child(
            instance=NewsPage(title="Aperte le iscrizioni", slug="iscrizioni", summary="Da lunedì.", body="<p>Sì</p>")
        )
        cls.help_desks = home.add_child(instance=HelpDeskPage(title="Sportelli", slug="sportelli"))

    def test_pages_are_editable_and_previewable(self):
        for page in (self.collection, self.news_index, self.news, self.help_desks):
            with self.subTest(page=page.title):
                self.assertPageIsEditable(page)
                self.assertPageIsPreviewable(page)

    def test_a_bad_saved_search_is_refused_with_the_search_page_message(self):
        home = HomePage.objects.get()
        self.client.force_login(UserFactory(username="capo", is_superuser=True))
        data = nested_form_data(
            {
                "title": "Estate 2027: centri estivi",
                "slug": "estate-2027",
                "introduction": rich_text(""),
                "saved_search": "/cerca/?kind=centro_estivo&age=duecento",
                "search_results_limit": "12",
                "picks": inline_formset([]),
            }
        )
        response = self.client.post(f"/admin/pages/add/home/collectionpage/{home.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "età")
        self.assertFalse(CollectionPage.objects.filter(slug="estate-2027").exists())

        data["saved_search"] = "/cerca/?kind=centro_estivo&age=8"
        response = self.client.post(f"/admin/pages/add/home/collectionpage/{home.pk}/", data)
        self.assertEqual(response.status_code, 302)
        saved = CollectionPage.objects.get(slug="estate-2027")
        self.assertEqual(saved.saved_search, "age=8&kind=centro_estivo")
        self.assertIsNotNone(saved.latest_revision)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("categoria=sport", "Parametri di ricerca sconosciuti: categoria."),
        ("age=-3", None),
        ("date_from=ieri", None),
    ],
)
def test_saved_searches_are_validated_like_the_search_page(text, message):
    with pytest.raises(ValidationError) as error:
        parse_saved_search(text, today=dt.date(2027, 5, 1))
    if message:
        assert error.value.messages == [message]


def test_a_saved_search_may_be_a_whole_address():
    query = parse_saved_search("https://comune.example/cerca/?category=sport&age=70", today=dt.date(2027, 5, 1))
    assert (list(query.categories), query.age) == (["sport"], 70)


def test_a_collection_shows_picks_in_order_then_search_results_without_repeats(client, home_page):
    first = OpportunityPageFactory(title="Ginnastica dolce", categories=sport())
    second = OpportunityPageFactory(title="Burraco al circolo")
    OpportunityPageFactory(title="Nuoto libero", categories=sport())
    OpportunityPageFactory(title="Torneo concluso", categories=sport(), status=Status.CONCLUDED)
    OpportunityPageFactory(title="Corso di pittura")
    page = collection(home_page, saved_search="/cerca/?category=sport", introduction="<p>Per restare in forma.</p>")
    # The editor's inline panel numbers the picks; assigned by hand, they need their sort_order too.
    page.picks = [CollectionPick(opportunity=second, sort_order=0), CollectionPick(opportunity=first, sort_order=1)]
    page.save()

    text = client.get(page.url).content.decode()

    assert text.index("Burraco al circolo") < text.index("Ginnastica dolce") < text.index("Altre proposte")
    assert text.index("Altre proposte") < text.index("Nuoto libero")
    assert text.count("Ginnastica dolce") == 1
    assert "Torneo concluso" not in text and "Corso di pittura" not in text
    assert "Vedi tutti i 2 risultati nella ricerca" in text
    assert 'href="/cerca/?category=sport"' in text


def test_a_collection_without_a_search_shows_only_its_picks(client, home_page):
    pick = OpportunityPageFactory(title="Visita guidata")
    OpportunityPageFactory(title="Altro evento")
    page = collection(home_page)
    page.picks = [CollectionPick(opportunity=pick)]
    page.save()

    text = client.get(page.url).content.decode()

    assert "Visita guidata" in text and "Altro evento" not in text
    assert "Cerca tra tutte le opportunità" in text


def test_a_collection_costs_the_same_queries_as_it_grows(client, home_page):
    page = collection(home_page, saved_search="category=sport")

    def add_content():
        page.picks.add(CollectionPick(opportunity=OpportunityPageFactory(categories=sport())))
        page.save()
        OpportunityPageFactory(categories=sport(), places=[PlaceFactory()])

    add_content()
    baseline = queries_to_render(client, page.url)
    for _ in range(4):
        add_content()
    assert queries_to_render(client, page.url) == baseline


@pytest.fixture
def news_index(home_page):
    return home_page.add_child(instance=NewsIndexPage(title="Notizie", slug="notizie"))


def add_news(index, title, date, **fields):
    fields.setdefault("summary", f"In breve: {title}.")
    fields.setdefault("body", f"<p>Tutto su {title}.</p>")
    return index.add_child(instance=NewsPage(title=title, slug=title.lower().replace(" ", "-"), date=date, **fields))


def test_news_are_listed_newest_first_and_drafts_stay_hidden(client, news_index):
    add_news(news_index, "Festa di primavera", dt.date(2027, 3, 21))
    add_news(news_index, "Centri estivi 2027", dt.date(2027, 5, 2))
    add_news(news_index, "Bozza segreta", dt.date(2027, 6, 1), live=False)

    text = client.get(news_index.url).content.decode()

    assert text.index("Centri estivi 2027") < text.index("Festa di primavera")
    assert "2 maggio 2027" in text and "In breve: Centri estivi 2027." in text
    assert "Bozza segreta" not in text


def test_news_are_paginated_and_a_bad_page_number_is_harmless(client, news_index):
    for day in range(1, 13):
        add_news(news_index, f"Notizia {day}", dt.date(2027, 1, day))

    assert "Notizia 2" in client.get(news_index.url, {"page": 2}).content.decode()
    assert client.get(news_index.url, {"page": "mille"}).status_code == 200


def test_a_news_page_shows_date_summary_and_body(client, news_index):
    news = add_news(news_index, "Nuovo sportello", dt.date(2027, 4, 8), body="<p>Apre in <b>via Roma</b>.</p>")
    text = client.get(news.url).content.decode()
    assert "8 aprile 2027" in text and "Apre in <b>via Roma</b>." in text
    assert f'href="{news_index.url}"' in text


def test_the_news_list_costs_the_same_queries_as_it_grows(client, news_index):
    add_news(news_index, "Prima", dt.date(2027, 1, 1))
    baseline = queries_to_render(client, news_index.url)
    for day in range(2, 8):
        add_news(news_index, f"Altra {day}", dt.date(2027, 1, day))
    assert queries_to_render(client, news_index.url) == baseline


def test_the_help_desk_page_lists_desks_with_hours_contacts_and_access(client, home_page):
    PlaceFactory(
        name="Sportello Famiglie",
        is_help_desk=True,
        opening_hours="Lunedì 9-12\nGiovedì 15-18",
        phone="0123 456789",
        email="famiglie@comune.example",
        accessibility_notes="Ingresso senza gradini da via Verdi.",
    )
    PlaceFactory(name="Palestra comunale")
    page = home_page.add_child(instance=HelpDeskPage(title="Sportelli", slug="sportelli"))

    text = client.get(page.url).content.decode()

    assert "Sportello Famiglie" in text and "Palestra comunale" not in text
    assert "Lunedì 9-12<br>Giovedì 15-18" in text
    assert 'href="tel:0123456789"' in text and "famiglie@comune.example" in text
    assert "Ingresso senza gradini da via Verdi." in text


def test_the_help_desk_page_costs_the_same_queries_as_it_grows(client, home_page):
    page = home_page.add_child(instance=HelpDeskPage(title="Sportelli", slug="sportelli"))
    PlaceFactory(is_help_desk=True)
    baseline = queries_to_render(client, page.url)
    for _ in range(4):
        PlaceFactory(is_help_desk=True)
    assert queries_to_render(client, page.url) == baseline


def test_concluding_an_opportunity_removes_it_from_collections_saved_search(client, home_page):
    ending = OpportunityPageFactory(title="Gita al lago", categories=sport())
    page = collection(home_page, saved_search="category=sport")
    assert "Gita al lago" in client.get(page.url).content.decode()

    ending.status = Status.CONCLUDED
    ending.save_revision().publish()

    # The collection follows the search engine rather than a stored list.
    assert "Gita al lago" not in client.get(page.url).content.decode()
