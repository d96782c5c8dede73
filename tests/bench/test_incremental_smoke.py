"""A small run of the incremental benchmark: a small store, a few new articles, equal tables."""

import json

import pytest

from tests.conftest import run_script


@pytest.mark.issue(17)
def test_incremental_benchmark_runs_on_a_small_store(tmp_path):
    out = tmp_path / "i.json"
    done = run_script(
        "bench/incremental.py",
        *("--articles", "40", "--new", "4", "--base-limit", "12", "--out", str(out)),
    )
    result = json.loads(out.read_text())["result"]
    assert result["articles"] == 40 and result["new"] == 4
    assert result["equal_to_full_recompute"] is True
    assert result["incremental_step_seconds"] > 0 and result["full_recompute_seconds"] > 0
    assert done.stdout.splitlines()[0].startswith("articles")
