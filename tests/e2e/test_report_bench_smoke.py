"""A small run of the page-load benchmark: it builds a store, times every view, writes JSON."""

import json

from tests.conftest import run_script


def test_report_benchmark_runs_on_a_small_story(browser, tmp_path):
    out = tmp_path / "r.json"
    done = run_script(
        "bench/report.py",
        "--articles",
        "12",
        "--base-limit",
        "6",
        "--rounds",
        "1",
        "--out",
        str(out),
    )
    report = json.loads(out.read_text())
    assert report["articles"] == 12 and len(report["results"]) == 2
    assert all(row["load"] > 0 for row in report["results"])
    assert "milliseconds until drawn" in done.stdout
