"""The text the spaCy model reads: same length as the article text, so offsets carry over.

Curly quotes and apostrophes become straight ones, hard wraps inside a block become spaces,
and everything outside the prose blocks (bullet markers, the source list) becomes blank.
"""

from __future__ import annotations

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


def model_text(text: str, blocks: Iterable[Block]) -> str:
    """`text` as the model should read it; `len(model_text(...)) == len(text)`."""
    chars = [" " if char != "\n" else "\n" for char in text]
    for block in blocks:
        if block.kind in PROSE_KINDS:
            chars[block.start : block.end] = block.text.translate(_SAME_LENGTH)
    return "".join(chars)
