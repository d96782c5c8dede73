"""The quotes stage on hard passages (with negatives), the seeds, and whole articles."""

import json

import pytest

from storyledger.compare.actors import resolve_actors
from storyledger.evaluation.quotes import load_gold, speaker_matches
from storyledger.extract.quotes.marks import find_quoted
from storyledger.layout import analyse_layout
from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.conftest import ROOT, SHARED, need

HARD = [json.loads(line) for line in (ROOT / "evals/quotes/hard.jsonl").open(encoding="utf-8")]


def _analyse(nlp, text):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    actors = {a.id: a for a in analysis.get("actors")}
    return analysis.get("quotes"), actors


@pytest.mark.issue(3)
@pytest.mark.parametrize("case", HARD, ids=[case["id"] for case in HARD])
def test_hard_passages(nlp, case):
    quotes, actors = _analyse(nlp, case["text"])
    for cls, key, wanted in (
        ("quote", "quote", case.get("quotes", [])),
        ("indirect", "content", case.get("indirect", [])),
    ):
        found = [q for q in quotes if (q.kind == "indirect") == (cls == "indirect")]
        assert len(found) == len(wanted), [q.text for q in found]
        for quote, gold in zip(found, wanted, strict=True):
            assert quote.text.rstrip(",") in gold[key] or gold[key] in quote.text
            if cls == "quote":
                assert quote.kind == gold["kind"]
            assert speaker_matches(gold["speaker"], quote, actors.get(quote.speaker_actor))
            assert quote.anonymous == gold.get("anonymous", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and left.', ["yes"]),
        ("“One,” she said. “Two.”", ["One,", "Two."]),
        ('A "scare" word and an unclosed "quote', ["scare"]),
        # a paragraph that ends inside a quote and a next one that opens a mark: two quotes
        ("He said: “First part.\n“Second part,” he added.", ["First part.", "Second part,"]),
        # one sentence a line: the quote runs over the lines until its closing mark
        ('He said: "One.\nTwo.\nThree." Then he left.', ["One.\nTwo.\nThree."]),
        # an unclosed mark whose next line opens a quote of its own is no quote
        ('He said "one.\nA "scare" word.', ["scare"]),
        ('He said "one.\nNo mark here.', []),
        # a closing mark typed after a stray space closes the open quote
        ('"Her friends are kind, "a friend said.', ["Her friends are kind,"]),
        ('They chose "yes" and "no" again.', ["yes", "no"]),
        ("It's the boys' club's rule.", []),
    ],
)
def test_quotation_marks_pair(text, expected):
    blocks = analyse_layout(text, article="a").blocks
    assert [text[q.start : q.end] for q in find_quoted(text, blocks)] == expected


def test_every_quote_points_at_its_text_and_speaker(nlp, seed_analyses):
    for analysis in seed_analyses.values():
        text = analysis.article.text
        for quote in analysis.get("quotes"):
            assert quote.text == text[quote.start : quote.end]
            if quote.speaker is not None:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
            if quote.cue is not None:
                assert text[quote.cue_start : quote.cue_end] == quote.cue


@pytest.mark.issue(3)
def test_seed_quotes_are_the_annotated_ones_with_their_speakers(nlp):
    pairs = [
        p
        for p in load_gold(ROOT / "evals/quotes", need(SHARED))
        if p[0].source.startswith(str(SHARED / "seeds"))
    ]
    assert len(pairs) == 2
    analyses = list(analyse([article for article, _ in pairs], nlp))
    actors, linked = resolve_actors(m for a in analyses for m in a.get("mentions"))
    actor_of = {m.id: m.actor_id for m in linked}
    by_id = {a.id: a for a in actors}
    wrong = []
    for (_article, golds), analysis in zip(pairs, analyses, strict=True):
        predicted = [q for q in analysis.get("quotes") if q.kind != "indirect"]
        gold_quotes = [g for g in golds if g.cls == "quote"]
        assert len(predicted) == len(gold_quotes)
        for gold in gold_quotes:
            quote = next(q for q in predicted if q.start < gold.end and gold.start < q.end)
            actor = by_id.get(actor_of.get(quote.speaker_mention or ""))
            if not speaker_matches(gold.speaker, quote, actor):
                wrong.append((quote.text[:30], gold.speaker, quote.speaker))
    assert len(wrong) <= 1, wrong


def test_no_seed_quote_in_a_headline_or_subheading(seed_analyses):
    for analysis in seed_analyses.values():
        headings = [b for b in analysis.get("blocks") if b.kind in ("headline", "subheading")]
        for quote in analysis.get("quotes"):
            assert not any(b.start <= quote.start < b.end for b in headings)
