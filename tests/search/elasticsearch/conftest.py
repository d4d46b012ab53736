"""Tests marked `elasticsearch_real` need a real cluster: they run when ELASTICSEARCH_URL is set and are
deselected (reported as such in pytest's summary, not skipped) when it is not. See docs/elasticsearch.md."""

import os
import uuid

import pytest

from search.engines.elasticsearch.client import _client, alias_name, get_client


def pytest_collection_modifyitems(config, items):
    if os.environ.get("ELASTICSEARCH_URL"):
        return
    real = [item for item in items if item.get_closest_marker("elasticsearch_real")]
    if real:
        config.hook.pytest_deselected(items=real)
        items[:] = [item for item in items if item not in real]


@pytest.fixture
def real_cluster(settings):
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_INDEX_PREFIX = f"portal-test-{uuid.uuid4().hex[:10]}"
    yield get_client(indexing=True)
    client = get_client(indexing=True)
    for name in client.indices.get(index=f"{alias_name()}*"):
        client.options(ignore_status=404).indices.delete(index=name)
    client.options(ignore_status=404).synonyms.delete_synonym(id=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-synonyms")
    _client.cache_clear()
