"""The quotes evaluation runs and holds its pinned floors."""

import pytest

from storyledger.evaluation.gate import check_floors, score
from tests.conftest import ROOT, SHARED


@pytest.mark.issue(3)
def test_quotes_hold_their_floors(nlp):
    results = score("quotes", ROOT / "evals", SHARED, nlp)
    assert results["direct_and_partial"]["gold"] >= 50
    assert results["indirect"]["gold"] >= 40
    assert check_floors("quotes", results, ROOT / "evals") == []


def test_floors_refuse_other_data(nlp):
    results = {"data": "0000", "direct_and_partial": {"precision": 1.0}}
    (failure,) = check_floors("quotes", results, ROOT / "evals")
    assert "pinned for other gold data" in failure


@pytest.mark.issue(4)
def test_figures_hold_their_floors(nlp):
    results = score("figures", ROOT / "evals", SHARED, nlp)
    assert results["figures"]["gold"] >= 60
    assert results["figures"]["casualty_figures"] >= 30
    assert check_floors("figures", results, ROOT / "evals") == []


@pytest.mark.issue(5)
def test_events_hold_their_floors(nlp):
    results = score("events", ROOT / "evals", SHARED, nlp)
    assert results["events"]["gold"] >= 60 and results["events"]["irrealis"] >= 10
    assert check_floors("events", results, ROOT / "evals") == []


@pytest.mark.issue(6)
def test_compare_holds_its_floors(nlp):
    results = score("compare", ROOT / "evals", SHARED, nlp)
    assert results["stories"]["articles"] >= 15 and results["figure_series"]["gold_groups"] >= 10
    assert results["figure_series"]["link_precision"] >= 0.9
    assert results["figure_series"]["label_accuracy"] >= 0.85
    assert results["stories"]["f1"] >= 0.9
    assert check_floors("compare", results, ROOT / "evals") == []


@pytest.mark.issue(7)
def test_framing_holds_its_floors(nlp):
    results = score("framing", ROOT / "evals", SHARED, nlp)
    assert results["sentences"]["gold_own_voice"] >= 40
    assert results["sentences"]["precision"] >= 0.3 and results["sentences"]["recall"] >= 0.5
    assert check_floors("framing", results, ROOT / "evals") == []
