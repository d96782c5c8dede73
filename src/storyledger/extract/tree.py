"""A parse's tree by token index, built in one linear pass, for stages that walk it often.

spaCy's `Token.children` scans the token's whole subtree to find its children, so asking for
the children of every word of a long sentence costs the square of its length. Here each
token's children are listed once, from the head array, and each query costs only its answer.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable

import numpy
from spacy.attrs import HEAD, POS
from spacy.tokens import Doc, Token


class ParseTree:
    """The children of every token of `doc`, in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.heads = (doc.to_array(HEAD).astype("int64") + numpy.arange(len(doc))).tolist()
        self.kids: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                self.kids[head].append(i)

    def children(self, token: Token) -> list[Token]:
        """`token.children`, in the same order, at the cost of the answer."""
        return [self.doc[i] for i in self.kids[token.i]]

    def has_child(self, token: Token, dep: str) -> bool:
        """Whether a child of `token` hangs on it by `dep`."""
        return any(self.doc[i].dep_ == dep for i in self.kids[token.i])

    def bottom_up(self) -> list[int]:
        """Every token index, each after all of its descendants."""
        order = [i for i, head in enumerate(self.heads) if head == i]
        position = 0
        while position < len(order):
            order += self.kids[order[position]]
            position += 1
        return order[::-1]

    @functools.cached_property
    def ends(self) -> list[tuple[int, int]]:
        """The first and last token of every subtree, in `Token.subtree` order."""
        ends = [(i, i) for i in range(len(self.heads))]
        for i in self.bottom_up():
            kids = self.kids[i]
            first = ends[kids[0]][0] if kids and kids[0] < i else i
            last = ends[kids[-1]][1] if kids and kids[-1] > i else i
            ends[i] = (first, last)
        return ends

    @functools.cached_property
    def _spread(self) -> list[tuple[int, int, int]]:
        """The lowest and highest index and the size of every subtree."""
        spread = [(i, i, 1) for i in range(len(self.heads))]
        for i in self.bottom_up():
            low, high, size = i, i, 1
            for kid in self.kids[i]:
                k_low, k_high, k_size = spread[kid]
                low, high, size = min(low, k_low), max(high, k_high), size + k_size
            spread[i] = (low, high, size)
        return spread

    def contiguous(self, token: Token) -> tuple[int, int] | None:
        """`(first, last)` when the subtree of `token` is every token from first to last (as
        in any projective parse), else None."""
        low, high, size = self._spread[token.i]
        return (low, high) if high - low + 1 == size else None

    def phrase_bounds(
        self, *, cut: Callable[[Token], bool], trim_end: Callable[[Token], bool]
    ) -> PhraseBounds:
        """For every token (looked up as `bounds[i]`), the character bounds of its subtree
        without the subtrees of the descendants for which `cut` holds, trailing tokens for
        which `trim_end` holds and leading punctuation dropped (a token never drops itself to
        nothing): what listing each subtree (`Token.subtree` order) and trimming its ends
        gives. Each token is worked out once, when first needed: all of them in linear time."""
        return PhraseBounds(self, cut, trim_end)


class PhraseBounds:
    """The phrase bounds of `ParseTree.phrase_bounds`, worked out on demand and kept."""

    def __init__(
        self, tree: ParseTree, cut: Callable[[Token], bool], trim_end: Callable[[Token], bool]
    ) -> None:
        self.tree, self.cut, self.trim_end = tree, cut, trim_end
        # per token: (first token, first word not punctuation, last word `trim_end` keeps)
        self._found: dict[int, tuple[int, int, int]] = {}

    def __len__(self) -> int:
        return len(self.tree.heads)

    def __getitem__(self, i: int) -> tuple[int, int]:
        if i not in self._found:
            self._work_out(i)
        first, head_word, last_word = self._found[i]
        start, end = (head_word, last_word) if last_word >= 0 else (first, first)
        doc = self.tree.doc
        return doc[start].idx, doc[end].idx + len(doc[end].text)

    def _work_out(self, root: int) -> None:
        """Fill in `root` and the tokens below it not yet found, children before parents."""
        doc, kids, found = self.tree.doc, self.tree.kids, self._found
        stack: list[tuple[int, list[int] | None]] = [(root, None)]
        while stack:
            i, kept = stack.pop()
            if i in found:
                continue
            if kept is None:  # first visit: its children go first
                kept = [c for c in kids[i] if not self.cut(doc[c])]
                stack.append((i, kept))
                stack += [(c, None) for c in kept if c not in found]
                continue
            lefts = [c for c in kept if c < i]
            rights = [c for c in kept if c > i]
            token = doc[i]
            found[i] = (
                found[lefts[0]][0] if lefts else i,
                _first_found(
                    [found[c][1] for c in lefts],
                    i if not token.is_punct else -1,
                    [found[c][1] for c in rights],
                ),
                _first_found(
                    [found[c][2] for c in reversed(rights)],
                    i if not self.trim_end(token) else -1,
                    [found[c][2] for c in reversed(lefts)],
                ),
            )


def _first_found(before: list[int], middle: int, after: list[int]) -> int:
    """The first of `before`, `middle`, `after` that is a token index (not -1)."""
    return next((i for i in (*before, middle, *after) if i >= 0), -1)


class TokenSet:
    """The tokens of `doc` for which `keep` holds, in text order, found by range in log time;
    `pos`, when given, names the only parts of speech `keep` is asked about."""

    def __init__(
        self, doc: Doc, keep: Callable[[Token], bool], *, pos: tuple[str, ...] = ()
    ) -> None:
        self.doc = doc
        candidates = range(len(doc))
        if pos:
            wanted = [doc.vocab.strings[name] for name in pos]
            candidates = numpy.flatnonzero(numpy.isin(doc.to_array(POS), wanted)).tolist()
        self.indices = [i for i in candidates if keep(doc[i])]

    def first(self, start: int, end: int) -> Token | None:
        """The first kept token with index in `[start, end)`."""
        index = bisect.bisect_left(self.indices, start)
        found = index < len(self.indices) and self.indices[index] < end
        return self.doc[self.indices[index]] if found else None

    def last(self, start: int, end: int) -> Token | None:
        """The last kept token with index in `[start, end)`."""
        index = bisect.bisect_left(self.indices, end) - 1
        found = index >= 0 and self.indices[index] >= start
        return self.doc[self.indices[index]] if found else None
