"""Issue #15, round 10A: an attack whose object is the weapon or the fire ("opened fire",
"fired tear gas", "dropped bombs", "set fire") is aimed at the object of its "at", "on",
"upon", "into" or "to" phrase (sentences written here)."""

import pytest

from tests.extract.events.helpers import undated_events


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "A sniper opened fire on the convoy near the market.",
            [("A sniper", "ASSAULT", "the convoy")],
        ),
        (
            "Border guards opened fire at the smugglers.",
            [("Border guards", "ASSAULT", "the smugglers")],
        ),
        (
            "Riot police fired tear gas at the marchers.",
            [("Riot police", "ASSAULT", "the marchers")],
        ),
        (
            "The rebels fired rockets into the town on Sunday.",
            [("The rebels", "ASSAULT", "the town")],
        ),
        ("The pirates fired at the tanker.", [("The pirates", "ASSAULT", "the tanker")]),
        # a finite clause with its own subject joined to "prepared to ...": no future act
        (
            "The strike began as two officers prepared to go before a judge and riot police"
            " fired tear gas at the crowd.",
            [("riot police", "ASSAULT", "the crowd")],
        ),
        # a weapon as the object: the people it is fired at are hit
        (
            "Troops fired rubber bullets at hundreds of strikers outside the mine.",
            [("Troops", "ASSAULT", "hundreds of strikers outside the mine")],
        ),
        # the attack's own participle names who was hit
        (
            "A gunman opened fire at a birthday party, wounding four guests.",
            [("A gunman", "ASSAULT", "four guests")],
        ),
    ],
)
def test_an_attack_is_aimed_at_its_phrase(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        # one's own things set on fire: a riot's deed, not an attack on anyone
        "Inmates rioted at the jail on Monday, setting fire to their blankets.",
        # no one fires: a thing that falls or crashes into a place
        "Stray shells kept crashing into the harbour.",
    ],
)
def test_no_attack_aimed(nlp, text):
    assert not [e for e in undated_events(nlp, text) if e[1] == "ASSAULT"]


@pytest.mark.issue(15)
@pytest.mark.xfail(
    reason="CAMEO's START pattern 'open ... bridge' (080, yield) is matched on a word of a"
    " place phrase before 'open ... fire' (193) on the direct object: a pattern's words are"
    " not yet ranked by where they stand"
)
def test_fire_wins_over_a_place_word(nlp):
    assert undated_events(nlp, "A sniper opened fire on the convoy near the bridge.") == [
        ("A sniper", "ASSAULT", "the convoy")
    ]


@pytest.mark.issue(15)
def test_a_vehicle_driven_into_a_shop_is_no_shot(nlp):
    found = undated_events(nlp, "Three men rammed their van into a bakery before fleeing.")
    assert ("Three men", "ASSAULT", "a bakery") not in found
