"""Cut a long text into pieces the parser reads safely, and join their parses into one Doc.

The model reads pieces of at most `PARSE_CHARS` characters, cut at a line break (in the model's
text every line break lies between blocks), else after a sentence's end, else at a space. Its
tokenizer slows with the square of a run of characters without a space that it peels one at a
time (3,000 quotation marks in a row), so such a run longer than `RUN_CHARS` is read in pieces of
that length; no word is that long. The pieces' Docs, joined by `Doc.from_docs` with nothing put
between them, have exactly the text's characters: every offset still points into the article,
and the whole article is analysed. A text within both limits is one piece, parsed as it always
was. The hard bound on an article's size is ingest's `--max-bytes` (10 MB by default).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence

from spacy.tokens import Doc

PARSE_CHARS = 10_000
"""The longest piece the parser reads at once. spaCy refuses more than 1,000,000 characters, and
its memory grows with the characters of a batch: a 1.2-million-character article peaks at 2.9 GB
in 100,000-character pieces, 0.66 GB in these (`bench/long_text.py`); news articles are shorter."""
RUN_CHARS = 1_000
"""The longest run of characters without a space read as one piece."""

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s")
_BLANK = re.compile(r"\s")


def pieces(text: str, *, limit: int = PARSE_CHARS, run: int = RUN_CHARS) -> list[tuple[int, int]]:
    """`(start, end)` of the pieces of `text`, in order, together exactly the whole text."""
    found: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        end = len(text) if len(text) - position <= limit else _cut(text, position, limit)
        found += _split_runs(text, position, end, run)
        position = end
    return found or [(0, 0)]


def join(docs: Sequence[Doc]) -> Doc:
    """One Doc of the parsed pieces, in order, with nothing put between them."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(list(docs), ensure_whitespace=False, exclude=["tensor"])


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece starting at `start` ends: after its last line break in the second half of
    `limit`, else after its last sentence end there, else after its last space, else at the
    limit."""
    end = start + limit
    floor = start + limit // 2
    line = text.rfind("\n", floor, end)
    if line >= 0:
        return line + 1
    for pattern in (_SENTENCE_END, _BLANK):
        last = deque(pattern.finditer(text, floor, end), maxlen=1)
        if last:
            return last[0].end()
    return end


def _split_runs(text: str, start: int, end: int, run: int) -> list[tuple[int, int]]:
    """`[start, end)` as pieces, each run without a space longer than `run` cut into pieces
    of at most `run` characters."""
    found: list[tuple[int, int]] = []
    position = start
    # A run is matched from its first character only, so the search is linear in the text.
    for match in re.finditer(rf"(?<!\S)\S{{{run + 1},}}", text[start:end]):
        run_start, run_end = start + match.start(), start + match.end()
        if run_start > position:
            found.append((position, run_start))
        found += [(at, min(at + run, run_end)) for at in range(run_start, run_end, run)]
        position = run_end
    if end > position:
        found.append((position, end))
    return found
