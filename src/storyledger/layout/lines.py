"""Lines of an article text and the surface tests the layout rules are made of."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^(?:[-*•·▪►‣–—]|\d{1,2}[.)])\s+(?=\S)")
SOURCES_HEADER = re.compile(
    r"^(?:sources?(?: for this (?:article|story|report|piece))?(?: include[sd]?)?"
    r"|references|further reading|source list|credits?)\s*:\s*(?P<inline>.*)$"
    r"|^(?:sources?(?: for this (?:article|story|report|piece))?(?: include[sd]?)?"
    r"|references|further reading)$",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^(?:by|reporting by|written by)\s+[A-Z]", re.IGNORECASE)
_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?:;…"
# Words a line cannot end on unless it breaks off mid-phrase. Particles that can close a
# phrase ("digs in", "moves on", "it is over") are left out on purpose.
_CONTINUING = frozenset(
    "a an the of to for with by from and or but nor that as than into onto "
    "between whose which whom".split()
)
_WORD = re.compile(r"\w[\w'’.-]*")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: its content's offsets in the text (outer blank space trimmed)."""

    start: int
    end: int
    content: str
    blank_before: bool

    @property
    def words(self) -> int:
        """How many words the line holds."""
        return len(_WORD.findall(self.content))


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, each noting whether a blank line came before it."""
    lines: list[Line] = []
    offset = 0
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        offset += len(raw) + 1
    return lines


def is_terminated(content: str) -> bool:
    """True when the line ends a sentence (or introduces a list with a colon)."""
    core = content.rstrip(_CLOSERS + " ")
    return bool(core) and core[-1] in _TERMINAL


def ends_mid_phrase(content: str) -> bool:
    """True when the line breaks off after a comma, dash or function word."""
    if content[-1] in ",-–—(/&":
        return True
    words = content.split()
    return bool(words) and words[-1].lower() in _CONTINUING


def starts_lowercase(content: str) -> bool:
    """True when the first letter of the line is lower case (a sentence carrying on)."""
    for char in content:
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def heading_like(line: Line, *, max_words: int) -> bool:
    """A short line that does not end like a sentence: a headline or subheading shape."""
    content = line.content
    if line.words == 0 or line.words > max_words or len(content) > 200:
        return False
    if BYLINE.match(content) or BULLET.match(content):
        return False
    core = content.rstrip(_CLOSERS + " ")
    return bool(core) and core[-1] not in ".:;,…"
