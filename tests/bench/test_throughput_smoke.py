"""A small run of the throughput benchmark: it runs every mode and writes its JSON."""

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_benchmark_runs_on_a_few_articles(tmp_path):
    out = tmp_path / "t.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench/throughput.py"), "--limit", "4", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    report = json.loads(out.read_text())
    assert [row["mode"] for row in report["results"]] == ["plain", "spine", "pipeline", "analyze"]
    assert all(row["articles"] == 4 and row["articles_per_second"] > 0 for row in report["results"])
    assert "articles_per_second" in done.stdout.splitlines()[0]
