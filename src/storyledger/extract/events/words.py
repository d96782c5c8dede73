"""Which words a subtree holds, asked in log time: the word index of one parse.

The CAMEO patterns and the historical markers ask whether a word (its lower-case form or its
lemma) is anywhere below a token. Listing the subtree for each verb costs the square of a long
sentence's length. A short subtree is still listed; for a long one each word's positions are
listed once per doc, and the subtree, whose tokens run from its first to its last in any
projective parse, is a range to look them up in.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from storyledger.extract.tree import ParseTree

SHORT = 48  # tokens: a subtree this short is listed, a longer one looked up


class DocWords:
    """The words of `doc`, each with its positions (by lower-case form and by lemma), found
    once, when a long subtree first asks."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._present: dict[int, tuple[dict, list[str]]] = {}

    @functools.cached_property
    def tree(self) -> ParseTree:
        return ParseTree(self.doc)

    @functools.cached_property
    def positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for token in self.doc:
            for word in {token.lower_, token.lemma_.lower()}:
                positions.setdefault(word, []).append(token.i)
        return positions

    def bag(self, roots: Iterable[Token]) -> Bag:
        """The words of the subtrees of `roots`."""
        return Bag(self, roots)

    def present(self, index: dict[str, object]) -> list[str]:
        """The keys of `index` that are words of the doc, found once per doc and index."""
        if id(index) not in self._present:
            self._present[id(index)] = (index, [w for w in index if w in self.positions])
        return self._present[id(index)][1]


class Bag:
    """The words of some subtrees: `word in bag` in log time, whatever their size."""

    def __init__(self, index: DocWords, roots: Iterable[Token]) -> None:
        self.index = index
        self.ranges: list[tuple[int, int]] = []
        self.listed: set[str] = set()  # the words of short subtrees (or not one run of tokens)
        for root in roots:
            run = None
            if root.right_edge.i - root.left_edge.i >= SHORT:
                run = index.tree.contiguous(root)
            if run is None:
                self.listed |= {w for t in root.subtree for w in (t.lower_, t.lemma_.lower())}
            else:
                self.ranges.append(run)
        self.size = sum(last - first + 1 for first, last in self.ranges) + len(self.listed)

    def __contains__(self, word: str) -> bool:
        if word in self.listed:
            return True
        if not self.ranges:
            return False
        found = self.index.positions.get(word)
        if not found:
            return False
        for first, last in self.ranges:
            at = bisect.bisect_left(found, first)
            if at < len(found) and found[at] <= last:
                return True
        return False

    def __iter__(self) -> Iterator[str]:
        """Every word of the bag (some more than once); costs the bag's size."""
        doc = self.index.doc
        yield from self.listed
        for first, last in self.ranges:
            for token in doc[first : last + 1]:
                yield token.lower_
                yield token.lemma_.lower()

    def meets(self, words: frozenset[str]) -> bool:
        """Whether one of `words` is in the bag (a phrase of them: all its words)."""
        return any(all(part in self for part in word.split(" ")) for word in words)
