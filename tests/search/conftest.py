"""The `engine` fixture: every engine behaviour test runs against the database engine and the Elasticsearch one.

Elasticsearch here is `noida-db` (PyPI), a stand-in server that speaks the Elasticsearch 8.15 API,
started once per session on a free port and stopped at the end (docs/elasticsearch.md says what
was verified against it and what only a real cluster can prove).
"""

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from importlib import resources
from pathlib import Path

import pytest

from search.engines.database.engine import DatabaseEngine
from search.engines.elasticsearch.client import _client, alias_name, get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine

START_TIMEOUT_SECONDS = 20


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def noida_binary():
    """The server binary the noida-db package ships (not its launcher script, whose child would outlive a stop)."""
    binary = Path(str(resources.files("noida_db").joinpath("noida-db")))
    binary.chmod(0o755)
    return str(binary)


class NoidaServer:
    """A noida-db process serving only Elasticsearch; it can be stopped and started again (outage tests)."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = tempfile.mkdtemp(prefix="noida-es-")
        self.process = None

    def start(self):
        command = [noida_binary(), "start", "--only", "elasticsearch", "--elasticsearch-port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--data-dir", self.data_dir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), urllib.request.urlopen(self.url, timeout=1):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"noida-db did not start on {self.url}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


@pytest.fixture(scope="session")
def elasticsearch_server():
    server = NoidaServer()
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.data_dir, ignore_errors=True)


@pytest.fixture
def elasticsearch_settings(settings, elasticsearch_server):
    """Elasticsearch as the engine, with indices of this test's own (a unique prefix), deleted afterwards."""
    from search.engines import FallbackEngine

    settings.SEARCH_ENGINE = "elasticsearch"
    settings.ELASTICSEARCH_URL = elasticsearch_server.url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    settings.ELASTICSEARCH_TIMEOUT = 30  # a loaded CI machine must not turn a slow answer into a failure
    FallbackEngine.reset()
    yield settings
    FallbackEngine.reset()
    if elasticsearch_server.process is not None:
        client = get_client(indexing=True)
        for name in client.indices.get(index=f"{alias_name()}*"):
            client.options(ignore_status=404).indices.delete(index=name)
        client.options(ignore_status=404).synonyms.delete_synonym(id=f"{settings.ELASTICSEARCH_INDEX_PREFIX}-synonyms")
    _client.cache_clear()


class IndexedElasticsearchEngine(ElasticsearchEngine):
    """The Elasticsearch engine, with the index brought in step with the database before each call.

    The behaviour tests build rows with factories and even `QuerySet.update()`, which no signal sees;
    syncing first (`search.indexing.sync`, what `search_index update` runs) tests the search itself.
    That indexing follows publishing, moves and deletions through signals and tasks is tested in
    tests/search/elasticsearch/test_indexing.py.
    """

    def search(self, query, *, now):
        from search import indexing

        indexing.sync()
        return super().search(query, now=now)

    def autocomplete(self, text, limit=8):
        from search import indexing

        indexing.sync()
        return super().autocomplete(text, limit=limit)


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request):
    if request.param == "database":
        return DatabaseEngine()
    request.getfixturevalue("elasticsearch_settings")
    from search import indexing

    indexing.rebuild()  # An empty index behind the alias, as `search_index rebuild` leaves it.
    return IndexedElasticsearchEngine()
