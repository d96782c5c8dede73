"""Whether an organisation's initials stand for a longer name of the same article.

News names an organisation in full once and by its initials after ("the U.S. Geological Survey"
... "The USGS said"; "Singapore Airlines" ... "SIA said"). The test is Schwartz and Hearst's
(2003) for abbreviation definitions: the short form's letters are found in the long form from
right to left, in order, and its first letter starts a word of the long form; here, without
the parenthesis that defines one, also every word of the long form but "of", "the", "and" ...
gives its initial.
"""

from __future__ import annotations

import re

_MAX_LETTERS = 8
_WORD = re.compile(r"[a-z0-9]+")
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de"})


def is_acronym(name: str) -> bool:
    """Initials: one word of two to eight capitals, dots allowed ("USGS", "U.N.", "SIA")."""
    letters = name.replace(".", "").replace("&", "")
    return (
        " " not in name.strip()
        and 2 <= len(letters) <= _MAX_LETTERS
        and letters.isalpha()
        and letters.isupper()
    )


def stands_for(short: str, long: str) -> bool:
    """True when `short` abbreviates `long` (a name of two or more words)."""
    if not is_acronym(short) or len(long.split()) < 2:
        return False
    letters = [c.lower() for c in short if c.isalnum()]
    text = long.lower()
    starts = [m.start() for m in _WORD.finditer(text) if m.group() not in _SMALL]
    if [text[start] for start in starts] == letters:
        return True  # the initials exactly: "U.S. Geological Survey"
    at, found = len(text) - 1, set()
    for index in range(len(letters) - 1, -1, -1):
        while at >= 0 and (
            text[at] != letters[index] or (index == 0 and at > 0 and text[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return False
        found.add(at)
        at -= 1
    return all(start in found for start in starts)  # each word gives its initial: not "Apple Inc"
