"""The PLOVER GSR check: lenient actor and recipient matching, and the scores on the set."""

import pytest

from storyledger.evaluation.plover_gsr import (
    _names_one,
    content_key,
    country_names,
    evaluate_gsr,
    miss_cause,
)
from storyledger.model import Event
from tests.conftest import SHARED, need

COUNTRIES = SHARED / "lexicons" / "petrarch2" / "Phoenix.Countries.actors.txt"


@pytest.fixture(scope="module")
def names():
    return country_names(need(COUNTRIES))


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("wanted", "got", "same"),
    [
        (["Iran"], "Iranian officials", True),
        (["Iranian"], "Iran", True),
        (["Israeli soldiers"], "soldiers", True),
        (["United States"], "the US", True),  # a synonym in the country dictionary
        (["President Obama"], "Obama", True),
        (["European Community"], "its European Community partners", True),
        (["Croatian authorities"], "Serbia", False),
        (["Moroccan diplomats"], "they", False),  # a pronoun names nothing
        ([], None, True),
        ([], "Israel", False),
        (["Israel"], None, False),
    ],
)
def test_lenient_names(names, wanted, got, same):
    assert _names_one(wanted, got, names) is same


def test_demonyms_and_capitals_are_their_country(names):
    assert content_key("Iranians", names) == content_key("Tehran", names) == {"irn"}
    assert content_key("the United States", names) == {"usa"}


@pytest.mark.issue(15)
def test_countries_whose_code_follows_their_names(names):
    # PETRARCH2 gives Iraq's code on an indented line after its names, not on the header
    assert content_key("Baghdad", names) == content_key("Iraqi", names) == {"irq"}


@pytest.mark.issue(15)
def test_gsr_scores_are_in_range(nlp):
    corpus = need(SHARED / "corpora" / "plover-gsr")
    results = evaluate_gsr(corpus, need(COUNTRIES), nlp)
    assert results["gold"] == 322 and results["sentences"] == 316
    assert results["matched"] <= min(results["found"], results["gold"])
    assert 0.0 <= results["type_macro_f1"] <= 1.0
    assert len(results["errors"]) == (results["found"] - results["matched"]) + (
        results["gold"] - results["matched"]
    )


def _found(action, actor, target):
    return Event(
        article="a", start=0, end=4, text="word", id=f"{actor}{action}{target}", action=action,
        actor=actor, target=target, trigger_start=0, trigger_end=4,
    )  # fmt: skip


GOLD = {
    "event": "COERCE",
    "plover2_event": "COERCE",
    "source": [{"actorText": "Police"}],
    "target": [{"actorText": "two protesters"}],
}


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("found", "cause"),
    [
        ([], "no event found"),
        ([_found("ASSAULT", "police", "protesters")], "wrong type: found ASSAULT"),
        ([_found("COERCE", "police", None)], "wrong or missing recipient: found None"),
        ([_found("COERCE", "the army", "protesters")], "wrong or missing actor: found the army"),
        ([_found("COERCE", "army", None)], "wrong actor and recipient: found army -> None"),
        ([_found("PROTEST", "protesters", None)], "other events only: PROTEST"),
    ],
)
def test_the_cause_of_a_miss(found, cause):
    assert miss_cause(GOLD, found, {}) == cause
