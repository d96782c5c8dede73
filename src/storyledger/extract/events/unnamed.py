"""Events with no actor named in the text: agentless passives ("X was arrested",
`passives.agentless`) and nominal acts ("the arrest of X", "the killing of X by Y",
`nominal.nominal`), built as `Event` records."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyledger.extract.events.actors import is_state, people
from storyledger.extract.events.context import Dates, Mentions, Modes
from storyledger.extract.events.doers import attacker
from storyledger.extract.events.lexicon import EventLexicon
from storyledger.extract.events.nominal import nominal, noun_event
from storyledger.extract.events.parties import recipient, resolve
from storyledger.extract.events.passives import bare_toll
from storyledger.extract.events.phrases import bounds, party
from storyledger.extract.events.record import NO_PARTY, event_record
from storyledger.model import Event

_PRONOUNS = frozenset(
    "he him his she her they them their it its that this these those another one who whom".split()
)
_WH = frozenset({"WP", "WDT", "WP$"})  # "what", "which", "whoever", "whose"


def unattributed(
    article: object,
    span: Span,
    verb: Token,
    coded: tuple,
    patient: Token,
    mentions: Mentions,
    lexicon: EventLexicon,
    modes: Modes,
    dates: Dates,
    negated: bool,
) -> Event | None:
    """An agentless passive (`passives.agentless`): no actor (unless a clause of time names who
    fired: `doers.attacker`), the subject done to as the recipient, or for a charge or lawsuit
    as subject the party it is against."""
    kind, mode, obj, event_noun, dyadic = coded
    target = patient  # "was charged with DUI": the one charged, not the charge
    # "charges were filed against X"; not "X was found guilty": a verdict said of the subject
    # ("guilty") is the pattern's word, and the subject the one judged
    judged = kind == "COERCE" and any(c.dep_ in ("oprd", "acomp") for c in verb.children)
    if event_noun and obj is not None and obj.i == patient.i and not judged:
        target = recipient(verb, obj, kind, event_noun=event_noun, loose=not dyadic)
    # disasters too kill, injure and displace; no disaster arrests or convicts
    suffered = dyadic or kind == "ASSAULT" or mode == "deport"
    toll = suffered and bare_toll(verb, patient, lexicon.event_nouns)
    hedge = kind == "ACCUSE" and not event_noun  # "X has been accused of": the reporter's hedge
    # "was stabbed", "was beaten to death", "was indicted": force or the law on a person
    person = dyadic and (kind == "ASSAULT" or mode == "arrest") and _person(patient)
    if target is None or toll or hedge or (dyadic and not event_noun and not person):
        return None  # no party named; a toll; CAMEO's verbs are coded between two actors,
        # but a person "was stabbed" or "beaten to death" by someone, named or not
    target = resolve(target)
    if target.tag_ in _WH:
        return None  # "what was attacked?", "whoever was arrested": a question, no one named
    text, aux = article.text, modes.of(verb, lexicon)
    if aux == "hypothetical":
        return None  # "if it is attacked": no one named would do it
    resolved = dates.of(verb, span, future=aux == "future")
    named = party(text, target, bounds(target), mentions)
    if _pronoun(named[0]):
        return None  # "before he was arrested" with no name for "he": no party to record
    doer = attacker(verb, lexicon.verbs) if kind == "ASSAULT" else None
    actor = party(text, resolve(doer), bounds(resolve(doer)), mentions) if doer else NO_PARTY
    date = resolved.date if resolved else None
    return event_record(
        article, span, verb, kind, mode, actor, named, date=date, negated=negated, aux=aux
    )


def named_act(
    article: object,
    span: Span,
    noun: Token,
    mentions: Mentions,
    event_nouns: dict[str, tuple[str, str | None]],
) -> Event | None:
    """A nominal act of force or coercion (`nominal.nominal`: "the killing of X by Y") or an
    event noun of the lexicon with a party named (`nominal.noun_event`: "the attack on X",
    "talks with X", "X's visit to Y")."""
    found = nominal(noun) or noun_event(noun, event_nouns)
    if found is None:
        return None
    kind, mode, doer, done = found
    parties = []
    for token in (doer, done):
        token = resolve(token) if token is not None else None
        parties.append(party(article.text, token, bounds(token), mentions) if token else None)
    (actor_text, actor_id), (target_text, target_id) = (p or (None, None) for p in parties)
    if (actor_text is not None and actor_text == target_text) or _pronoun(target_text):
        return None  # "despite his arrest" with no name for "his": no party to record
    return event_record(
        article, span, noun, kind, mode, (actor_text, actor_id), (target_text, target_id)
    )


def _person(token: Token) -> bool:
    """A person or people, not a team, firm or state (a team too "was beaten")."""
    if token.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC"):
        return False
    return people(token) and not is_state(token)


def _pronoun(text: str | None) -> bool:
    return text is not None and text.lower() in _PRONOUNS
