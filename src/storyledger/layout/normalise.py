"""The text the spaCy model reads: same length as the article text, so offsets carry over.

Curly quotes and apostrophes become straight ones, hard wraps inside a block become spaces,
and everything outside the prose blocks (bullet markers, the source list) becomes blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyledger.model import Block

_SAME_LENGTH = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\t": " ",
        "\n": " ",
        "\u2028": " ",
        "\u2029": " ",
    }
)
PROSE_KINDS = frozenset({"headline", "bullet", "subheading", "paragraph"})
_NOT_NEWLINE = re.compile(r"[^\n]")


def model_text(text: str, blocks: Iterable[Block]) -> str:
    """`text` as the model should read it; `len(model_text(...)) == len(text)`."""
    blocks = list(blocks)
    blank = _NOT_NEWLINE.sub(" ", text)
    pieces, position = [], 0
    for block in sorted((b for b in blocks if b.kind in PROSE_KINDS), key=lambda b: b.start):
        if block.start < position:  # overlapping blocks: the later one wins, as it always did
            return _model_text_by_char(text, blocks)
        pieces += [blank[position : block.start], block.text.translate(_SAME_LENGTH)]
        position = block.end
    return "".join([*pieces, blank[position:]])


def _model_text_by_char(text: str, blocks: Iterable[Block]) -> str:
    chars = [" " if char != "\n" else "\n" for char in text]
    for block in blocks:
        if block.kind in PROSE_KINDS:
            chars[block.start : block.end] = block.text.translate(_SAME_LENGTH)
    return "".join(chars)
