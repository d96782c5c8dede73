"""The judged-sample check of the events stage: precision over judged events still produced."""

import hashlib
import json

import pytest

from storyledger.evaluation.events_judged import evaluate_ecbplus_judged


def _row(article, text, trigger, action, *, right):
    start = text.index(trigger)
    digest = hashlib.sha1(trigger.encode("utf-8")).hexdigest()[:10]
    return {
        "article": article,
        "start": start,
        "end": start + len(trigger),
        "sha1": digest,
        "action": action,
        "right": right,
        "why": "",
    }


@pytest.mark.issue(15)
def test_judged_precision(nlp, tmp_path):
    texts = {
        "a1": "Police arrested three protesters in the capital on Monday.",
        "a2": "Syrian warplanes bombed rebel positions. The rebels released two hostages.",
    }
    (tmp_path / "articles.jsonl").write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()),
        encoding="utf-8",
    )
    judged = [
        _row("a1", texts["a1"], "arrested", "COERCE", right=True),
        _row("a2", texts["a2"], "bombed", "ASSAULT", right=False),  # judged wrong, for the test
        _row("a2", texts["a2"], "released", "AID", right=True),  # another type: dropped
    ]
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"judged": judged}), encoding="utf-8")
    scores = evaluate_ecbplus_judged(tmp_path, path, nlp)
    assert scores == {
        "judged": 3,
        "found": 2,
        "precision": 0.5,
        "dropped_right": 1,
        "dropped_wrong": 0,
        "unjudged": 1,  # "released" as RETREAT was never judged
    }


@pytest.mark.issue(15)
def test_a_judged_span_that_no_longer_matches_is_an_error(nlp, tmp_path):
    text = "Police arrested three protesters."
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "a", "text": text}) + "\n")
    row = _row("a", text, "arrested", "COERCE", right=True)
    row["sha1"] = "0000000000"
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"judged": [row]}), encoding="utf-8")
    with pytest.raises(ValueError, match="no longer matches"):
        evaluate_ecbplus_judged(tmp_path, path, nlp)
