"""A small run of the store-writes benchmark (#21): both ways timed on the same analyses."""

import json

import pytest

from tests.conftest import SEEDS, need, run_script

pytestmark = pytest.mark.issue(21)


def test_store_writes_benchmark_runs_on_a_few_articles(tmp_path):
    need(SEEDS)
    out = tmp_path / "s.json"
    run_script("bench/store_writes.py", "--copies", "1", "--rounds", "1", "--out", out)
    rows = json.loads(out.read_text())["results"]
    assert [row["way"] for row in rows] == ["per-article", "batch"]
    assert all(row["articles"] == 2 and row["median"] > 0 for row in rows)
