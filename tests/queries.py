from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_render(client, url):
    """How many SQL queries serving `url` takes (after a first request warms the caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
