"""The judged-sample check: precision over judged figures the stage still produces."""

import hashlib
import json

import pytest

from storyledger.evaluation.figures_judged import evaluate_ecbplus_judged


def _row(article, text, span, *, right):
    start = text.index(span)
    digest = hashlib.sha1(span.encode("utf-8")).hexdigest()[:10]
    return {
        "article": article,
        "start": start,
        "end": start + len(span),
        "sha1": digest,
        "figure": right,
        "value_right": right,
        "why": "",
    }


@pytest.mark.issue(16)
def test_judged_precision(nlp, tmp_path):
    texts = {
        "a1": "Officials said 40 people were hurt in the blast on Monday morning.",
        "a2": "The shares rose 5% to close at $12.50 in New York trading on Friday.",
    }
    (tmp_path / "articles.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()),
        encoding="utf-8",
    )
    judged = [
        _row("a1", texts["a1"], "40", right=True),
        _row("a2", texts["a2"], "5%", right=False),  # judged wrong, for the test's sake
        _row("a2", texts["a2"], "close", right=True),  # never produced: dropped
    ]
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"about": "test", "judged": judged}), encoding="utf-8")
    row = evaluate_ecbplus_judged(tmp_path, path, nlp)
    assert (row["judged"], row["found"], row["precision"]) == (3, 2, 0.5)
    assert (row["dropped_right"], row["dropped_wrong"], row["value_accuracy"]) == (1, 0, 1.0)
