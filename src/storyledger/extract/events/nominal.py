"""Nominal events of force and coercion: "the killing of a teenager by police", "his arrest",
"the trial of two youths", "faces murder charges", "came under attack".

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

from storyledger.extract.events.actors import can_act, instrument
from storyledger.extract.events.lexicon import event_lexicon

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
# What one comes or is "under": an attack on them ("the convoy came under fire").
_ASSAILED = frozenset({"attack", "fire", "assault", "bombardment", "shelling", "siege"})
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
    if lemma in _ASSAILED and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        carrier = noun.head.head  # "the convoy came under attack", "was under fire from X"
        subject = next((c for c in carrier.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and carrier.pos_ in ("VERB", "AUX"):
            doer = _phrase(noun, {"by", "from"}) or _phrase(carrier, {"by", "from"})
            return "ASSAULT", None, doer if doer is not None and can_act(doer) else None, subject
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


# Event nouns of our lexicon read as nominal events, and the prepositions that name whom each
# kind is aimed at: "the attack on X", "the invasion of X", "sanctions against X", "talks with
# X", "X's visit to Y", "the withdrawal from X", "an investigation into X", "aid to X".
_AIMED_BY = {
    "ASSAULT": frozenset({"on", "against", "of", "into", "at"}),
    "SANCTION": frozenset({"on", "against"}),
    "COERCE": frozenset({"on", "against", "of"}),
    "CONSULT": frozenset({"with", "to"}),
    "ACCUSE": frozenset({"into", "of", "against"}),
    "PROTEST": frozenset({"against"}),
    "RETREAT": frozenset({"from"}),
    "AID": frozenset({"to", "for"}),
}
# Kinds whose recipient may be a thing attacked or restricted ("the attack on the embassy").
_THINGS_DONE_TO = frozenset({"ASSAULT", "COERCE"})
_NAMED = ("NORP", "GPE", "ORG")


def noun_event(
    noun: Token, event_nouns: dict[str, tuple[str, str | None]]
) -> tuple[str, str | None, Token | None, Token | None] | None:
    """(type, mode, doer or None, recipient or None) of an event noun of the lexicon used as a
    nominal event with a party named: its "by" phrase, owner or a country or group named before
    it is the doer ("Israeli airstrikes", "Iraq's invasion of Kuwait"), the phrase its kind is
    aimed by the recipient. Not a modifier ("attack helicopter"), the content of a charge, or
    a noun with no party named."""
    if noun.pos_ != "NOUN" or noun.dep_ in ("compound", "amod") or _content(noun):
        return None
    found = event_nouns.get(noun.lemma_.lower()) or event_nouns.get(noun.lower_)
    if found is None or found[0] not in _AIMED_BY or _nested(noun, event_nouns):
        return None
    kind, mode = found
    done = None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _AIMED_BY[kind]):
        target = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if target is None or target.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            continue
        if can_act(target) or target.ent_type_ in _NAMED or kind in _THINGS_DONE_TO:
            done = target
            break
    doer = _phrase(noun, {"by"}) or next(
        (c for c in noun.children if c.dep_ == "poss" and c.tag_ != "WP$"), None
    )
    if doer is None:
        doer = next(
            (
                t
                for left in noun.lefts
                if left.dep_ in ("amod", "compound", "nmod")
                for t in left.subtree
                if t.ent_type_ in _NAMED and t.pos_ in ("PROPN", "ADJ", "NOUN")
            ),
            None,
        )
    if doer is not None and not can_act(doer) and doer.ent_type_ not in _NAMED:
        doer = instrument(doer)  # "by Russian jets", "by a car bomb": the weapon stands for it
    if doer is not None and doer.ent_type_ in ("DATE", "TIME"):
        doer = None  # "Monday's attack on X": when, not who
    if doer is None and done is None:
        return None
    return kind, mode, doer, done


_HANGING = ("pobj", "prep", "conj", "appos")


def _nested(noun: Token, event_nouns: dict[str, tuple[str, str | None]]) -> bool:
    """The noun hangs on another act or proposal named by a noun ("mediation in the talks with
    X", "calls for sanctions against X", "a plan for an attack"): that one is what is told."""
    token = noun
    for _ in range(4):
        if token.dep_ not in _HANGING or token.head is token:
            return False
        token = token.head
        if token.pos_ == "NOUN" and (
            token.lemma_.lower() in event_nouns or token.lemma_.lower() in event_lexicon().proposals
        ):
            return True
    return False


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object or circumstance of ("repulsed an attack", "killed 46
    civilians in an attack on a village"), through its prepositions; None for a subject
    ("the attack killed") or a noun on no verb."""
    token = noun
    for _ in range(4):
        if token.dep_ not in (*_HANGING, "dobj", "pcomp") or token.head is token:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return token
    return None


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
    if verb.lemma_.lower() == "hand":  # "handed Nichols four life sentences", "down ... to X"
        dative = next(
            (c for c in verb.children if c.dep_ in ("dative", "dobj") and c != noun), None
        ) or next(
            (
                c
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ == "to"
                for c in prep.children
                if c.dep_ == "pobj" and can_act(c)
            ),
            None,
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


def background_noun(noun: Token, coded_verbs: set[int]) -> bool:
    """An event noun another part of the sentence tells: what a coded verb is done to
    ("demanded the withdrawal of X", "cancelled a planned visit"), or in a phrase on a verb
    ("fled after an attack on their camp", "following the invasion of X"): the time or cause
    of what the sentence tells, not its news."""
    token = noun
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj":
        return True
    governing = governing_verb(noun)
    return governing is not None and governing.i in coded_verbs
