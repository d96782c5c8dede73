"""A small run of the records dump that proves a speed change leaves every record as it was."""

import json

import pytest

from tests.conftest import MEANTIME, SEEDS, need, run_script

pytestmark = pytest.mark.issue(21)


def test_the_records_dump_lists_every_record_of_each_corpus_sorted(tmp_path):
    need(SEEDS), need(MEANTIME)
    out = tmp_path / "records.jsonl"
    done = run_script("bench/records.py", "--out", out, "--limit", "2", timeout=600)
    counts = json.loads(done.stdout.strip().splitlines()[-1])["records"]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(counts.values())
    rows = [json.loads(line) for line in lines]
    assert [row["_corpus"] for row in rows] == ["meantime"] * counts["meantime"] + [
        "seeds"
    ] * counts["seeds"]
    for corpus in counts:  # each corpus's records sorted, so two dumps compare line by line
        mine = [line for line, row in zip(lines, rows, strict=True) if row["_corpus"] == corpus]
        assert mine == sorted(mine)
    assert {"sentences", "mentions", "quotes", "figures", "events"} <= {
        row["_records"] for row in rows
    }
