"""The act a warning is about: "Egypt warned Israel about impending Hamas attacks" names an
attack by Hamas, and one with no target of its own is aimed at the party warned (one warns
the party in danger). Coded as a future act of the warned-of kind, by the party named on it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyledger.extract.events.actors import can_act
from storyledger.extract.events.context import Mentions
from storyledger.extract.events.lexicon import EventLexicon
from storyledger.extract.events.parties import RECIPIENT_PREPS, named_on, owner, resolve
from storyledger.extract.events.phrases import bounds, party
from storyledger.extract.events.record import event_record
from storyledger.model import Event

_WARNING = frozenset({"warn", "alert", "caution", "forewarn"})
_ABOUT = frozenset({"about", "of"})
# Phrases that aim an act at someone or somewhere ("attacks on the town hall", "raids in X").
_AIMING = RECIPIENT_PREPS | {"at", "in", "inside", "near"}
_WARNED_OF = frozenset({"ASSAULT", "COERCE"})  # acts of force one warns the party in danger of


def warning(
    article: object, span: Span, verb: Token, lexicon: EventLexicon, mentions: Mentions
) -> Event | None:
    """The attack a warning is about, aimed at the party warned (`warned_of`): a
    future act, as a warning speaks of what is to come."""
    found = warned_of(verb, lexicon.event_nouns, _WARNED_OF)
    if found is None:
        return None
    noun, doer, warned = found
    kind, mode = lexicon.event_nouns[noun.lemma_.lower()]
    doer, warned = owner(resolve(doer)), resolve(warned)
    actor_text, actor_id = party(article.text, doer, bounds(doer), mentions)
    target_text, target_id = party(article.text, warned, bounds(warned), mentions)
    if actor_text == target_text:
        return None
    return event_record(
        article,
        span,
        noun,
        kind,
        mode,
        (actor_text, actor_id),
        (target_text, target_id),
        aux="future",
    )


def warned_of(
    verb: Token, nouns: dict[str, tuple], kinds: frozenset[str]
) -> tuple[Token, Token, Token] | None:
    """(the noun of the act warned of, its doer, the party warned) for a verb of warning whose
    object is a party and whose "about" or "of" phrase names an act (`nouns`, an event noun's
    type among `kinds`) done by a party
    named on it ("Hamas attacks", "attacks by Hamas", "Hamas's attacks") with no recipient in
    its own phrases ("attacks on Cairo" is aimed at Cairo, not at the party warned)."""
    if verb.lemma_.lower() not in _WARNING or verb.pos_ != "VERB":
        return None
    warned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if warned is None or not can_act(warned):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _ABOUT):
        for noun in _objects(prep):
            if nouns.get(noun.lemma_.lower(), ("",))[0] not in kinds or _aimed(noun):
                continue
            doer = _doer(noun)
            if doer is not None and doer.i != warned.i:
                return noun, doer, warned
    return None


def _objects(prep: Token) -> list[Token]:
    """The nouns a preposition governs: its object, and the object of a gerund after it (the
    parser reads "about impending attacks" as a gerund "impending" with an object)."""
    found = [c for c in prep.children if c.dep_ == "pobj"]
    found += [
        n
        for c in prep.children
        if c.dep_ == "pcomp" and c.tag_ == "VBG"
        for n in c.children
        if n.dep_ == "dobj"
    ]
    return found


def _doer(noun: Token) -> Token | None:
    """Who does the act: a party compounded with it ("Hamas attacks", "Kurdish rebel attacks":
    the rebels, named with their modifiers), else its owner, doer or a group named on it."""
    compound = next(
        (c for c in noun.children if c.dep_ == "compound" and can_act(c)),
        None,
    )
    return compound or named_on(noun)


def _aimed(noun: Token) -> bool:
    """The act names its own target ("attacks on the town hall") or place ("raids in Gaza";
    not a time, "attacks on Monday", nor a source, "attacks in intel reports")."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _AIMING):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is None or place.ent_type_ in ("DATE", "TIME"):
            continue
        if prep.lower_ in RECIPIENT_PREPS | {"at"} or place.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
    return False
