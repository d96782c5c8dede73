"""Sentences from a parsed article, clipped to their blocks and trimmed of blank space."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc

from storyledger.layout.lines import starts_lowercase
from storyledger.layout.normalise import PROSE_KINDS
from storyledger.model import Block, Sentence


def mark_block_starts(doc: Doc, blocks: Sequence[Block]) -> Doc:
    """Before parsing: every prose block starts a sentence (the parser keeps preset starts)."""
    starts = [block.start for block in blocks if block.kind in PROSE_KINDS]
    offsets = doc.to_array(IDX)
    for i in np.flatnonzero(np.isin(offsets, starts)).tolist():
        doc[i].is_sent_start = True
    return doc


def sentences(doc: Doc, blocks: Sequence[Block], text: str, *, article: str) -> list[Sentence]:
    """The sentences of the prose blocks; one never crosses a block boundary."""
    prose = [block for block in blocks if block.kind in PROSE_KINDS]
    found: list[Sentence] = []
    for sent in doc.sents:
        for block in prose:
            start = max(sent.start_char, block.start)
            end = min(sent.end_char, block.end)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            previous = found[-1] if found else None
            piece = text[start:end]
            if (
                previous
                and previous.block == block.index
                and (not _has_word(piece) or starts_lowercase(piece))
            ):
                # A stray closing quote, or a clause the parser split off ("said Obama."),
                # carries on the sentence before it.
                found[-1] = _sentence(text, article, previous.start, end, previous.index, block)
            else:
                found.append(_sentence(text, article, start, end, len(found), block))
    return found


def _sentence(text: str, article: str, start: int, end: int, index: int, block: Block) -> Sentence:
    return Sentence(
        article=article, start=start, end=end, text=text[start:end], index=index, block=block.index
    )


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)
