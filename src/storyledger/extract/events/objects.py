"""The object a verb's parse hides: a noun behind "up to" + a number, an object shifted after
its "as" phrase, the object two joined verbs share ("convicted and jailed the journalist"),
and the patient a joined passive shares ("was shot and killed by police"), and what a shot
or a bomb is aimed at ("opened fire on the crowd")."""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.cameo import cameo, cameo_code
from storyledger.extract.events.doers import explained, victim


def up_to(verb: Token) -> Token | None:
    """The object behind "up to" + a number, parsed as a particle and a preposition:
    "kidnapped up to 16 advisers" ("up to" bounds the number; the noun is the object)."""
    for up in (c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"):
        after = verb.doc[up.i + 1] if up.i + 1 < len(verb.doc) else up
        for to in (c for c in (*up.children, after) if c.dep_ == "prep" and c.lower_ == "to"):
            noun = next((c for c in to.children if c.dep_ == "pobj"), None)
            if noun is not None and any(c.dep_ == "nummod" for c in noun.children):
                return noun
    return None


def shifted(verb: Token) -> Token | None:
    """The object moved after its "as" phrase (heavy noun phrase shift), which the parser
    reads as an appositive with no comma: "denounced as an ugly crime Serbia's suppression of
    ..." (the suppression is denounced)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        shifted = noun and next((c for c in noun.children if c.dep_ == "appos"), None)
        if shifted is not None and shifted.left_edge.i == noun.i + 1:
            return shifted  # no comma between: a real appositive is set off
    return None


def shared_object(verb: Token) -> Token | None:
    """The object two joined verbs share: "convicted and jailed the journalist"."""
    doc = verb.doc
    after = doc[verb.i + 2] if verb.i + 2 < len(doc) else None
    if (
        after is not None
        and after.dep_ == "conj"
        and after.head.i == verb.i
        and doc[verb.i + 1].dep_ == "cc"
        and not any(c.dep_ == "prep" and c.i > verb.i for c in verb.children)  # not fronted
    ):
        return next((c for c in after.children if c.dep_ == "dobj"), None)
    return None


def passive_patient(verb: Token) -> Token | None:
    """The patient a passive verb shares with the passive it is joined to: "the teenager was
    shot and killed by police" (the parser hangs the subject on the first verb only)."""
    if (
        verb.dep_ != "conj"
        or verb.tag_ != "VBN"
        or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)
    ):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


# Where a shot, a bomb or a fire goes: "opened fire on the crowd", "fired tear gas at
# marchers", "dropped bombs on the village", "set fire to the mosque", "fired at the tanker".
_AIMED_PREPS = frozenset({"at", "on", "upon", "into", "to"})
_PARTICIPLES = frozenset({"advcl", "xcomp", "conj", "acl"})
_SHOT_AT = frozenset({"at", "on", "upon"})  # a verb alone: "fired at", "shot at", "fired on"
_NO_TARGET = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})


def fired_upon(verb: Token, obj: Token | None) -> Token | None:
    """What an attack is aimed at when the verb's object is the weapon or the fire itself (or
    there is none): the object of "at", "on", "upon", "into" or "to" ("set fire to") on the
    verb (with no object, of "at", "on" or "upon": "fired at the tanker"); never a time ("on
    Monday", "at noon"), nor one's own things set on fire ("set fire to their mattresses")."""
    if obj is not None and obj.dep_ != "dobj":
        return None
    if explained(verb):
        return None  # "was killed when gunmen opened fire on his car": the victim is hit
    dead = victim(verb)
    if dead is not None:
        return dead  # "two men are dead after a soldier opened fire at a checkpoint"
    if any(_harming(c) for c in verb.subtree if c.i > verb.i):
        return None  # "opened fire at a party, killing six guests": the killed are hit
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _AIMED_PREPS):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            noun is None
            or noun.ent_type_ in _NO_TARGET
            or noun.pos_ not in ("NOUN", "PROPN", "PRON")
        ):
            continue
        if prep.lower_ == "to" and (obj is None or obj.lemma_.lower() != "fire"):
            continue  # "fired to disperse", "dropped to 3%": only "set fire to X" aims "to"
        if prep.lower_ == "to" and _owned(noun):
            continue  # "set fire to their mattresses": their own things, a riot's deed
        if prep.lower_ == "into" and obj is not None and _owned(obj):
            continue  # "smashed their car into a store": a vehicle driven, no shot fired
        if obj is None and prep.lower_ not in _SHOT_AT:
            continue  # "shells crashed into the port": no one fires into it
        return noun
    return None


def _harming(token: Token) -> bool:
    """A participle of an attack with its own victim ("killing six guests", "wounding two")."""
    if token.tag_ != "VBG" or token.dep_ not in _PARTICIPLES:
        return False
    if not any(c.dep_ == "dobj" for c in token.children):
        return False
    coded = cameo_code(token, cameo())
    return coded is not None and coded[0] == "ASSAULT"


def _owned(noun: Token) -> bool:
    return any(c.tag_ == "PRP$" for c in noun.children)


def gave_up_oneself(verb: Token) -> bool:
    """ "gave himself up", "gave themselves up to the police": a surrender (RETREAT)."""
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) and any(
        c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in verb.children
    )


def given_to(verb: Token) -> bool:
    """A handing out or over to someone: "handed out blankets to the refugees"."""
    return any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "among"))
        for c in verb.children
    )
