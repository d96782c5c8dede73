"""Who did an attack told in two clauses: the one who fires in a clause of time on a victim's
passive ("was shot dead when a gunman opened fire": the gunman), and the victim told in the
main clause of that shooting ("two men are dead after a soldier opened fire": the two men)."""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.actors import can_act
from storyledger.extract.events.cameo import cameo, cameo_code

_WHEN = frozenset({"when", "after", "as", "while", "before"})


def attacker(verb: Token, verbs: dict[str, tuple]) -> Token | None:
    """The subject of a "when"/"after"/"as" clause under `verb` (an agentless passive of an
    attack) whose verb, or one joined to it, is an attack ("was killed when gunmen opened fire
    on his car", "was shot when a man burst out, put a gun to his face and fired")."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"):
        if not _timed(clause):
            continue
        shared = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        for act in (clause, *clause.conjuncts):  # "when he knocked and someone shot him"
            own = next((c for c in act.children if c.dep_ == "nsubj"), None)
            subject = own if own is not None else shared
            if subject is not None and can_act(subject) and _attack(act, verbs):
                return subject
    return None


def victim(verb: Token) -> Token | None:
    """The subject of the main clause a shooting explains: "two villagers are dead after a
    soldier opened fire" (a victim's death told first, the attack in a clause of time); None
    when the attack is not such a clause or the main clause tells no death."""
    head = verb.head
    if verb.dep_ != "advcl" or head is verb or not _timed(verb):
        return None
    died = head.lemma_.lower() == "die" or any(
        c.dep_ == "acomp" and c.lower_ == "dead" for c in head.children
    )
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject if died and subject is not None and can_act(subject) else None


def explained(verb: Token) -> bool:
    """The attack is a clause of time on a victim's passive ("was killed when gunmen opened
    fire on his car"): the victim named there is the recipient, not what was fired at."""
    head = verb.head
    return (
        verb.dep_ == "advcl" and _timed(verb) and any(c.dep_ == "nsubjpass" for c in head.children)
    )


def _timed(clause: Token) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN for c in clause.children)


def _attack(verb: Token, verbs: dict[str, tuple]) -> bool:
    own = verbs.get(verb.lemma_.lower())
    if own is not None:
        return own[0] == "ASSAULT"
    coded = cameo_code(verb, cameo())
    return coded is not None and coded[0] == "ASSAULT"
