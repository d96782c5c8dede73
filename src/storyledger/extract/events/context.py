"""What the events stage works out once per doc and then looks up: each verb's auxiliary mode,
the date each verb is given, and the mentions by position. Each is a walk of the parse or of
the records done once, so a long sentence of joined verbs costs its length, not its square.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from storyledger.extract.events.dates import resolve_date
from storyledger.extract.events.lexicon import EventLexicon
from storyledger.extract.events.words import DocWords
from storyledger.extract.quotes.lexicon import speech_lexicon
from storyledger.extract.quotes.marks import QuoteCover
from storyledger.extract.resolve import Resolver
from storyledger.model import Mention

_SELF = frozenset({"i", "we", "he", "she", "it", "they"})
_REFERENT_KINDS = {
    **dict.fromkeys(("he", "she", "him", "her", "his"), ("person",)),
    **dict.fromkeys(("it", "its"), ("organization", "place")),
    **dict.fromkeys(("they", "them", "we", "their"), ("organization", "group", "place")),
}


class Modes:
    """The auxiliary mode of verbs (future, hypothetical, historical), each verb worked out
    once: a verb joined to another takes its mode, so a long chain of joined verbs is walked
    once, not from each of its verbs."""

    def __init__(self, words: DocWords) -> None:
        self.words = words
        self.found: dict[int, str | None] = {}  # by token index

    def of(self, verb: Token, lexicon: EventLexicon) -> str | None:
        chain = [verb]  # "If Israel does not cease ... and lift ...": up the conj chain
        while (
            chain[-1].i not in self.found
            and chain[-1].dep_ == "conj"
            and chain[-1].head.pos_ in ("VERB", "AUX")
            and chain[-1].head is not chain[-1]
            and not _own_clause(chain[-1])
        ):
            chain.append(chain[-1].head)
        inherited = self.found.get(chain[-1].i)
        for token in reversed(chain):
            if token.i not in self.found:
                own = inherited if inherited is not None else self._own(token, lexicon)
                self.found[token.i] = own
            inherited = self.found[token.i]
        return self.found[verb.i]

    def _own(self, verb: Token, lexicon: EventLexicon) -> str | None:
        words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "mark")}
        if committed(verb, lexicon):  # "must be ready to mediate": the copula's modal
            words |= {c.lower_ for c in verb.head.head.children if c.dep_ == "aux"}
        if words & lexicon.demand_modals:
            return "hypothetical"  # "said Iraq must hand over ...": demanded, not done
        if (
            words & lexicon.backshifted_future
            and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in speech_lexicon().indirect_verbs
            and any(c.dep_ == "nsubj" and c.lower_ in _SELF for c in verb.children)
        ):  # "said they would boycott the talks": the "will" of a party's word about itself
            words = (words - lexicon.backshifted_future) | {"will"}
        heads = [verb.head.lemma_.lower()] if verb.dep_ in ("xcomp", "ccomp", "advcl") else []
        if words & lexicon.hypothetical or set(heads) & lexicon.hypothetical:
            return "hypothetical"
        if (
            words & lexicon.future
            or set(heads) & lexicon.future
            or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.future)
            or _intended(verb, lexicon)
        ):
            return "future"
        if _time_clause(verb) and self.of(verb.head, lexicon) == "future":
            return "future"  # "will be released after he is charged": not yet charged
        if self.words.bag((verb,)).meets(lexicon.historical):
            return "historical"
        return None


_TIME_MARKS = frozenset({"after", "when", "once", "until", "till", "before", "as"})
_PRESENT = frozenset({"VBZ", "VBP"})


def _time_clause(verb: Token) -> bool:
    """A clause of time in the present tense ("after he is charged", "once the troops
    leave"): English puts future time in the present there, so it shares its head's future."""
    if verb.dep_ != "advcl" or verb.head is verb:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children):
        return False
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in _PRESENT for t in finite) and not any(t.tag_ == "VBD" for t in finite)


def _own_clause(conj: Token) -> bool:
    """A finite verb with its own subject joined to an infinitive ("prepared to go before a
    magistrate and riot police fired teargas"): a clause of its own, not under the infinitive's
    "prepared to" (a parse that hangs it on the infinitive; its tense shows it is not one)."""
    return (
        conj.tag_ in ("VBD", "VBZ", "VBP")
        and conj.head.tag_ == "VB"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
    )


def committed(verb: Token, lexicon: EventLexicon) -> bool:
    """ "is willing to withdraw", "is ready to host": an intent to act, which CAMEO codes as
    the intent (03x: intent to cooperate, aid, yield; 13x: threats), not as the act."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in lexicon.commitment


def _intended(verb: Token, lexicon: EventLexicon) -> bool:
    """An act inside the infinitives of an intent: "is willing to send material to help defend
    Saudi Arabia" (the defence is intended, as the sending is)."""
    token = verb
    for _ in range(4):
        if committed(token, lexicon):
            return True
        if token.dep_ not in ("xcomp", "advcl") or token.head is token:
            return False
        if token.dep_ == "advcl" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        ):
            return False  # a purpose is an infinitive; a complement may be bare ("help defend")
        token = token.head
    return False


class Mentions:
    """The mentions of an article by start, to find those inside a phrase in log time."""

    def __init__(
        self, mentions: Sequence[Mention], doc: Doc | None = None, quoted: QuoteCover | None = None
    ) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.doc, self.quoted = doc, quoted

    @functools.cached_property
    def resolver(self) -> Resolver | None:
        """The shared resolver (`extract/resolve.py`), blind to quoted words, built once."""
        if self.doc is None:
            return None
        hidden = self.quoted.__contains__ if self.quoted is not None else (lambda _: False)
        return Resolver(self.doc, self.mentions, hidden=hidden)

    def referent(self, token: Token, bounds: tuple[int, int]) -> Mention | None:
        """The named party a pronoun ("he", "they") or an organisation's description ("the
        union") left unresolved in its sentence stands for, across sentences: not inside
        quotation marks, where "we" and "he" are the speaker's; a person for he/she only; for a
        description, a name that holds its noun ("the United Auto Workers union")."""
        kinds = _REFERENT_KINDS.get(token.lower_)
        described = token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        )
        if (kinds is None and not described) or self.resolver is None:
            return None
        if self.quoted is not None and token.idx in self.quoted:
            return None
        found = self.resolver.resolve(*bounds)
        if found is None or found.via == "name":
            return None
        if kinds is None:  # "the union": a name that holds the noun ("Auto Workers union")
            words = found.mention.text.lower().split()
            held = token.lower_ in words or token.lemma_.lower() in words
            return found.mention if held and found.mention.kind != "person" else None
        return found.mention if found.mention.kind in kinds else None

    def named(self, bounds: tuple[int, int]) -> str | None:
        """The canonical actor named in a phrase: its head mention (the last inside it, by
        start), else the first one."""
        first = bisect.bisect_left(self.starts, bounds[0])
        last = bisect.bisect_left(self.starts, bounds[1])
        for mention in reversed(self.mentions[first:last]):
            if mention.end <= bounds[1]:
                return mention.actor_id
        return None


class Dates:
    """The date a sentence gives an event: a DATE entity of the sentence hung on the verb or on
    its preposition, else on a verb joined to it (the first that resolves, in spaCy's
    `conjuncts` order), else, for a participle on a noun, on the verb that noun hangs on."""

    def __init__(self, words: DocWords, published: date | None) -> None:
        self.words, self.published = words, published
        self.sentence = -1
        self.anchors: dict[int, Span] = {}  # a verb's index -> the first DATE hung on it
        self.resolved: dict[tuple[int, bool], object] = {}
        self.groups: dict[tuple[int, bool], list[int]] = {}  # chain head -> verbs that resolve
        self.firsts: dict[int, int] = {}  # a verb -> the head of its conj chain

    def of(self, verb: Token, sentence: Span, *, future: bool) -> object:
        """The resolved date of the event `verb` of `sentence` triggers, or None."""
        if sentence.start != self.sentence:
            self._anchor(sentence)
        found = self._resolve(verb.i, future)
        if found is None and self.anchors:
            dated = self._group(verb, future)
            found = next((self._resolve(i, future) for i in dated if i != verb.i), None)
        if found is None and verb.dep_ == "acl" and verb.head.head is not verb.head:
            found = self._resolve(verb.head.head.i, future)
        return found

    @functools.cached_property
    def _dates(self) -> tuple[list[int], tuple[Span, ...]]:
        """The doc's DATE entities and their starts, found once (`Span.ents` walks all the
        doc's entities each time it is asked)."""
        dates = tuple(e for e in self.words.doc.ents if e.label_ == "DATE")
        return [e.start for e in dates], dates

    def _anchor(self, sentence: Span) -> None:
        self.sentence, self.anchors, self.resolved, self.groups = sentence.start, {}, {}, {}
        starts, dates = self._dates
        for entity in dates[bisect.bisect_left(starts, sentence.start) :]:  # as `Span.ents`
            if entity.end > sentence.end:
                break
            head = entity.root.head
            self.anchors.setdefault(head.i, entity)
            if head.dep_ == "prep":
                self.anchors.setdefault(head.head.i, entity)

    def _resolve(self, i: int, future: bool) -> object:
        if (i, future) not in self.resolved:
            entity = self.anchors.get(i)
            self.resolved[i, future] = (
                resolve_date(entity.text, self.published, future=future) if entity else None
            )
        return self.resolved[i, future]

    def _group(self, verb: Token, future: bool) -> list[int]:
        """Up to two verbs joined with `verb` (itself included) whose date resolves, in the
        order of spaCy's `Token.conjuncts` (breadth first from the chain's head)."""
        first = self._first(verb)
        if (first, future) not in self.groups:
            doc, kids, dated = verb.doc, self.words.tree.kids, []
            queue = [first]
            for i in queue:
                if len(dated) < 2 and self._resolve(i, future) is not None:
                    dated.append(i)
                queue += [k for k in kids[i] if doc[k].dep_ == "conj"]
            self.groups[first, future] = dated
        return self.groups[first, future]

    def _first(self, verb: Token) -> int:
        """The head of the conj chain `verb` is on, each link walked once per doc."""
        path, token = [], verb
        while token.i not in self.firsts and token.dep_ == "conj" and token.head.i != token.i:
            path.append(token.i)
            token = token.head
        first = self.firsts.get(token.i, token.i)
        for i in (*path, token.i):
            self.firsts[i] = first
        return first
