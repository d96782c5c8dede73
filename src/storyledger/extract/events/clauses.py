"""Which clauses of a sentence are coded as events of their own (PETRARCH's convention, which
PLOVER's gold records follow): the main clause's verb and its complements are; the act a party
threatens, commits to or demands is the content of that one event, not a second one (a
demand's content gives the REQUEST its PLOVER mode: assist, change, yield, meet); a passive
participle on a noun describes the noun ("a lunch hosted by the ambassador"), and an
infinitive on a proposal is what is proposed ("a request to interrogate the detainees").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyledger.extract.events.lexicon import EventLexicon
from storyledger.model import Event

# Events whose complement clause is what is demanded, threatened or promised.
_CONTENT_TYPES = frozenset({"THREATEN", "AGREE", "REQUEST"})
# PLOVER 2.0's REQUEST modes, by the type of the act requested: material help is "assist",
# yielding (release, withdraw, lift, resign, cease fire) "yield", a meeting "meet"; any other
# act asked of a party is a "change" of its policy.
_REQUESTED = {
    "AID": "assist",
    "COOPERATE": "assist",
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "CONSULT": "meet",
}
_COMPLEMENTS = ("xcomp", "ccomp", "advcl", "acomp")


def background(verb: Token, lexicon: EventLexicon) -> bool:
    """A passive participle on a noun ("a lunch hosted by the ambassador", "figures released by
    the ministry") describes the noun; an infinitive on a proposal ("rejected a request to
    interrogate the detainees", "an invitation to attend the talks"), and the infinitive of
    purpose on it ("... to attend a meeting to debate plans"), is what is proposed. The
    sentence's event is elsewhere."""
    if verb.dep_ in ("advcl", "xcomp", "conj") and to_infinitive(verb) and verb.head is not verb:
        head = verb.head  # "an invitation to attend a meeting to debate ...": proposed too
        if head.dep_ == "acl" and to_infinitive(head) and head.head.pos_ == "NOUN":
            return head.head.lemma_.lower() in lexicon.proposals
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and _participle(verb)):
        return True
    return to_infinitive(verb) and verb.head.lemma_.lower() in lexicon.proposals


def _participle(verb: Token) -> bool:
    """A past form on a noun with no subject of its own is a participle ("West Africans ordered
    out of Nigeria"), unless the noun is the sentence's root: then the parser missed the main
    verb ("The dissident asked for asylum")."""
    return not _has(verb, "nsubj", "nsubjpass") and verb.head.dep_ != "ROOT"


def prepared(verb: Token) -> bool:
    """An act in the complements of "prepare" ("the army prepared to resume shelling the
    town"): made ready, not done (CAMEO's PREPARE block codes a fight prepared 154, a force
    posture)."""
    token = verb
    for _ in range(3):
        if token.dep_ != "xcomp" or token.head is token:
            return False
        token = token.head
        if token.lemma_.lower() == "prepare":
            return True
    return False


def misread_noun(verb: Token) -> bool:
    """A base form set off as an adverbial with nothing a verb there needs ("to", a modal, a
    subject, a subordinator): the tagger's verb for a noun ("ending its fisheries dispute with
    its partners")."""
    return verb.tag_ == "VB" and verb.dep_ == "advcl" and not _has(verb, "aux", "mark", "nsubj")


def _has(verb: Token, *deps: str) -> bool:
    return any(c.dep_ in deps for c in verb.children)


def purpose(verb: Token) -> Token | None:
    """The verb whose aim `verb` is: an infinitive set off as its adverbial ("sent troops to help
    defend the border", "opened the bridge to allow aid to pass"), or a verb such an infinitive
    governs through infinitive complements ("to help defend": defend). None otherwise."""
    token = verb
    for _ in range(4):
        if not to_infinitive(token) or token.head is token:
            return None
        if token.dep_ == "advcl":
            return token.head if token.head.pos_ in ("VERB", "AUX") else None
        if token.dep_ != "xcomp":
            return None
        token = token.head
    return None


def _on_object(verb: Token) -> bool:
    """A clause on the object of a verb ("its demand that the government lift ...")."""
    return verb.dep_ in ("acl", "ccomp") and verb.head.dep_ == "dobj" and verb.head.pos_ == "NOUN"


def to_infinitive(verb: Token) -> bool:
    """A verb marked as a "to" infinitive ("to demand", "to help")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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
        if _on_object(token):  # "reiterated its demand that Israel ease ...": the noun's clause
            head = token.head.head
        elif token.dep_ not in _COMPLEMENTS or token.head is token:
            return None
        else:
            head = token.head
        at = governing.get(head.i)
        if at is not None:
            adverbial = token.dep_ == "advcl" and not to_infinitive(token)
            if events[at].action == "REQUEST" and adverbial:
                return None  # "X ordered planes, while Y signed a deal": no demand's content
            if events[at].action in _CONTENT_TYPES:
                return at
            if events[at].action == "PROTEST" and kind == "REQUEST" and token.dep_ == "advcl":
                return at
            return None
        token = head
    return None


def toll(verb: Token, kind: str) -> Token | None:
    """The act whose result `verb` tells as a participle clause on it, the same act and not a
    second one (PLOVER: one event, its casualties said of it): an attack's toll ("shelled the
    city, killing 20", "fired on the crowd, killing or wounding 50"), or, for any act, a
    participle set off by a comma after its verb ("shelled the town, killing 20 people"). The
    act's verb, or None."""
    head = verb
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if kind == "ASSAULT" and head.dep_ == "advcl" and head.tag_ == "VBG":
        return head.head
    if verb.dep_ == "conj" and verb.tag_ == "VBG":  # "killing or wounding 50"
        verb = verb.head
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and verb.doc[verb.i - 1].lower_ == ","
    ):
        return verb.head
    return None


def request_mode(content: Event) -> str:
    """PLOVER's REQUEST mode for a demand whose content is `content`."""
    return _REQUESTED.get(content.action, "change")
