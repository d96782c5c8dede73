"""A parse's tree by token index, built in one linear pass, for stages that walk it often.

spaCy's `Token.children` scans the token's whole subtree to find its children, so asking for
the children of every word of a long sentence costs the square of its length. Here each
token's children are listed once, from the head array, and each query costs only its answer.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable

from spacy.tokens import Doc, Token


class ParseTree:
    """The children of every token of `doc`, in text order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.heads = [token.head.i for token in doc]
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
    ) -> list[tuple[int, int]]:
        """For every token, the character bounds of its subtree without the subtrees of the
        descendants for which `cut` holds, trailing tokens for which `trim_end` holds and
        leading punctuation dropped (a token never drops itself to nothing). The same as
        listing each subtree (`Token.subtree` order) and trimming its ends, in linear time."""
        doc = self.doc
        kept = [[c for c in kids if not cut(doc[c])] for kids in self.kids]
        punct = [token.is_punct for token in doc]
        trailing = [trim_end(token) for token in doc]
        first = list(range(len(doc)))  # the first token of the kept subtree
        head_word = [-1] * len(doc)  # its first token that is not punctuation
        last_word = [-1] * len(doc)  # its last token that `trim_end` keeps
        for i in self.bottom_up():
            lefts = [c for c in kept[i] if c < i]
            rights = [c for c in kept[i] if c > i]
            if lefts:
                first[i] = first[lefts[0]]
            last_word[i] = _first_found(
                [last_word[c] for c in reversed(rights)],
                i if not trailing[i] else -1,
                [last_word[c] for c in reversed(lefts)],
            )
            head_word[i] = _first_found(
                [head_word[c] for c in lefts],
                i if not punct[i] else -1,
                [head_word[c] for c in rights],
            )
        bounds = []
        for i in range(len(doc)):
            start, end = (head_word[i], last_word[i]) if last_word[i] >= 0 else (first[i], first[i])
            bounds.append((doc[start].idx, doc[end].idx + len(doc[end].text)))
        return bounds


def _first_found(before: list[int], middle: int, after: list[int]) -> int:
    """The first of `before`, `middle`, `after` that is a token index (not -1)."""
    return next((i for i in (*before, middle, *after) if i >= 0), -1)


class TokenSet:
    """The tokens of `doc` for which `keep` holds, in text order, found by range in log time."""

    def __init__(self, doc: Doc, keep: Callable[[Token], bool]) -> None:
        self.doc = doc
        self.indices = [token.i for token in doc if keep(token)]

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
