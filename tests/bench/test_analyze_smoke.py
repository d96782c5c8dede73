"""A small run of the whole-analyze benchmark (#21): every part timed, both backends, JSON out."""

import json

import pytest

from tests.conftest import SEEDS, need, run_script

pytestmark = pytest.mark.issue(21)


def test_analyze_benchmark_runs_on_a_few_articles(tmp_path):
    need(SEEDS)
    out = tmp_path / "a.json"
    run_script("bench/analyze.py", "--copies", "1", "--out", out, timeout=600)
    report = json.loads(out.read_text())
    rows = {row["mode"]: row for row in report["results"]}
    assert list(rows) == ["plain", "analyze-blis", "analyze-numpy"]
    assert rows["analyze-blis"]["ops"] == "blis" and rows["analyze-numpy"]["ops"] == "numpy"
    for mode in ("analyze-blis", "analyze-numpy"):
        row = rows[mode]
        assert row["articles"] == report["articles"] == 2
        for clock in ("", "_cpu"):  # wall and CPU seconds of every part
            parts = ("startup", "parse", "stages", "store", "cross")
            assert all(row[f"{part}{clock}"] > 0 for part in parts)
            assert row[f"whole_vs_plain{clock}"] > 0
            assert len(row[f"whole_vs_plain{clock}_runs"]) == 1  # one round
        assert 0 < row["store_share"] < 1
