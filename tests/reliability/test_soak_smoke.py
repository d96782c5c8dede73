"""A small sample of the real-corpus soak (`scripts/soak.py`): every shared corpus, given to
one `storyledger analyze` as folders, finishes with no crash and no failed article."""

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED, need


@pytest.mark.issue(20)
def test_analyze_over_a_sample_of_every_shared_corpus_fails_no_article(tmp_path):
    need(SHARED / "corpora")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/soak.py"),
            "--sample",
            "40",
            "--db",
            str(tmp_path / "s.db"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    totals = re.search(r"^total: (.*); failed articles: (\d+)$", done.stdout, re.MULTILINE)
    assert totals and totals.group(2) == "0"
    stored = int(re.search(r"'stored': (\d+)", totals.group(1)).group(1))
    assert stored >= 40  # real articles from MEANTIME, ECB+, the PLOVER records and the seeds
    for corpus in ("meantime/articles.jsonl", "ecbplus/articles.jsonl", "plover-gsr/events.jsonl"):
        assert re.search(rf"^{re.escape(corpus)}\t[1-9]", done.stdout, re.MULTILINE), corpus
