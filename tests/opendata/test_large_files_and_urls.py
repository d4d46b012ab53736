"""Files of tens of megabytes and downloads over real HTTP: streamed, bounded, never a traceback."""

import contextlib
import http.server
import json
import threading
import time
import tracemalloc

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from opportunities.models import OpportunityPage
from tests.opendata.samples import hsds_service, write_json

pytestmark = pytest.mark.django_db
MEGABYTE = 1024 * 1024


def test_a_50_mb_json_array_is_streamed_in_bounded_memory(run_import, tmp_path):
    # Two services far apart and a 2 MB service in between: the file is 50 MB, no record is held whole but one.
    path = tmp_path / "big.json"
    oversized = hsds_service(9, description="x" * (2 * MEGABYTE))
    with path.open("w") as file:
        file.write("[" + json.dumps(hsds_service(1)) + ",")
        file.write(" " * (47 * MEGABYTE))
        file.write(json.dumps(oversized) + "," + json.dumps(hsds_service(2)) + "]")
    assert path.stat().st_size > 49 * MEGABYTE

    tracemalloc.start()
    try:
        out, _err = run_import("import_hsds", path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert "2 opportunità create, 0 aggiornate, 1 scartate." in out
    assert "#2 [?] scartata: Il servizio supera 1,0 MB ed è stato scartato." in out
    assert set(OpportunityPage.objects.values_list("hsds_id", flat=True)) == {"svc-1", "svc-2"}
    assert peak < 30 * MEGABYTE


def test_a_50_mb_ndjson_line_is_skipped_and_the_other_lines_imported(run_import, tmp_path):
    path = tmp_path / "big.ndjson"
    with path.open("w") as file:
        file.write(json.dumps(hsds_service(1)) + "\n")
        file.write(json.dumps(hsds_service(9, description="x" * (50 * MEGABYTE))) + "\n")
        file.write(json.dumps(hsds_service(2)) + "\n")

    out, _err = run_import("import_hsds", path)

    assert "2 opportunità create, 0 aggiornate, 1 scartate." in out
    assert "#2 [?] scartata: Il servizio supera 1,0 MB" in out


@override_settings(OPENDATA_IMPORT_MAX_BYTES=10 * MEGABYTE)
def test_a_file_over_the_configured_limit_is_refused_before_reading(home_page, tmp_path):
    path = tmp_path / "big.json"
    with path.open("w") as file:
        file.write("[" + " " * (50 * MEGABYTE) + "]")

    with pytest.raises(CommandError, match=r"Il file è di 50,0 MB: il limite è 10,0 MB"):
        call_command("import_hsds", str(path))


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        # The importer hangs up on purpose (limit or timeout).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self):
        if self.path == "/endless.json":
            # No Content-Length, more bytes than the limit: the reader must stop by itself.
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"[" + b" " * (3 * MEGABYTE))
            return
        if self.path == "/slow.json":
            time.sleep(2)
        super().do_GET()


@pytest.fixture
def http_server(tmp_path):
    """A real HTTP server on the loopback, serving tmp_path."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *args: _Handler(*args, directory=str(tmp_path)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_import_from_a_url(run_import, tmp_path, http_server):
    write_json(tmp_path / "services.json", [hsds_service(1), hsds_service(2)])

    out, _err = run_import("import_hsds", f"{http_server}/services.json")

    assert "2 opportunità create" in out
    assert OpportunityPage.objects.count() == 2


def test_a_url_that_answers_404_is_reported(home_page, http_server):
    with pytest.raises(CommandError, match="Il server ha risposto 404"):
        call_command("import_hsds", f"{http_server}/missing.json")


@override_settings(OPENDATA_IMPORT_MAX_BYTES=MEGABYTE)
def test_a_download_over_the_limit_is_stopped(home_page, tmp_path, http_server):
    (tmp_path / "declared.json").write_text("[" + " " * (2 * MEGABYTE) + "]")

    with pytest.raises(CommandError, match="il limite è 1,0 MB"):
        call_command("import_hsds", f"{http_server}/declared.json")
    with pytest.raises(CommandError, match="Il file supera"):
        call_command("import_hsds", f"{http_server}/endless.json")


@override_settings(OPENDATA_IMPORT_URL_TIMEOUT=0.5)
def test_a_server_that_does_not_answer_in_time_is_reported(home_page, tmp_path, http_server):
    write_json(tmp_path / "slow.json", [hsds_service(1)])

    with pytest.raises(CommandError, match="Impossibile scaricare"):
        call_command("import_hsds", f"{http_server}/slow.json")
    assert not OpportunityPage.objects.exists()
