"""Quote variants: the same quotation reported in several articles, and how the reports differ.

Direct and partial quotes of `MIN_WORDS` words or more are matched within a story by cosine
similarity of word uni- and bigram frequencies (scikit-learn), then checked word by word
(difflib). Each report of a quotation is compared with its earliest report:

- `agree`: the same words (or an excerpt of them) from a compatible speaker;
- `variant`: different wording (a misquote or a translation), or the same words put in another
  speaker's mouth. The note says which words or which speakers differ.
An anonymous or unknown speaker is compatible with any named one: an outlet that withholds a
name has not misattributed the words.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from storyledger.compare.items import comparison_item
from storyledger.compare.words import tokens
from storyledger.model import Article, Comparison, ComparisonItem, Quote, Relation, content_id

MIN_WORDS = 5
CANDIDATE_SIMILARITY = 0.4
SAME_WORDING = 0.6


def quote_variants(
    quotes: Iterable[Quote],
    articles: Mapping[str, Article],
    story_of: Mapping[str, str],
    copies: frozenset[frozenset[str]] = frozenset(),
) -> list[Comparison]:
    """Every report of a quotation compared with the earliest report of it, story by story."""
    eligible = [
        quote
        for quote in quotes
        if quote.kind != "indirect"
        and quote.article in story_of
        and len(tokens(quote.text)) >= MIN_WORDS
    ]
    eligible.sort(key=lambda q: _order(q, articles))
    by_story: dict[str, list[int]] = defaultdict(list)
    for i, quote in enumerate(eligible):
        by_story[story_of[quote.article]].append(i)
    vectors = _vectors(eligible)
    comparisons = []
    for story, rows in sorted(by_story.items()):
        members = [eligible[i] for i in rows]
        if len({q.article for q in members}) < 2:
            continue
        for first, other in _matches(members, vectors[rows]):
            if frozenset((first.article, other.article)) in copies:
                continue
            relation, note = _relation(first, other)
            comparisons.append(
                Comparison(
                    id=content_id("comparison", "quote", first.id, other.id),
                    kind="quote",
                    story=story,
                    topic=_topic(first),
                    relation=relation,
                    note=note,
                    items=(_item(first, articles), _item(other, articles)),
                )
            )
    return comparisons


def _order(quote: Quote, articles: Mapping[str, Article]) -> tuple:
    published = articles[quote.article].published if quote.article in articles else None
    return (published is None, published or date.min, quote.article, quote.start)


def _vectors(quotes: list[Quote]) -> sparse.csr_matrix:
    """Term frequencies of word uni- and bigrams (no IDF: a quote's match must not depend on
    what else the corpus holds)."""
    if not quotes:
        return sparse.csr_matrix((0, 1))
    texts = [" ".join(tokens(q.text)) for q in quotes]
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, use_idf=False, token_pattern=r"\S+"
    )
    return vectorizer.fit_transform(texts).tocsr()


def _matches(quotes: list[Quote], vectors: sparse.csr_matrix) -> list[tuple[Quote, Quote]]:
    """(earliest report, later report) pairs from different articles."""
    similar = (vectors @ vectors.T).tocoo()
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j, value in zip(similar.row, similar.col, similar.data, strict=True):
        if i < j and value >= CANDIDATE_SIMILARITY and quotes[i].article != quotes[j].article:
            neighbours[int(i)].add(int(j))
    pairs, reported = [], set()
    for i in sorted(neighbours):
        if i in reported:
            continue  # already matched as a later report of an earlier quote
        for j in sorted(neighbours[i]):
            if j not in reported and _same_words(quotes[i], quotes[j]) >= SAME_WORDING:
                pairs.append((quotes[i], quotes[j]))
                reported.add(j)
    return pairs


def _same_words(a: Quote, b: Quote) -> float:
    """How much of the shorter quote's wording the longer one holds (1.0 for an excerpt)."""
    words_a, words_b = tokens(a.text), tokens(b.text)
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(1, min(len(words_a), len(words_b)))


def _relation(first: Quote, other: Quote) -> tuple[Relation, str]:
    words_a, words_b = tokens(first.text), tokens(other.text)
    changed = _changes(words_a, words_b)
    speakers_differ = not _same_speaker(first, other)
    if not changed and not speakers_differ:
        return "agree", "the same words from the same speaker"
    notes = []
    if changed:
        notes.append("wording differs: " + "; ".join(changed[:4]))
    if speakers_differ:
        notes.append(f"speaker differs: {_speaker(first)!r} vs {_speaker(other)!r}")
    return "variant", "; ".join(notes)


def _changes(words_a: list[str], words_b: list[str]) -> list[str]:
    """The word changes between two reports, ignoring what one of them leaves out at either
    end (an excerpt is not a misquote)."""
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    opcodes = matcher.get_opcodes()
    while opcodes and opcodes[0][0] != "equal":
        opcodes.pop(0)
    while opcodes and opcodes[-1][0] != "equal":
        opcodes.pop()
    changes = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal":
            before, after = " ".join(words_a[i1:i2]) or "∅", " ".join(words_b[j1:j2]) or "∅"
            changes.append(f"{before!r} → {after!r}")
    return changes


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.anonymous or b.anonymous or not _speaker(a) or not _speaker(b):
        return True
    if a.speaker_actor and b.speaker_actor:
        return a.speaker_actor == b.speaker_actor
    return bool(set(_name_words(a)) & set(_name_words(b)))


def _speaker(quote: Quote) -> str:
    return quote.speaker_resolved or quote.speaker or ""


def _name_words(quote: Quote) -> list[str]:
    return [w for w in _speaker(quote).split() if w[:1].isupper()]


def _topic(quote: Quote) -> str:
    words = " ".join(quote.text.split())
    return f"“{words if len(words) <= 80 else words[:79] + '…'}”"


def _item(quote: Quote, articles: Mapping[str, Article]) -> ComparisonItem:
    return comparison_item(
        articles,
        article=quote.article,
        record=quote.id,
        text=quote.text,
        start=quote.start,
        end=quote.end,
        source=_speaker(quote) or None,
    )
