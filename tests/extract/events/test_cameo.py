"""The compiled CAMEO verb dictionary: indexed by lemma, codes mapped to PLOVER, used in
sentences only between two parties, and our own lexicon winning where they disagree."""

import pytest

from storyledger.extract.events.cameo import cameo
from storyledger.extract.events.lexicon import event_lexicon
from tests.extract.events.helpers import events_of


def test_the_dictionary_is_indexed_by_lemma():
    verbs = cameo().verbs
    assert len(verbs) > 1500
    assert all(key == key.lower() and " " not in key for key in verbs)
    assert any(entry.particles == ("off",) for entry in verbs["call"])  # "call off"


@pytest.mark.parametrize(
    ("code", "coded"),
    [
        ("0311", ("AGREE", None)),
        ("043", ("CONSULT", "visit")),
        ("081", ("CONCEDE", None)),
        ("0871", ("RETREAT", None)),  # falls back on the YIELD split
        ("010", None),  # statements are no PLOVER event
        ("020", None),  # nor appeals
        ("---", None),
        ("080!", ("CONCEDE", None)),
    ],
)
def test_cameo_codes_map_to_plover(code, coded):
    mapped = cameo().to_plover(code)
    assert (mapped[0] if mapped else None) == (coded[0] if coded else None)
    if coded and coded[1]:
        assert mapped[1] == coded[1]


def _events(nlp, text):
    return events_of(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Saudi Arabia restored diplomatic relations with Qatar.",
            [("Saudi Arabia", "SUPPORT", "Qatar")],
        ),
        ("Canada recalled its ambassador from Riyadh.", [("Canada", "SANCTION", "Riyadh")]),
        (
            "The court convicted and jailed the journalist.",
            [("The court", "COERCE", "the journalist")],  # one event, not two
        ),
        # a phrase of a synonym set needs all its words: "fire" is no "cease fire" (&CEASEFIRE)
        (
            "Militants set fire to a police station in Kandahar.",
            [("Militants", "ASSAULT", "a police station in Kandahar")],
        ),
        # negatives: the dictionary's broad verbs code nothing without a second party
        ("He wants the war to end.", []),
        ("Our engineers inspected that gate in the autumn.", []),
        ("The official faces accusations of complicity.", []),
    ],
)
def test_dictionary_verbs_in_sentences(nlp, text, wanted):
    assert _events(nlp, text) == wanted


def test_our_lexicon_wins_over_the_dictionary():
    assert event_lexicon().verbs["ask"][0] == "REQUEST"
    assert any(entry.code == "020" for entry in cameo().verbs["ask"])  # an appeal: no event


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted", "not_wanted"),
    [
        # "- * (WITH) [130] # BREAK" of the DESTROY block is "break with", not every verb's "with"
        (
            "Iranian soldiers beat up Afghan refugees with the knowledge of their officers.",
            "ASSAULT",
            "THREATEN",
        ),
        (
            "Turkish police beat Kurdish protesters with batons in Diyarbakir.",
            "ASSAULT",
            "THREATEN",
        ),
    ],
)
def test_a_bare_preposition_is_its_own_verbs(nlp, text, wanted, not_wanted):
    actions = [action for (action,) in events_of(nlp, text, fields=("action",))]
    assert wanted in actions
    assert not_wanted not in actions


@pytest.mark.issue(15)
def test_a_bare_preposition_is_kept_to_the_verb_it_was_written_for():
    verbs = cameo().verbs
    (beat,) = [e for e in verbs["beat"] if not e.particles][:1]
    with_patterns = [p for p in beat.patterns if p.preps == (("with", ()),)]
    assert with_patterns and all(p.verbs == frozenset({"break"}) for p in with_patterns)
    # a named pattern with words stays the whole block's
    assert any(not p.verbs for p in beat.patterns)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "mobilized"),
    [
        # PLOVER's MOBILIZE is a force or arms: the dictionary's armed agents and sets
        ("Russia mobilized 5,000 reservists near the Ukrainian border.", True),
        ("The navy deployed two warships to the Gulf of Aden.", True),
        ("The government mobilized thousands of riot police against the protesters.", True),
        ("Israel mobilized its army reserves on Sunday.", True),
        # teams, updates and volunteers mobilised or deployed are no force
        ("The bank deployed a software update to its customers.", False),
        ("The charity mobilized volunteer teams across Kenya.", False),
        ("Turkey mobilised engineering teams to repair the bridge.", False),
    ],
)
def test_mobilizing_needs_a_force(nlp, text, mobilized):
    actions = {action for _, action, _ in events_of(nlp, text)}
    assert ("MOBILIZE" in actions) is mobilized, actions


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "consult"),
    [
        # the object of a verb of going away is the place left or those left behind
        ("The minister left Moscow on Friday.", False),
        ("The shelling left 30 civilians dead in Homs.", False),
        # going somewhere for talks, or touring a country, stays CAMEO's meeting
        ("The foreign minister left for Beijing for talks with Chinese officials.", True),
        ("The envoy toured Sudan last week.", True),
    ],
)
def test_a_place_left_is_no_party_met(nlp, text, consult):
    actions = {action for _, action, _ in events_of(nlp, text)}
    assert ("CONSULT" in actions) is consult, actions


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # verbs of CAMEO's ACCELERATE block carry their event noun, as "completed" does
        ("Russia accelerated the withdrawal of its troops from Georgia.", "RETREAT"),
        ("Moscow speeded up the withdrawal of its forces from Chechnya on Monday.", "RETREAT"),
        # a carrier noun names its event: "ended mediation efforts" ends mediation
        ("Egypt ended mediation efforts between the two Palestinian factions.", "SANCTION"),
        ("Qatar suspended its mediation efforts between Israel and Hamas.", "SANCTION"),
        # no event noun: nothing
        ("Officials speeded up the building of the new airport.", None),
    ],
)
def test_an_event_noun_carried(nlp, text, wanted):
    actions = [action for _, action, _ in events_of(nlp, text)]
    assert actions == ([wanted] if wanted else []), actions
