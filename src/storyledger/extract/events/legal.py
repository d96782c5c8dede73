"""Acts of the law as PLOVER codes them: a criminal charge is COERCE ("charged the woman with two
counts of murder": CAMEO 173, arrest or charge with legal action), while a verbal charge between
parties stays the dictionary's ACCUSE ("charged its neighbour with supporting the rebels"); and
what an allegation, charge, conviction or suspicion says was done is no act of its own ("police
allege the guard shot two inmates", "arrested on charges that he killed a cyclist": the charge
is the event, not the killing it names)."""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.actors import can_act, is_state

# Verbs whose complement is what one party says another did, and nouns naming such a claim.
_ALLEGING_VERBS = frozenset({"allege", "accuse", "charge", "suspect", "convict", "indict"})
_ALLEGING_NOUNS = frozenset({"charge", "allegation", "accusation", "suspicion", "indictment"})
# How the content hangs on the alleging word: a clause ("allege (that) he shot"), a clause on
# the noun ("charges that he killed"), or a gerund after its preposition ("accused of killing").
_CONTENT = ("ccomp", "acl", "xcomp", "parataxis")
# How an act hangs inside that content ("shot the guard and fled", "opened fire, killing one").
_INSIDE = ("conj", "advcl", "xcomp", "ccomp")
_CHARGING = frozenset({"charge"})
_HEDGES = frozenset({"allegedly", "purportedly", "supposedly"})
# Forms of reporting verbs that are never nouns: read as a noun modifier of the subject
# ("Police allege Eric Kirkpatrick opened fire": "Police allege" parsed as compounds of the
# name), they still report the clause as someone's claim.
_VERB_ONLY = frozenset({"allege", "alleges", "say", "says", "contend", "contends"})


def alleged(verb: Token) -> bool:
    """The act is only the content of an allegation, charge, conviction or suspicion."""
    if any(_inverted(c) for c in verb.children) or _misread(verb):
        return True  # "the army shelled a village, alleges the rights group"
    if any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in verb.children):
        return True  # "the woman who allegedly shot two co-workers": what is alleged
    token = verb
    for _ in range(6):
        head = token.head
        if head is token:
            return False
        if token.dep_ in _CONTENT and any(
            c.dep_ == "advmod" and c.lower_ in _HEDGES for c in head.children
        ):
            return True  # "allegedly ordered Lopez to shoot": the order's content, alleged too
        if token.dep_ in _CONTENT and _alleging(head):
            return True
        if token.dep_ == "pcomp" and head.dep_ == "prep" and _alleging(head.head):
            return True  # "accused the rebels of attacking", "convicted of murdering"
        if token.dep_ == "advcl" and _alleging(head) and _grounds(token):
            return True  # "charged with murder because he intended to kill": its grounds
        if token.dep_ not in _INSIDE:
            return False
        token = head
    return False


def inversion(verb: Token) -> tuple[Token, Token] | None:
    """(who alleges, whom it is alleged of) for an inverted alleging verb ("the army shelled a
    village, alleges the rights group": the group accuses the army)."""
    if not _inverted(verb):
        return None
    speaker = next((c for c in verb.children if c.dep_ == "dobj"), None)
    accused = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return (speaker, accused) if speaker is not None and accused is not None else None


def _inverted(token: Token) -> bool:
    """An alleging verb put after its content with its subject after it (quotative
    inversion: "..., alleges the group"), which the parser reads as a conjunct with an
    object: set off by a comma, with no conjunction and no subject of its own."""
    if token.dep_ != "conj" or not _alleging(token) or token.i == 0:
        return False
    if token.doc[token.i - 1].text != ",":
        return False
    return not any(c.dep_ in ("cc", "nsubj", "nsubjpass") for c in token.children)


def misread_allege(token: Token) -> bool:
    """ "Police allege that the man ...": "allege", a form that is never a noun, parsed as one
    with the clause alleged under it; it is the reporting verb."""
    return (
        token.pos_ == "NOUN"
        and token.lower_ in ("allege", "alleges")
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def _alleging(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" or misread_allege(token):
        return lemma in _ALLEGING_VERBS
    return token.pos_ == "NOUN" and lemma in _ALLEGING_NOUNS


def criminal_charge(verb: Token) -> bool:
    """A charge with an offence named by a noun ("charged him with murder", "with two counts
    of arson", "with felony charges"), active with the charged as object or passive; a gerund
    in the active is a deed alleged between parties ("charged Albania with supporting the
    rebels"), the dictionary's ACCUSE; in the passive, a charge filed ("was charged with
    driving under the influence")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CHARGING:
        return False
    if not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        return False  # "the policeman charged with murder was based": a participle misread
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    preps = [c for c in verb.children if c.dep_ == "prep"]
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    billed = any(c.dep_ == "dobj" or c.ent_type_ == "MONEY" for c in verb.children)
    offence = any(p.lower_ in ("with", "for") for p in preps)
    if passive and _charged_person(subject) and not billed and not offence:
        return True  # "a driver has been charged in a crash that killed two cyclists"
    for prep in (c for c in preps if c.lower_ == "with"):
        if any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in prep.children):
            return True
        if passive and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children):
            return True  # "was charged with driving under the influence": a charge filed
    return False


_CUSTODY = frozenset({"custody", "arrest", "detention"})


def taken_into_custody(verb: Token) -> bool:
    """ "was taken into custody", "placed under arrest", "held in detention": an arrest
    (CAMEO 173) named by where the person is put, whatever the verb."""
    done_to = any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children)
    return (
        verb.pos_ == "VERB"
        and done_to
        and any(  # not "remains in custody": no one acts
            prep.dep_ == "prep"
            and prep.lower_ in ("into", "in", "under")
            and any(c.dep_ == "pobj" and c.lemma_.lower() in _CUSTODY for c in prep.children)
            for prep in verb.children
        )
    )


def verdict(verb: Token) -> Token | None:
    """The one a guilty verdict convicts: "a jury found X guilty (of ...)" (CAMEO 173, the
    issue's convention: convicting is COERCE); None for any other verb, or "not guilty"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "find":
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "was found guilty": the passive of an agentless conviction, coded so
    near = [t for c in verb.children for t in (c, *c.children)]
    guilty = next((t for t in near if t.lower_ == "guilty"), None)
    if guilty is None or any(c.dep_ == "neg" for c in guilty.children):
        return None
    subject = next((c for c in guilty.children if c.dep_ == "nsubj"), None)
    return subject or next((c for c in verb.children if c.dep_ == "dobj"), None)


def _charged_person(token: Token | None) -> bool:
    """One who can be charged by the law: a person named, a pronoun or a people noun, not a
    state or its forces (a battery or an account is charged too, and a customer is billed)."""
    if token is None:
        return False
    if token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "they"):
        return True
    return token.pos_ == "NOUN" and can_act(token) and not is_state(token)


def _grounds(clause: Token) -> bool:
    """A clause of reason ("because he intended to kill someone"): on a charge or conviction,
    what the charge says was done."""
    return any(c.dep_ == "mark" and c.lower_ == "because" for c in clause.children)


def _misread(verb: Token) -> bool:
    """The verb's subject carries a reporting verb parsed as a compound of it ("Police allege
    Eric Kirkpatrick opened fire, killing one man"): the act is the content of that claim.
    A participle or conjunct with no subject of its own shares its head's."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return any(
                c.dep_ == "compound" and c.lower_ in _VERB_ONLY
                for subject in subjects
                for c in subject.children
            )
        if token.dep_ not in ("advcl", "conj", "xcomp") or token.head is token:
            return False
        token = token.head
    return False
