"""Nominal events of force and coercion: "the killing of a teenager by police", "his arrest",
"the trial of two youths", "faces murder charges".

A deverbal noun names the act of its verb: its "of" phrase or possessive is the one it is
done to ("the arrest of X", "his arrest", "whose killing"), its "by" phrase the doer. One who
faces, receives or is handed a charge, trial or sentence is its recipient (no actor named).
Not coded: the noun as the content of a charge, accusation, conviction or suspicion
("convicted of the murder of ...", "charged over the killing of ...": the guideline codes only
the charge), a noun modifying another ("murder trial": the trial is the act), and one with no
party named at all.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.actors import can_act

# Deverbal nouns of acts of force and coercion (PLOVER ASSAULT, COERCE: CAMEO 173 arrest,
# charge, try, sentence; 18x kill, shoot, assassinate), with PLOVER's mode where it is one.
NOMINAL = {
    "arrest": ("COERCE", "arrest"),
    "re-arrest": ("COERCE", "arrest"),
    "rearrest": ("COERCE", "arrest"),
    "detention": ("COERCE", "arrest"),
    "conviction": ("COERCE", None),
    "trial": ("COERCE", None),
    "prosecution": ("COERCE", None),
    "indictment": ("COERCE", None),
    "extradition": ("COERCE", None),
    "execution": ("COERCE", None),
    "killing": ("ASSAULT", None),
    "shooting": ("ASSAULT", "firearms"),
    "murder": ("ASSAULT", None),
    "assassination": ("ASSAULT", None),
    "kidnapping": ("ASSAULT", None),
    "abduction": ("ASSAULT", None),
}
# What one faces, receives or is handed as a party to a court's coercion.
_COURT = frozenset({"charge", "trial", "sentence", "indictment", "prosecution"})
_UNDERGO = frozenset({"face", "receive", "get", "hand", "go", "stand"})
# Heads whose content an act is: the charge, accusation or suspicion is the event.
_CONTENT = frozenset(
    "charge accuse accusation allege allegation convict conviction suspect suspicion deny "
    "denial acquit indict indictment guilty plead try trial sentence blame confess arrest "
    "detain jail imprison execute case investigation investigate probe inquiry".split()
)
_OF = frozenset({"of"})


def nominal(noun: Token) -> tuple[str, str | None, Token | None, Token | None] | None:
    """(type, mode, actor or None, recipient or None) of a nominal event headed by `noun`."""
    gerund = noun.tag_ == "VBG" and noun.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")
    if (noun.pos_ != "NOUN" and not gerund) or noun.dep_ in ("compound", "amod"):
        return None  # "after the police shooting of": a gerund parsed as a verb is the noun
    lemma = noun.lower_ if gerund else noun.lemma_.lower()
    if lemma in _COURT and noun.dep_ in ("dobj", "pobj", "conj"):
        undergone = _undergone(noun)
        if undergone is not None:  # "faces charges", "was handed a life sentence"
            verb = _undergoing(noun)
            hander = verb.lemma_.lower() == "hand" and verb.tag_ != "VBN"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return "COERCE", None, subject if hander else None, undergone  # "a judge handed X"
    if lemma not in NOMINAL or _content(noun):
        return None
    kind, mode = NOMINAL[lemma]
    doer = _phrase(noun, {"by"}) or _compound_doer(noun)
    done = _phrase(noun, _OF) or next((c for c in noun.children if c.dep_ == "poss"), None)
    if done is not None and done.tag_ == "WP$":
        done = _relative_head(noun)  # "a boy whose killing by police": the boy; else no one
    if done is not None and done.ent_type_ in ("DATE", "TIME"):
        done = None  # "Monday's shooting": when, not whom
    if doer is None and done is None:
        return None
    return kind, mode, doer, done


def _compound_doer(noun: Token) -> Token | None:
    """ "the police shooting of a teenager": a party named before the noun does it, when the
    "of" phrase names whom it is done to."""
    if _phrase(noun, _OF) is None:
        return None
    return next(
        (c for c in noun.children if c.dep_ == "compound" and can_act(c) and c.pos_ != "PROPN"),
        None,
    )


def _undergone(noun: Token) -> Token | None:
    """The subject of "face", "receive", "go to" / "stand" trial, or the dative of "hand"; of
    an infinitive of purpose, the subject of its clause ("was extradited to face charges")."""
    verb = _undergoing(noun)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _UNDERGO:
        return None
    if verb.lemma_.lower() == "hand":  # "handed Nichols four life sentences"
        dative = next(
            (c for c in verb.children if c.dep_ in ("dative", "dobj") and c != noun), None
        )
        if dative is not None:
            return dative
    if verb.lemma_.lower() == "go" and noun.dep_ != "pobj":
        return None  # "went the distance": one goes to or on trial
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # not past an object, who may be the one to face it ("get their hands on him to face")
    purpose = verb.dep_ in ("xcomp", "advcl") and _infinitive(verb)
    if subject is None and purpose and not any(c.dep_ == "dobj" for c in verb.head.children):
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject


def _undergoing(noun: Token) -> Token:
    """The verb a court noun is the object of, past the offences coordinated before it: "face
    murder and kidnapping charges" is parsed with "charges" the object of "kidnapping", itself
    joined to "murder", the object of "face"; or as a conjunct of "assault", its object."""
    head = noun.head
    if noun.dep_ == "pobj":
        return head.head
    first = noun if noun.dep_ == "conj" else None  # "faces assault and robbery charges"
    if head.pos_ in ("NOUN", "VERB") and head.dep_ == "conj" and head.tag_ != "VBD":
        first = head
    if first is not None:
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ == "dobj" and first.pos_ == "NOUN":
            return first.head
    return head


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _phrase(noun: Token, preps: frozenset[str]) -> Token | None:
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _relative_head(noun: Token) -> Token | None:
    token = noun
    for _ in range(4):
        if token.dep_ == "relcl":
            return token.head
        if token.head is token:
            return None
        token = token.head
    return None


def _content(noun: Token) -> bool:
    """The noun is what someone is charged with, accused or suspected of, convicted for."""
    token = noun
    for _ in range(4):
        if token.head is token:
            return False
        token = token.head
        if token.lemma_.lower() in _CONTENT:
            return True
        if token.pos_ == "VERB" and token.dep_ in ("ROOT", "ccomp"):
            return False
    return False
