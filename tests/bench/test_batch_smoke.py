"""A small run of the batch benchmark: it varies a few articles and times the local engine."""

import json
import sys

from tests.conftest import ROOT, run_script


def test_batch_benchmark_runs_on_a_few_articles(tmp_path):
    out = tmp_path / "b.json"
    run_script(
        "bench/batch.py",
        "--articles",
        "6",
        "--shards",
        "2",
        "--modes",
        "plain,local-1",
        "--out",
        str(out),
    )
    report = json.loads(out.read_text())
    assert [row["mode"] for row in report["results"]] == ["plain", "local-1"]
    assert all(row["articles"] == 6 for row in report["results"])


def test_variants_change_names_and_numbers_but_keep_the_length():
    sys.path.insert(0, str(ROOT / "bench"))
    from batch import vary

    article = {"text": "Police said 45 people were held. Mayor Ilse Brandvold met them."}
    variant = vary(article, 3)
    assert len(variant["text"]) == len(article["text"])
    assert "78" in variant["text"] and "Brandvold" not in variant["text"]
    assert variant["text"].startswith("Mayor") or variant["text"] != article["text"]


def test_batch_memory_benchmark_runs_small(tmp_path):
    out = tmp_path / "m.json"
    run_script("bench/batch_memory.py", "--gigabytes", "0.001", "--sizes", "3", "--out", str(out))
    report = json.loads(out.read_text())
    read, shard = report["results"]
    assert read["mode"] == "read" and read["articles"] > 10 and read["peak_rss_mb"] > 0
    assert shard["mode"] == "shard-3" and shard["articles"] == 3
