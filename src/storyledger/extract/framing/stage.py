"""The framing stage: one `Framing` profile per article.

- Loaded terms from the lexicon, each flagged `in_quote` (inside quotation marks or reported
  speech: someone else's words) or `attributed` (given to someone: "accusations of genocide",
  "a plan watchdogs compare to concentration camps"); the rest is the outlet's own voice, counted
  per 1,000 words of prose. Terms inside names ("the Genocide Convention") are not loaded.
- Hedges ("reportedly", "may") and boosters ("clearly") in the outlet's own voice.
- Sourcing: the share of prose sentences that carry an attribution (a quote or report, or
  "according to"), named and anonymous sources (speakers of quotes), and sentences that
  evaluate (a loaded term of the outlet's own) with no attribution, listed as markers.
- Opinion signals outside quotes: second person, rhetorical questions, calls to action
  (a sentence that opens with a bare imperative verb). The trailing source list is the
  article's cited sources (found by the layout stage).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyledger.extract.framing.lexicon import FramingLexicon, Match, framing_lexicon
from storyledger.extract.quotes.marks import find_quoted
from storyledger.extract.registry import Analysis, stage
from storyledger.layout import PROSE_KINDS
from storyledger.model import Article, Framing, LoadedTerm, Marker, Quote, Sentence

_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT"})
_ATTRIBUTION_WINDOW = 6


@stage(
    "framing",
    requires=("doc", "blocks", "sentences", "quotes", "cited_sources"),
    produces=("framing",),
)
def framing_stage(analysis: Analysis) -> list[Framing]:
    """The article's framing profile."""
    article, doc = analysis.article, analysis.doc
    lexicon = framing_lexicon()
    prose = {b.index for b in analysis.get("blocks") if b.kind in PROSE_KINDS}
    sentences = [s for s in analysis.get("sentences") if s.block in prose]
    quotes: Sequence[Quote] = analysis.get("quotes")
    quoted = [(q.start, q.end) for q in quotes]
    quoted += [
        (q.outer_start, q.outer_end) for q in find_quoted(article.text, analysis.get("blocks"))
    ]
    terms: list[LoadedTerm] = []
    markers: list[Marker] = []
    hedges = boosters = words = attributed_sentences = 0
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        words += sum(1 for t in span if t.is_alpha)
        own_loaded = []
        for match in lexicon.matches(span):
            start, end = doc[match.start].idx, _end(doc, match.end)
            inside = _inside(start, end, quoted)
            if match.term.group == "loaded":
                if _in_name(doc, match):
                    continue
                term = LoadedTerm(
                    article=article.id,
                    start=start,
                    end=end,
                    text=article.text[start:end],
                    term=match.term.text,
                    in_quote=inside,
                    category=match.term.category,
                    attributed=not inside and _attributed(doc, match, lexicon),
                )
                terms.append(term)
                if term.own_voice:
                    own_loaded.append(term)
            elif not inside:
                kind = "hedge" if match.term.group == "hedge" else "booster"
                hedges += kind == "hedge"
                boosters += kind == "booster"
                markers.append(_marker(article, kind, start, end, match.term.text))
        carries = _carries_attribution(sentence, quotes, span)
        attributed_sentences += carries
        if own_loaded and not carries:
            markers.append(
                _marker(
                    article,
                    "unattributed_evaluation",
                    sentence.start,
                    sentence.end,
                    ", ".join(t.term for t in own_loaded),
                )
            )
        markers += _opinion_signals(article, span, quoted, lexicon)
    own = sum(1 for t in terms if t.own_voice)
    speakers = [q for q in quotes if q.speaker]
    anonymous = sum(1 for q in speakers if q.anonymous)
    return [
        Framing(
            article=article.id,
            loaded_terms=tuple(terms),
            hedges=hedges,
            attributed_share=round(attributed_sentences / len(sentences), 3) if sentences else None,
            anonymous_share=round(anonymous / len(speakers), 3) if speakers else None,
            cited_sources=tuple(analysis.get("cited_sources")),
            words=words,
            loaded_outside=own,
            loaded_per_1000=round(1000 * own / words, 2) if words else 0.0,
            boosters=boosters,
            sentences=len(sentences),
            attributed_sentences=attributed_sentences,
            named_sources=len(speakers) - anonymous,
            anonymous_sources=anonymous,
            markers=tuple(sorted(markers, key=lambda m: (m.start, m.kind))),
        )
    ]


def _end(doc: Doc, token_end: int) -> int:
    last = doc[token_end - 1]
    return last.idx + len(last.text)


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _in_name(doc: Doc, match: Match) -> bool:
    """A term that is part of a name: "the Genocide Convention", "Bloody Sunday"."""
    return any(
        doc[i].ent_type_ in _NAME_ENTS and doc[i].text[:1].isupper()
        for i in range(match.start, match.end)
    )


def _attributed(doc: Doc, match: Match, lexicon: FramingLexicon) -> bool:
    """The term is what someone else says or is accused of: "accusations of complicity",
    "watchdogs compare it to concentration camps", "branded them thugs"."""
    first = doc[match.start]
    for token in doc[max(first.sent.start, match.start - _ATTRIBUTION_WINDOW) : match.start]:
        word = token.lower_
        if word in lexicon.attribution_nouns and token.pos_ == "NOUN":
            return True
        if word in lexicon.attribution_verbs and token.pos_ == "VERB" and not _so_called(token):
            return True
    return any(
        t.lower_ in lexicon.attribution_verbs and t.pos_ == "VERB" and not _so_called(t)
        for t in first.ancestors
    )


def _so_called(token: Token) -> bool:
    """The "called" of "so-called": the outlet's own scare word, not a report."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "so"


def _carries_attribution(sentence: Sentence, quotes: Sequence[Quote], span: Span) -> bool:
    if any(q.start < sentence.end and sentence.start < q.end for q in quotes):
        return True
    lowered = span.text.lower()
    return "according to" in lowered or " said" in lowered or " says" in lowered


def _opinion_signals(
    article: Article, span: Span, quoted: Sequence[tuple[int, int]], lexicon: FramingLexicon
) -> list[Marker]:
    found = []
    for token in span:
        end = token.idx + len(token.text)
        if token.lower_ in lexicon.second_person and not _inside(token.idx, end, quoted):
            found.append(_marker(article, "second_person", token.idx, end, token.lower_))
    last = span[-1] if len(span) else None
    if (
        last is not None
        and "?" in last.text
        and not _inside(span.start_char, span.end_char, quoted)
    ):
        found.append(_marker(article, "question", span.start_char, span.end_char, "?"))
    first = _first_word(span)
    if (
        first is not None
        and first.tag_ == "VB"
        and first.lemma_.lower() in lexicon.calls_to_action
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)
        and not _inside(span.start_char, span.end_char, quoted)
    ):
        found.append(_marker(article, "call_to_action", span.start_char, span.end_char, first.text))
    return found


def _first_word(span: Span) -> Token | None:
    return next((t for t in span if t.is_alpha), None)


def _marker(article: Article, kind: str, start: int, end: int, term: str) -> Marker:
    return Marker(
        article=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        kind=kind,
        term=term,
    )
