"""Sentences from a parsed article, clipped to their blocks and trimmed of blank space."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc

from storyledger.layout.lines import starts_lowercase
from storyledger.layout.normalise import PROSE_KINDS
from storyledger.model import Block, Sentence


def mark_block_starts(doc: Doc, blocks: Sequence[Block], *, offset: int = 0) -> Doc:
    """Before parsing: every prose block starts a sentence (the parser keeps preset starts).
    `doc` may be a piece of the text that starts at `offset`."""
    starts = [block.start - offset for block in blocks if block.kind in PROSE_KINDS]
    offsets = doc.to_array(IDX)
    for i in np.flatnonzero(np.isin(offsets, starts)).tolist():
        doc[i].is_sent_start = True
    return doc


def sentences(doc: Doc, blocks: Sequence[Block], text: str, *, article: str) -> list[Sentence]:
    """The sentences of the prose blocks; one never crosses a block boundary."""
    prose = [block for block in blocks if block.kind in PROSE_KINDS]
    ends = [block.end for block in prose]
    in_order = all(a.end <= b.start for a, b in itertools.pairwise(prose))
    found: list[list[int]] = []  # [start, end, block index], made records at the end
    for sent in doc.sents:
        # Blocks follow one another (as `analyse_layout` makes them): a sentence looks only
        # at the blocks it overlaps, found by bisection, not at every block of the article.
        first = bisect.bisect_right(ends, sent.start_char) if in_order else 0
        for index in range(first, len(prose)):
            block = prose[index]
            if in_order and block.start >= sent.end_char:
                break
            start = max(sent.start_char, block.start)
            end = min(sent.end_char, block.end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            previous = found[-1] if found else None
            if (
                previous
                and previous[2] == block.index
                and (not _has_word(text, start, end) or starts_lowercase(text[start:end]))
            ):
                # A stray closing quote, or a clause the parser split off ("said Obama."),
                # carries on the sentence before it.
                previous[1] = end
            else:
                found.append([start, end, block.index])
    return [
        Sentence(article=article, start=start, end=end, text=text[start:end], index=n, block=b)
        for n, (start, end, b) in enumerate(found)
    ]


_WORD = re.compile(r"[^\W_]")


def _has_word(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` has a letter or a digit (`str.isalnum`)."""
    return _WORD.search(text, start, end) is not None
