"""The stage registry: a golden snapshot of its order, and its order checks."""

import json
from pathlib import Path

import pytest

from storyledger.extract import registered_stages
from storyledger.extract.registry import Analysis, Stage, check_order

SNAPSHOT = Path(__file__).with_name("registry.json")


def test_registry_matches_snapshot():
    found = [
        {
            "name": s.name,
            "module": s.func.__module__,
            "requires": list(s.requires),
            "produces": list(s.produces),
            "before_parse": s.before_parse,
        }
        for s in registered_stages()
    ]
    assert found == json.loads(SNAPSHOT.read_text())


def _stage(name, requires, produces, before_parse=False):
    return Stage(
        name=name,
        func=lambda analysis: [],
        requires=requires,
        produces=produces,
        before_parse=before_parse,
    )


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ([_stage("b", ("x",), ("y",))], "needs ['x']"),
        (
            [_stage("a", ("doc",), ("x",)), _stage("b", ("article",), ("y",), True)],
            "runs before the parse",
        ),
        ([_stage("a", ("doc",), ("x",), True)], "needs ['doc']"),
    ],
)
def test_bad_orders_are_refused(stages, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check_order(stages)


def test_stage_results_are_keyed_by_what_they_produce():
    only = _stage("a", ("article",), ("x",))
    assert only.run(Analysis(article=None)) == {"x": ()}
