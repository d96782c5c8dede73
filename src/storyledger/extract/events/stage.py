"""The events stage: each event verb of a sentence as a PLOVER-coded `Event`.

An event is a verb in the lexicon (or a verb with an object the lexicon pairs with it: "cancel
... visit" is REJECT, "summon ... ambassador" is ACCUSE), its actor (the subject, shared by
coordinated verbs: "Britain suspended ..., imposed ..., and summoned ..."), its recipient (the
object, or "against"/"on"/"to" + noun), negation, the auxiliary mode (future, hypothetical,
historical) and a date resolved against the publication date.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from storyledger.extract.events.actors import (
    attack_verb,
    can_act,
    instrument,
    is_state,
    nationals,
    political,
    rescued,
    rioting,
)
from storyledger.extract.events.cameo import armed, cameo, cameo_code, phrasal_verb
from storyledger.extract.events.clauses import (
    background,
    content_of,
    misread_noun,
    prepared,
    purpose,
    request_mode,
    to_infinitive,
    toll,
)
from storyledger.extract.events.context import Dates, Mentions, Modes, committed
from storyledger.extract.events.countries import country_of, untagged_country
from storyledger.extract.events.legal import (
    alleged,
    criminal_charge,
    inversion,
    misread_allege,
    taken_into_custody,
    verdict,
)
from storyledger.extract.events.lexicon import EventLexicon, event_lexicon
from storyledger.extract.events.nominal import background_noun, nominal
from storyledger.extract.events.nonevents import (
    accident,
    bought,
    commercial,
    joined_in,
    no_comment,
    perpetrated,
    refused_content,
)
from storyledger.extract.events.objects import (
    fired_upon,
    gave_up_oneself,
    given_to,
    passive_patient,
    shared_object,
    shifted,
    up_to,
)
from storyledger.extract.events.parties import (
    aimed_at,
    joint,
    owner,
    protested,
    raised,
    recipient,
    resolve,
)
from storyledger.extract.events.passives import (
    AGENTLESS_KINDS,
    agentless,
    others,
    passive_doer,
)
from storyledger.extract.events.phrases import bounds as _bounds
from storyledger.extract.events.phrases import party as _party
from storyledger.extract.events.record import event_record
from storyledger.extract.events.unnamed import named_act, unattributed
from storyledger.extract.events.warned import warning
from storyledger.extract.events.words import DocWords
from storyledger.extract.quotes.lexicon import speech_lexicon
from storyledger.extract.quotes.marks import QuoteCover, find_quoted
from storyledger.extract.registry import Analysis, stage
from storyledger.layout import PROSE_KINDS
from storyledger.model import Event

_SUBJECTS = ("nsubj", "nsubjpass", "agent")
_CONSULT_HOSTS = frozenset({"host"})
_RECIPROCAL = frozenset({"meet", "convene"})  # verbs whose plural subject meets itself
# Verbs of going away (of CAMEO's GO_SOMEWHERE block, whose default is a meeting): their
# object is the place left or those left behind, never a party met.
_AT = frozenset({"at", "in", "inside", "outside", "near"})  # a place a participle follows
_USING = frozenset({"use", "employ", "utilize", "utilise"})  # their object is an instrument
_DEPARTURES = frozenset({"leave", "depart", "egress", "quit", "exit"})
# PLOVER 2.0: "a future cooperative act is coded as AGREE, except future RETREAT or CONCEDE,
# which become CONCEDE"; an announced act of material conflict is a threat (CAMEO 13x).
_FUTURE_TYPES = {
    **dict.fromkeys(("CONSULT", "SUPPORT", "COOPERATE", "AID"), "AGREE"),
    **dict.fromkeys(("RETREAT", "CONCEDE"), "CONCEDE"),
    **dict.fromkeys(("PROTEST", "SANCTION", "COERCE", "ASSAULT"), "THREATEN"),
}
_ONE_SIDED = frozenset({"PROTEST"})  # collective dissent needs no second party in the text
# Modes whose object is a party: one releases prisoners and hosts guests, not products or shows.
_PARTY_MODES = frozenset({"release", "visit"})
# Acts an act can itself be: a demand or a protest made by blockading, marching or striking.
_VOICED = frozenset({"REQUEST", "PROTEST"})
_MUTUAL = frozenset({"exchange", "clash", "fight", "battle", "skirmish"})  # two-sided force
_JOINT = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # acts the parties do together
# Refusing to cooperate, meet or yield is a REJECT, with PLOVER's mode for what is refused.
_REFUSABLE = {
    "AGREE": None,
    "CONSULT": "meet",
    "SUPPORT": None,
    "COOPERATE": "assist",
    "AID": "assist",
    "CONCEDE": "yield",
}


@stage("events", requires=("doc", "blocks", "sentences", "mentions"), produces=("events",))
def event_stage(analysis: Analysis) -> list[Event]:
    """Every event of the prose blocks, in text order."""
    article, doc = analysis.article, analysis.doc
    lexicon = event_lexicon()
    prose = {b.index for b in analysis.get("blocks") if b.kind in PROSE_KINDS}
    quoted = QuoteCover(find_quoted(article.text, analysis.get("blocks")))
    mentions = Mentions(analysis.get("mentions"), doc, quoted)
    words = DocWords(doc)
    modes, dates = Modes(words), Dates(words, article.published)
    events: list[Event] = []
    for sentence in analysis.get("sentences"):
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or sentence.block not in prose:
            continue
        used_objects: set[int] = set()
        seen: set[tuple] = set()
        governing: dict[int, int] = {}  # a verb's index -> the index of its event in `events`
        shared: set[int] = set()  # events of joint actors: no recipient is folded into them
        acted: set[int] = set()  # verbs coded as an event, kept or folded into another
        demands: set[int] = set()  # verbs of a demand folded into another event
        first = len(events)
        coded_verbs: set[int] = set()  # verbs that name an act, kept or not
        for verb in span:
            coded = _code(verb, lexicon, words)
            if coded is not None:
                coded_verbs.add(verb.i)
            if coded is None or background(verb, lexicon):
                continue  # "a lunch hosted by the ambassador": it describes the noun
            if alleged(verb) or accident(verb) or joined_in(verb, coded[0]):
                continue  # "police allege he shot ...", "crashed, killing 120": no act of theirs
            common = (shared_object(verb), passive_patient(verb))  # "shot and killed X"
            own_object = coded[2] is not None and coded[2] not in common
            if own_object and coded[2].i in used_objects:
                continue
            if own_object:
                used_objects.add(coded[2].i)
            event = _event(article, span, verb, coded, mentions, lexicon, modes, dates)
            if event is not None and event.action != "REJECT" and refused_content(verb):
                continue  # "refused to deploy troops": no deployment; the refusal is the event
            if event is not None:
                acted.add(verb.i)
            if event is not None and verb.dep_ in ("ccomp", "xcomp") and verb.head.i in demands:
                continue  # "staged rallies, saying he must resign": the folded demand's content
            if event is not None and event.target is None:
                event = _elided(verb, event, events, governing)
            if event is not None and _fold(events, governing, verb, event, shared):
                if event.action == "REQUEST":
                    demands.add(verb.i)
                continue
            if event is not None and _aim(events, governing, acted, verb, event):
                continue
            key = event and _key(event)
            if event is not None and key not in seen:  # "sued X, accusing it of": one event
                seen.add(key)
                governing[verb.i] = len(events)
                if event.action in _JOINT and event.target is None and _joint(verb, lexicon):
                    shared.add(len(events))
                events.append(event)
            warned = warning(article, span, verb, lexicon, mentions)
            if warned is not None and (key := _key(warned)) not in seen:
                seen.add(key)
                events.append(warned)
        told = {(e.action, e.target) for e in events[first:]}
        # an act told by its verb is not told again by its noun ("launched an attack on X",
        # "the rebels' attack on X killed four": one act)
        doers = {(e.action, e.actor) for e in events[first:] if e.actor is not None}
        triggers = {e.trigger_start for e in events[first:]}
        for t in span:
            named = named_act(article, span, t, mentions, lexicon.event_nouns)
            if named is None or (named.action, named.target) in told:
                continue  # "his arrest", "faces charges"
            if (named.action, named.actor) in doers or t.head.idx in triggers:
                continue
            if nominal(t) is None and background_noun(t, coded_verbs):
                continue  # "demanded the withdrawal of X", "killed 46 in an attack on X"
            told.add((named.action, named.target))
            events.append(named)
    return events


def _key(event: Event) -> tuple:
    return event.action, event.actor, event.target, event.negated, event.aux


def _fold(
    events: list[Event], governing: dict[int, int], verb: Token, event: Event, shared: set[int]
) -> bool:
    """ "agreed to provide aid to Romania": the act a party commits to, of the same type as
    its commitment, is that one event (its recipient kept, unless the parties act jointly:
    `shared`), as is an attack's toll ("shelled Juba, killing 20"); True when `event` was
    folded."""
    at = content_of(verb, event.action, governing, events)
    if at is not None:  # "demanded that the US cancel ...": what is demanded is no event
        head = events[at]
        if (
            head.target is None
            and event.target is not None
            and event.actor == head.actor
            and at not in shared
        ):
            head = events[at] = replace(head, target=event.target, target_id=event.target_id)
        if head.action == "REQUEST" and head.mode is None:  # "urged X to release": yield
            head = events[at] = replace(head, mode=request_mode(event))
        if head.action == "REQUEST" and head.target is None and event.actor != head.actor:
            # "its demand that the government lift ...": whom the demand is made of
            events[at] = replace(head, target=event.actor, target_id=event.actor_id)
        return True
    head_verb = verb.head if verb.dep_ == "xcomp" else toll(verb, event.action)
    if head_verb is None and verb.dep_ == "conj" and others(verb):
        head_verb = verb.head  # "killed one soldier and wounded two others": one attack
    at = governing.get(head_verb.i) if head_verb is not None else None
    if at is None:
        return False
    head = events[at]
    if (head.action, head.actor, head.negated) != (event.action, event.actor, event.negated):
        return False
    if head.target is None and event.target is not None and at not in shared:
        events[at] = replace(head, target=event.target, target_id=event.target_id)
    return True


def _elided(verb: Token, event: Event, events: list[Event], governing: dict[int, int]) -> Event:
    """ "opened fire on the demonstrators, killing one and arresting 12": a bare number as
    object stands for a noun left out, the people the act it tells the result of was done to;
    that act's recipient is this one's."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NUM" or any(c.dep_ == "prep" for c in obj.children):
        return event  # "arrested 12 of the protesters" names them
    head = toll(verb, event.action)
    at = governing.get(head.i) if head is not None else None
    if at is None or events[at].target is None or events[at].actor != event.actor:
        return event
    return replace(event, target=events[at].target, target_id=events[at].target_id)


def _aim(
    events: list[Event], governing: dict[int, int], acted: set[int], verb: Token, event: Event
) -> bool:
    """ "sent troops to help defend X": the aim of a coded act is no act done; True when `event`
    is one. An aim of the act's own type and actor names its recipient ("took to the streets to
    protest the measures"); a demand or protest as aim is voiced by the act, and stays."""
    aim = purpose(verb)
    if aim is None or aim.i not in acted:
        return False
    at = governing.get(aim.i)
    head = events[at] if at is not None else None
    same = head is not None and (head.action, head.actor) == (event.action, event.actor)
    if not same and event.action in _VOICED:
        return False  # "blockaded Brussels to demand aid": the blockade voices the demand
    if same and head.target is None and event.target is not None:
        events[at] = replace(head, target=event.target, target_id=event.target_id)
    return True


def _joint(verb: Token, lexicon: EventLexicon) -> bool:
    actor = _actor(verb, lexicon)
    return actor is not None and joint(actor)


def _code(verb: Token, lexicon: EventLexicon, words: DocWords) -> tuple | None:
    """The (type, mode, object, object names the event, needs a recipient) a verb codes to, or
    None. Our own lexicon wins; the CAMEO dictionary, like the dyadic coder it was built for,
    codes an event only between two actors, so its events need a recipient."""
    if (verb.pos_ != "VERB" and not misread_allege(verb)) or misread_noun(verb):
        return None
    lemma = verb.lemma_.lower()
    if lemma in lexicon.patient_subject:
        return None  # "three people died in the blaze": the subject is the victim
    if bought(verb):
        return None  # "airliners are purchased by the government": commerce, goods no party
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    obj = obj or shared_object(verb) or up_to(verb) or shifted(verb) or passive_patient(verb)
    if (
        lemma in lexicon.hiring_verbs
        and obj is not None
        and obj.dep_ == "dobj"
        and _person(obj, lexicon)
    ):
        return None  # "signed a rookie", "fired seven lawyers": hiring and dismissal
    if obj is not None:
        # "called off the strike": a phrasal verb of the dictionary is no pair of its bare verb
        # (a light verb keeps its particle: "carried out attacks", "stepped up attacks")
        paired = (
            None
            if phrasal_verb(verb, cameo())
            else lexicon.paired(lemma, obj) or _carried_pair(lemma, obj, lexicon)
        )
        if paired is not None:
            return (paired[0], paired[1], obj, True, False) if paired[0] else None
        noun = lexicon.event_nouns.get(obj.lemma_.lower()) or _carried(obj, lexicon)
        if noun is not None and _light(verb, lexicon) and obj.dep_ == "dobj":
            # "launched an investigation into ...", "staged a hunger strike"
            hunger = noun[0] == "PROTEST" and any(c.lower_ == "hunger" for c in obj.children)
            return noun[0], "hunger" if hunger else noun[1], obj, True, False
    trip = _trip(verb, lexicon)
    if trip is not None:  # "arrived in Amman on a visit", "returned to Geneva for talks"
        noun = lexicon.event_nouns[trip.lemma_.lower()]
        return noun[0], noun[1], trip, True, False
    alone = _standing_alone(verb, lexicon)
    if alone is not None:  # "Palestinian riots against Israeli policies continued"
        noun = lexicon.event_nouns[alone.lemma_.lower()]
        return noun[0], noun[1], alone, True, False
    deeper = next(
        (c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.pos_ == "VERB"), None
    )
    if deeper is not None:
        inner = next((c for c in deeper.children if c.dep_ == "dobj"), None)
        paired = (
            lexicon.verb_objects.get((deeper.lemma_.lower(), inner.lemma_.lower()))
            if (inner is not None)
            else None
        )
        if paired is not None and paired[0] and lemma in ("approve", "agree", "decide", "order"):
            if (
                lemma == "agree"
                and paired[0] in _FUTURE_TYPES
                and _FUTURE_TYPES[paired[0]] == "AGREE"
            ):
                return "AGREE", None, None, False, False  # "agreed to share information"
            return paired[0], paired[1], inner, True, False  # "approved resuming aid deliveries"
    if lemma in lexicon.threat_verbs and _conditional(verb, lexicon):
        return "THREATEN", None, obj, False, False  # "vowed to keep up the blockade until ..."
    for child in verb.children:
        phrasal = lexicon.phrasal.get((lemma, child.lower_))
        if phrasal is not None and child.dep_ in ("prep", "prt"):
            if phrasal == "AID" and not given_to(verb):
                return None  # "handed out leaflets": a handout, no aid to anyone named
            return (phrasal, None, obj, False, False) if phrasal else None  # "check into"
    if lemma == "give" and gave_up_oneself(verb):
        return "RETREAT", None, None, False, False  # "gave himself up to police": surrender
    if criminal_charge(verb) or taken_into_custody(verb):
        return "COERCE", "arrest", obj, False, False  # "charged him with murder": CAMEO 173
    convicted = verdict(verb)
    if convicted is not None:
        return "COERCE", "arrest", convicted, False, False  # "a jury found X guilty"
    if lemma in lexicon.verbs:
        kind, mode = lexicon.verbs[lemma]
        if kind == "REJECT" and no_comment(verb):
            return None  # "declined to comment", "oil prices declined": no refusal of anything
        if kind == "AGREE" and (commercial(verb) or perpetrated(verb)):
            return None  # "agreed to buy its rival": a deal; "committed suicide": a deed
        if (
            kind == "MOBILIZE"
            and obj is not None
            and obj.dep_ == "dobj"
            and not armed(obj, cameo(), lexicon.forces)
        ):
            return None  # "mobilised engineering teams", "deploy the update": no force
        return kind, mode, obj, False, False
    if _demands(verb, lexicon):
        return "REQUEST", None, obj, False, False  # "said that Iraq must hand over ..."
    if lemma in _DEPARTURES and obj is not None and obj.dep_ == "dobj":
        return None  # "left the hospital", "leaving 40 people dead": no one is met
    coded = cameo_code(verb, cameo(), words)
    return (coded[0], coded[1], obj, coded[2], True) if coded is not None else None


def _demands(verb: Token, lexicon: EventLexicon) -> bool:
    """A statement that a party must act: a reporting verb ("said", "reiterated") or one whose
    object is a speech noun ("issued a warning") with a clause whose modal is "must"."""
    speech = speech_lexicon()
    clauses = []
    if verb.lemma_.lower() in speech.indirect_verbs:
        clauses += [c for c in verb.children if c.dep_ == "ccomp"]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if (noun := obj.lemma_.lower()) in speech.speech_nouns or noun in lexicon.event_nouns:
            clauses += [c for c in obj.children if c.dep_ in ("acl", "ccomp")]
    return any(
        any(c.dep_ == "aux" and c.lower_ in lexicon.demand_modals for c in clause.children)
        and not any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in clause.children)
        and not _own_country(verb, clause)
        for clause in clauses
    )  # "we must address ...": one's own resolve, not a demand


def _own_country(verb: Token, clause: Token) -> bool:
    """ "The prime minister of Israel, Netanyahu, insists Israel must win": a leader's word that
    his own country must act (the country told from the dictionary's people and names)."""
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if speaker is None or subject is None:
        return False
    mine = country_of(speaker)
    return mine is not None and mine == country_of(subject)


def _person(token: Token, lexicon: EventLexicon) -> bool:
    """One hired or dismissed: a person named, or people who are not a state or group."""
    if token.ent_type_ in ("GPE", "NORP", "ORG", "LOC"):
        return False
    if token.ent_type_ == "PERSON" or token.lemma_.lower() in lexicon.hired:
        return True
    return can_act(token) and not political(token) and token.pos_ in ("NOUN", "PROPN")


def _light(verb: Token, lexicon: EventLexicon) -> bool:
    """A verb that only carries its event noun ("announced a suspension", "staged a strike");
    "staged", which the model lemmatises as "stag", counts too."""
    lemma, word = verb.lemma_.lower(), verb.lower_
    return lemma in lexicon.light_verbs or (
        word.endswith("ed") and word[:-1] in lexicon.light_verbs
    )


def _trip(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The event noun a journey is made for: "arrived on a visit", "came for talks"."""
    if verb.lemma_.lower() not in lexicon.travel:
        return None
    return next(
        (
            noun
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("on", "for")
            for noun in prep.children
            if noun.dep_ == "pobj" and noun.lemma_.lower() in lexicon.event_nouns
        ),
        None,
    )


def _destination(verb: Token) -> Token | None:
    """Where a journey goes: "arrived in Amman", "flew to Beijing"."""
    return next(
        (
            place
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "at")
            for place in prep.children
            if place.dep_ == "pobj" and can_act(place)
        ),
        None,
    )


def _standing_alone(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The event noun that is the subject of a verb saying only that it goes on ("riots
    continued", "protests erupted"), or None. A demand or appeal is made by someone, never
    goes on by itself: "demand for steel continued to grow" is the market's."""
    if verb.lemma_.lower() not in lexicon.aspectual:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    noun = subject is not None and lexicon.event_nouns.get(subject.lemma_.lower())
    if not noun or noun[0] == "REQUEST":
        return None
    return subject


def _carried(noun: Token, lexicon: EventLexicon) -> tuple | None:
    """The event a carrier noun names before it: "a mediation effort", "a bombing campaign"."""
    if noun.lemma_.lower() not in lexicon.event_heads:
        return None
    return next(
        (
            lexicon.event_nouns[c.lemma_.lower()]
            for c in noun.children
            if c.dep_ == "compound" and c.lemma_.lower() in lexicon.event_nouns
        ),
        None,
    )


def _carried_pair(verb: str, noun: Token, lexicon: EventLexicon) -> tuple | None:
    """A verb's pair with the event a carrier noun names: "ended mediation efforts" is "ended
    mediation" (SANCTION), as "launched a mediation effort" is a mediation."""
    if noun.lemma_.lower() not in lexicon.event_heads:
        return None
    return next(
        (
            found
            for c in noun.children
            if c.dep_ == "compound" and (found := lexicon.paired(verb, c)) is not None
        ),
        None,
    )


def _behind(noun: Token, lexicon: EventLexicon) -> Token | None:
    """Who is behind an event noun that is the subject ("US drone strikes killed ...", "an
    attack by rebels killed ..."): its "by" phrase, owner, or a country or group named on it."""
    if noun.lemma_.lower() not in lexicon.event_nouns:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and can_act(agent):
                return agent
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    if owner is not None and can_act(owner):
        return owner
    return next(  # the modifiers before the noun, "US drone strikes"
        (
            t
            for left in noun.lefts
            if left.dep_ in ("amod", "compound")
            for t in left.subtree
            if t.ent_type_ in ("NORP", "GPE", "ORG") or untagged_country(t)
        ),
        None,
    )


def _conditional(verb: Token, lexicon: EventLexicon, marks: frozenset[str] | None = None) -> bool:
    """A vow or promise that holds only until or unless something happens is a threat."""
    marks = lexicon.threat_conditions if marks is None else marks
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for clause in clauses
        for c in clause.children
    )


def _event(
    article: object,
    span: Span,
    verb: Token,
    coded: tuple,
    mentions: Mentions,
    lexicon: EventLexicon,
    modes: Modes,
    dates: Dates,
) -> Event | None:
    kind, mode, obj, event_noun, dyadic = coded
    actor = _actor(verb, lexicon)
    if actor is None and kind in ("ASSAULT", "COERCE"):
        actor = passive_doer(verb, lexicon.event_nouns)  # "shot by rivals"
    patient = agentless(verb, lexicon.hiring_verbs) if kind in AGENTLESS_KINDS else None
    if patient is not None and (actor is None or actor.i == patient.i or verb.dep_ == "conj"):
        # "X was arrested", "were arrested, charged with ...": no actor named (PLOVER)
        negated = any(c.dep_ == "neg" for c in verb.children) or _denied(verb, lexicon)
        return unattributed(
            article, span, verb, coded, patient, mentions, lexicon, modes, dates, negated
        )
    if actor is None:
        return None
    if kind == "ASSAULT" and prepared(verb):
        kind, mode = "MOBILIZE", None  # "prepared to resume shelling": a force posture
    if mode == "obstruct" and is_state(actor):
        kind, mode = "COERCE", "restrict"  # PLOVER: obstruction is dissent by civilians
    alone = _standing_alone(verb, lexicon)
    trip = _trip(verb, lexicon)
    if obj is not None and trip is not None and obj.i == trip.i:
        # the host visited receives; the venue of talks or a rally is no party to them
        target = _destination(verb) if mode == "visit" else aimed_at(obj)
        if target is None and kind == "PROTEST":  # "converged for a rally to protest X"
            target = protested(verb, obj)
    elif obj is not None and alone is not None and obj.i == alone.i:
        # its own modifiers name who is behind it, not the recipient; else the place, ...
        target = aimed_at(obj) or recipient(verb, None, kind, event_noun=False, loose=True)
    else:
        target = recipient(verb, obj, kind, event_noun=event_noun, loose=not dyadic)
    if kind == "ASSAULT" and target is None and verb.lemma_.lower() in _MUTUAL:
        target = next(iter(actor.conjuncts), None)  # "India and Pakistan exchanged fire"
    weapon = target is None or (
        dyadic and obj is not None and target.i == obj.i and not can_act(obj)
    )
    aimed = kind == "ASSAULT" and weapon and (shot_at := fired_upon(verb, obj)) is not None
    target = shot_at if aimed else target  # "fired rubber bullets at strikers": the strikers
    if (inverted := inversion(verb)) is not None:
        actor, target = inverted  # "X bombed a camp, alleges the group": the group accuses X
    if dyadic and kind not in _ONE_SIDED and not aimed and (target is None or not can_act(target)):
        return None
    if dyadic and not (political(resolve(actor)) or political(target and resolve(target))):
        return None  # the dictionary's defaults between two teams or firms: not PLOVER's domain
    if dyadic and target is not None and target == raised(verb) and not political(resolve(actor)):
        return None  # "the company allows customers to ...": a permission PLOVER codes of states
    if mode in _PARTY_MODES and obj is not None and not event_noun and not can_act(obj):
        return None  # "released a patch", "hosted the ceremony": no one is released or hosted
    if kind == "CONSULT" and target is None and _session(verb, actor):
        return None  # "the Cabinet met": one body in session, no second party
    if kind in _JOINT and joint(actor) and not dyadic:
        target = None  # "Israel and Lebanon renewed talks on ...": both are the actors (PLOVER)
    if kind == "CONSULT" and verb.lemma_.lower() in _CONSULT_HOSTS and target is not None:
        actor, target = target, actor  # the visitor is the actor, the host the recipient
    if kind == "RETREAT" and target is not None and rescued(actor, target):
        kind, mode = "AID", None  # "commandos freed the hostages": a rescue, not a release
    if kind == "ASSAULT" and rioting(actor, target):
        kind, mode = "PROTEST", "riot"  # "rioters hurled petrol bombs at shops": PLOVER riot
    negated = any(c.dep_ == "neg" for c in verb.children) or _denied(verb, lexicon)
    if _refused(verb) and kind in _REFUSABLE:  # PLOVER: refusals are REJECT
        kind, mode, negated = "REJECT", _REFUSABLE[kind], False
    elif _refused(verb) and kind == "RETREAT" and verb.head.lemma_.lower() not in lexicon.verbs:
        # "declined to resign": the refusal is the event (after "refused", its own REJECT)
        kind, mode, negated = "REJECT", "yield", False
    aux = modes.of(verb, lexicon)
    if aux == "future" and negated and (kind in _REFUSABLE or kind == "RETREAT"):
        # "will not accept more refugees", "will not withdraw": an announced refusal
        kind, mode, negated = "REJECT", _REFUSABLE.get(kind, "yield"), False
    if aux == "future" and kind in _FUTURE_TYPES:
        kind, mode = _FUTURE_TYPES[kind], None  # PLOVER: a future act is a commitment now
        if kind == "CONCEDE" and committed(verb, lexicon):
            kind = "AGREE"  # CAMEO 035: "willing to withdraw" is an intent to yield
    if aux == "future" and _conditional(verb, lexicon, lexicon.announced_threats):
        kind, mode = "THREATEN", None  # CAMEO 13x: "will withdraw its force unless ..."
    text = article.text
    resolved = dates.of(verb, span, future=aux == "future")
    actor, target = owner(resolve(actor)), resolve(target) if target is not None else None
    if target is not None and target.i == actor.i:
        return None
    actor_bounds, target_bounds = _bounds(actor), _bounds(target) if target is not None else None
    actor_text, actor_id = _party(text, actor, actor_bounds, mentions)
    target_text, target_id = (
        _party(text, target, target_bounds, mentions) if target_bounds else (None, None)
    )
    if target_text is not None and _named(target_text) == _named(actor_text):
        return None  # a pronoun for the actor, or its name again: one party on both sides
    return event_record(
        article,
        span,
        verb,
        kind,
        mode,
        (actor_text, actor_id),
        (target_text, target_id),
        date=resolved.date if resolved else None,
        negated=negated,
        aux=aux,
    )


def _named(text: str) -> str:
    """A party's name as compared: "The United States" is "the United States"."""
    words = text.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def _session(verb: Token, actor: Token) -> bool:
    """ "Israel's Cabinet met Sunday": a reciprocal verb with no object and one singular party
    as its subject (not "the two ministers met", nor "they met") is a body sitting."""
    return (
        verb.lemma_.lower() in _RECIPROCAL
        and not any(c.dep_ in ("dobj", "prep") and c.lower_ != "on" for c in verb.children)
        and actor.tag_ in ("NN", "NNP")
        and not joint(actor)
    )


def _actor(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The verb's subject; a coordinated or participial verb shares its head's subject; "led
    Vance to cancel" and "urged officials to reopen" take the head's object."""
    if misread_allege(verb):  # "Police allege ...", parsed as the compound "Police allege"
        return next((c for c in verb.children if c.dep_ == "compound" and can_act(c)), None)
    set_off = (  # "Dalton, shot in the neck, remained ...": the participle before the predicate
        verb.i > 0
        and verb.doc[verb.i - 1].lower_ == ","
        and any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children)
    )
    if (
        verb.tag_ == "VBN"
        and (verb.dep_ in ("ccomp", "xcomp", "oprd", "advcl") or set_off)
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return None  # "to see all hostages released": the subject is the patient
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and not any(c.dep_ in ("aux", "agent") for c in verb.children)
    ):
        head_deps = {c.dep_ for c in verb.head.children}
        if "nsubjpass" in head_deps and "agent" not in head_deps:
            return None  # "one man was shot and killed": the shared subject is the patient
    own = {c.dep_ for c in verb.children}
    if verb.dep_ == "conj" and "auxpass" in own and not own & {"agent", "nsubj", "nsubjpass"}:
        return None  # "surrendered and was arrested": the shared subject is the patient
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not own & {"aux", "auxpass", "agent"}:
        return None  # "Convicted of murder, Lopez faces ...": a participle clause is passive
    deps = {c.dep_ for c in verb.children}
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.tag_ in ("VBN", "VBD"):
        return None  # "with Mr Jenkin arrested": the patient ("with X demanding": X acts)
    if "nsubjpass" in deps and "agent" not in deps:
        return None  # "residents were forced from their homes": no one named does it
    if "agent" in deps and verb.dep_ == "relcl" and verb.head.pos_ in ("PRON", "DET"):
        return None  # "those who were killed by drunk drivers": no one named is done to
    token = verb
    for _ in range(5):
        wanted = ("nsubj", "agent") if token is verb else ("nsubj", "nsubjpass")
        subject = next((c for c in token.children if c.dep_ in wanted), None)
        if subject is not None:
            if subject.dep_ == "agent":
                subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
            if subject is not None and subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                # "the gunman who shot two officers": the gunman, for an attack told as a fact
                # of a party; a relative clause's other acts describe it (GSR: not coded)
                subject = token.head if attack_verb(token, lexicon) else None
            if subject is not None and not can_act(subject):
                subject = _behind(subject, lexicon) or instrument(subject) or nationals(subject)
            return subject
        if token.dep_ == "xcomp" or (token.dep_ == "advcl" and _object_control(token)):
            controller = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            used = token.head.lemma_.lower() in _USING  # "used a Taser to arrest": the user
            if controller is not None and can_act(controller) and not used:
                return controller
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            owner = token.head
            if token.tag_ == "VBN":
                return None  # "people killed in the flood": the noun is the patient
            if token.tag_ == "VBG" and owner.dep_ == "pobj" and owner.head.lower_ in _AT:
                token = owner.head.head  # "opened fire at a party killing one man": the shooter
                if token.dep_ == "relcl" and can_act(token.head):
                    return token.head  # "an employee who opened fire at a party killing ..."
                continue
            if can_act(owner):
                return owner
            if owner.dep_ in ("dobj", "pobj") and owner.head is not owner and _said(owner, lexicon):
                token = owner.head  # "issued a statement threatening ...": the issuer
                continue
            return None
        if token.dep_ == "acomp" and token.lower_ in lexicon.commitment:
            token = token.head  # "Norway is willing to send ...": the copula's subject
            continue
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head is token:
            return None
        token = token.head
    return None


def _said(noun: Token, lexicon: EventLexicon) -> bool:
    """A noun for what a party says, issues, does or may do ("a statement", "a proposal", "a
    decree", "an effort", "the opportunity"), whose participle or infinitive is the party's act;
    not a thing ("power lines leading into Kabul")."""
    lemma = noun.lemma_.lower()
    return (
        lemma in speech_lexicon().speech_nouns
        or lemma in lexicon.event_nouns
        or lemma in lexicon.proposals
        or lemma in lexicon.event_heads
        or lemma in lexicon.documents
        or lemma in lexicon.capacities
    )


def _refused(verb: Token) -> bool:
    """ "refused to meet", "declined to resign", "failed to reach agreement"."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline", "fail")


def _denied(verb: Token, lexicon: EventLexicon) -> bool:
    """ "refused to meet": did not happen; "deny claims that he is applying pressure": denied."""
    if _refused(verb):
        return True
    token = verb
    for _ in range(5):
        if token.head is token:
            return False
        if token.dep_ in ("ccomp", "acl", "xcomp", "conj", "dobj", "relcl") and (
            token.head.lemma_.lower() in lexicon.denial and token.head.pos_ == "VERB"
        ):
            return True
        token = token.head
    return False


def _object_control(clause: Token) -> bool:
    """ "conditions led Vance to cancel" (parsed as a purpose clause): the object does the
    infinitive when the head verb's subject is no party; a party's purpose clause is its own
    ("farmers blockaded Paris to demand ...": the farmers demand)."""
    if not to_infinitive(clause):
        return False
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return subject is None or not can_act(subject)
