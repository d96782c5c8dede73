"""Tell apart headline, bullets, subheadings, paragraphs and a trailing source list.

Works on the article's own text before any NLP. Hard-wrapped lines are joined into their
paragraph; a block's span runs from its first to its last character (bullet markers left out).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from storyledger.layout.lines import (
    BULLET,
    BYLINE,
    SOURCES_HEADER,
    Line,
    ends_mid_phrase,
    heading_like,
    is_terminated,
    split_lines,
    starts_lowercase,
)
from storyledger.model import Block, BlockKind, CitedSource

HEADLINE_MAX_WORDS = 25
SUBHEADING_MAX_WORDS = 12
SOURCE_ENTRY_MAX_WORDS = 12
_ENTRY_SPLIT = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True, slots=True)
class Layout:
    """The blocks of one article, in text order, and the entries of its source list."""

    blocks: tuple[Block, ...]
    cited_sources: tuple[CitedSource, ...]


@dataclass(slots=True)
class _Group:
    lines: list[Line]
    bullet: bool = False


def analyse_layout(text: str, *, article: str, title: str | None = None) -> Layout:
    """Split `text` into typed blocks; `title`, when known, marks a matching first line."""
    lines = split_lines(text)
    body, source_lines = _split_trailing_sources(lines)
    groups = _group(body, wrapped=_is_wrapped(body))
    blocks: list[Block] = []
    for position, group in enumerate(groups):
        kind = _kind(group, position, len(groups), title)
        start = _content_start(group)
        end = group.lines[-1].end
        blocks.append(
            Block(
                article=article,
                start=start,
                end=end,
                text=text[start:end],
                index=len(blocks),
                kind=kind,
            )
        )
    cited: list[CitedSource] = []
    if source_lines:
        start, end = source_lines[0].start, source_lines[-1].end
        blocks.append(
            Block(
                article=article,
                start=start,
                end=end,
                text=text[start:end],
                index=len(blocks),
                kind="sources",
            )
        )
        cited = _entries(text, source_lines, article)
    return Layout(tuple(blocks), tuple(cited))


def _split_trailing_sources(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Find a source-list header whose following lines are all short entries."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 30), -1):
        match = SOURCES_HEADER.match(lines[index].content)
        if not match:
            continue
        rest = lines[index + 1 :]
        inline = (match.group("inline") or "").strip()
        if not rest and not inline:
            return lines, []
        if all(line.words <= SOURCE_ENTRY_MAX_WORDS for line in rest):
            return lines[:index], lines[index:]
        return lines, []
    return lines, []


def _is_wrapped(lines: list[Line]) -> bool:
    """True when blank lines part paragraphs and most line ends fall mid-sentence."""
    inner = [a for a, b in itertools.pairwise(lines) if not b.blank_before]
    if not inner or not any(line.blank_before for line in lines):
        return False
    open_ends = sum(not is_terminated(line.content) for line in inner)
    return open_ends / len(inner) > 0.5


def _group(lines: list[Line], *, wrapped: bool) -> list[_Group]:
    groups: list[_Group] = []
    for line in lines:
        is_bullet = bool(BULLET.match(line.content))
        current = groups[-1] if groups else None
        if current and not line.blank_before and not is_bullet and _joins(current, line, wrapped):
            current.lines.append(line)
        else:
            groups.append(_Group([line], bullet=is_bullet))
    return groups


def _joins(group: _Group, line: Line, wrapped: bool) -> bool:
    """Whether `line` carries on the block of `group` (a hard wrap) or starts a new one."""
    last = group.lines[-1]
    if wrapped:
        return True
    if is_terminated(last.content):
        return False
    if starts_lowercase(line.content) or ends_mid_phrase(last.content):
        return True
    if group.bullet or BYLINE.match(last.content):
        return False
    if len(group.lines) > 1:
        return True
    return not heading_like(last, max_words=HEADLINE_MAX_WORDS)


def _kind(group: _Group, position: int, total: int, title: str | None) -> BlockKind:
    if group.bullet:
        return "bullet"
    if len(group.lines) > 1 or total == 1:
        return "paragraph"
    line = group.lines[0]
    if position == 0:
        if title and _same(line.content, title):
            return "headline"
        return "headline" if heading_like(line, max_words=HEADLINE_MAX_WORDS) else "paragraph"
    if position < total - 1 and heading_like(line, max_words=SUBHEADING_MAX_WORDS):
        return "subheading"
    return "paragraph"


def _content_start(group: _Group) -> int:
    first = group.lines[0]
    if not group.bullet:
        return first.start
    marker = BULLET.match(first.content)
    return first.start + (marker.end() if marker else 0)


def _entries(text: str, lines: list[Line], article: str) -> list[CitedSource]:
    """Each listed source, by its own span: the lines after the header, or inline entries."""
    header = SOURCES_HEADER.match(lines[0].content)
    pieces: list[tuple[int, int]] = []
    inline = header.group("inline") if header else None
    if inline:
        base = lines[0].start + header.start("inline")
        pieces.extend(_split_entries(inline, base))
    for line in lines[1:]:
        marker = BULLET.match(line.content)
        offset = marker.end() if marker else 0
        pieces.extend(_split_entries(line.content[offset:], line.start + offset))
    return [
        CitedSource(article=article, start=start, end=end, text=text[start:end])
        for start, end in pieces
    ]


def _split_entries(content: str, base: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in _ENTRY_SPLIT.split(content):
        found = content.index(piece, position) if piece else position
        position = found + len(piece)
        trimmed = piece.strip().rstrip(".")
        if trimmed:
            lead = piece.index(trimmed[0])
            spans.append((base + found + lead, base + found + lead + len(trimmed)))
    return spans


def _same(left: str, right: str) -> bool:
    def fold(value: str) -> str:
        return " ".join(value.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()

    return fold(left) == fold(right)
