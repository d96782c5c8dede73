"""Issue #15, round 9B: acts of the law as the events guideline codes them (sentences written
here): a criminal charge is COERCE, a verbal charge between parties ACCUSE, and what an
allegation, charge or conviction says was done is no act of its own."""

import pytest

from tests.extract.events.helpers import undated_events


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a charge with an offence named by a noun: CAMEO 173, COERCE
        (
            "Police charged the woman with two counts of murder.",
            [("Police", "COERCE", "the woman")],
        ),
        (
            "Prosecutors in Ohio charged the driver with manslaughter on Monday.",
            [("Prosecutors in Ohio", "COERCE", "the driver")],
        ),
        # arrested and charged: one act, one record
        (
            "Detectives arrested and charged the suspect with arson.",
            [("Detectives", "COERCE", "the suspect")],
        ),
        # a deed alleged between parties stays the dictionary's verbal accusation
        ("Serbia charged Albania with supporting the rebels.", [("Serbia", "ACCUSE", "Albania")]),
        # a passive charge with a gerund is a charge filed, by no one named
        (
            "The singer was charged with driving under the influence.",
            [(None, "COERCE", "The singer")],
        ),
    ],
)
def test_charges(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the content of an allegation, a charge or a conviction is no act of its own (the
        # allegation is: ACCUSE, round 12, as the inverted "alleges the group" below)
        (
            "Prosecutors allege the guard shot two inmates during the riot.",
            [("Prosecutors", "ACCUSE", "the guard")],
        ),
        (
            "Police arrested the driver on charges that he killed a cyclist.",
            [("Police", "COERCE", "the driver")],
        ),
        # quotative inversion: the group alleges, the army is accused
        (
            "The army shelled a village near the border, alleges the rights group.",
            [("the rights group", "ACCUSE", "The army")],
        ),
        # an act reported as fact beside an accusation stays an act
        (
            "The rebels accused the army of lying and attacked a convoy near Goma.",
            [("The rebels", "ACCUSE", "the army"), ("The rebels", "ASSAULT", "a convoy")],
        ),
    ],
)
def test_what_is_alleged_is_no_act(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
def test_what_a_conviction_names_is_no_act(nlp):
    text = "The court convicted the colonel of torturing the prisoners."
    assert [(e[0], e[1]) for e in undated_events(nlp, text)] == [("The court", "COERCE")]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        # a participle misread as a verb with a subject: the policeman is the one charged
        "Crowds gathered outside the station where the policeman charged with the murder worked.",
        # the charged or convicted is the patient of a passive, not its actor
        "The suspect surrendered after two hours and was charged with murder.",
        "Convicted of murder and assault, the gunman faces life in prison.",
    ],
)
def test_the_charged_is_no_actor(nlp, text):
    """The charged may be the recipient of a charge by no one named (round 9A), never its actor."""
    assert not [e for e in undated_events(nlp, text) if e[1] == "COERCE" and e[0] is not None]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # round 10B: the grounds a charge or conviction gives are what it says was done
        (
            "The prosecutor said Ruiz is charged with murder because he intended to kill a guard.",
            [(None, "COERCE", "Ruiz")],
        ),
        (
            "The woman was convicted because she had poisoned her husband.",
            [(None, "COERCE", "The woman")],
        ),
        # an arrest's reason, told by the reporter, is an act of its own
        (
            "Police arrested the man because he attacked a guard.",
            [("Police", "COERCE", "the man"), ("he", "ASSAULT", "a guard")],
        ),
    ],
)
def test_grounds_of_a_charge_are_no_act(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # round 10B: "allege" is never a noun; parsed as a compound of the subject, it still
        # makes the clause a claim (the accusation itself is not coded yet)
        ("Police allege John Smith, 45, opened fire at a bar Friday, killing one man.", []),
        (
            "The gunman opened fire at a bar Friday, killing one man.",
            [("The gunman", "ASSAULT", "one man")],
        ),
    ],
)
def test_allegation_misread_as_a_name(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted
