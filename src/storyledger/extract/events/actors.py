"""Who can be a party to an event: nouns that can act (names, our actor nouns, the CAMEO
dictionary's generic agents and synonym sets of parties), which of them are a state or of
PLOVER's domain, and the nationals or instruments that stand for a side."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from storyledger.extract.events.cameo import cameo
from storyledger.extract.events.countries import untagged_country
from storyledger.extract.events.lexicon import EventLexicon
from storyledger.extract.quotes.speakers import BODY_NOUNS, ROLE_NOUNS

_ACTOR_NOUNS = (
    frozenset(
        "government cabinet army military forces force police troops officials official leaders "
        "leader president minister ministry administration authorities authority parliament "
        "council court union party militants rebels fighters protesters demonstrators people "
        "residents workers students envoy ambassador diplomats factions group coalition "
        "alliance agency spokesman spokeswoman negotiators navy airforce soldiers country state "
        "nation city province region crews crew rescuers team teams service brigade firefighters "
        "inspectors engineers company firm board committee commission opposition militia donors "
        "mayor governor chancellor secretary premier judge prosecutor commander chief side sides "
        "parties settlers civilians citizens journalists activists prisoners hostages detainees "
        "refugees migrants children women families personnel staff villagers protesters students "
        "doctors patients voters lawmakers senators members staffers aides diplomats analysts "
        "experts airline airlines carrier manufacturer bank banks investors shareholders "
        "bondholders regulators counterparts partners allies neighbours neighbors delegates "
        "delegation candidates candidate republic kingdom supporters loyalists inhabitants youths "
        "elders wing forum bloc leadership assembly".split()
    )
    | frozenset(
        # who attacks, named by the deed (the CAMEO agents hold "gunman", "assailant", "sniper"
        # only in compounds): "a sniper opened fire", "attackers stormed", "border guards shot"
        "guards sniper snipers attacker attackers shooter shooters hijacker hijackers".split()
    )
    | frozenset(
        # people an act is done to or for, named by their plight or place: "medicine for the
        # survivors", "aid to the evacuees", "inmates rioted", "shots at bystanders"
        "survivors survivor evacuees orphans inmates miners shoppers motorists bystanders "
        "volunteers volunteer charity charities pope emir sheikh cardinal patriarch ayatollah "
        "movement movements tribesmen clan clans tribe tribes investigators investigator officer "
        "officers sailors pilots vigilantes crowd crowds jury juries jurors teenager teenagers boy "
        "boys driver drivers friend friends couple owner owners colleague colleagues pastor".split()
    )
)
PEOPLE = (_ACTOR_NOUNS | ROLE_NOUNS | BODY_NOUNS) - frozenset(
    {"study", "survey", "poll", "investigation", "inquiry", "family"}
)


# The CAMEO dictionary's synonym sets of parties: "the mediator", "reservists", "the populace".
_PARTY_SETS = (
    "&MILITARY",
    "&PEOPLE",
    "&OPPOSITION",
    "&REFUGEE",
    "&LEADER",
    "&NEGOTIATOR",
    "&PKO",
    "&HOSTAGE",
    "&SUSPECT",
)


@functools.cache
def _parties() -> frozenset[str]:
    sets = cameo().synonyms
    found = cameo().agents.union(*(sets[name] for name in _PARTY_SETS if name in sets))
    return found - _NOT_PARTIES


# Words of those sets that name a party only in one of their senses ("temporary reserves" of a
# bank, "the rich" as adjectives, a sports "challenger").
_NOT_PARTIES = frozenset(
    "reserves reserve poor rich wealthy subjects subject rival rivals challenger challengers "
    "contender contenders accused".split()
)


def can_act(token: Token) -> bool:
    """A person, a group, an organisation or a place that can act: a name, or one of our actor
    nouns or of the CAMEO dictionary's generic agents (guerrilla, militiaman, ...) and synonym
    sets of parties (mediator, populace, ...)."""
    if (
        token.lower_ in ("thousands", "hundreds", "dozens", "millions", "scores", "tens")
        or token.like_num
    ):
        of = next((c for c in token.children if c.lower_ == "of" and c.dep_ == "prep"), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return target is not None and can_act(target)  # "Thousands of workers"
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
        return True
    if token.pos_ == "PROPN" or token.lower_ in ("he", "she", "they", "we", "i", "it"):
        return True
    if untagged_country(token):
        return True  # "Bahrain restored relations": a country the model read as a noun
    lemma, agents = token.lemma_.lower(), _parties()
    return (
        lemma in PEOPLE
        or token.lower_ in PEOPLE
        or f"{lemma}s" in PEOPLE
        or lemma in agents
        or token.lower_ in agents
    )


_STATE_SECTORS = ("GOV", "MIL", "COP", "SPY", "JUD", "LEG")


def is_state(token: Token) -> bool:
    """A country or its forces and officials (not its people): a place named, or a generic
    agent whose CAMEO sector is government, military, police, intelligence, courts or
    legislature ("police", "troops", "the authorities")."""
    if token.ent_type_ in ("GPE",):
        return True
    lexicon = cameo()
    words = (token.lower_, token.lemma_.lower())  # the form as written first: a set's order varies
    sector = next((lexicon.sectors[w] for w in words if w in lexicon.sectors), "")
    military = lexicon.synonyms.get("&MILITARY", frozenset())
    return sector.startswith(_STATE_SECTORS) or not military.isdisjoint(words)


def political(token: Token | None) -> bool:
    """A party of PLOVER's domain: a country, people or place named, a state's forces or
    officials, or a generic political agent of PETRARCH2 (rebels, protesters, opposition ...)
    or of our actor nouns; not a firm, a team or a person named alone."""
    if token is None:
        return False
    if token.ent_type_ in ("GPE", "NORP", "LOC") or untagged_country(token):
        return True
    if is_state(token):
        return True
    words = {token.lower_, token.lemma_.lower()}
    named = any(
        t.ent_type_ in ("GPE", "NORP") or untagged_country(t)
        for child in token.children
        if child.dep_ in ("amod", "compound", "poss")
        for t in child.subtree
    )
    if named or words & _NOT_POLITICAL:
        return named
    sectors = cameo().sectors
    business = any(sectors.get(w, "").startswith("BUS") for w in words)
    return not business and not words.isdisjoint(_ACTOR_NOUNS | _parties())


# Our actor nouns for firms, teams and professions: parties, but not of PLOVER's domain.
_NOT_POLITICAL = frozenset(
    "company companies firm firms board airline airlines carrier manufacturer bank banks "
    "investors shareholders bondholders team teams engineers crew crews staff staffers analysts "
    "experts doctors patients service".split()
)


def nationals(token: Token) -> Token | None:
    """A plural subject named by a nation or faith ("Islamic fundamentalists", "Muslim hackers"
    did it): people of that nation or faith (as an actor only: "Iraqi towns" are acted on)."""
    named = any(
        c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or untagged_country(c))
        for c in token.children
    )
    return token if token.tag_ == "NNS" and named else None


_INSTRUMENT_SETS = ("&AIRCRAFT", "&WEAPON", "&CAR")
# Explosives, shells and blasts: the GSR and the real news guideline code them as the actor of
# what they did when no side is named ("car bomb", "minefield explosion"); a gun, car or plane
# with no side stays no one's (an accident, a hunter's rifle).
_ORDNANCE = frozenset(
    "bomb bombing explosion blast explosive grenade missile rocket shell mortar landmine ied "
    "bullet".split()
)


_BLOWS = frozenset({"attack", "strike", "assault", "raid"})


def instrument(token: Token) -> Token | None:
    """A weapon or vehicle named with its side ("Russian aircraft killed ...", "Israeli tanks
    shelled ..."): the side's instrument stands for it (CAMEO's synonym sets of weapons,
    aircraft and vehicles); one with no side named stands for no one."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in _ORDNANCE:
        return token  # "a bomb exploded, killing ...": the blast is named as the doer (PLOVER)
    if (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in _BLOWS
        and any(t.lemma_.lower() in _ORDNANCE for left in token.lefts for t in left.subtree)
    ):
        return token  # "a fire-bomb attack killed ...", "a rocket attack": the weapon's blow
    sets = cameo().synonyms
    if not any(
        token.lower_ in sets[name] or token.lemma_.lower() in sets[name]
        for name in _INSTRUMENT_SETS
    ):
        return None
    side = any(
        t.ent_type_ in ("NORP", "GPE", "ORG") or untagged_country(t)
        for child in token.children
        if child.dep_ in ("amod", "compound", "poss", "nmod")
        for t in child.subtree
    )
    return token if side else None


# Civilians in collective dissent (PLOVER PROTEST is "collective physical dissent by
# civilians"; its riot and vandalize modes are dissent turned on property).
_DISSENTERS = frozenset(
    "protester protesters protestor protestors demonstrator demonstrators rioter rioters "
    "striker strikers marcher marchers anarchist anarchists youth youths mob crowd".split()
)
# Institutions whose name is also their building: storming "parliament" is storming a house.
_HOUSES = frozenset(
    "parliament congress embassy consulate ministry headquarters palace legislature".split()
)


def rioting(actor: Token, target: Token | None) -> bool:
    """Force by protesters, rioters or a mob on property or a building, not on people: a riot
    (PLOVER PROTEST, riot), not an assault ("rioters hurled petrol bombs at shops",
    "demonstrators tried to storm parliament"; "rioters attacked police" stays ASSAULT)."""
    if not {actor.lower_, actor.lemma_.lower()} & _DISSENTERS:
        return False
    if target is None or target.lemma_.lower() in _HOUSES:
        return True
    if target.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or target.pos_ == "PRON":
        return False
    return not is_state(target) and not people(target)


def people(token: Token) -> bool:
    """People, not a body, place or thing: "officers", "passers-by", "a journalist", "John
    Pike" (not "the state", "the government", a "station" or "bank" that is property)."""
    if token.ent_type_ == "PERSON":
        return True
    if token.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC") or token.pos_ == "PROPN":
        return False
    words = {token.lower_, token.lemma_.lower()}
    return can_act(token) and not words & _BODIES


# Actor nouns that are bodies, places or buildings rather than people.
_BODIES = frozenset(
    "station bank banks city province region state country nation republic kingdom company "
    "firm airline carrier service board government cabinet administration authority "
    "authorities parliament council court ministry party union team teams coalition alliance "
    "agency committee commission opposition assembly bloc leadership".split()
)


_CAPTIVES = frozenset("hostage hostages captive captives".split())
_RESCUERS = ("MIL", "COP")


def rescued(actor: Token, target: Token) -> bool:
    """Armed forces or police freeing hostages or captives held by others rescue them (PLOVER
    AID, as the guideline codes rescue), where captors or a government releasing those they
    hold yield (RETREAT, CAMEO 0841)."""
    if target.lemma_.lower() not in _CAPTIVES and target.lower_ not in _CAPTIVES:
        return False
    words = (actor.lower_, actor.lemma_.lower())
    sector = next((cameo().sectors[w] for w in words if w in cameo().sectors), "")
    military = cameo().synonyms.get("&MILITARY", frozenset())
    return sector.startswith(_RESCUERS) or not military.isdisjoint(words)


_AT_THE_WHEEL = frozenset({"driver", "motorist", "pilot", "trucker", "cyclist"})


def attack_verb(verb: Token, lexicon: EventLexicon) -> bool:
    """A verb of our lexicon coded ASSAULT ("shot", "killed") on a noun that is no driver's
    (a driver "who killed a woman" did so at the wheel: an accident)."""
    entry = lexicon.verbs.get(verb.lemma_.lower())
    return (
        entry is not None
        and entry[0] == "ASSAULT"
        and verb.head.lemma_.lower() not in _AT_THE_WHEEL
    )
