"""Indirect speech: one record per reported content, whichever cues reach it."""

import json

import pytest

from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.conftest import ROOT

HARD = [json.loads(line) for line in (ROOT / "evals/quotes/hard.jsonl").open(encoding="utf-8")]


def _indirect(nlp, text):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    quotes = analysis.get("quotes")
    assert len({q.id for q in quotes}) == len(quotes), [(q.text, q.cue) for q in quotes]
    return [(q.text, q.cue) for q in quotes if q.kind == "indirect"]


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two cues reach the same words ("agree" by its "that" window, "testify" by its clause):
        # the ECB+ article that broke the save (ecbplus line 602) had this shape
        (
            "They tried to get him to agree to testify that he gave the burglar much less"
            " than the campaign's records showed.",
            [("he gave the burglar much less than the campaign's records showed", "testify")],
        ),
        (
            "The mayor agreed to admit that the city had lost the money.",
            [("the city had lost the money", "admit")],
        ),
        # negatives: one cue, one report, as before
        (
            "She refused to confirm that the minister had resigned over the budget.",
            [("the minister had resigned over the budget", "confirm")],
        ),
        (
            "He declined to say that the company would cut jobs next year.",
            [("the company would cut jobs next year", "say")],
        ),
        ("The river rose two metres overnight.", []),
    ],
)
def test_one_report_per_content_span(nlp, text, expected):
    assert _indirect(nlp, text) == expected


@pytest.mark.issue(20)
def test_no_hard_passage_gives_two_quotes_of_one_id(nlp):
    articles = [Article(id=case["id"], text=case["text"], source="t") for case in HARD]
    for analysis in analyse(articles, nlp):
        quotes = analysis.get("quotes")
        assert len({q.id for q in quotes}) == len(quotes), analysis.article.id


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech clause set in the sentence by commas reports the clause before it ...
        (
            "Most traffic between Europe and Asia was being rerouted through the United States,"
            " the firm said, but calls to India were cut.",
            "Most traffic between Europe and Asia was being rerouted through the United States",
        ),
        # ... or, when only an adverbial stands before it, the clause after it
        (
            "Until recently, company officials say, IT executives handled data-center design"
            " separately.",
            "IT executives handled data-center design separately",
        ),
    ],
)
def test_parenthetical_speech_clause_reports_its_host_clause(nlp, text, expected):
    found = [content for content, _ in _indirect(nlp, text)]
    assert any(expected in content or content in expected for content in found), found


@pytest.mark.issue(18)
def test_parenthetical_without_a_clause_reports_nothing(nlp):
    assert _indirect(nlp, "Good morning, he said, smiling.") == []


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reporting verbs of English beyond say/tell: mention, recommend, believe
        (
            "He also mentioned that the mill had already received a loan from the bank.",
            [("the mill had already received a loan from the bank", "mentioned")],
        ),
        (
            "The minister has recommended that local airlines should not buy the jets.",
            [("local airlines should not buy the jets", "recommended")],
        ),
        (
            "Analyst Dana Cole believes that the factory is still likely to close.",
            [("the factory is still likely to close", "believes")],
        ),
        # negatives: speech the sentence denies, and a question with no content reported
        ("Police have not disclosed how the two women died.", []),
        ("The mayor did not say that the bridge would close.", []),
    ],
)
def test_reporting_verbs_negation_and_questions(nlp, text, expected):
    assert _indirect(nlp, text) == expected
