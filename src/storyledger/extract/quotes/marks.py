"""Pair quotation marks into quoted stretches of text, across paragraphs when a quote runs on.

Curly marks say which way they face; a straight mark opens when it follows a space, an opening
bracket, a dash or the start of a block, and closes otherwise. A quote runs on across paragraphs
in two ways news writing has: a paragraph that ends inside a quote and a next paragraph that
opens with a mark (the convention for a quote of several paragraphs: each paragraph is a quote
of its own, the first ending with its paragraph), and a paragraph broken into lines, one
sentence a line (wire copy as ECB+ stores it), where the next lines open with no mark and a later
one closes the quote (one quote over the lines).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyledger.layout import PROSE_KINDS
from storyledger.model import Block

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
_OPEN_CONTEXT = " \n\t([{—–-/:"
_RUN_ON_LINES = 12  # lines an open quote may run over, one sentence a line, before it closes
_MARK = re.compile(f"[{re.escape(OPENING + CLOSING + STRAIGHT)}]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch: `start`/`end` of the words inside the marks, and its first block;
    `outer_start`/`outer_end` with the marks (a run-on paragraph ends with its paragraph)."""

    start: int
    end: int
    block: int
    outer_start: int
    outer_end: int
    runs_on: bool = False  # the paragraph ended it and the next paragraph's quote continues it


class QuoteCover:
    """Where quotes lie, marks included: "is this offset quoted?" and "how much of this
    stretch is?", each in logarithmic time."""

    def __init__(self, quoted: Sequence[Quoted]) -> None:
        self.quoted = sorted(quoted, key=lambda q: q.outer_start)
        self.starts = [q.outer_start for q in self.quoted]
        self.ends = [q.outer_end for q in self.quoted]
        self.reach = list(itertools.accumulate(self.ends, max))
        self.lengths = [0, *itertools.accumulate(q.outer_end - q.outer_start for q in self.quoted)]
        self.apart = all(a <= b for a, b in zip(self.ends, self.starts[1:], strict=False))

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and self.reach[index] > offset

    def covered(self, start: int, end: int) -> int:
        """How many characters of `[start, end)` lie inside quotes (counted once per quote)."""
        if end <= start:
            return 0
        if not self.apart:  # overlapping quotes are not made by `find_quoted`
            return sum(
                max(0, min(end, q.outer_end) - max(start, q.outer_start)) for q in self.quoted
            )
        low = bisect.bisect_right(self.ends, start)
        high = bisect.bisect_left(self.starts, end)
        if low >= high:
            return 0
        inside = self.lengths[high] - self.lengths[low]
        return inside - max(0, start - self.starts[low]) - max(0, self.ends[high - 1] - end)


def find_quoted(text: str, blocks: Sequence[Block]) -> list[Quoted]:
    """Every paired quotation in the prose blocks, in text order."""
    found: list[Quoted] = []
    opened: tuple[int, int] | None = None  # (opening mark position, its block)
    prose = [block for block in blocks if block.kind in PROSE_KINDS]
    for position, block in enumerate(prose):
        for mark in _MARK.finditer(text, block.start, block.end):
            offset = mark.start()
            if _opens(text, offset, block.start) and not (
                opened is not None and _stray_space_close(text, offset, opened[0])
            ):
                opened = (offset, block.index)
            elif opened is not None:
                found.append(_quoted(text, opened, offset))
                opened = None
        if opened is None:
            continue
        following = prose[position + 1 : position + 1 + _RUN_ON_LINES]
        if following and _opens(text, following[0].start, following[0].start):
            found.append(_quoted(text, opened, block.end, closed=False))  # the paragraph ends it
            opened = None
        elif not _closes_later(text, following):
            opened = None  # never closed: no quote
    return [quote for quote in found if quote.end > quote.start]


def _stray_space_close(text: str, offset: int, opened: int) -> bool:
    """A straight mark after a comma or a stop and a stray space, while a quote is open,
    closes it ('...her decision, "a friend said')."""
    if text[offset] != STRAIGHT or offset - opened < 2:
        return False
    before = text[offset - 1]
    return before == " " and text[offset - 2] in ",.!?"


def _closes_later(text: str, following: Sequence[Block]) -> bool:
    """True when the first mark in the `following` lines closes a quote (the lines continue
    the open one) and none of those lines before it opens with a quote of its own."""
    for block in following:
        mark = _MARK.search(text, block.start, block.end)
        if mark is not None:
            return not _opens(text, mark.start(), block.start)
    return False


def _opens(text: str, offset: int, block_start: int) -> bool:
    char = text[offset]
    if char in OPENING:
        return True
    if char in CLOSING:
        return False
    if char != STRAIGHT:
        return False
    before = text[offset - 1] if offset > block_start else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or offset == block_start) and not after.isspace()


def _quoted(text: str, opened: tuple[int, int], closing: int, *, closed: bool = True) -> Quoted:
    """The words from the opening mark to `closing` (a closing mark, or the end of the
    paragraph when `closed` is False)."""
    start, end = opened[0] + 1, closing
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quoted(
        start=start,
        end=end,
        block=opened[1],
        outer_start=opened[0],
        outer_end=closing + 1 if closed else closing,
        runs_on=not closed,
    )
