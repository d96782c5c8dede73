"""Indirect speech: the reported content of a speech verb, or of "according to X".

The content is the clausal complement of a speech verb ("told Axios that <content>"), the object
of a few verbs that report by naming ("deny claims that ..."), or, when the small parser misses
the clause, the words after "that" when "that" follows the verb closely. A content that is
mostly quoted words is direct speech, not indirect; a report inside another report is left to
the outer one.

Each verb costs about the same however long its sentence is: a clause is read as a slice of the
parse (a projective subtree is every token from its first to its last), not listed word by word.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from storyledger.extract.quotes.direct import Found
from storyledger.extract.quotes.lexicon import SpeechLexicon, speech_lexicon
from storyledger.extract.quotes.marks import QuoteCover, Quoted
from storyledger.extract.quotes.speakers import SpeakerFinder
from storyledger.extract.tree import ParseTree
from storyledger.layout import PROSE_KINDS
from storyledger.model import Block, Sentence

_THAT_WINDOW = 8  # tokens between the verb and its "that" ("announced Monday in a memo that")
_WH = frozenset({"how", "why", "whether", "what", "who", "which"})  # a question, not a content
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
    cover = QuoteCover(quoted)
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or sentence.block not in prose:
            continue
        candidates = list(_verb_reports(span, lexicon, cover, finder, text))
        if "ccording" in span.text:
            candidates += _according_to(span, finder.tree)
        for cue, subject, start, end in candidates:
            if subject is None or cover.covered(start, end) > 0.8 * (end - start):
                continue
            found.append(Found(start, end, "indirect", finder.speaker(subject), cue))
    return _outermost(found)


def _verb_reports(
    span: Span, lexicon: SpeechLexicon, cover: QuoteCover, finder: SpeakerFinder, text: str
) -> Iterator[_Candidate]:
    for token in span:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lexicon.indirect_verbs:
            continue
        if token.idx in cover or _unsaid(token, finder.tree):
            continue
        content = _content(token, span, lexicon, finder.tree)
        if content and _parted_by_colon(token, content, text):
            content = _clause_after(token, span)
        if len(content) < 2 or (content[0].lower_ in _WH and content[0].i > token.i):
            continue  # "have not disclosed how they died": a question, no content reported
        yield token, finder.subject_of(token), content[0].idx, _end(content[-1])


def _unsaid(verb: Token, tree: ParseTree) -> bool:
    """Speech the sentence says did not happen: "did not say", "never claimed"."""
    return any(c.dep_ == "neg" for c in tree.children(verb))


def _content(verb: Token, span: Span, lexicon: SpeechLexicon, tree: ParseTree) -> Sequence[Token]:
    children = tree.children(verb)
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if (
        clause is None
        and verb.lemma_.lower() in lexicon.object_content_verbs
        and not any(c.lower_ == "as" for c in children)
    ):
        clause = next((c for c in children if c.dep_ == "dobj"), None)
    if clause is not None:
        return _trim(_clause_tokens(clause, tree))
    doc = span.doc
    following = doc[max(span.start, verb.i + 1) : min(span.end, verb.i + _THAT_WINDOW + 1)]
    that = next((t for t in following if t.lower_ == "that"), None)
    if that is None or any(t.is_punct for t in following if t.i < that.i):
        return _parenthetical(verb, span, tree)
    return _trim(doc[that.i + 1 : span.end])


def _parenthetical(verb: Token, span: Span, tree: ParseTree) -> Sequence[Token]:
    """ "Traffic was rerouted, the firm said, but ...", "Until recently, officials say, IT
    executives handled ...": a speech clause set in another by commas (a parataxis) reports
    that clause, the part before it when that part is a clause, else the part after it."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return []
    low, high = tree.ends[verb.i]
    first, last = tree.ends[head.i]
    doc = span.doc
    for part in (
        _trim(doc[max(span.start, first) : low]),
        _trim(doc[high + 1 : min(span.end, last + 1)]),
    ):
        if len(part) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in part):
            return part
    return []


def _clause_tokens(clause: Token, tree: ParseTree) -> Sequence[Token]:
    """The subtree of `clause` in text order without the clause's own markers ("that"): a
    slice of the parse when the subtree is unbroken and its markers lead it, else a list."""
    doc = clause.doc
    marks = [c for c in tree.kids[clause.i] if doc[c].dep_ == "mark"]
    unbroken = tree.contiguous(clause)
    if unbroken is not None and marks == list(range(unbroken[0], unbroken[0] + len(marks))):
        return doc[unbroken[0] + len(marks) : unbroken[1] + 1]
    skip = set(marks)
    return sorted((t for t in clause.subtree if t.i not in skip), key=lambda t: t.i)


def _clause_after(verb: Token, span: Span) -> Sequence[Token]:
    """The clause right after the verb, up to ", but", a colon or semicolon, or the end."""
    tokens: list[Token] = []
    for token in span.doc[max(span.start, verb.i + 1) : span.end]:
        if token.text in (";", ":") or (
            token.pos_ == "CCONJ" and tokens and tokens[-1].text == ","
        ):
            break
        tokens.append(token)
    tokens = _trim(tokens)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return tokens if len(tokens) >= 3 and has_verb else []


def _according_to(span: Span, tree: ParseTree) -> Iterator[_Candidate]:
    doc = span.doc
    for token in span:
        if token.lower_ != "according":
            continue
        to = next((c for c in tree.children(token) if c.lower_ == "to"), None)
        source = next((c for c in tree.children(to) if c.dep_ == "pobj"), None) if to else None
        if source is None:
            continue
        first, last = tree.ends[token.i]
        before = _trim(doc[span.start : max(span.start, first)])
        after = _trim(doc[max(span.start, last + 1) : span.end])
        content = after if len(after) > len(before) else before
        if len(content) >= 3:
            yield token, source, content[0].idx, _end(content[-1])


def _parted_by_colon(verb: Token, content: Sequence[Token], text: str) -> bool:
    """ "The urgency is palpable: Witkoff claims ...": a clause before a colon is not reported."""
    if content[-1].i < verb.i:
        between = text[_end(content[-1]) : verb.idx]
        return ":" in between or ";" in between
    return False


def _trim(tokens: Sequence[Token]) -> Sequence[Token]:
    """`tokens` (in text order) without a dateline, end punctuation or a leading marker."""
    tokens = _without_dateline(tokens)
    start, end = 0, len(tokens)
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    while start < end and (
        tokens[start].is_punct or tokens[start].is_space or tokens[start].dep_ == "mark"
    ):
        start += 1
    return tokens[start:end]


def _without_dateline(tokens: Sequence[Token]) -> Sequence[Token]:
    """Drop a leading dateline ("PORT MERIDIAN, Vessland —") from a paragraph's first clause."""
    head = list(tokens[:8])
    dash = next((n for n, t in enumerate(head) if t.text in ("—", "–", "--")), None)
    if dash is None or not all(t.is_punct or t.text[:1].isupper() for t in head[:dash]):
        return tokens
    return tokens[dash + 1 :]


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _outermost(found: list[Found]) -> list[Found]:
    """One report per content span (two cues can report the same words, "agree to testify
    that ...": the cue nearest the content keeps them), and none inside a longer one. Sorted by
    start, longest first, an item lies inside a longer one exactly when an item before it (of
    another extent) reaches as far."""
    by_span: dict[tuple[int, int], Found] = {}
    for item in found:
        kept = by_span.get((item.start, item.end))
        if kept is None or _cue_distance(item) < _cue_distance(kept):
            by_span[(item.start, item.end)] = item
    unique = list(by_span.values())
    extents = sorted(by_span, key=lambda e: (e[0], -e[1]))
    reach = [-1, *itertools.accumulate((end for _, end in extents), max)]
    inner = {extent for n, extent in enumerate(extents) if reach[n] >= extent[1]}
    return [item for item in unique if (item.start, item.end) not in inner]


def _cue_distance(item: Found) -> tuple[int, int]:
    """How far the cue stands from the reported words (then its position, for a stable pick)."""
    cue = item.cue.idx if item.cue is not None else item.start
    return (min(abs(item.start - cue), abs(item.end - cue)), cue)
