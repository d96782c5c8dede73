"""Direct and partial quotes: quoted words with a speech cue and a speaker; scare quotes dropped.

A quote is *direct* when it opens its sentence or follows a colon, a comma or a cue verb;
*partial* when it sits inside a clause that a speech verb governs ("accusing "the leaders ..."
of ..."). A quoted phrase with neither is a scare quote or a title and yields nothing. A quote
in a headline or subheading that repeats a body quote yields nothing either.

Each quote costs about the same however long its sentence is: cue verbs, verbs with a subject
and quote positions are indexed once per article and looked up by range.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyledger.extract.quotes.lexicon import speech_lexicon
from storyledger.extract.quotes.marks import QuoteCover, Quoted
from storyledger.extract.quotes.speakers import Speaker, SpeakerFinder
from storyledger.extract.tree import TokenSet
from storyledger.model import Block, Sentence

_HEADINGS = ("headline", "subheading")
_SENTENCE_WORDS = 5  # 'said of the aircraft "The A350 fits ..."': a sentence, not a title
_DIRECT_BEFORE = ':,—–"\u201d'  # and right after another quote: '"...," "..."'


@dataclass(frozen=True, slots=True)
class Found:
    """A quote the rules accept, before it becomes a `Quote` record."""

    start: int
    end: int
    kind: str
    speaker: Speaker | None
    cue: Token | None


class DirectQuotes:
    """Classifies the quoted stretches of one article and finds their speakers."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        blocks: Sequence[Block],
        sentences: Sequence[Sentence],
        finder: SpeakerFinder,
    ) -> None:
        self.doc, self.text, self.finder = doc, text, finder
        self.kinds = {block.index: block.kind for block in blocks}
        self.sentences = list(sentences)
        self._starts = [s.start for s in self.sentences]
        self._token_starts = [token.idx for token in doc]
        self.lexicon = speech_lexicon()

    def find(self, quoted: Sequence[Quoted], reports: Sequence[Found] = ()) -> list[Found]:
        """The accepted quotes among `quoted`, in text order; `reports` (indirect speech) can
        give their speaker to a quote paragraph that follows with none of its own."""
        self.quoted = list(quoted)
        self._order = {q.outer_start: n for n, q in enumerate(self.quoted)}
        self._reports = sorted((r for r in reports if r.speaker is not None), key=lambda r: r.end)
        self._report_ends = [r.end for r in self._reports]
        self._cover = QuoteCover(quoted)
        self._quote_starts = sorted(q.outer_start for q in quoted)
        self.__dict__.pop("_cues", None)  # made again, on first use, for these quotes
        body_texts = {
            _fold(self.text[q.start : q.end])
            for q in quoted
            if self.kinds.get(q.block) not in _HEADINGS
        }
        bodies = "\n".join(body_texts)  # folded texts have no line breaks: a hit is in one text
        found: list[Found] = []
        for quote in quoted:
            if self.kinds.get(quote.block) in _HEADINGS and (
                (body_texts and _fold(self.text[quote.start : quote.end]) in bodies)
                or not self._frame_cue(quote)
            ):
                continue
            result = self._classify(quote, found)
            if result is not None:
                found.append(result)
        return found

    def _classify(self, quote: Quoted, earlier: list[Found]) -> Found | None:
        if self._opens_directly(quote):
            cue = self._frame_cue(quote) or self._run_on_cue(quote)
            speaker = self._speaker_of(cue) if cue is not None else None
            if speaker is None and cue is None:
                speaker, cue = self._colon_speaker(quote)
            if speaker is None:
                speaker, cue = self._carried_speaker(quote, earlier)
            if speaker is not None or self._whole_sentences(quote):
                return Found(
                    quote.start, _trim(self.text, quote.start, quote.end), "direct", speaker, cue
                )
            return None
        cue = self._governing_cue(quote)
        if cue is None:
            return None
        speaker = self._speaker_of(cue)
        if speaker is None:
            return None
        return Found(quote.start, _trim(self.text, quote.start, quote.end), "partial", speaker, cue)

    def _opens_directly(self, quote: Quoted) -> bool:
        """At a sentence start, or after a colon, comma, dash, another quote or a cue verb."""
        before = _char_before(self.text, quote.outer_start)
        sentence = self._sentence_at(quote.outer_start)
        if sentence is None or not before or quote.outer_start <= sentence.start:
            return True
        if before in _DIRECT_BEFORE:
            return True
        token = self._token_before(quote.outer_start)
        if token is not None and token.lower_ == "that":
            return self._said_that(quote, token)
        if (
            token is not None
            and token.lemma_.lower() in self.lexicon.direct_verbs
            and token.pos_ in ("VERB", "AUX")
            and len(self.text[quote.start : quote.end].split()) > 2
        ):
            return True
        words = self.text[quote.start : quote.end].split()
        return (
            token is not None
            and token.pos_ not in ("VERB", "AUX")
            and len(words) >= _SENTENCE_WORDS
            and self._said_that(quote, token)
        )

    def _said_that(self, quote: Quoted, that: Token) -> bool:  # `that`: the word before
        """'It said that "The Treasury ..."': a sentence in marks after a cue verb's "that"
        (or its phrase: 'said of the new aircraft "The A350 ..."', five words or more),
        opening with a capital as a sentence does and running to the end of its own (else the
        writer's clause holds it: 'told them that "the next weeks are critical."', 'he stressed
        that "GM remains open" during ...'); the cue and "that" with no verb between."""
        last = self._sentence_at(max(quote.outer_end - 1, quote.outer_start))
        if last is None or self._alnum_between(quote.outer_end, last.end):
            return False
        words = self.text[quote.start : quote.end].split()
        if len(words) <= 2 or not words[0][0].isupper():
            return False
        sentence = self._sentence_at(quote.outer_start)
        low = self._token_at(sentence.start) if sentence is not None else 0
        cue = self._cues.last(low, that.i)
        return cue is not None and not any(
            t.pos_ in ("VERB", "AUX") for t in self.doc[cue.i + 1 : that.i]
        )

    def _frame_cue(self, quote: Quoted) -> Token | None:
        """The cue verb nearest the quote, outside every quote, in the quote's sentences."""
        first = self._sentence_at(quote.outer_start)
        last = self._sentence_at(max(quote.outer_end - 1, quote.outer_start))
        if first is None or last is None:
            return None
        span = self.doc.char_span(first.start, last.end, alignment_mode="expand")
        if span is None:
            return None
        # Cues are outside every quote: the nearest is the last before it or the first after.
        before = self._cues.last(span.start, min(span.end, self._token_at(quote.outer_start)))
        after = self._cues.first(max(span.start, self._token_at(quote.outer_end)), span.end)
        if before is None or after is None:
            return before or after
        return before if quote.outer_start - before.idx <= after.idx - quote.outer_end else after

    def _run_on_cue(self, quote: Quoted) -> Token | None:
        """A paragraph of a quote that runs on, with no cue of its own: the cue of the first
        next paragraph of the same quote that has one ('"...," he said' closing it)."""
        index = self._order.get(quote.outer_start)
        while quote.runs_on and index is not None and index + 1 < len(self.quoted):
            index += 1
            quote = self.quoted[index]
            cue = self._frame_cue(quote)
            if cue is not None:
                return cue
        return None

    def _governing_cue(self, quote: Quoted) -> Token | None:
        """The nearest speech verb (or owned speech noun) above the quoted words in the parse."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return None
        as_verb = self._as_verb(quote)
        if as_verb is not None:
            return as_verb
        if self._preceded_by(quote, ("so-called", "so called", "dubbed", "nicknamed")):
            return None
        token = span.root
        for _ in range(12):
            if token.head is token or token.dep_ in ("nsubj", "nsubjpass"):
                return None  # a quote inside the subject is not the subject's speech
            token = token.head
            if self._inside_quote(token.idx):
                continue
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX") and lemma in self.lexicon.cue_verbs:
                return token
            if token.pos_ == "NOUN" and lemma in self.lexicon.speech_nouns:
                return None  # a claim or report nobody is named for: the words are its own
        return None

    def _colon_speaker(self, quote: Quoted) -> tuple[Speaker | None, Token | None]:
        """ "Whitfield put it bluntly: "..."": the subject of the clause the colon closes."""
        if _char_before(self.text, quote.outer_start) != ":":
            return None, None
        sentence = self._sentence_at(quote.outer_start)
        if sentence is None:
            return None, None
        span = self.doc.char_span(sentence.start, quote.outer_start, alignment_mode="contract")
        verb = self._told.last(span.start, span.end) if span is not None else None
        if verb is None:
            return None, None
        subject = next(c for c in self.finder.tree.children(verb) if c.dep_ == "nsubj")
        return self.finder.speaker(subject), verb

    def _preceded_by(self, quote: Quoted, words: tuple[str, ...]) -> bool:
        before = " ".join(
            self.text[max(0, quote.outer_start - 12) : quote.outer_start].lower().split()
        )
        return before.endswith(words)

    def _as_verb(self, quote: Quoted) -> Token | None:
        """ "dismissing the report as "fake"": the quote is what the earlier verb calls it."""
        before = self._token_before(quote.outer_start)
        sentence = self._sentence_at(quote.outer_start)
        if before is None or before.lower_ != "as" or sentence is None:
            return None
        span = self.doc.char_span(sentence.start, quote.outer_start, alignment_mode="contract")
        return self._as_verbs.last(span.start, span.end) if span is not None else None

    def _speaker_of(self, cue: Token) -> Speaker | None:
        subject = self.finder.subject_of(cue)
        return self.finder.speaker(subject) if subject is not None else None

    def _carried_speaker(
        self, quote: Quoted, earlier: list[Found]
    ) -> tuple[Speaker | None, Token | None]:
        """A quote standing alone continues the speaker introduced just before it."""
        sentence = self._sentence_at(quote.outer_start)
        if sentence is None or not self._whole_sentences(quote):
            return None, None
        previous = self.sentences[sentence.index - 1] if sentence.index > 0 else None
        if previous is not None and _char_before(self.text, previous.end, previous.start) == ":":
            cue = self._cue_in(previous)
            if cue is not None:
                return self._speaker_of(cue), cue
        voice = self._last_voice(quote.outer_start, earlier)
        if voice is not None and quote.outer_start - voice.end < 400:
            return voice.speaker, voice.cue
        following = (
            self.sentences[sentence.index + 1] if sentence.index + 1 < len(self.sentences) else None
        )
        if following is not None and not self._has_quote(following):
            cue = self._cue_in(following)
            if (
                cue is not None
                and cue.i
                - self.doc.char_span(following.start, following.end, alignment_mode="expand").start
                < 6
            ):
                return self._speaker_of(cue), cue
        return None, None

    def _last_voice(self, before: int, earlier: list[Found]) -> Found | None:
        """The quote or report with a speaker that ends last before `before`."""
        quote = earlier[-1] if earlier and earlier[-1].speaker is not None else None
        index = bisect.bisect_right(self._report_ends, before) - 1
        report = self._reports[index] if index >= 0 else None
        if quote is None or (report is not None and report.end > quote.end):
            return report
        return quote

    def _cue_in(self, sentence: Sentence) -> Token | None:
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        return self._cues.first(span.start, span.end) if span is not None else None

    def _whole_sentences(self, quote: Quoted) -> bool:
        """True when quotes, marks included, are all there is of the quote's sentences: this
        one, or it and others beside it with no word of the writer's between ('"...,"
        "..."', the run of one speaker's quotes news writes after one attribution)."""
        first = self._sentence_at(quote.outer_start)
        last = self._sentence_at(max(quote.outer_end - 1, quote.outer_start))
        if first is None or last is None:
            return False
        return not (
            self._words_outside(first.start, quote.outer_start)
            or self._words_outside(quote.outer_end, last.end)
        )

    def _words_outside(self, start: int, end: int) -> bool:
        """A letter or digit in `[start, end)` outside every quote."""
        if not self._alnum_between(start, end):
            return False
        return any(self.text[i].isalnum() and i not in self._cover for i in range(start, end))

    def _has_quote(self, sentence: Sentence) -> bool:
        index = bisect.bisect_left(self._quote_starts, sentence.start)
        return index < len(self._quote_starts) and self._quote_starts[index] < sentence.end

    def _inside_quote(self, offset: int) -> bool:
        return offset in self._cover

    @functools.cached_property
    def _alnum_counts(self) -> list[int]:
        """How many letters and digits the text has before each offset."""
        return [0, *itertools.accumulate(char.isalnum() for char in self.text)]

    def _alnum_between(self, start: int, end: int) -> bool:
        counts = self._alnum_counts
        return end > start and counts[end] > counts[start]

    @functools.cached_property
    def _cues(self) -> TokenSet:
        """Cue verbs outside every quote."""
        cues = self.lexicon.cue_verbs
        return TokenSet(
            self.doc,
            lambda t: t.lemma_.lower() in cues and not self._inside_quote(t.idx),
            pos=("VERB", "AUX"),
        )

    @functools.cached_property
    def _told(self) -> TokenSet:
        """Verbs with a subject (the clause before a colon names its speaker)."""
        tree = self.finder.tree
        return TokenSet(self.doc, lambda t: tree.has_child(t, "nsubj"), pos=("VERB", "AUX"))

    @functools.cached_property
    def _as_verbs(self) -> TokenSet:
        """ "dismissing ... as": verbs that call something a name, outside quotes."""
        return TokenSet(
            self.doc,
            lambda t: t.lemma_.lower() in self.lexicon.as_verbs and not self._inside_quote(t.idx),
            pos=("VERB",),
        )

    def _token_at(self, offset: int) -> int:
        """The index of the first token that starts at or after `offset`."""
        return bisect.bisect_left(self._token_starts, offset)

    def _sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return self.sentences[0] if self.sentences else None
        return self.sentences[index]

    def _token_before(self, offset: int) -> Token | None:
        """The last word token that ends at or before `offset`."""
        index = bisect.bisect_left(self._token_starts, offset) - 1
        while index >= 0 and self.doc[index].is_space:
            index -= 1
        return self.doc[index] if index >= 0 else None


def _char_before(text: str, offset: int, floor: int = 0) -> str:
    """The last character before `offset` (and from `floor`) that is not blank, or ""."""
    index = offset - 1
    while index >= floor and text[index].isspace():
        index -= 1
    return text[index] if index >= floor else ""


def _trim(text: str, start: int, end: int) -> int:
    """Drop a trailing comma inside the marks: it belongs to the sentence around the quote."""
    while end > start and text[end - 1] in ", ":
        end -= 1
    return end


def _fold(value: str) -> str:
    return "".join(char.lower() for char in value if char.isalnum())
