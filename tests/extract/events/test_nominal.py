"""Issue #15, round 9A: nominal acts of force and coercion ("the killing of X by Y", "the arrest
of X", "faces charges"), and the nouns that are only a charge's content (sentences written
here)."""

import pytest

from tests.extract.events.helpers import undated_events


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "The killing of a student by soldiers set off a week of protests.",
            ("soldiers", "ASSAULT", "a student"),
        ),
        (
            "Crowds gathered after the police shooting of an unarmed driver.",
            ("police", "ASSAULT", "an unarmed driver"),
        ),
        (
            "Testimony continued in the fraud trial of a former mayor.",
            (None, "COERCE", "a former mayor"),
        ),
        ("The banker will face fraud and bribery charges.", (None, "COERCE", "The banker")),
        ("The smuggler received a life sentence on Friday.", (None, "COERCE", "The smuggler")),
        (
            "The arrest of four men in Lyon was confirmed on Monday.",
            (None, "COERCE", "four men"),
        ),
    ],
)
def test_nominal_acts(nlp, text, wanted):
    assert wanted in undated_events(nlp, text)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    "text",
    [
        "The driver was convicted of the killing of a cyclist.",  # the conviction's content
        "Two men were arrested for the murder of a shopkeeper.",  # the arrest's content
        "Despite his arrest, the striker will play on Sunday.",  # "his" names no one here
        "The murder rate fell last year.",  # a modifier, no party
    ],
)
def test_no_nominal_act(nlp, text):
    assert [e for e in undated_events(nlp, text) if e[1] == "ASSAULT" or e[2] in ("his",)] == []


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # "whose" with no relative clause to lean on (a question) names no one
        ("Whose arrest did the court order?", []),
        ("The family of the man whose arrest sparked riots spoke.", [(None, "COERCE", "the man")]),
    ],
)
def test_whose_names_the_noun_its_clause_is_on(nlp, text, wanted):
    assert [e for e in undated_events(nlp, text) if e[1] == "COERCE"] == wanted


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # round 11: offences coordinated before the charges (parsed as objects of one another)
        ("The banker will face fraud and bribery charges.", (None, "COERCE", "The banker")),
        ("The driver faces assault and robbery charges.", (None, "COERCE", "The driver")),
        # an infinitive of purpose: who faces the charge is the subject of its clause
        (
            "The smuggler was extradited to Spain to face fraud charges.",
            (None, "COERCE", "The smuggler"),
        ),
        (
            "The former minister returned home to stand trial.",
            (None, "COERCE", "The former minister"),
        ),
    ],
)
def test_who_faces_coordinated_charges_or_faces_them_by_purpose(nlp, text, wanted):
    assert wanted in undated_events(nlp, text)


@pytest.mark.issue(15)
def test_facing_a_side_is_no_court_step(nlp):
    assert undated_events(nlp, "The team will face Chelsea and Arsenal on Sunday.") == []


@pytest.mark.issue(15)
def test_who_acts_on_another_to_face_charges_is_not_charged(nlp):
    text = "The ruling let prosecutors get their hands on him to face more serious charges."
    assert [e for e in undated_events(nlp, text) if e[2] == "prosecutors"] == []
