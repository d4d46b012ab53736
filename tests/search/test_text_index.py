"""The database engine's text search is served by an index on PostgreSQL, not by reading every entry."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from opportunities.models import OpportunityPage
from search.engines.database.text import match_rows

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text indexes are PostgreSQL's"),
]

ENTRIES = 5000


def test_text_search_on_a_large_catalogue_reads_the_title_and_body_index():
    # Index entries of a catalogue too large to read whole, as the planner sees them after ANALYZE.
    content_type = ContentType.objects.get_for_model(OpportunityPage)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO wagtailsearch_indexentry
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, 'bulk-' || n, to_tsvector('portal_italian', 'Corso numero ' || n), ''::tsvector,
                   to_tsvector('portal_italian', 'Incontri settimanali in biblioteca, gruppo ' || n), 1.0, '', ''
            FROM generate_series(1, %s) AS n
            """,
            [content_type.pk, ENTRIES],
        )
        # What autovacuum does to a table after many inserts: new entries move from the index's pending list into it.
        cursor.execute("SELECT gin_clean_pending_list('portal_indexentry_title_body_gin')")
        cursor.execute("ANALYZE wagtailsearch_indexentry")

    for ranked in (True, False):
        results = OpportunityPage.objects.live().search("laboratorio di ceramica", order_by_relevance=ranked)
        plan = match_rows(results, ranked=ranked).explain()
        assert "portal_indexentry_title_body_gin" in plan, (ranked, plan)


def test_the_few_entries_of_a_narrow_word_are_joined_to_their_opportunities_through_an_index():
    # Whatever the planner's estimates: the join Wagtail writes (object_id = key cast to text) can use the index.
    with connection.cursor() as cursor:
        for method in ("hashjoin", "mergejoin", "seqscan"):
            cursor.execute(f"SET LOCAL enable_{method} = off")

    for ranked in (True, False):
        results = OpportunityPage.objects.all().search("biblioteca", order_by_relevance=ranked)
        plan = match_rows(results, ranked=ranked).explain()
        assert "portal_opportunity_key_as_text" in plan, (ranked, plan)
