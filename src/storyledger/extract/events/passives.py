"""Agentless passives: "was arrested", "were killed", "charges were filed" name no actor.

PLOVER lets an event's actor be unknown, and its gold records code such a sentence with an
empty actor and the passive's subject as the recipient ("three civilians have been killed in
a bombing"). A reader wants "X was arrested" as a record even when the text leaves out who
arrested. Only acts of force, coercion and accusation are read so (an agentless "was released",
"was asked", "was hosted" says too little of who was a party), and not a verb of hiring or
dismissal, an act done in an accident or disaster ("was killed in a crash"), a bare toll ("20
people were killed": disasters kill too), a clause of purpose or condition, or "X has been
accused of" (the reporter's hedge; a lawsuit or charges filed stay: the filing is an act).
"""

from __future__ import annotations

from spacy.tokens import Token

# The kinds whose agentless passive is an event of its own (PLOVER's material conflict and
# accusations); CAMEO's passive codes `[A:B]` are of these kinds too.
AGENTLESS_KINDS = frozenset({"ASSAULT", "COERCE", "ACCUSE"})  # "was suspended": from a job
# Nouns of accidents and disasters: "was killed in a crash / by the quake" is no one's act.
_MISHAPS = frozenset(
    "accident crash collision wreck fire blaze explosion blast quake earthquake flood flooding "
    "storm hurricane typhoon cyclone tornado tsunami landslide avalanche eruption drought "
    "derailment stampede collapse mishap disaster".split()
)
# The law's acts: a crash or fire named on them is the offence, never their doer.
_LAW = frozenset("charge arrest convict sentence indict jail detain prosecute cite".split())
# Acts only people do with a weapon or their hands: never a disaster's toll.
_WEAPON_VERBS = frozenset(
    "shoot stab beat behead torture kidnap abduct rape lynch strangle assassinate massacre "
    "gun bludgeon hack".split()
)
_CLAUSE_DEPS = ("conj", "advcl")
# Clauses of purpose and condition: what they say was done is no fact.
_UNREAL = frozenset({"so", "if", "unless", "lest", "whether"})
# "be engaged in", "be involved in": the subject takes part, no one is done to
_STATIVE = frozenset({"engage", "involve"})


def agentless(verb: Token, hiring: frozenset[str]) -> Token | None:
    """The subject an agentless passive verb is done to, or None: "X was arrested", "X was
    arrested and charged", "were arrested in Canada, charged with ...", "hours after being
    arrested" (the clause's subject). Not a participle on a noun ("officers charged over the
    shooting" describes them), a verb in `hiring`, or a mishap ("was killed in a crash")."""
    if verb.lemma_.lower() in hiring:
        return None
    if _mishap(verb) and verb.lemma_.lower() not in _LAW:
        return None  # "was killed in a crash"; "was charged in a crash": the crash is the offence
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.tag_ in ("VBN", "VBD"):
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "with X arrested"
    if verb.tag_ != "VBN":
        return None
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps or any(_agent(c) for c in verb.children):
        return None
    if "nsubj" in deps:
        return None
    if any(c.dep_ == "mark" and c.lower_ in _UNREAL for c in verb.children):
        return None  # "so that same-sex marriages are banned", "if it is attacked"
    if verb.lemma_.lower() in _STATIVE and any(c.lower_ == "in" for c in verb.children):
        return None  # "forces were engaged in ethnic cleansing": they did it
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]  # the nearest: not a dateline
    subject = subjects[-1] if subjects else None
    if subject is not None and verb.dep_ == "relcl" and subject.tag_ in ("WP", "WDT"):
        if subject.tag_ == "WDT":
            return None  # "a state of emergency that was imposed": a thing, described
        subject = verb.head  # "Lo Presti, who had been convicted": the person the clause is on
    if subject is not None:
        return None if _nobody(subject) else subject
    head = verb.head
    if verb.dep_ in _CLAUSE_DEPS and head is not verb and head.tag_ == "VBN":
        return agentless(head, hiring)  # the shared subject of joined passives
    if verb.dep_ == "conj" and "auxpass" in deps:  # "surrendered and was charged": the subject
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "pcomp" and "auxpass" in deps and head.dep_ == "prep":
        clause = head.head  # "hanged himself hours after being arrested": the clause's subject
        return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def bare_toll(verb: Token, patient: Token, event_nouns: dict[str, tuple]) -> bool:
    """ "At least 23 people have been killed", "20 were killed or wounded": a count of people
    done to with no attack named on the verb is a toll, reported of disasters as of wars, and
    no one's act; "three civilians were killed in a car bombing" names the attack (an event
    noun of force, ASSAULT in `event_nouns`)."""
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if any(v.lemma_.lower() in _WEAPON_VERBS for v in joined):
        return False  # "two people were stabbed", "one man was shot": no disaster does that
    counted = patient.like_num or any(c.dep_ == "nummod" for c in patient.children)
    counted = counted or patient.lower_ in ("dozens", "hundreds", "thousands", "scores")
    if not counted:
        return False
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for clause in verbs:
        for prep in (c for c in clause.children if c.dep_ == "prep"):
            for noun in prep.children:
                kind = event_nouns.get(noun.lemma_.lower(), ("",))[0]
                if noun.dep_ == "pobj" and kind == "ASSAULT":
                    return False
    return True


def _mishap(verb: Token) -> bool:
    """An accident or disaster named in a phrase on the verb or a verb joined to it ("in a
    crash", "killed and injured in the quakes")."""
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    joined += [verb.head] if verb.dep_ == "conj" else []
    for prep in (c for v in joined for c in v.children):
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _MISHAPS:
                return True
    return False


def passive_doer(verb: Token, event_nouns: frozenset[str]) -> Token | None:
    """The "by" phrase of a passive act names its doer (English syntax: the agent of the passive
    is the active's subject), read here when it is none of our actor nouns: a plural common noun
    ("shot by rivals", "killed by poachers") is a group of people or things that act, not a
    disaster ("killed by floods"), an event ("by airstrikes") or a name, which `can_act` reads."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    done = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if done is None or done.tag_ in ("WP", "WDT"):
        return None  # "those who were killed by hit-and-run drivers": no one named is done to
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if doer is None or doer.tag_ != "NNS" or doer.ent_type_:
        return None
    if any(t.lemma_.lower() in _MISHAPS for t in by.subtree):
        return None  # "injured by a landslide or collapsing buildings"
    lemma = doer.lemma_.lower()
    return None if lemma in event_nouns or doer.lower_ in event_nouns else doer


def _agent(conj: Token) -> bool:
    """A passive joined to the verb whose "by" phrase names the doer of both ("were beaten and
    arrested by police")."""
    return conj.dep_ == "conj" and any(c.dep_ == "agent" for c in conj.children)


def _nobody(subject: Token) -> bool:
    """ "no one else was injured", "nobody was arrested", "none of them were hurt": no event."""
    words = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "det"}
    return bool(words & {"nobody", "none", "no", "noone"}) or (
        subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)
    )


def others(verb: Token) -> bool:
    """ "... and wounded two others": the object is more people of the act joined before."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "other" for c in verb.children)
