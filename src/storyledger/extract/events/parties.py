"""The recipient of an event verb (who can be a party at all: `actors`).

PLOVER codes a recipient for almost every event: the direct object (the subject of a passive:
"was attacked by X" attacks the subject), a dative ("gave the Ivory Coast aid"), the owner of
an event noun ("summoned Israel's ambassador"), the object of a preposition on the object or
the verb (against, on, to, with, from, for ...), the same inside an infinitive ("offered to hand
them over to Britain"), and for a demand or accusation the subject of its clause ("demanded that
the US cancel"). One's own people ("its troops") are never the recipient.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.actors import can_act
from storyledger.extract.events.cameo import cameo
from storyledger.extract.events.clauses import to_infinitive
from storyledger.extract.events.countries import untagged_country
from storyledger.extract.events.lexicon import event_lexicon
from storyledger.extract.quotes.speakers import ROLE_NOUNS

RECIPIENT_PREPS = frozenset(
    {"against", "on", "to", "with", "toward", "towards", "into", "from", "for", "upon"}
)
_NO_OBJECT_RECIPIENT = frozenset({"MOBILIZE", "PROTEST"})
_FROM = frozenset({"from"})
_BELONGING = frozenset({"of", "for"})
_DOERS = frozenset({"of", "by"})
_DESPITE = frozenset({"despite", "notwithstanding", "in"})
_CHARGES = frozenset(
    "allegation allegations accusation accusations charge charges claim claims complaint "
    "complaints suspicion suspicions report reports evidence".split()
)
_HAVENS = frozenset({"asylum", "refuge", "sanctuary", "shelter", "residency"})
_PLACE_PREPS = frozenset({"in", "outside", "at"})
# "in protest at X", "in defiance of X", "in opposition to X": whom a protest is aimed at
_DISSENT = frozenset({"protest", "defiance", "opposition", "outrage", "anger"})
_NAMED_DEPS = ("amod", "compound", "nmod")
_VICTIM_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT"})
_FORCE = frozenset({"ASSAULT", "COERCE"})
_CLAUSE_ADDRESSEE = frozenset({"REQUEST", "ACCUSE"})
# Acts done to a place ("lifted a curfew in Montenegro", "strengthened its forces in Lebanon"):
# with no other recipient, the place named is the recipient (CAMEO's target is the country or
# town acted on). Talks, statements and backing held somewhere are not done to it.
_PLACE_RECIPIENT = frozenset(
    {"PROTEST", "AGREE", "CONCEDE", "RETREAT", "THREATEN", "SANCTION", "MOBILIZE", "COERCE"}
    | {"ASSAULT", "AID", "COOPERATE"}
)
_OWN_PEOPLE = frozenset(
    "troop force soldier aide staff official member supporter man officer police army envoy "
    "ambassador minister diplomat national citizen people fighter follower delegation "
    "representative spokesman spokeswoman negotiator militia navy team".split()
)


def recipient(
    verb: Token,
    obj: Token | None,
    kind: str,
    *,
    event_noun: bool,
    loose: bool = True,
) -> Token | None:
    """The recipient of an event verb (see the module's docstring), or None; `loose` says
    whether to look in the infinitive or clause the verb governs and take a country or group
    named on a non-actor object ("rejected the Indian proposal": India)."""
    if obj is None:  # "allowed the candidate to run": the infinitive's subject is the object
        obj = raised(verb)
    role = obj.dep_ if obj is not None else ""  # a relative pronoun's, for its noun
    role = "dobj" if role == "nsubj" else role
    obj = antecedent(obj, verb) if obj is not None else None
    found = _charged(verb, obj) if kind == "ACCUSE" and loose else None
    clause = _proposed(obj) if found is None else None
    if clause is not None:  # "rejected a US request to ...": the one proposing, else the party
        found = named_on(obj) or _prepositional(obj, _FROM, depth=1)  # of the act proposed
        inner = next((c for c in clause.children if c.dep_ == "dobj"), None)  # "... to meet X"
        found = found or _direct(clause, inner, kind, event_noun=False, loose=loose, role="dobj")
    found = found or _direct(verb, obj, kind, event_noun=event_noun, loose=loose, role=role)
    clause = _infinitive(verb) if found is None and loose else None
    for _ in range(2):  # "pledged $500 million to help rebuild Iraq": through "help" to Iraq
        if clause is None or found is not None:
            break
        inner = next((c for c in clause.children if c.dep_ == "dobj"), None)
        inner = inner or raised(clause)
        role = "dobj" if inner is not None else ""
        found = _direct(clause, inner, kind, event_noun=False, loose=loose, role=role)
        clause = _infinitive(clause) if clause.lemma_.lower() in _CATENATIVE else None
    if found is None and loose and kind in _CLAUSE_ADDRESSEE:
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
        if subject is not None and can_act(subject) and not _own(subject):
            found = subject
    if found is None and kind == "CONSULT":  # "mediation between X and Y": X and Y
        found = next(
            (p for h in (verb, obj) if h is not None for p in [_between(h)] if p is not None),
            None,
        )
    if found is None and kind == "PROTEST":
        found = protested(verb, obj)
    if found is None and kind in _PLACE_RECIPIENT and (loose or kind == "PROTEST"):
        clause = _infinitive(verb)
        heads = [
            verb,
            obj,
            clause,
            clause and next((c for c in clause.children if c.dep_ == "dobj"), None),
        ]
        found = next(
            (p for h in heads if h is not None for p in [_place(h)] if p is not None), None
        )
        if found is None:  # "agreed to an extension of the mandate for the force in Lebanon"
            nouns = [h for h in heads[1::2] if h is not None]
            nouns += (
                [
                    n
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ == "to"
                    for n in c.children
                    if n.dep_ == "pobj"
                ]
                if obj is None
                else []
            )
            found = next((p for n in nouns for p in [_deep_place(n, 3)] if p is not None), None)
    if found is None and kind == "AID":  # "resumed aid, with trucks ... entering Gaza"
        found = arrival(verb)
    if found is None and kind == "REQUEST":
        found = _haven(verb, obj)
    if found is None and kind == "THREATEN":
        found = _conditioned(verb)
    if found is None and kind in _FORCE:
        found = _purpose(verb)
    refused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline")
    if found is None and (kind == "REJECT" or refused) and loose:
        found = _resisted(verb)
    return found


# Verbs of arriving somewhere: what they reach is where a delivery goes ("trucks entering
# Gaza", "supplies reaching the town", "the convoy arrived in Sarajevo").
_ARRIVING = frozenset({"enter", "reach", "arrive", "cross", "land"})
_ARRIVED_AT = frozenset({"in", "into", "at", "to"})
# How a participle that says where the aid went hangs under its act: "with trucks ...
# entering X" (an absolute "with" phrase), "deliveries reaching X"; no relative or reported
# clause ("trucks that had entered X", "said the trucks entered X") is followed.
_CARRIED_BY = frozenset({"prep", "pobj", "pcomp", "dobj", "acl", "advcl", "conj", "xcomp"})


def arrival(verb: Token) -> Token | None:
    """Where aid goes when a participle of arriving under the act names it ("approved resuming
    aid deliveries, with a dozen trucks carrying food entering Gaza": Gaza): PLOVER's
    recipient of aid is whom or where it is delivered to. The participle has no subject of its
    own (a clause with one, "as refugees entered Jordan", says what someone else did) but in
    an absolute "with" phrase ("with convoys arriving in Goma": the convoys carry it); what
    arrives is the aid or what carries it, not people ("with refugees entering Chad")."""
    stack, seen = [(verb, 0)], {verb.i}
    while stack:
        head, depth = stack.pop()
        for child in head.children:
            if child.dep_ not in _CARRIED_BY or child.i in seen or depth >= 8:
                continue
            seen.add(child.i)
            place = _arrived(child)
            if place is not None:
                return place
            stack.append((child, depth + 1))
    return None


def _arrived(token: Token) -> Token | None:
    if token.lemma_.lower() not in _ARRIVING or token.tag_ not in ("VBG", "VBN"):
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if token.dep_ == "pcomp" and token.head.lower_ == "with":  # "with convoys arriving in X"
        mover = subject
    elif token.dep_ in ("acl", "advcl") and subject is None:  # "supplies entering X"
        mover = token.head if token.dep_ == "acl" else None
    else:
        return None
    if mover is not None and can_act(mover):
        return None  # "with refugees entering Chad": people on the move, not the aid
    places = [c for c in token.children if c.dep_ == "dobj"]
    places += [
        n
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in _ARRIVED_AT
        for n in c.children
        if n.dep_ == "pobj"
    ]
    return next(
        (p for p in places if p.ent_type_ in ("GPE", "LOC") or (can_act(p) and not _own(p))),
        None,
    )


_WISHING = frozenset(
    "want wish like love prefer need expect hate hope see hear watch believe consider "
    "find feel imagine".split()
)


def raised(verb: Token) -> Token | None:
    """The object of a verb that takes a clause with a subject of its own ("allowed the
    candidate to run", "urged the rebels to disarm": the parser makes the noun the subject of
    the infinitive): that subject, when it is a noun (who it names is the caller's to say).
    Not after a verb of wanting or perceiving ("wants the hostages to come home"): a wish
    about X is not done to X."""
    if verb.lemma_.lower() in _WISHING or (verb.dep_ == "advcl" and to_infinitive(verb)):
        return None  # nor in a purpose ("resigned to allow elections to take place"): an aim
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        if not to_infinitive(clause):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    return None


def _haven(verb: Token, obj: Token | None) -> Token | None:
    """Whom asylum or refuge is asked of: the country it is sought in ("sought refuge in
    Germany", "asked for asylum at the embassy in Quito")."""
    asked = [obj] if obj is not None else []
    fors = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    asked += [n for c in fors for n in c.children]
    for haven in (h for h in asked if h.dep_ in ("dobj", "pobj") and h.lemma_.lower() in _HAVENS):
        found = _place(verb) or _place(haven)
        if found is not None:
            return found
    return None


# Verbs that only lead into the act they govern: "to help rebuild Iraq", "to try to reach X".
_CATENATIVE = frozenset({"help", "try", "seek", "attempt", "continue", "begin", "start"})


def _infinitive(verb: Token) -> Token | None:
    """The infinitive a verb governs; of a hyphenated verb cut in pieces ("agreed to re-open
    its borders", each piece an xcomp), the piece that has the phrases."""
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return max(clauses, key=lambda c: sum(1 for _ in c.children), default=None)


def _proposed(obj: Token | None) -> Token | None:
    """The act a proposal names in its infinitive: "an invitation to meet the pope"."""
    if obj is None or obj.lemma_.lower() not in event_lexicon().proposals:
        return None
    return next(
        (c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB" and to_infinitive(c)),
        None,
    )


def _resisted(verb: Token) -> Token | None:
    """Whose pressure a refusal is made against: "declined to resign despite pressure by the
    commission", "rejected the plan in spite of calls from X" (the party pressing is the one
    refused)."""
    refused = [c for c in verb.children if c.dep_ == "xcomp"]  # "declined to resign despite"
    for head in (verb, verb.head) if verb.dep_ == "xcomp" else (verb, *refused):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _DESPITE):
            if prep.lower_ == "in":  # "in spite of"
                spite = next((c for c in prep.children if c.lower_ == "spite"), None)
                prep = spite and next((c for c in spite.children if c.lower_ == "of"), None)
            noun = prep and next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is None:
                continue
            found = _owner(noun) or _prepositional(noun, _FROM | _DOERS, depth=1)
            if found is not None and not _own(found):
                return found
    return None


def _purpose(verb: Token) -> Token | None:
    """Whom an act of force with no recipient of its own is done to, named as the object of
    what it is done for: "opened fire to disperse the demonstrators" (not one's own people; a
    call or visit "to X" is no act done to X)."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"):
        if not to_infinitive(clause):
            continue
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if obj is not None and can_act(obj) and not _own(obj) and obj.tag_ != "PRP":
            return obj
    return None


def joint(actor: Token) -> bool:
    """Parties joined in the actor ("Israel and Lebanon", "Hungarian and Romanian officials"):
    who act together (PLOVER codes both as actors and no recipient)."""
    return any(c.dep_ == "conj" for c in actor.children) or any(
        c.dep_ in ("amod", "compound")
        and c.ent_type_ in ("NORP", "GPE")
        and any(d.dep_ == "conj" and d.ent_type_ in ("NORP", "GPE") for d in c.children)
        for c in actor.children
    )


def antecedent(token: Token, clause: Token) -> Token:
    """A relative pronoun's noun: "the rebels who attacked", "the hostages whom they seized"
    (the pronoun itself where its clause is no relative clause)."""
    relative = token.tag_ in ("WP", "WDT") or (token.lower_ == "that" and token.pos_ == "PRON")
    if relative and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return token


def aimed_at(noun: Token) -> Token | None:
    """Whom an event noun is aimed at, in its phrases ("riots against Israeli policies")."""
    return _prepositional(noun, RECIPIENT_PREPS, depth=3, loose=True)


def _between(head: Token) -> Token | None:
    """The parties a meeting or mediation is held between, on the verb or its noun."""
    return _prepositional(head, frozenset({"between"}), depth=1)


def _conditioned(verb: Token) -> Token | None:
    """Whom a threat is made to: the party whose act it is conditioned on ("threatened to halt
    the talks if the United States goes ahead", "... unless Baghdad accepts")."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for clause in clauses:
        for condition in (c for c in clause.children if c.dep_ == "advcl"):
            if not any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless", "until")
                for m in condition.children
            ):
                continue
            subject = next((c for c in condition.children if c.dep_ == "nsubj"), None)
            if subject is not None and can_act(subject) and subject.lower_ not in _PRONOUNS:
                return subject
    return None


def protested(verb: Token, obj: Token | None) -> Token | None:
    """Whom a protest is aimed at, named in what it is for: "a hunger strike to protest against
    Sweden's decision", "in protest of the government's refusal", "rallies calling for the
    removal of President X", "to demand the return of property seized by government forces"."""
    found = _protested_at(verb)
    if found is not None:
        return found
    heads = [verb] + ([obj] if obj is not None else [])
    purposes = [
        c
        for head in heads
        for c in head.children
        if (c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB")
        or (c.dep_ == "prep" and c.lower_ == "in")
        or (c.dep_ == "relcl" and head is obj and to_infinitive(c))
    ]
    preps = RECIPIENT_PREPS | {"of", "at", "by"}
    for purpose in purposes:
        if purpose.pos_ == "ADP":  # "in protest of X", "in protest at X"
            noun = next((c for c in purpose.children if c.dep_ == "pobj"), None)
            if noun is None or noun.lemma_.lower() not in _DISSENT:
                continue
            found = _prepositional(noun, preps, depth=3, loose=True)
        else:
            inner = next((c for c in purpose.children if c.dep_ == "dobj"), None)
            found = _prepositional(purpose, preps, depth=3, loose=True)
            if found is None and inner is not None:
                found = named_on(inner) or _prepositional(inner, preps, depth=3, loose=True)
        if found is not None:
            return found
    return None


def _protested_at(verb: Token) -> Token | None:
    """What "protest at", "protest over" or "protest about" names is what is protested ("to
    protest at the settlement of immigrants", "protested over the arrest by police"): a party,
    or the one who did it, or the party named on or after it ("at the settlement of X": X)."""
    if verb.lemma_.lower() != "protest" or verb.pos_ != "VERB":
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _PROTESTED):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.ent_type_ in ("DATE", "TIME"):
            continue
        if can_act(noun):
            return None if _own(noun) else noun
        found = named_on(noun) or _prepositional(noun, _PROTESTED_OF, depth=1, loose=True)
        if found is not None and not _own(found):
            return found
    return None


_PROTESTED = frozenset({"at", "over", "about"})
_PROTESTED_OF = frozenset({"of"}) | RECIPIENT_PREPS


def _place(head: Token) -> Token | None:
    """ "demonstrated in Serbia", "a curfew in Algiers", "in the town of Cizre", "in the capital
    Kabul" (a common noun named by its appositive): the place named after "in" (or "outside")
    on a verb or its object; "rioted at a jail in Israel",
    "fired at targets in Jericho": the place a site named after "at" is in."""
    towns = cameo().synonyms.get("&TOWN", frozenset())
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ == "at":
            site = place and next((c for c in place.children if c.lower_ == "in"), None)
            place = next((c for c in site.children if c.dep_ == "pobj"), None) if site else None
        if place is not None and place.lemma_.lower() in towns:
            of = next((c for c in place.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            place = next((c for c in of.children if c.dep_ == "pobj"), place) if of else place
        if place is not None and not place.ent_type_:  # "in the capital(,) Kabul": its name
            place = next((c for c in place.children if c.dep_ == "appos"), place)
        if place is not None and place.ent_type_ in ("GPE", "LOC"):
            return place
    return None


def _deep_place(noun: Token, depth: int) -> Token | None:
    """The place named on a noun of the object's "of" or "for" phrases, down to `depth` ("an
    extension of the mandate for the force in Lebanon": what is acted on is there)."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _BELONGING):
        inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if inner is None:
            continue
        found = _place(inner) or (_deep_place(inner, depth - 1) if depth > 1 else None)
        if found is not None:
            return found
    return None


def _direct(
    verb: Token, obj: Token | None, kind: str, *, event_noun: bool, loose: bool, role: str = ""
) -> Token | None:
    dative = next(  # a dative, or the goal of a transfer ("handed the suspects over to Sweden")
        (
            d
            for c in verb.children
            if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to" and obj is not None)
            for d in [_pobj(c)]
            if (d is not c or c.pos_ != "ADP") and can_act(d)
        ),
        None,
    )
    if dative is None and loose:  # "granted asylum to five Ghanaian sailors": Ghana
        dative = next(
            (
                named
                for c in verb.children
                if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to" and obj is not None)
                for d in [_pobj(c)]
                if d is not c
                for named in [_named(d)]
                if named is not None
            ),
            None,
        )
    if dative is not None and not _own(dative):
        if kind == "ACCUSE":  # "complained to the UN over Israeli raids": the accused
            return _grievance(verb) or dative
        return dative
    if (
        obj is not None
        and not event_noun
        and kind not in _NO_OBJECT_RECIPIENT
        and (role or obj.dep_) in ("dobj", "nsubjpass")
        and not _own(obj)
    ):
        if can_act(obj):
            return obj
        if (
            kind in _VICTIM_TYPES
            and obj.pos_ in ("NOUN", "PROPN")
            and _prepositional(verb, _FROM, depth=1) is None  # "seized arms from X": X
        ):  # "demolished Palestinian homes", "attacked a camp for refugees": whose they are
            whose = named_on(obj) or _prepositional(obj, _BELONGING, depth=1) if loose else None
            return whose or obj
    if obj is not None:
        owner = _owner(obj, doer=loose)
        if owner is not None:
            return owner
        named = _named(obj)  # "rejected the Indian proposal", "threatened to shell Iraqi towns"
        if named is not None and loose:
            return named
        preps = RECIPIENT_PREPS | ({"of", "by"} if loose else {"of"})
        for head in (obj, *obj.conjuncts):  # "fired artillery and rockets against X"
            found = _prepositional(head, preps, depth=3, loose=loose)
            if found is not None:
                return found
    found = (_grievance(verb) if kind == "ACCUSE" else None) or _prepositional(
        verb, RECIPIENT_PREPS, depth=1, loose=loose
    )
    if found is not None:
        return found
    if not loose:
        return None
    # "conceded to demands from X", "reneged on his commitment to X", "for a war against X":
    # the party on the thing the verb is aimed at (not one met on the way: "after fighting with
    # X", nor a helper: "investigated with the assistance of X")
    return next(
        (
            p
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS - {"with"}
            for noun in prep.children
            if noun.dep_ == "pobj"
            for p in [_prepositional(noun, RECIPIENT_PREPS | _DOERS, depth=1, loose=loose)]
            if p is not None
        ),
        None,
    )


def _grievance(verb: Token) -> Token | None:
    """Whom a complaint made to someone is about: the party named in its "over" or "about"
    phrase, or whose the deed named there is ("over Israeli air raids", "about X's policy")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("over", "about")):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is not None and can_act(noun) and not _own(noun):
            return noun
        found = named_on(noun) if noun is not None else None
        if found is not None:
            return found
    return None


def _pobj(token: Token) -> Token:
    """ "to" marked as a dative ("provided photographs to Macedonia"): its object."""
    if token.pos_ != "ADP":
        return token
    return _object(token) or token


def _object(prep: Token) -> Token | None:
    """A preposition's object; where the parser left it none because a reduced relative
    clause follows ("granted asylum to five officers holed up in ...": "officers" parsed as
    the subject of "holed"), the subject of the clause that starts right after it."""
    found = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if found is not None or prep.dep_ != "prep":
        return found
    shared = _raised_node(prep)
    if shared is not None:
        return shared
    return next(
        (
            subject
            for clause in prep.head.children
            if clause.dep_ in ("advcl", "ccomp", "conj") and clause.left_edge.i == prep.i + 1
            for subject in clause.children
            if subject.dep_ == "nsubj" and subject.i < clause.i
        ),
        None,
    )


def _raised_node(prep: Token) -> Token | None:
    """The object a preposition shares with the conjunct after it ("established ties with and
    opened an embassy in Tehran", "flights to and from Kabul"): right node raising shares the
    last phrase, so the object the coordination ends on, when that is a preposition's too."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or doc[prep.i + 1].pos_ != "CCONJ":
        return None
    conj = next((c for c in doc[prep.i + 1].head.children if c.dep_ == "conj"), None)
    if conj is None or conj.i <= prep.i:
        return None
    last = conj.right_edge
    while last.is_punct and last.i > conj.i:
        last = doc[last.i - 1]
    return last if last.dep_ == "pobj" and last.head.pos_ == "ADP" else None


def _prepositional(
    head: Token, preps: frozenset[str], *, depth: int, loose: bool = False
) -> Token | None:
    """The first noun that can act after one of `preps` on `head`, or on the nouns of those
    phrases down to `depth` ("pledged 50 million euros in aid to Ukraine"); when `loose`, for a
    noun that cannot act, its owner ("against Sweden's decision") or a country or group named
    on it ("restrictions against German goods")."""
    for prep in (c for c in head.children if c.dep_ == "prep"):
        target = _object(prep)
        if target is None:
            continue
        if prep.lower_ in preps and can_act(target) and not _own(target):
            return target
        if prep.lower_ in preps and loose:
            named = named_on(target)
            if named is not None:
                return named
        deeper = (
            _prepositional(target, RECIPIENT_PREPS, depth=depth - 1, loose=loose)
            if depth > 1
            else None
        )
        if deeper is not None:
            return deeper
    return None


# Nouns of what a party asks for: a party named before one is the one asking.
_ASKED = frozenset("demand request call appeal proposal offer ultimatum".split())


def named_on(noun: Token) -> Token | None:
    """The party a thing belongs to: its owner or doer (`_owner`) or a country or group named
    before it ("German goods", "Kampuchean guerrilla camps")."""
    return _owner(noun) or _named(noun)


def _owner(noun: Token, *, doer: bool = True) -> Token | None:
    """Whose a thing is: its owner ("Sweden's decision") or, when `doer`, the one who did it
    ("violations by X", "crimes committed by X", "the demonstration staged by X")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    if owner is not None and can_act(owner):
        return owner
    if owner is None and noun.lemma_.lower() in _ASKED:  # "union demands", "kidnappers demands"
        owner = next((c for c in noun.children if c.dep_ == "compound"), None)
        if owner is not None and owner.pos_ == "NOUN" and can_act(owner):
            return owner
    if not doer:
        return None
    done = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for by in (
        b
        for head in (noun, *done)
        for b in head.children
        if (b.dep_ == "prep" and b.lower_ == "by") or (b.dep_ == "agent" and head is not noun)
    ):
        agent = next((c for c in by.children if c.dep_ == "pobj"), None)
        if agent is not None and can_act(agent):
            return agent
    return None


def _charged(verb: Token, obj: Token | None) -> Token | None:
    """The accused of a charge an accusation is about ("investigated an allegation by X that
    the NPFL had taken the city": the NPFL), on the object or in a phrase of the verb."""
    heads = [obj] if obj is not None else []
    heads += [n for c in verb.children if c.dep_ == "prep" for n in c.children if n.dep_ == "pobj"]
    for head in heads:
        inner = [n for c in head.children if c.dep_ == "prep" for n in c.children]
        found = next((a for h in (head, *inner) for a in [_accused(h)] if a is not None), None)
        if found is not None:
            return found
    return None


def _accused(noun: Token) -> Token | None:
    """Whom a charge is about: the subject of its clause ("an allegation by X that the NPFL had
    taken the city": the NPFL; "X's claim that Y ..."), not who made it."""
    if noun.lemma_.lower() not in _CHARGES:
        return None
    for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"):
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and can_act(subject) and subject.lower_ not in _PRONOUNS:
            return subject
    return None


def _named(noun: Token) -> Token | None:
    """A country or group named among the modifiers before a noun, at any depth, or as the
    doer of a participle there ("the US-led war", "Saudi-backed forces")."""
    found = next(
        (
            t
            for c in noun.lefts
            if c.dep_ in _NAMED_DEPS
            for t in c.subtree
            if (t.ent_type_ in ("NORP", "GPE", "ORG") or untagged_country(t))
            and (t.dep_ in _NAMED_DEPS or (t.dep_ == "npadvmod" and t.head.tag_ == "VBN"))
        ),
        None,
    )
    while found is not None and found.head.ent_iob_ == "I" and found.head.i == found.i + 1:
        found = found.head  # "South Korean": the name's last word, which holds the rest
    return found


def _own(token: Token) -> bool:
    """ "its troops", "his aides": the actor's own people (not "their counterparts")."""
    return token.lemma_.lower() in _OWN_PEOPLE and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children
    )


_PRONOUNS = {"it": "sg", "they": "pl", "them": "pl", "he": "person", "she": "person"}
_OWNERS = {"its": "sg", "their": "pl"}


def owner(token: Token) -> Token:
    """ "Bosnian Serbs said their forces had withdrawn": a party's own forces or officials
    named by a possessive pronoun act for the party it refers to in the sentence (CAMEO codes
    the owner, with the forces' sector); the token itself where there is none."""
    mine = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _OWNERS), None)
    if mine is None or token.lemma_.lower() not in _OWN_PEOPLE | {"country"}:
        return token
    found = resolve(mine)
    return found if found is not mine else token


_DESCRIBED = frozenset({"amod", "compound", "prep", "relcl", "acl", "nmod", "appos"})
_ANAPHORS = frozenset({"country", "group", "organisation", "organization", "movement"})


def resolve(token: Token) -> Token:
    """A pronoun or "the country" / "the group" resolved to the party it refers to in its
    sentence: the nearest governing verb's subject (or, for an object pronoun, its object) that
    agrees in number ("Switzerland said it expelled ...", "sued the newspaper, accusing it of
    ..."); the token itself where there is none."""
    number = _PRONOUNS.get(token.lower_) or _OWNERS.get(token.lower_)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in _DESCRIBED for c in token.children
    )  # "the group" refers back; "the largest Protestant group in Ulster" names one
    if number is None and not (token.lemma_.lower() in _ANAPHORS and definite):
        return token
    number = number or "sg"
    wanted = ("dobj", "nsubj") if token.dep_ in ("dobj", "pobj") else ("nsubj", "dobj")
    head = token.head
    for _ in range(4):
        if head.head.i == head.i and head.i == token.head.i and head.pos_ != "VERB":
            break
        for dep in wanted:
            found = next((c for c in head.children if c.dep_ == dep and c.i != token.i), None)
            if found is not None and found.i < token.i and _antecedent(found, number):
                return found
        if head.head.i == head.i:
            break
        head = head.head
    return token


def _antecedent(token: Token, number: str) -> bool:
    if token.lower_ in _PRONOUNS or token.pos_ == "PRON" or not can_act(token):
        return False
    if number == "person":  # "President X announced that he will ...": a person, one
        person = token.ent_type_ == "PERSON" or token.lemma_.lower() in ROLE_NOUNS
        return person and token.tag_ in ("NN", "NNP")
    if token.ent_type_ in ("GPE", "ORG", "NORP"):
        return True
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = of and next((c for c in of.children if c.dep_ == "pobj"), None)
    plural = token.tag_ in ("NNS", "NNPS") or (  # "a group of Yoruba leaders ... they"
        members is not None and members.tag_ in ("NNS", "NNPS") and can_act(members)
    )
    return plural == (number == "pl")
