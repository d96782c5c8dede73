"""The figures stage on hard sentences (negatives included), the seeds and whole articles."""

import json

import pytest

from storyledger.evaluation.gold import same_phrase
from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.conftest import ROOT

HARD = [json.loads(line) for line in (ROOT / "evals/figures/hard.jsonl").open(encoding="utf-8")]


def _figures(nlp, text):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    return analysis.get("figures")


@pytest.mark.issue(4)
@pytest.mark.parametrize("case", HARD, ids=[case["id"] for case in HARD])
def test_hard_sentences(nlp, case):
    figures = _figures(nlp, case["text"])
    assert [f.text for f in figures] == [g["text"] for g in case["figures"]]
    for figure, gold in zip(figures, case["figures"], strict=True):
        assert figure.qualifier == gold["qualifier"]
        assert (figure.value, figure.low, figure.high) == pytest.approx(
            (gold["value"], gold["low"], gold["high"])
        )
        assert figure.counted == gold["counted"]
        assert same_phrase(gold["attributed_to"], figure.attributed_to)
        if gold["measure"]:
            assert figure.measure.startswith(gold["measure"].split()[0])


def test_figure_spans_point_at_their_text(seed_analyses):
    for analysis in seed_analyses.values():
        for figure in analysis.get("figures"):
            assert figure.text == analysis.article.text[figure.start : figure.end]
            assert any(ch.isdigit() or ch.isalpha() for ch in figure.text)


@pytest.mark.issue(4)
def test_seed_figures_have_no_dates_and_keep_their_bounds(seed_analyses):
    figures = [f for a in seed_analyses.values() for f in a.get("figures")]
    assert all(
        f.unit != "date" and not f.text.lower().startswith(("oct", "october")) for f in figures
    )
    by_value = {f.value: f for f in figures if f.value}
    assert by_value[57575].qualifier == "at_least" and by_value[57575].attributed_to is None
    assert by_value[55000].qualifier == "more_than"
    assert "health ministry" in by_value[55000].attributed_to
    assert by_value[55000].counted == by_value[57575].counted == "Palestinians"
    assert by_value[12].counted == "trucks"
    vague = [f for f in figures if f.qualifier == "vague"]
    assert vague and all(f.low and f.value is None for f in vague)


@pytest.mark.issue(20)
def test_superscript_digits_do_not_stop_the_stage(nlp):
    """`str.isdigit` is true for "⁶", which `int` refuses: found by the round-trip property."""
    article = Article(id="s", text="Growth reached 10⁶ units, then ١٢٣ and ½ more.", source="t")
    (analysis,) = analyse([article], nlp)
    for figure in analysis.get("figures"):
        assert figure.text == article.text[figure.start : figure.end]
