"""The PLOVER event lexicon (`data/plover.json`): verbs, verb + object pairs, light verbs with
event nouns, aux markers."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from storyledger.data_files import read_data


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """What the events stage looks words up in."""

    verbs: dict[str, tuple[str, str | None]]
    verb_objects: dict[tuple[str, str], tuple[str | None, str | None]]
    phrasal: dict[tuple[str, str], str]
    future: frozenset[str]
    commitment: frozenset[str]
    hypothetical: frozenset[str]
    historical: frozenset[str]
    denial: frozenset[str]
    threat_verbs: frozenset[str]
    light_verbs: frozenset[str]
    event_heads: frozenset[str]
    aspectual: frozenset[str]
    event_nouns: dict[str, tuple[str, str | None]]
    threat_conditions: frozenset[str]
    demand_modals: frozenset[str]
    backshifted_future: frozenset[str]
    hiring_verbs: frozenset[str]
    hired: frozenset[str]
    patient_subject: frozenset[str]
    announced_threats: frozenset[str]
    travel: frozenset[str]
    proposals: frozenset[str]
    documents: frozenset[str]
    capacities: frozenset[str]
    forces: frozenset[str]
    """The objects our entries pair with a MOBILIZE verb ("deploy troops"): read once here, not
    per verb."""

    def paired(self, verb: str, obj: Token) -> tuple[str | None, str | None] | None:
        """The (type, mode) of `verb` with object `obj`, read first as the phrase the object
        heads ("imposed martial law", "declared a state of siege": CAMEO 1724, one act however
        "law" or "state" alone reads), then by its lemma or word."""
        for key in (*_phrases(obj), obj.lemma_.lower(), obj.lower_):
            found = self.verb_objects.get((verb, key))
            if found is not None:
                return found
        return None


def _phrases(obj: Token) -> list[str]:
    """The noun phrases `obj` heads, as lexicon keys: "martial law", "state of emergency"."""
    head = obj.lemma_.lower()
    found = [f"{c.lower_} {head}" for c in obj.lefts if c.dep_ in ("amod", "compound")]
    for prep in (c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"):
        found += [f"{head} of {c.lemma_.lower()}" for c in prep.children if c.dep_ == "pobj"]
    return found


@functools.cache
def event_lexicon() -> EventLexicon:
    """The lexicon shipped with the package."""
    raw = read_data("plover.json")
    verb_objects = {
        (item["verb"], obj): (item["type"], item.get("mode"))
        for item in raw["verb_objects"]
        for obj in item["objects"]
    }
    return EventLexicon(
        verbs={
            verb: (entry[0], entry[1] if len(entry) > 1 else None)
            for verb, entry in raw["verbs"].items()
        },
        verb_objects=verb_objects,
        phrasal={(item["verb"], item["particle"]): item["type"] for item in raw["phrasal"]},
        future=frozenset(raw["future_markers"]),
        commitment=frozenset(raw["commitment_adjectives"]["words"]),
        hypothetical=frozenset(raw["hypothetical_markers"]),
        historical=frozenset(raw["historical_markers"]),
        denial=frozenset(raw["denial_markers"]),
        threat_verbs=frozenset(raw["conditional_threats"]["verbs"]),
        light_verbs=frozenset(raw["light_verbs"]),
        event_heads=frozenset(raw["event_noun_heads"]["words"]),
        aspectual=frozenset(raw["aspectual_verbs"]["words"]),
        event_nouns={
            noun: (entry[0], entry[1] if len(entry) > 1 else None)
            for noun, entry in raw["event_nouns"].items()
        },
        threat_conditions=frozenset(raw["conditional_threats"]["conditions"]),
        demand_modals=frozenset(raw["reported_speech"]["demand_modals"]),
        backshifted_future=frozenset(raw["reported_speech"]["backshifted_future"]),
        hiring_verbs=frozenset(raw["hiring_verbs"]["verbs"]),
        hired=frozenset(raw["hiring_verbs"]["people"]),
        patient_subject=frozenset(raw["patient_subject_verbs"]["verbs"]),
        announced_threats=frozenset(raw["conditional_threats"]["announced"]),
        travel=frozenset(raw["travel_verbs"]["words"]),
        proposals=frozenset(raw["proposal_nouns"]["words"]),
        documents=frozenset(raw["document_nouns"]["words"]),
        capacities=frozenset(raw["document_nouns"]["capacities"]),
        forces=frozenset(o for (_, o), (kind, _) in verb_objects.items() if kind == "MOBILIZE"),
    )
