"""Which clauses of a sentence are coded as events of their own (PETRARCH's convention, which
PLOVER's gold records follow): the main clause's verb and its complements are; the act a party
threatens or commits to is the content of that one event, not a second one; a passive
participle on a noun describes the noun ("a lunch hosted by the ambassador"), and an
infinitive on a proposal is what is proposed ("a request to interrogate the detainees").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyledger.extract.events.lexicon import EventLexicon
from storyledger.model import Event

# Events whose complement clause is what is demanded, threatened, promised or refused.
_CONTENT_TYPES = frozenset({"THREATEN", "AGREE"})
_COMPLEMENTS = ("xcomp", "ccomp", "advcl")


def background(verb: Token, lexicon: EventLexicon) -> bool:
    """A passive participle on a noun ("a lunch hosted by the ambassador", "figures released by
    the ministry") describes the noun; an infinitive on a proposal ("rejected a request to
    interrogate the detainees", "an invitation to attend the talks") is what is proposed. The
    sentence's event is elsewhere."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.tag_ == "VBN":
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.head.lemma_.lower() in lexicon.proposals


def content_of(
    verb: Token, kind: str, governing: dict[int, int], events: Sequence[Event]
) -> int | None:
    """The index (in `events`) of the event whose content the act of `verb` is: the nearest
    verb above it through complement clauses that has an event, when that event demands,
    threatens, promises or refuses ("demanded that the US cancel ...", "threatened to impose
    ...", "agreed to resign"); or a protest whose purpose is a demand ("staged demonstrations
    to demand reforms"). None when the act is an event of its own."""
    token = verb
    for _ in range(4):
        if token.dep_ not in _COMPLEMENTS or token.head is token:
            return None
        head = token.head
        at = governing.get(head.i)
        if at is not None:
            if events[at].action in _CONTENT_TYPES:
                return at
            if events[at].action == "PROTEST" and kind == "REQUEST" and token.dep_ == "advcl":
                return at
            return None
        token = head
    return None
