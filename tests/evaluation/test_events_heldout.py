"""The held-out events eval on a tiny synthetic corpus: checked spans, events kept by the
sentence their trigger is in, and the GSR scorer's totals (never the real set)."""

import json

import pytest

from storyledger.errors import StoryledgerError
from storyledger.evaluation.corpus import corpus_articles
from storyledger.evaluation.events_heldout import (
    format_table,
    in_sentence,
    load_heldout,
    score_heldout,
)
from storyledger.evaluation.gold import span_sha1
from storyledger.model import Event

TEXT = "Police arrested two protesters in the capital on Monday. The home team won the match."
FIRST = TEXT.index("Police"), TEXT.index(" The home")
SECOND = TEXT.index("The home"), len(TEXT)
COERCE = {
    "event": "COERCE",
    "plover2_event": "COERCE",
    "plover2_mode": ["arrest"],
    "source": [{"actorText": "Police"}],
    "target": [{"actorText": "protesters"}],
    "negated": False,
}


def _write(tmp_path, spans, *, sha1=None):
    corpus = tmp_path / "shared" / "corpora" / "ecbplus"
    corpus.mkdir(parents=True)
    record = {"id": "1_1ecb", "topic": 1, "text": TEXT}
    (corpus / "articles.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = corpus_articles(corpus)[0].article
    lines = [
        {
            "id": f"s{i}",
            "corpus": "ecbplus",
            "doc": "1_1ecb",
            "line": 1,
            "article": article.id,
            "start": start,
            "end": end,
            "sha1": sha1 or span_sha1(article.text, start, end),
            "events": events,
        }
        for i, (start, end, events) in enumerate(spans)
    ]
    path = tmp_path / "heldout.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path, tmp_path / "shared", article


def _event(article, word, action, actor, target):
    start = TEXT.index(word)
    return Event(
        article=article.id,
        start=start,
        end=start + len(word),
        text=word,
        id=word,
        action=action,
        actor=actor,
        target=target,
        trigger_start=start,
        trigger_end=start + len(word),
    )


@pytest.mark.issue(15)
def test_scores_the_events_of_each_coded_sentence(tmp_path):
    path, shared, article = _write(tmp_path, [(*FIRST, [COERCE]), (*SECOND, [])])
    sentences = load_heldout(path, shared)
    assert [(s.start, s.end) for s in sentences] == [FIRST, SECOND]
    found = [
        _event(article, "arrested", "COERCE", "Police", "two protesters"),
        _event(article, "won", "ASSAULT", "The home team", None),  # in the no-event sentence
    ]
    assert in_sentence(sentences[0], found) == found[:1]
    results = score_heldout(sentences, {article.id: found, "other": found}, {})
    assert (results["gold"], results["found"], results["matched"]) == (1, 2, 1)
    assert (results["precision"], results["recall"]) == (0.5, 1.0)
    assert results["sentences"] == 2 and "errors" not in results  # totals only


@pytest.mark.issue(15)
def test_a_wrong_type_or_recipient_is_no_match(tmp_path):
    path, shared, article = _write(tmp_path, [(*FIRST, [COERCE])])
    sentences = load_heldout(path, shared)
    found = [_event(article, "arrested", "ASSAULT", "police", "protesters")]
    results = score_heldout(sentences, {article.id: found}, {})
    assert (results["matched"], results["pairs_found"]) == (0, 1)
    found = [_event(article, "arrested", "COERCE", "police", "the capital")]
    assert score_heldout(sentences, {article.id: found}, {})["matched"] == 0


@pytest.mark.issue(15)
def test_a_changed_span_is_refused(tmp_path):
    path, shared, _ = _write(tmp_path, [(*FIRST, [COERCE])], sha1="0000000000")
    with pytest.raises(StoryledgerError, match="no longer matches"):
        load_heldout(path, shared)


@pytest.mark.issue(15)
def test_the_dev_set_keeps_each_error_with_its_cause(tmp_path):
    accuse = {**COERCE, "event": "ACCUSE", "plover2_event": "ACCUSE", "plover2_mode": []}
    path, shared, article = _write(tmp_path, [(*FIRST, [COERCE, accuse]), (*SECOND, [COERCE])])
    sentences = load_heldout(path, shared)
    found = [
        _event(article, "arrested", "COERCE", "Police", None),  # the recipient is missing
        _event(article, "won", "ASSAULT", "The home team", None),
    ]
    results = score_heldout(sentences, {article.id: found}, {}, errors=True)
    assert results["causes"] == {"wrong or missing recipient": 1, "other events only": 2}
    missed = "missed s0: Police COERCE protesters (wrong or missing recipient: found None)"
    assert missed in results["errors"]
    assert "extra s1: The home team ASSAULT None" in results["errors"]
    lines = format_table(results, part="dev")
    assert "  misses by cause: other events only=2  wrong or missing recipient=1" in lines
    assert all(f"  {error}" in lines for error in results["errors"])
    assert "totals only" not in lines[1]


@pytest.mark.issue(15)
def test_the_held_out_table_keeps_totals_only(tmp_path):
    path, shared, article = _write(tmp_path, [(*FIRST, [COERCE])])
    results = score_heldout(load_heldout(path, shared), {article.id: []}, {})
    assert "causes" not in results and len(format_table(results)) == 3
