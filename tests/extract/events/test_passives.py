"""Issue #15, round 9A: agentless passives are events with no actor, the subject done to as the
recipient (PLOVER's unknown actor); tolls, mishaps, hedges and conditions are not (sentences
written here)."""

import pytest

from tests.extract.events.helpers import undated_events


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "The suspect was arrested on Tuesday and charged with murder.",
            [(None, "COERCE", "The suspect")],
        ),
        ("A local man was sentenced to life in prison.", [(None, "COERCE", "A local man")]),
        ("The singer was charged with drunken driving.", [(None, "COERCE", "The singer")]),
        (
            "Two leaders of the sect have been arrested in Canada, charged with fraud.",
            [(None, "COERCE", "Two leaders of the sect")],
        ),
        (
            "The treasurer hanged himself in his cell hours after being arrested.",
            [(None, "COERCE", "The treasurer")],
        ),
        (
            "A class-action lawsuit was filed against the carmaker in March.",
            [(None, "ACCUSE", "the carmaker")],
        ),
        (
            "Four villagers were killed in an air raid on Sunday.",
            [(None, "ASSAULT", "Four villagers")],
        ),
        # an agent on the joined passive names the doer of both
        (
            "Two students were beaten and arrested by police.",
            [("police", "COERCE", "Two students")],
        ),
        # the active "charge X with" is a charge too (the guideline's COERCE)
        ("Prosecutors charged the mayor with bribery.", [("Prosecutors", "COERCE", "the mayor")]),
    ],
)
def test_agentless_passives_are_events_without_an_actor(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        "Two hikers were killed in a car crash on Sunday.",  # a mishap
        "At least 30 people have been killed, the coroner said.",  # a bare toll
        "More than 2,000 residents were displaced by Friday.",
        "No one else was injured.",  # nobody was done to
        "The minister has been accused of taking bribes.",  # the reporter's hedge
        "The coach was fired after the defeat.",  # a dismissal
        "He was released from hospital on Monday.",  # not a kind read without an actor
        "The army will defend the town if it is attacked.",  # a condition
        "Rebel units were engaged in heavy fighting.",  # they took part
    ],
)
def test_no_agentless_event(nlp, text):
    assert [e for e in undated_events(nlp, text) if e[0] is None] == []


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a passive joined with its own auxiliary shares the subject as its patient
        (
            "The gunman surrendered after an hour and was charged with murder.",
            (None, "COERCE", "The gunman"),
        ),
        # explosives and blasts named as the doer are the actor (guideline rule 6)
        (
            "A roadside bomb killed two soldiers near the border.",
            ("A roadside bomb", "ASSAULT", "two soldiers"),
        ),
    ],
)
def test_joined_passives_and_blasts(nlp, text, wanted):
    assert wanted in undated_events(nlp, text)


@pytest.mark.issue(15)
def test_more_victims_of_one_attack_are_one_event(nlp):
    text = "A car bomb killed one policeman and wounded three others."
    assert undated_events(nlp, text) == [("A car bomb", "ASSAULT", "one policeman")]


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # round 10A: the verdict ("guilty") is the pattern's word; the subject is the one judged
        ("The banker was found guilty of fraud.", [(None, "COERCE", "The banker")]),
        (
            "The treasurer has been found guilty of embezzlement.",
            [(None, "COERCE", "The treasurer")],
        ),
        # found dead: a discovery, no verdict and no attack by anyone named
        ("The treasurer was found dead in his cell.", []),
    ],
)
def test_a_verdict_on_the_subject(nlp, text, wanted):
    assert undated_events(nlp, text) == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        "What was attacked on Monday?",
        "Which of them were arrested?",
        "Whoever was arrested will be freed.",
    ],
)
def test_a_question_word_is_no_party_done_to(nlp, text):
    assert undated_events(nlp, text) == []


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # round 11: the "by" phrase of a passive names the doer, here none of our actor nouns
        (
            "Two rangers were killed by poachers in the park.",
            ("poachers", "ASSAULT", "Two rangers"),
        ),
        ("The courier was shot in the leg by rivals.", ("rivals", "ASSAULT", "The courier")),
    ],
)
def test_a_passive_by_phrase_names_the_doer(nlp, text, wanted):
    assert wanted in undated_events(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of homes were destroyed by floods.",  # a disaster
        "Support groups help those who were killed by drunk drivers.",  # no one named done to
    ],
)
def test_a_by_phrase_of_no_one_is_no_doer(nlp, text):
    assert [e for e in undated_events(nlp, text) if e[0] is not None] == []


@pytest.mark.issue(15)
def test_a_disaster_joined_in_the_by_phrase_is_no_doer(nlp):
    text = "Forty villagers were injured by a landslide or collapsing walls."
    assert [e for e in undated_events(nlp, text) if e[0] is not None] == []
