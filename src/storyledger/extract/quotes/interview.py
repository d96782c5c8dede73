"""Question-and-answer passages: each answer is a direct quote of the person interviewed.

An interview starts at a paragraph labelled as a question ("Q:", "Question:") and runs while
paragraphs carry a label. An answer paragraph ("A:", "Answer:", or the interviewee's name,
"Reed:") is a direct quote with no quotation marks; its speaker as written is the label, and it
resolves to the named person, or for "A:" to the person the article named most before the first
question (the one interviewed). Questions are the interviewer's and yield nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyledger.extract.quotes.direct import Found
from storyledger.extract.quotes.marks import QuoteCover, Quoted
from storyledger.extract.quotes.speakers import Speaker
from storyledger.layout import PROSE_KINDS
from storyledger.model import Block, Mention

_LABEL = re.compile(r"\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})\s*:\s+(?=\S)")
_QUESTION = frozenset({"q", "question", "q."})
_ANSWER = frozenset({"a", "answer", "a."})


def find_interview(
    text: str, blocks: Sequence[Block], quoted: Sequence[Quoted], mentions: Sequence[Mention]
) -> list[Found]:
    """The answers of every question-and-answer passage, in text order."""
    people = [m for m in mentions if m.kind == "person"]
    cover = QuoteCover(quoted)
    found: list[Found] = []
    interviewee: Mention | None = None
    in_interview = False
    for block in (b for b in blocks if b.kind in PROSE_KINDS):
        label = _LABEL.match(text, block.start, block.end)
        word = label.group(1).lower() if label else ""
        if word in _QUESTION:
            if not in_interview:
                interviewee = _most_named(people, block.start)
            in_interview = True
            continue
        if not in_interview or label is None:
            in_interview = False
            continue
        named = _named(people, label.group(1))
        if word not in _ANSWER and named is None:
            in_interview = False
            continue
        start, end = label.end(), block.end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start or cover.covered(start, end) > (end - start) / 2:
            continue
        person = named or interviewee
        speaker = Speaker(
            label.start(1),
            label.end(1),
            label.group(1),
            person.text if person else label.group(1),
            person,
            False,
            None,
        )
        found.append(Found(start, end, "direct", speaker, None))
    return found


def _most_named(people: list[Mention], before: int) -> Mention | None:
    """The person named most before `before` (the latest on a tie), by their fullest name."""
    earlier = [m for m in people if m.end <= before]
    if not earlier:
        return None
    counts = Counter(m.actor_id for m in earlier)
    actor = max(counts, key=lambda a: (counts[a], max(m.start for m in earlier if m.actor_id == a)))
    names = [m for m in earlier if m.actor_id == actor]
    return max(names, key=lambda m: (len(m.text.split()), -m.start))


def _named(people: list[Mention], label: str) -> Mention | None:
    """The person a label names: their name, or its last word ("Reed" for "Tom Reed")."""
    wanted = label.lower()
    for mention in people:
        words = mention.text.lower().split()
        if wanted == mention.text.lower() or (words and wanted == words[-1]):
            return mention
    return None
