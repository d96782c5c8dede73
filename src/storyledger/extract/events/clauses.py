"""Which clauses of a sentence are coded as events of their own (PETRARCH's convention, which
PLOVER's gold records follow): the main clause's verb and its complements are; the act a party
threatens or commits to is the content of that one event, not a second one; a passive
participle on a noun describes the noun ("a lunch hosted by the ambassador").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyledger.model import Event

# Events whose complement clause is what is demanded, threatened, promised or refused.
_CONTENT_TYPES = frozenset({"THREATEN", "AGREE"})
_COMPLEMENTS = ("xcomp", "ccomp", "advcl")


def background(verb: Token) -> bool:
    """A passive participle on a noun: "a lunch hosted by the ambassador", "figures released
    by the ministry", "the colony established by the administration" describe the noun; the
    sentence's event is elsewhere."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")


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
