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
