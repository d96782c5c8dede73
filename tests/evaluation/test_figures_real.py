"""The real-news figures eval: matching, value and bound, per-part scores, checked offsets."""

import hashlib
import json

import pytest

from storyledger.errors import StoryledgerError
from storyledger.evaluation.figures_real import (
    PARTS,
    RealSentence,
    _rates,
    load_real,
    match,
    same_number,
    score_sentence,
)
from storyledger.model import Article, Figure
from tests.conftest import ROOT, SHARED, need

TEXT = "At least 43 people were killed and hundreds fled, 30 to 40 km away, on June 4."


def _span(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def _gold(piece: str, value, qualifier: str, low=None, high=None, unit=None) -> dict:
    start, end = _span(piece)
    return {
        "start": start,
        "end": end,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "unit": unit,
    }


def _figure(piece: str, value, qualifier="exact", low=None, high=None, unit=None) -> Figure:
    start, end = _span(piece)
    return Figure(
        article="a",
        start=start,
        end=end,
        text=piece,
        id=piece,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
    )


GOLDS = (
    _gold("At least 43", "43", "at_least", low="43"),
    _gold("hundreds", None, "vague", low="200"),
    _gold("30 to 40 km", None, "range", low="30", high="40", unit="kilometre"),
)


@pytest.mark.issue(16)
def test_scores_a_sentence_by_hand():
    predicted = [
        _figure("43", 43.0),  # value right, bound wrong
        _figure("hundreds", None, "vague", low=200.0),  # right
        _figure("30", 30.0, unit="kilometre"),  # the range read as one number: value wrong
        _figure("4", 4.0),  # a date: extra
    ]
    counts = dict.fromkeys(("gold", "found", "span", "value", "bound", "unit"), 0)
    errors: list[str] = []
    sentence = RealSentence("news-1-0", "dev", 0, len(TEXT), GOLDS)
    score_sentence(TEXT, sentence, predicted, counts, errors)
    assert counts == {"gold": 3, "found": 4, "span": 3, "value": 2, "bound": 1, "unit": 3}
    row = _rates(counts)
    assert (row["precision"], row["recall"], row["value_f1"]) == (0.5, 0.667, 0.571)
    assert row["value_bound_f1"] == 0.286 and row["unit_accuracy"] == 1.0
    assert errors == [
        "dev news-1-0: value '43': gold 43 at_least None got 43.0 exact None",
        "dev news-1-0: value '30': gold 30..40 range kilometre got 30.0 exact kilometre",
        "dev news-1-0: extra '4' (4.0 exact None)",
    ]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("gold", "figure", "right"),
    [
        (GOLDS[0], _figure("At least 43", 43.0, "at_least", low=43.0), True),
        (GOLDS[0], _figure("43", 43.0000001), True),
        (GOLDS[0], _figure("43", 42.0), False),
        (GOLDS[1], _figure("hundreds", None, "vague", low=200.0), True),
        (GOLDS[1], _figure("hundreds", 200.0), False),
        (GOLDS[2], _figure("30 to 40 km", None, "range", low=30.0, high=40.0), True),
        (GOLDS[2], _figure("30 to 40 km", None, "range", low=30.0, high=None), False),
    ],
)
def test_the_value_is_the_number_or_its_bounds(gold, figure, right):
    assert same_number(gold, figure) is right


@pytest.mark.issue(16)
def test_matching_pairs_the_closest_spans_one_to_one():
    narrow, same = _figure("43", 43.0), _figure("At least 43", 43.0, "at_least", low=43.0)
    assert match(GOLDS[:1], [narrow, same]) == [(GOLDS[0], same)]
    assert match(GOLDS[:1], [_figure("43 people were killed", 43.0)]) == []


def _corpus(tmp_path, text, digest=None):
    folder = tmp_path / "corpora" / "news"
    folder.mkdir(parents=True)
    (folder / "articles.jsonl").write_text(json.dumps({"id": "n1", "text": text}) + "\n")
    start, end = _span("At least 43")
    item = GOLDS[0] | {"sha1": digest or hashlib.sha1(TEXT[start:end].encode()).hexdigest()[:10]}
    entry = {
        "id": "news-1-0",
        "part": "dev",
        "corpus": "news",
        "line": 1,
        "start": 0,
        "end": len(TEXT),
        "sha1": hashlib.sha1(TEXT.encode()).hexdigest()[:10],
    }
    entry["article"] = Article.id_for(text)
    gold = tmp_path / "real.jsonl"
    gold.write_text(json.dumps(entry | {"figures": [item]}) + "\n")
    return gold


@pytest.mark.issue(16)
def test_gold_offsets_are_checked_against_the_shared_text(tmp_path):
    [(article, [sentence])] = load_real(_corpus(tmp_path, TEXT), tmp_path)
    item = sentence.figures[0]
    assert article.text[item["start"] : item["end"]] == "At least 43"
    assert sentence.part == "dev"


@pytest.mark.issue(16)
def test_a_moved_span_is_refused(tmp_path):
    with pytest.raises(StoryledgerError, match="no longer matches"):
        load_real(_corpus(tmp_path, TEXT, digest="0000000000"), tmp_path)


@pytest.mark.issue(16)
def test_the_annotated_set_fits_the_shared_corpora():
    need(SHARED / "corpora" / "ecbplus" / "articles.jsonl")
    need(SHARED / "corpora" / "meantime" / "articles.jsonl")
    pairs = load_real(ROOT / "evals" / "figures" / "real" / "real.jsonl", SHARED)
    sentences = [s for _, found in pairs for s in found]
    assert {s.part for s in sentences} == set(PARTS)
    assert sum(s.part == "dev" for s in sentences) >= 150
    assert sum(s.part == "heldout" for s in sentences) >= 100
    assert sum(s.part == "heldout3" for s in sentences) >= 120
    qualifiers = {f["qualifier"] for s in sentences for f in s.figures}
    assert qualifiers == {
        "exact",
        "about",
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "range",
        "vague",
    }
    assert any(not s.figures for s in sentences)
