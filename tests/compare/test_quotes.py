"""Quote variants: the same quotation across articles, with its wording or speaker changed."""

from datetime import date

import pytest

from storyledger.compare.quotes import quote_variants
from storyledger.model import Article, Quote

DAYS = {"a": date(2026, 5, 1), "b": date(2026, 5, 3), "c": date(2026, 5, 5)}


def _quote(article, text, speaker, *, kind="direct", anonymous=False, actor=None):
    return Quote(
        article=article,
        start=0,
        end=len(text),
        text=text,
        id=f"{article}:{text}",
        kind=kind,
        speaker=speaker,
        speaker_resolved=speaker,
        anonymous=anonymous,
        speaker_actor=actor,
    )


def _compare(*quotes):
    articles = {k: Article(id=k, text="x", source=k, published=v) for k, v in DAYS.items()}
    return quote_variants(quotes, articles, {k: "story" for k in DAYS})


PROMISE = "We will not rest until every man is home"

CASES = [
    pytest.param(
        _quote("a", PROMISE, "Piet Varga"),
        _quote("b", PROMISE, "Piet Varga"),
        ["agree"],
        id="same-words-same-speaker",
    ),
    pytest.param(
        _quote("a", PROMISE, "Piet Varga"),
        _quote("b", "We won't rest until every miner is home", "Varga"),
        ["variant"],
        id="wording-changed",
    ),
    pytest.param(
        _quote("a", "an insult to people who kept this city moving", "Omar Fenn"),
        _quote("b", "An insult to people who kept this city moving", "Karl Oster"),
        ["variant"],
        id="same-words-another-speaker",
    ),
    pytest.param(
        _quote("a", PROMISE, "Piet Varga"),
        _quote("b", PROMISE, "a company official", anonymous=True),
        ["agree"],
        id="anonymous-speaker-is-not-a-misattribution",
    ),
    pytest.param(
        _quote("a", PROMISE + ", and we will find out what went wrong", "Piet Varga"),
        _quote("b", PROMISE, "Piet Varga", kind="partial"),
        ["agree"],
        id="an-excerpt-is-not-a-misquote",
    ),
    pytest.param(
        _quote("a", PROMISE, "Piet Varga"),
        _quote("b", "The families deserve the whole truth about this", "Mara Olin"),
        [],
        id="negative-different-quotes",
    ),
    pytest.param(
        _quote("a", "We will rebuild", "Piet Varga"),
        _quote("b", "We will rebuild", "Mara Olin"),
        [],
        id="negative-too-short-to-compare",
    ),
    pytest.param(
        _quote("a", PROMISE, "Piet Varga", kind="indirect"),
        _quote("b", PROMISE, "Mara Olin", kind="indirect"),
        [],
        id="negative-indirect-speech-is-a-paraphrase",
    ),
]


@pytest.mark.issue(6)
@pytest.mark.parametrize(("first", "second", "expected"), CASES)
def test_quote_pairs(first, second, expected):
    assert [c.relation for c in _compare(first, second)] == expected


def test_later_reports_are_compared_with_the_earliest():
    first = _quote("a", PROMISE, "Piet Varga")
    same = _quote("b", PROMISE, "Piet Varga")
    changed = _quote("c", "We won't rest until every miner is home", "Piet Varga")
    found = _compare(changed, same, first)
    assert {(c.items[0].record, c.items[1].record, c.relation) for c in found} == {
        (first.id, same.id, "agree"),
        (first.id, changed.id, "variant"),
    }
    variant = next(c for c in found if c.relation == "variant")
    assert "'man' → 'miner'" in variant.note


def test_quotes_of_one_article_are_not_compared():
    assert _compare(_quote("a", PROMISE, "Piet Varga"), _quote("a", PROMISE, "Mara Olin")) == []
