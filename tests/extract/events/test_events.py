"""The events stage on hard sentences: types, actors, recipients, negation, modes, dates."""

import json
from datetime import date

import pytest

from storyledger.evaluation.gold import same_phrase
from storyledger.extract.events.stage import _named
from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.conftest import ROOT

HARD = [json.loads(line) for line in (ROOT / "evals/events/hard.jsonl").open(encoding="utf-8")]


@pytest.mark.issue(5)
@pytest.mark.parametrize("case", HARD, ids=[case["id"] for case in HARD])
def test_hard_sentences(nlp, case):
    article = Article(
        id="a", text=case["text"], source="t", published=date.fromisoformat(case["published"])
    )
    (analysis,) = analyse([article], nlp)
    events = analysis.get("events")
    assert len(events) == len(case["events"]), [(e.actor, e.action, e.target) for e in events]
    for gold in case["events"]:
        event = next(
            e
            for e in events
            if e.action == gold["action"]
            and same_phrase(gold["actor"], e.actor)
            and same_phrase(gold["target"], e.target)
        )
        assert event.negated == gold["negated"]
        assert event.aux == gold["aux"]
        assert (str(event.date) if event.date else None) == gold["date"]


def test_no_date_without_a_publication_date(nlp):
    (analysis,) = analyse(
        [Article(id="a", text="Police arrested 30 protesters on Sunday.", source="t")], nlp
    )
    (event,) = analysis.get("events")
    assert event.action == "COERCE" and event.date is None


def test_event_spans_are_their_sentences(seed_analyses):
    for analysis in seed_analyses.values():
        sentences = {(s.start, s.end) for s in analysis.get("sentences")}
        for event in analysis.get("events"):
            assert (event.start, event.end) in sentences
            assert event.text == analysis.article.text[event.start : event.end]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("actor", "target", "same"),
    [
        # a party named again, capitalised at the start of the sentence only, is one party
        ("The United States", "the United States", True),
        ("the Government", "The government", True),
        ("The United States", "the United Kingdom", False),
        ("Theresa May", "May", False),
    ],
)
def test_a_party_named_twice_is_one_party(actor, target, same):
    assert (_named(actor) == _named(target)) is same
