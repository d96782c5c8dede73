"""A small run of the long-text benchmark: it times a few sizes and fits their exponent."""

import json

from tests.conftest import run_script


def test_long_text_benchmark_runs_small(tmp_path):
    out = tmp_path / "l.json"
    done = run_script(
        "bench/long_text.py", "--kinds", "said,marks", "--sizes", "100,200,400", "--out", str(out)
    )
    report = json.loads(out.read_text())
    assert [(r["kind"], r["size"]) for r in report["rows"]] == [
        (kind, size) for kind in ("said", "marks") for size in (100, 200, 400)
    ]
    assert all(r["seconds"] > 0 and r["tokens"] > 0 for r in report["rows"])
    assert [fit["kind"] for fit in report["fits"]] == ["said", "marks"]
    assert "fitted exponent" in done.stdout
