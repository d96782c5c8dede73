"""The framing stage: loaded terms and their voice, hedges, sourcing, opinion signals, seeds."""

import json

import pytest

from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.conftest import ROOT

SENTENCES = [
    json.loads(line)
    for line in (ROOT / "evals/framing/sentences.jsonl").read_text(encoding="utf-8").splitlines()
]


def _framing(nlp, text):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    (framing,) = analysis.get("framing")
    return framing


def _voice(term):
    return "outlet" if term.own_voice else ("quote" if term.in_quote else "attributed")


# (text, {loaded words: voice}) — words outside this map must not be flagged
VOICES = [
    ("The regime's brutal crackdown continued.", {"regime": "outlet", "brutal": "outlet"}),
    ('"It was a massacre," said a survivor.', {"massacre": "quote"}),
    ('She accused the army of "genocidal" tactics.', {"genocidal": "quote"}),
    ("The union said the firm showed callous disregard.", {"callous": "quote"}),
    ("The government faces accusations of complicity.", {"complicity": "attributed"}),
    ("Critics compared the camps to concentration camps.", {"concentration camps": "attributed"}),
    ("The so-called reform was a sham.", {"so-called": "outlet", "sham": "outlet"}),
    ("Ostmark signed the Genocide Convention in 1951.", {}),
    ("The new tax regime starts in April.", {}),
    ("Nurses asked residents to give blood.", {}),
    (
        "His legacy will be written in the blood of the miners.",
        {"legacy will be": "outlet", "written in the blood": "outlet"},
    ),
]


@pytest.mark.issue(7)
@pytest.mark.parametrize(("text", "expected"), VOICES, ids=[v[0][:40] for v in VOICES])
def test_loaded_terms_and_their_voice(nlp, text, expected):
    framing = _framing(nlp, text)
    assert {t.text: _voice(t) for t in framing.loaded_terms} == expected
    for term in framing.loaded_terms:
        assert text[term.start : term.end] == term.text


@pytest.mark.issue(7)
def test_hedges_and_boosters_count_only_outside_quotes(nlp):
    framing = _framing(
        nlp,
        'The minister reportedly resigned. Clearly, the party is split. "It may rain," she said.',
    )
    assert (framing.hedges, framing.boosters) == (1, 1)
    assert {(m.kind, m.term) for m in framing.markers if m.kind in ("hedge", "booster")} == {
        ("hedge", "reportedly"),
        ("booster", "clearly"),
    }


@pytest.mark.issue(7)
def test_opinion_signals(nlp):
    framing = _framing(
        nlp,
        "Why does the council stay silent? Call your representative today. "
        '"Can you hear me?" the mayor asked. The vote is on Monday.',
    )
    kinds = sorted(m.kind for m in framing.markers)
    assert kinds == ["call_to_action", "question", "second_person"]


@pytest.mark.issue(7)
def test_sourcing_shares_and_unattributed_evaluations(nlp):
    text = (
        "The shameful decision was taken at night. "
        '"We had no choice," the mayor said. '
        "Two officials, speaking on condition of anonymity, said the plan was rushed. "
        "The council meets again on Friday."
    )
    framing = _framing(nlp, text)
    assert framing.sentences == 4 and framing.attributed_sentences == 2
    assert framing.attributed_share == 0.5
    assert (framing.named_sources, framing.anonymous_sources) == (1, 1)
    (evaluation,) = [m for m in framing.markers if m.kind == "unattributed_evaluation"]
    assert evaluation.text == "The shameful decision was taken at night."
    assert framing.words == len([w for w in text.split() if any(c.isalpha() for c in w)]) - 0


@pytest.mark.issue(7)
@pytest.mark.parametrize("case", SENTENCES, ids=[c["id"] for c in SENTENCES])
def test_annotated_sentences_never_count_quoted_words_as_the_outlets(nlp, case):
    framing = _framing(nlp, case["text"])
    for word in case["quoted"] + case["attributed"]:
        start = case["text"].index(word)
        for term in framing.loaded_terms:
            if term.start < start + len(word) and start < term.end:
                assert not term.own_voice, (word, term)
    if case["id"].startswith("neg-"):
        assert not [t for t in framing.loaded_terms if t.own_voice]


@pytest.mark.issue(7)
def test_seeds_opinionated_against_measured(seed_analyses):
    may = seed_analyses["000"].get("framing")[0]
    july = seed_analyses["001"].get("framing")[0]
    assert july.loaded_per_1000 >= 3 * max(may.loaded_per_1000, 0.1)
    assert [s.text for s in july.cited_sources] == [
        "TheNationalPulse.com",
        "AlJazeera.com",
        "Reuters.com",
    ]
    assert {"egregious", "genocidal", "atrocities"} <= {t.text for t in may.loaded_terms}
    assert all(t.in_quote for t in may.loaded_terms)
    assert may.anonymous_share > 0.4 > july.anonymous_share
    own = {t.text for t in july.loaded_terms if t.own_voice}
    assert {"slaughter", "written in Palestinian blood"} <= own
