"""Disputed claims: a statement one article makes and another denies or contradicts."""

from datetime import date

import pytest

from storyledger.compare.claims import disputed_claims
from storyledger.model import Article, Quote, Sentence


def _article(key, text, day):
    return Article(id=key, text=text, source=key, published=date(2026, 5, day))


def _sentence(article):
    return Sentence(
        article=article.id, start=0, end=len(article.text), text=article.text, index=0, block=0
    )


def _compare(first, second, quotes=()):
    a, b = _article("a", first, 1), _article("b", second, 20)
    return disputed_claims(
        [_sentence(a), _sentence(b)], quotes, {"a": a, "b": b}, {"a": "s", "b": "s"}
    )


CASES = [
    pytest.param(
        "The strike has not disrupted hospital services.",
        "The strike disrupted services at two hospitals.",
        1,
        id="negation",
    ),
    pytest.param(
        "The mine had passed every safety inspection in the past two years.",
        "The mine had failed two safety inspections last year.",
        1,
        id="antonyms",
    ),
    pytest.param(
        "Trump puts heavy pressure on Netanyahu to end the war.",
        "Netanyahu does not feel any pressure from Trump over the war.",
        1,
        id="negated-pressure",
    ),
    pytest.param(
        "The strike disrupted services at two hospitals.",
        "The strike disrupted hospital services across the city.",
        0,
        id="negative-same-polarity",
    ),
    pytest.param(
        "If the strike disrupts hospital services, the city will act.",
        "The strike has not disrupted hospital services.",
        0,
        id="negative-a-condition-claims-nothing",
    ),
    pytest.param(
        "General Motors is not a company of the United States of America.",
        "General Motors filed papers in the United States of America.",
        0,
        id="negative-only-names-in-common",
    ),
    pytest.param(
        "Stock markets around the world fell dramatically on Monday.",
        "Stock markets around the world did not fall as far as feared.",
        0,
        id="negative-market-moves-are-figures-not-claims",
    ),
    pytest.param(
        "The council never voted on the new budget.",
        "The mayor presented the budget to reporters.",
        0,
        id="negative-too-little-in-common",
    ),
]


@pytest.mark.issue(6)
@pytest.mark.parametrize(("first", "second", "expected"), CASES)
def test_claim_pairs(first, second, expected):
    found = _compare(first, second)
    assert len(found) == expected
    for comparison in found:
        assert comparison.kind == "claim" and comparison.relation == "conflict"
        assert [i.article for i in comparison.items] == ["a", "b"]


def test_a_denial_cue_negates_its_report():
    first = "Officials deny claims that the governor applied pressure on the judges."
    second = "The governor applied heavy pressure on the judges, aides said."
    report = "claims that the governor applied pressure on the judges"
    start = first.index(report)
    quote = Quote(
        article="a",
        start=start,
        end=start + len(report),
        text=report,
        id="q",
        kind="indirect",
        speaker="Officials",
        cue="deny",
    )
    (comparison,) = _compare(first, second, [quote])
    assert comparison.items[0].record == "q"
    assert comparison.items[0].reported_by == "Officials"
    assert (comparison.items[0].start, comparison.items[0].end) == (quote.start, quote.end)


def test_claims_within_one_article_are_not_disputes():
    text = "The strike has not disrupted hospital services. The strike disrupted hospitals."
    article = _article("a", text, 1)
    first, second = text.split(". ")
    sentences = [
        Sentence(article="a", start=0, end=len(first) + 1, text=first + ".", index=0, block=0),
        Sentence(article="a", start=len(first) + 2, end=len(text), text=second, index=1, block=0),
    ]
    assert disputed_claims(sentences, [], {"a": article}, {"a": "s"}) == []


MARKS = [("’", "'"), ("'", "’"), ("’", "’"), ("'", "'")]


@pytest.mark.issue(19)
@pytest.mark.parametrize(("first_mark", "second_mark"), MARKS)
def test_a_claim_label_names_a_word_once_whatever_its_apostrophe(first_mark, second_mark):
    """ "Israel's" and "Israel’s" are one word to the label, as to the stems; the label shows
    the first as written."""
    first = f"Israel{first_mark}s army has not shelled the hospital."
    second = f"Israel{second_mark}s army shelled the hospital on Monday."
    (comparison,) = _compare(first, second)
    assert comparison.topic == f"disputed: Israel{first_mark}s, army, shelled, hospital"
    assert [(item.start, item.end) for item in comparison.items] == [
        (0, len(first)),
        (0, len(second)),
    ]


@pytest.mark.issue(19)
@pytest.mark.parametrize(("first_mark", "second_mark"), MARKS)
def test_names_in_common_are_no_claim_whatever_their_apostrophe(first_mark, second_mark):
    """Only names in common ("Scotland's Holyrood") are no claim in common, however the
    apostrophe is written."""
    first = f"Britain{first_mark}s Labour is not in Scotland{first_mark}s Holyrood."
    second = f"Britain{second_mark}s Labour sat in Scotland{second_mark}s Holyrood."
    assert _compare(first, second) == []
