"""The demo's curated pages: two collections, a few news items and the help desks' page.

Built with Wagtail's own calls (add_child, save_revision, publish) rather than
the bulk builder: a handful of pages, which should have revisions and log entries
like pages editors write. Found again by slug, so a reset updates them in place.
"""

import datetime as dt

from home.demo.dates import summer_year
from home.demo.town import TOWN
from home.models import CollectionPage, CollectionPick, HelpDeskPage, NewsIndexPage, NewsPage
from opportunities.models import Kind, OpportunityPage, Status

PICKS = 3

# Each collection's picks: the editors' choice among live, active opportunities that match `picks` (ORM lookups)
# and are meant for the collection's audience, not merely open to it (an over-65 can join a CV workshop for
# adults, but it is no pick for them): for the over-65s, listings whose minimum age is 60 or more.
COLLECTIONS = (
    {
        "slug": "estate-centri-estivi",
        "title": "Estate {summer}: centri estivi",
        "introduction": (
            "<p>Tutti i centri estivi della città per bambine, bambini e ragazzi: dove sono, quanto costano e come "
            "iscriversi. In cima le proposte che la redazione consiglia per chi cerca ancora un posto.</p>"
        ),
        "saved_search": "kind=centro_estivo",
        "picks": {"kind": Kind.SUMMER_CAMP},
    },
    {
        "slug": "over-65",
        "title": "Per chi ha più di 65 anni",
        "introduction": (
            "<p>Ginnastica dolce, corsi, compagnia e volontariato: le occasioni per restare in movimento e in "
            "contatto con gli altri, vicino a casa.</p>"
        ),
        "saved_search": "audience=anziani",
        "picks": {"audiences__slug": "anziani", "min_age__gte": 60},
    },
)

NEWS = (
    (
        "iscrizioni-centri-estivi",
        3,
        "Centri estivi: iscrizioni aperte",
        "Da oggi si può iscriversi ai centri estivi comunali e delle associazioni; chi ha difficoltà può farsi aiutare "
        "agli sportelli.",
        "<p>Le iscrizioni ai centri estivi sono aperte. Ogni proposta indica età, orari, costi e agevolazioni.</p>"
        "<p>Per compilare la domanda puoi rivolgerti a uno degli <b>sportelli</b> del Comune: un operatore ti aiuta "
        "a scegliere e a iscriverti.</p>",
    ),
    (
        "nuovo-portale",
        12,
        f"Nasce il portale delle opportunità di {TOWN}",
        "Attività, servizi, eventi e volontariato in un solo posto, aggiornati direttamente dalle associazioni.",
        "<p>Il portale raccoglie le proposte delle associazioni, delle parrocchie, delle società sportive e del "
        "Comune. Ogni scheda dice a chi è rivolta, quando, dove, quanto costa e come partecipare.</p>"
        "<p>Le associazioni possono registrarsi e pubblicare le proprie attività.</p>",
    ),
    (
        "sportello-famiglie-orari",
        30,
        "Sportelli: nuovi orari",
        "Gli sportelli di orientamento sono aperti anche il sabato mattina.",
        "<p>Da questo mese gli sportelli sono aperti anche il <b>sabato dalle 9 alle 12</b>. Gli orari di ciascuno "
        "sono nella pagina degli sportelli.</p>",
    ),
)

HELP_DESKS_INTRODUCTION = (
    "<p>Preferisci parlare con una persona? Agli sportelli un operatore ti aiuta a trovare attività e servizi, a "
    "capire i requisiti e a compilare le iscrizioni. L'accesso è libero e gratuito.</p>"
)


def add_curation(site, *, today, user=None):
    """Create or update the demo's collections, news and help desks' page, each with a published revision."""
    home = site.root_page.specific
    for spec in COLLECTIONS:
        page = _page(
            CollectionPage,
            home,
            spec["slug"],
            title=spec["title"].format(summer=summer_year(today)),
            introduction=spec["introduction"],
            saved_search=spec["saved_search"],
        )
        page.picks = [
            CollectionPick(opportunity=opportunity, sort_order=order)
            for order, opportunity in enumerate(choose_picks(spec["picks"]))
        ]
        _publish(page, user)
    news_index = _publish(_page(NewsIndexPage, home, "notizie", title="Notizie", show_in_menus=True), user)
    for slug, days_ago, title, summary, body in NEWS:
        date = today - dt.timedelta(days=days_ago)
        _publish(_page(NewsPage, news_index, slug, title=title, date=date, summary=summary, body=body), user)
    desks = _page(HelpDeskPage, home, "sportelli", title="Sportelli", introduction=HELP_DESKS_INTRODUCTION)
    desks.show_in_menus = True
    _publish(desks, user)


def choose_picks(lookups, count=PICKS):
    """Up to `count` live, active opportunities matching `lookups`, with a coming date, of different kinds
    where there is a choice, and never two of the same title."""
    candidates = (
        OpportunityPage.objects.live()
        .filter(status=Status.ACTIVE, next_occurrence__isnull=False, **lookups)
        .order_by("path")
        .distinct()
    )
    chosen, kinds, titles = [], set(), set()
    for varied in (True, False):
        for opportunity in candidates:
            if len(chosen) == count:
                return chosen
            if opportunity in chosen or opportunity.title in titles or (varied and opportunity.kind in kinds):
                continue
            chosen.append(opportunity)
            kinds.add(opportunity.kind)
            titles.add(opportunity.title)
    return chosen


def _page(model, parent, slug, **fields):
    """The child of `parent` with this slug, created or updated with `fields` (not yet published)."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        return parent.add_child(instance=model(slug=slug, live=False, **fields))
    for name, value in fields.items():
        setattr(page, name, value)
    return page


def _publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page
