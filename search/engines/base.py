"""The interface every search engine implements."""

import abc

# The page size engines are asked for when a whole list of matches is needed.
BATCH_SIZE = 100


class SearchEngine(abc.ABC):
    @abc.abstractmethod
    def search(self, query, *, now):
        """Run a `SearchQuery` and return a `SearchResult`; `now` (aware datetime) anchors dates."""

    @abc.abstractmethod
    def autocomplete(self, text, limit=8):
        """Suggestions while typing, as a list of (label, url, type) tuples."""

    def count(self, query, *, now):
        """How many opportunities match; engines that can count without facets and hits should override it."""
        return self.search(query.with_changes(page_size=1), now=now).total

    def matching_pks(self, query, *, now, limit):
        """(total, primary keys of the first `limit` matches in the query's order), for the map.

        Pages through `search`, which any engine answers; engines that can list matches directly
        should override it.
        """
        pks, total, page = [], 0, 1
        while len(pks) < limit:
            result = self.search(query.with_changes(page=page, page_size=BATCH_SIZE), now=now)
            total = result.total
            pks += [hit.page.pk for hit in result.hits]
            if not result.has_next:
                break
            page += 1
        return total, pks[:limit]
