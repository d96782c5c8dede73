"""Issue #15, round 9B: what news reports that the events guideline codes as no event
(section 2: accidents, disasters, commercial deals) and deeds committed; sentences written
here, with the acts of force and the commitments that stay events."""

import pytest

from tests.extract.events.helpers import undated_events


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        "The airliner crashed into a mountain, killing all 120 people on board.",
        "The ferry capsized off the coast, killing at least 40 passengers.",
        "The earthquake destroyed 300 homes in the province.",
        "The chemical company agreed to buy its rival for $3 billion.",
        "The bank offered to acquire the insurer.",
        "A mafioso committed suicide hours after his arrest.",
        "Police offered a reward for information about the shooting.",
    ],
)
def test_not_events(nlp, text):
    assert undated_events(nlp, text) == []


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # crashing a party is no accident; shooting from a car is an attack
        (
            "A fired worker crashed the office party, killing the manager.",
            ("A fired worker", "ASSAULT", "the manager"),
        ),
        ("A gunman opened fire in the market, killing six people.", None),
        # a state's purchase and a commitment stay
        (
            "Officials from China agreed to purchase 60 aircraft from Boeing.",
            ("Officials from China", "AGREE", "Boeing"),
        ),
        ("The rebels committed to a truce on Friday.", ("The rebels", "AGREE", None)),
        # an apology offered is one (CONCEDE, PLOVER's apologies), not an offer
        (
            "The minister offered an apology to the victims' families.",
            ("The minister", "CONCEDE", "the victims' families"),
        ),
    ],
)
def test_events_that_stay(nlp, text, wanted):
    found = undated_events(nlp, text)
    if wanted is None:
        assert [e[1] for e in found] == ["ASSAULT"]
    else:
        assert wanted in found


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # goods bought are no party; a purchase from a named party stays the dictionary's
        ("In Peru, airliners are selected and purchased by the government.", []),
        ("Iran bought missiles from Russia last year.", [("Iran", "COOPERATE", "Russia")]),
    ],
)
def test_purchases(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        # round 10B: an act inside what a refusal denies did not happen and is no one's act
        (
            "The governor declined to let the police arrest the protesters.",
            [("The governor", "REJECT", None)],  # declining is refusing
            ("the police", "COERCE", "the protesters"),
        ),
        (
            "The army refused to let the militia shell the village.",
            [("The army", "REJECT", None)],
            ("the militia", "ASSAULT", "the village"),
        ),
        # the refused verb stays a negated record; a finite conjunct is an act of its own
        (
            "The rebels refused to release the hostages and attacked the soldiers.",
            [
                ("The rebels", "REJECT", "the hostages"),
                ("The rebels", "RETREAT", "the hostages"),
                ("The rebels", "ASSAULT", "the soldiers"),
            ],
            None,
        ),
    ],
)
def test_refused_content_is_no_act(nlp, text, kept, gone):
    found = undated_events(nlp, text)
    assert found == kept
    assert gone not in found


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # round 10B: joining people in an act is doing it with them, not meeting them
        ("Students joined thousands of workers in demanding higher wages.", []),
        # joining them somewhere is still the dictionary's meeting
        (
            "Opposition leaders joined the protesters in the square.",
            [("Opposition leaders", "CONSULT", "the protesters")],
        ),
    ],
)
def test_joined_in_an_act_is_no_meeting(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted
