"""What every search engine returns: one page of hits, the total and the facets."""

import dataclasses
import math

# The facet dimensions, in the order the filter panel shows them.
FACET_DIMENSIONS = ("category", "audience", "kind", "district", "accessibility", "language", "free")


@dataclasses.dataclass(frozen=True)
class Hit:
    page: object  # an OpportunityPage with the relations a result card shows already prefetched
    score: float | None = None
    distance_km: float | None = None
    # Safe HTML: the passage of the summary or body that matched the text, its words in <mark>; engines that
    # cannot highlight leave it empty and the card shows the summary.
    highlight: str = ""


@dataclasses.dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclasses.dataclass
class SearchResult:
    total: int
    hits: list
    facets: dict
    page: int
    page_size: int
    suggestions: list = dataclasses.field(default_factory=list)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1
