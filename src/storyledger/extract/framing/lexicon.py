"""The framing lexicon (`data/framing.json`) and a matcher of its terms over a parse.

A term is one word or a phrase; each word matches a token's lower-case form or its lemma, and
`*` stands for up to two words of any kind ("written in * blood"). Matches never overlap: the
longest one starting first wins.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from storyledger.data_files import read_data

_WILDCARD = "*"
_WILDCARD_MAX = 2


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: its words, its list and category, and a part of speech if any."""

    text: str
    words: tuple[str, ...]
    group: str
    category: str
    pos: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A term found in a parse, by token indices (end exclusive)."""

    term: Term
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FramingLexicon:
    """All terms, indexed by their first word, and the word lists of the sourcing rules."""

    by_first: dict[str, tuple[Term, ...]]
    attribution_nouns: frozenset[str]
    attribution_verbs: frozenset[str]
    calls_to_action: frozenset[str]
    second_person: frozenset[str]
    neutral_before: dict[str, frozenset[str]]

    def matches(self, tokens: Span) -> list[Match]:
        """Every term in `tokens`, longest first where two would overlap."""
        found = []
        for token in tokens:
            for key in sorted({token.lower_, token.lemma_.lower()}):
                for term in self.by_first.get(key, ()):
                    end = _match_end(term, token, tokens.end)
                    if end is not None and not self._neutral(term, token):
                        found.append(Match(term, token.i, end))
        found.sort(key=lambda m: (m.start, -(m.end - m.start), not _exact(m, tokens), m.term.text))
        kept: list[Match] = []
        for match in found:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept

    def _neutral(self, term: Term, first: Token) -> bool:
        """ "tax regime", "flash mob": a word before the term that gives it a neutral sense."""
        words = self.neutral_before.get(term.text)
        if not words or first.i == 0:
            return False
        before = first.doc[first.i - 1]
        return before.lower_ in words or before.lemma_.lower() in words


def _exact(match: Match, tokens: Span) -> bool:
    """Whether the term is written as the text has it ("tells", not the lemma "tell")."""
    written = [t.lower_ for t in tokens.doc[match.start : match.end]]
    return "*" in match.term.words or list(match.term.words) == written


def _match_end(term: Term, first: Token, limit: int) -> int | None:
    doc = first.doc
    if term.pos and first.pos_ != term.pos:
        return None
    return _rest(term.words[1:], doc, first.i + 1, limit)


def _rest(words: tuple[str, ...], doc: object, index: int, limit: int) -> int | None:
    if not words:
        return index
    word, rest = words[0], words[1:]
    if word == _WILDCARD:
        for skip in range(_WILDCARD_MAX + 1):
            if index + skip > limit:
                break
            end = _rest(rest, doc, index + skip, limit)
            if end is not None:
                return end
        return None
    if index >= limit or not _same(doc[index], word):
        return None
    return _rest(rest, doc, index + 1, limit)


def _same(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _terms(entries: Iterable[str], group: str, category: str, pos: dict) -> Iterator[Term]:
    for entry in entries:
        words = tuple(entry.lower().replace("-", " - ").split())
        yield Term(entry, words, group, category, pos.get(entry))


@functools.cache
def framing_lexicon() -> FramingLexicon:
    """The framing lexicon, read once."""
    data = read_data("framing.json")
    pos = data.get("pos", {})
    terms: list[Term] = []
    for category, entries in data["loaded"].items():
        terms += _terms(entries, "loaded", category, pos)
    terms += _terms(data["hedges"], "hedge", "hedge", pos)
    terms += _terms(data["boosters"], "booster", "booster", pos)
    by_first: dict[str, list[Term]] = defaultdict(list)
    for term in terms:
        by_first[term.words[0]].append(term)
    return FramingLexicon(
        by_first={word: tuple(found) for word, found in by_first.items()},
        attribution_nouns=frozenset(data["attribution_nouns"]),
        attribution_verbs=frozenset(data["attribution_verbs"]),
        calls_to_action=frozenset(data["calls_to_action"]),
        second_person=frozenset(data["second_person"]),
        neutral_before={
            term: frozenset(words) for term, words in data.get("neutral_before", {}).items()
        },
    )
