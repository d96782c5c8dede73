"""Disputed claims: a statement in one article that another article of the story denies.

A claim is a report (direct, partial or indirect speech, with its cue) or the narration of a
sentence around its reports. Its polarity is negative when it negates or denies what it states
("deny claims that ...", "has not disrupted"). Two claims from different articles dispute
each other when they say the same thing with opposite polarity, or with antonyms ("passed"
against "failed"): at least `MIN_SHARED` content stems in common, covering at least
`MIN_COVER` of the shorter claim. Each negative claim is set against its best match in each
other article, so a denial repeated in many sentences gives one comparison per article.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from storyledger.compare.items import comparison_item
from storyledger.compare.words import compare_lexicon, surface_words, word_stem
from storyledger.model import Article, Comparison, ComparisonItem, Quote, Sentence, content_id

MIN_SHARED = 3
MIN_COVER = 0.5
_COMMON = 2000


@dataclass(frozen=True, slots=True)
class _Claim:
    article: str
    record: str
    start: int
    end: int
    text: str
    speaker: str | None
    negated: frozenset[str]
    stems: frozenset[str]
    names: frozenset[str]

    @property
    def negative(self) -> bool:
        return bool(self.negated)


def disputed_claims(
    sentences: Iterable[Sentence],
    quotes: Iterable[Quote],
    articles: Mapping[str, Article],
    story_of: Mapping[str, str],
    copies: frozenset[frozenset[str]] = frozenset(),
) -> list[Comparison]:
    """`conflict` comparisons between claims of different articles of one story."""
    reports = defaultdict(list)
    for quote in quotes:
        reports[quote.article].append(quote)
    by_story: dict[str, list[_Claim]] = defaultdict(list)
    for sentence in sentences:
        if sentence.article in story_of:
            for claim in _claims(sentence, reports.get(sentence.article, [])):
                if len(claim.stems) >= MIN_SHARED:
                    by_story[story_of[sentence.article]].append(claim)
    comparisons = []
    for story, claims in sorted(by_story.items()):
        for denial, claim in _disputes(claims, copies):
            earlier, later = sorted((denial, claim), key=lambda c: _order(c, articles))
            comparisons.append(
                Comparison(
                    id=content_id("comparison", "claim", earlier.record, later.record),
                    kind="claim",
                    story=story,
                    topic=_topic(denial, claim),
                    relation="conflict",
                    note=_note(denial, claim),
                    items=(_item(earlier, articles), _item(later, articles)),
                )
            )
    return comparisons


def _claims(sentence: Sentence, quotes: list[Quote]) -> list[_Claim]:
    """The reports inside a sentence, and the sentence's own words around them (the outlet's
    narration), as separate claims; questions and conditions claim nothing."""
    lexicon = compare_lexicon()
    inside = [q for q in quotes if sentence.start <= q.start and q.end <= sentence.end]
    found = []
    narration = list(sentence.text)
    for report in inside:
        stems = frozenset(lexicon.content(report.text))
        denied = report.kind == "indirect" and lexicon.denies(report.cue or "")
        if lexicon.asserts(report.text):
            found.append(
                _Claim(
                    article=sentence.article,
                    record=report.id,
                    start=report.start,
                    end=report.end,
                    text=report.text,
                    speaker=report.speaker_resolved or report.speaker,
                    negated=stems if denied else lexicon.negated(report.text),
                    stems=stems,
                    names=lexicon.names(report.text),
                )
            )
        for offset in range(report.start - sentence.start, report.end - sentence.start):
            narration[offset] = " "
    own = "".join(narration)
    if lexicon.asserts(sentence.text):
        denial_cue = any(lexicon.denies(q.cue or "") for q in inside)
        found.append(
            _Claim(
                article=sentence.article,
                record=content_id("sentence", sentence.article, sentence.start, sentence.end),
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                speaker=None,
                negated=frozenset() if denial_cue else lexicon.negated(own),
                stems=frozenset(lexicon.content(own)),
                names=lexicon.names(own),
            )
        )
    return found


def _disputes(
    claims: list[_Claim], copies: frozenset[frozenset[str]]
) -> Iterable[tuple[_Claim, _Claim]]:
    """(negative or antonym claim, the claim it disputes) pairs, best match per article."""
    antonyms = compare_lexicon().antonyms
    contrasts = compare_lexicon().contrasts
    index: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for word in claim.stems:
            index[word].append(i)
    opposable = {word for pair in antonyms for word in pair}
    seen = set()
    for i, claim in enumerate(claims):
        if not claim.negative and not claim.stems & opposable:
            continue  # only a negative claim, or one with an antonym, can dispute another
        shared: dict[int, int] = defaultdict(int)
        for word in claim.stems:
            if len(index[word]) > _COMMON:
                continue  # too common in this story to point at one claim
            for j in index[word]:
                shared[j] += 1
        best: dict[str, tuple[float, int]] = {}
        for j, count in shared.items():
            other = claims[j]
            if other.article == claim.article or count < MIN_SHARED - 1:
                continue
            if frozenset((claim.article, other.article)) in copies:
                continue
            common = claim.stems & other.stems
            if _antonymous(claim, other, contrasts, any_polarity=True):
                continue  # "upper floors" against "lower floors": two different things
            antonymous = (
                _antonymous(claim, other, antonyms)
                and len(common - claim.names - other.names) >= MIN_SHARED - 1
            )
            negates = (
                claim.negative
                and not other.negative
                and bool(claim.negated & (common - claim.names - other.names))
            )
            if not (negates or antonymous):
                continue
            count += antonymous  # "passed" against "failed" is one more word in common
            cover = count / min(len(claim.stems), len(other.stems))
            if count >= MIN_SHARED and cover >= MIN_COVER:
                score = (cover, -j)
                if other.article not in best or score > best[other.article]:
                    best[other.article] = score
        for _score, minus_j in best.values():
            pair = frozenset((i, -minus_j))
            if pair not in seen:
                seen.add(pair)
                yield claim, claims[-minus_j]


def _antonymous(
    a: _Claim, b: _Claim, antonyms: frozenset[frozenset[str]], *, any_polarity: bool = False
) -> bool:
    """One says "passed" where the other says "failed" (with the same polarity, unless
    `any_polarity`)."""
    if a.negative != b.negative and not any_polarity:
        return False
    only_b = b.stems - a.stems
    return any(
        pair - {word} <= only_b
        for word in a.stems - b.stems
        for pair in _partners(antonyms).get(word, ())
    )


@functools.cache
def _partners(antonyms: frozenset[frozenset[str]]) -> dict[str, list[frozenset[str]]]:
    found: dict[str, list[frozenset[str]]] = defaultdict(list)
    for pair in antonyms:
        for word in pair:
            found[word].append(pair)
    return dict(found)


def _order(claim: _Claim, articles: Mapping[str, Article]) -> tuple:
    published = articles[claim.article].published if claim.article in articles else None
    return (published is None, published or date.min, claim.article, claim.start)


def _topic(a: _Claim, b: _Claim) -> str:
    """The words the two claims share, as the first one writes them, in its order."""
    shared = a.stems & b.stems
    written = surface_words(a.text, shared)
    written += surface_words(b.text, shared - {word_stem(w) for w in written})
    return "disputed: " + ", ".join(written[:6])


def _note(denial: _Claim, claim: _Claim) -> str:
    if denial.negative != claim.negative:
        return "one article negates or denies what the other states"
    return "the two articles state opposite things (antonyms)"


def _item(claim: _Claim, articles: Mapping[str, Article]) -> ComparisonItem:
    return comparison_item(
        articles,
        article=claim.article,
        record=claim.record,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        source=claim.speaker,
    )
