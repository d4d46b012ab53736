"""The realistic mix of searches: what families type and tick on /cerca/, with the vocabulary of the demo town."""

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class Search:
    label: str
    params: dict

    @property
    def text(self):
        return self.params.get("q", "")

    @property
    def query_string(self):
        return urlencode(self.params, doseq=True)

    @property
    def stock_query_string(self):
        """The same words and page for Wagtail's stock view, which knows no filters (it takes `query`)."""
        page = self.params.get("page")
        return urlencode({"query": self.text, **({"page": page} if page else {})})


MIX = [
    # Free text: inflections (Italian stemming on PostgreSQL), a typo, the editors' synonyms, combinations.
    Search("plural: biblioteche", {"q": "biblioteche"}),
    Search("inflected: corsi di inglese", {"q": "corsi di inglese"}),
    Search("two words: teatro ragazzi", {"q": "teatro ragazzi"}),
    Search("typo: chitara", {"q": "chitara"}),
    Search("typo: fotografia pagina 3", {"q": "fotogarfia", "page": "3"}),
    Search("synonym: aiuto compiti", {"q": "aiuto compiti"}),
    Search("synonym + age: campo estivo, 8 anni", {"q": "campo estivo", "age": "8"}),
    Search("text + district: ginnastica a Porta Po", {"q": "ginnastica", "district": "porta-po"}),
    Search("text + soonest: yoga", {"q": "yoga", "sort": "soonest"}),
    Search("text + weekend + free: festa", {"q": "festa", "when": "weekend", "free": "1"}),
    Search("text, page 3: sport", {"q": "sport", "page": "3"}),
    # Filters only: browsing the catalogue.
    Search("everything, page 1", {}),
    Search("everything, page 3", {"page": "3"}),
    Search("age 10", {"age": "10"}),
    Search("category: sport", {"category": "sport"}),
    Search("category + age: cultura, 14 anni", {"category": "cultura", "age": "14"}),
    Search("district: San Rocco", {"district": "san-rocco"}),
    Search("this weekend", {"when": "weekend"}),
    Search("free, soonest", {"free": "1", "sort": "soonest"}),
    Search(
        "next 7 days + family + free",
        {"when": "next7", "category": "famiglia-e-genitorialita", "free": "1"},
    ),
    Search(
        "summer camps, 9 anni, Borgo Fornaci, page 3",
        {"kind": "centro_estivo", "age": "9", "district": "borgo-fornaci", "page": "3"},
    ),
    Search("seniors, free, this weekend", {"audience": "anziani", "free": "1", "when": "weekend"}),
    Search("today, mornings, soonest", {"when": "today", "time_of_day": "morning", "sort": "soonest"}),
]
