"""Indirect speech: the reported content of a speech verb, or of "according to X".

The content is the clausal complement of a speech verb ("told Axios that <content>"), the object
of a few verbs that report by naming ("deny claims that ..."), or, when the small parser misses
the clause, the words after "that" when "that" follows the verb closely. A content that is
mostly quoted words is direct speech, not indirect; a report inside another report is left to
the outer one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from storyledger.extract.quotes.direct import Found
from storyledger.extract.quotes.lexicon import SpeechLexicon, speech_lexicon
from storyledger.extract.quotes.marks import Quoted
from storyledger.extract.quotes.speakers import SpeakerFinder
from storyledger.layout import PROSE_KINDS
from storyledger.model import Block, Sentence

_THAT_WINDOW = 8  # tokens between the verb and its "that" ("announced Monday in a memo that")
_Candidate = tuple[Token, Token | None, int, int]


def find_indirect(
    doc: Doc,
    text: str,
    blocks: Sequence[Block],
    sentences: Sequence[Sentence],
    quoted: Sequence[Quoted],
    finder: SpeakerFinder,
) -> list[Found]:
    """Reported speech in every prose sentence."""
    lexicon = speech_lexicon()
    prose = {block.index for block in blocks if block.kind in PROSE_KINDS}
    found: list[Found] = []
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or sentence.block not in prose:
            continue
        candidates = list(_verb_reports(span, lexicon, quoted, finder, text))
        if "ccording" in span.text:
            candidates += _according_to(span)
        for cue, subject, start, end in candidates:
            if subject is None or _mostly_quoted(start, end, quoted):
                continue
            found.append(Found(start, end, "indirect", finder.speaker(subject), cue))
    return _outermost(found)


def _verb_reports(
    span: Span, lexicon: SpeechLexicon, quoted: Sequence[Quoted], finder: SpeakerFinder, text: str
) -> Iterator[_Candidate]:
    for token in span:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lexicon.indirect_verbs:
            continue
        if any(q.outer_start <= token.idx < q.outer_end for q in quoted):
            continue
        content = _content(token, span, lexicon)
        if content and _parted_by_colon(token, content, text):
            content = _clause_after(token, span)
        if len(content) < 2:
            continue
        yield token, finder.subject_of(token), content[0].idx, _end(content[-1])


def _content(verb: Token, span: Span, lexicon: SpeechLexicon) -> list[Token]:
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if (
        clause is None
        and verb.lemma_.lower() in lexicon.object_content_verbs
        and not any(c.lower_ == "as" for c in verb.children)
    ):
        clause = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if clause is not None:
        return _trim([t for t in clause.subtree if not (t.dep_ == "mark" and t.head is clause)])
    following = [t for t in span if verb.i < t.i <= verb.i + _THAT_WINDOW]
    that = next((t for t in following if t.lower_ == "that"), None)
    if that is None or any(t.is_punct for t in following if t.i < that.i):
        return []
    return _trim([t for t in span if t.i > that.i])


def _clause_after(verb: Token, span: Span) -> list[Token]:
    """The clause right after the verb, up to ", but", a colon or semicolon, or the end."""
    tokens: list[Token] = []
    for token in span:
        if token.i <= verb.i:
            continue
        if token.text in (";", ":") or (
            token.pos_ == "CCONJ" and tokens and tokens[-1].text == ","
        ):
            break
        tokens.append(token)
    tokens = _trim(tokens)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return tokens if len(tokens) >= 3 and has_verb else []


def _according_to(span: Span) -> Iterator[_Candidate]:
    for token in span:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            continue
        phrase = list(token.subtree)
        before = _trim([t for t in span if t.i < phrase[0].i])
        after = _trim([t for t in span if t.i > phrase[-1].i])
        content = after if len(after) > len(before) else before
        if len(content) >= 3:
            yield token, source, content[0].idx, _end(content[-1])


def _parted_by_colon(verb: Token, content: list[Token], text: str) -> bool:
    """ "The urgency is palpable: Witkoff claims ...": a clause before a colon is not reported."""
    if content[-1].i < verb.i:
        between = text[_end(content[-1]) : verb.idx]
        return ":" in between or ";" in between
    return False


def _trim(tokens: list[Token]) -> list[Token]:
    tokens = _without_dateline(sorted(tokens, key=lambda t: t.i))
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    return tokens


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a leading dateline ("PORT MERIDIAN, Vessland —") from a paragraph's first clause."""
    head = tokens[:8]
    dash = next((t for t in head if t.text in ("—", "–", "--")), None)
    if dash is None or not all(t.is_punct or t.text[:1].isupper() for t in head if t.i < dash.i):
        return tokens
    return [t for t in tokens if t.i > dash.i]


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _mostly_quoted(start: int, end: int, quoted: Sequence[Quoted]) -> bool:
    """Most of the content is quoted words: that is direct or partial speech."""
    covered = sum(max(0, min(end, q.outer_end) - max(start, q.outer_start)) for q in quoted)
    return covered > 0.8 * (end - start)


def _outermost(found: list[Found]) -> list[Found]:
    """One report per content span, and none inside a longer one.

    Two cues can report the same words ("agree to testify that ...": `agree` by its "that"
    window, `testify` by its clause); the cue nearest the content keeps them.
    """
    by_span: dict[tuple[int, int], Found] = {}
    for item in found:
        kept = by_span.get((item.start, item.end))
        if kept is None or _cue_distance(item) < _cue_distance(kept):
            by_span[(item.start, item.end)] = item
    unique = list(by_span.values())
    return [
        item
        for item in unique
        if not any(
            other is not item and other.start <= item.start and item.end <= other.end
            for other in unique
        )
    ]


def _cue_distance(item: Found) -> tuple[int, int]:
    """How far the cue stands from the reported words (then its position, for a stable pick)."""
    cue = item.cue.idx if item.cue is not None else item.start
    return (min(abs(item.start - cue), abs(item.end - cue)), cue)
