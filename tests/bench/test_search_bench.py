"""The search benchmark (bench/search) runs end to end on a tiny demo, so it cannot rot. No timings asserted."""

import datetime as dt
import io
import re

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from bench.search.mix import MIX
from bench.search.run import main
from search.catalogue import current_version
from search.query import SearchQuery

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.search.urls")]

NUMBER = r"\d+\.\d"


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", opportunities=30, stdout=io.StringIO())


def table_rows(report, first_heading):
    """The body rows of the Markdown table whose header starts with `first_heading`, as lists of cells."""
    lines = report.splitlines()
    start = lines.index(next(line for line in lines if line.startswith(f"| {first_heading} |")))
    assert re.fullmatch(r"\|---(\|---:)+\|", lines[start + 1])
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_benchmark_prints_environment_summary_targets_and_every_search(demo, capsys):
    main(["--repetitions", "2", "--warmup", "0"])
    report = capsys.readouterr().out

    assert "- opportunities: 30\n" in report and "- changes: none\n" in report
    assert re.search(r"- code: (commit [0-9a-f]+|unknown)", report)
    assert re.search(r"- software: Python [\d.]+, Django [\d.]+, Wagtail [\d.]+", report)
    summary = table_rows(report, "view")
    assert [row[0] for row in summary] == [
        "bare Django view (constant)",
        "Wagtail stock search (`wagtail start`)",
        "search page `/cerca/`",
        "search page `/cerca/`",
        "JSON API `/api/v1/opportunities/`",
        "JSON API `/api/v1/opportunities/`",
    ]
    worded = sum(1 for search in MIX if search.text)
    assert [row[1] for row in summary] == [
        f"{len(MIX)} (all)",
        f"{worded} (all)",
        f"{len(MIX)} (all)",
        f"{worded} (with words)",
        f"{len(MIX)} (all)",
        f"{worded} (with words)",
    ]
    for row in summary:
        assert re.fullmatch(NUMBER, row[2]) and re.fullmatch(NUMBER, row[3]), row
        assert re.fullmatch(r"\d+×", row[4]), row
    targets = [line for line in report.splitlines() if line.startswith("- ") and "median of" in line]
    assert len(targets) == 4
    assert all(re.search(r"\*\*(met|not met)\*\*", line) for line in targets)
    per_search = table_rows(report, "search")
    assert [row[0] for row in per_search] == [search.label for search in MIX]
    for row, search in zip(per_search, MIX, strict=True):
        assert re.fullmatch(rf"{NUMBER} \(\d+\)", row[1]) and re.fullmatch(rf"{NUMBER} \(\d+\)", row[2]), row
        assert re.fullmatch(rf"{NUMBER} \(\d+\)", row[3]) if search.text else row[3] == "–", row


def test_after_a_change_each_request_follows_a_recorded_change(demo, capsys, settings):
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()
    before = current_version()
    main(["--repetitions", "2", "--warmup", "0", "--after-a-change"])
    report = capsys.readouterr().out
    assert "- changes: one opportunity changed before each request\n" in report
    # Every view, every search, twice timed and once counted.
    assert current_version() - before >= 3 * len(MIX)
    cache.clear()


@pytest.mark.parametrize("search", MIX, ids=lambda search: search.label)
def test_every_benchmarked_search_is_a_valid_query(search):
    """Should the query contract change, the mix must follow it rather than time an error page."""
    query = SearchQuery.from_params(search.params, today=dt.date(2026, 11, 22))

    assert query.text == search.text


def test_stock_view_lists_live_pages_matching_the_words(demo):
    response = Client().get("/bench/stock-search/", {"query": "centro estivo"})

    assert response.status_code == 200
    assert b"<h1>Search</h1>" in response.content
    assert response.context["search_results"].paginator.count > 0
    assert all(page.live for page in response.context["search_results"])


def test_bare_view_answers_a_constant():
    response = Client().get("/bench/bare/")

    assert response.content == b"ok"


def test_refinement_benchmark_times_every_step_alone_and_after_the_first(demo, capsys):
    from bench.search.refine import STEPS
    from bench.search.refine import main as refine

    refine(["--repetitions", "1"])
    report = capsys.readouterr().out

    assert "- search cache: SEARCH_CACHE_SECONDS=300" in report
    rows = table_rows(report, "step")
    assert [row[0] for row in rows] == [label for label, *_ in STEPS]
    for row in rows:
        assert re.fullmatch(NUMBER, row[1]) and re.fullmatch(NUMBER, row[2]), row
        assert re.fullmatch(r"\d+\.\d\d×", row[3]), row
