"""A small run of the cross-article benchmark: it scales a few articles and writes its JSON."""

import json

from tests.conftest import run_script


def test_compare_benchmark_runs_on_a_small_corpus(tmp_path):
    out = tmp_path / "c.json"
    done = run_script(
        "bench/compare.py", "--articles", "60", "--base-limit", "12", "--out", str(out)
    )
    result = json.loads(out.read_text())["result"]
    assert result["articles"] == 60 and result["base_articles"] == 12
    assert result["compare_seconds"] > 0 and result["stories"] >= 5
    assert done.stdout.splitlines()[0].startswith("articles")
