"""The Recognizers-Text eval: its unit mapping, its scoring on a small spec it writes itself."""

import json

import pytest

from storyledger.evaluation.recognizers import _interval, evaluate_recognizers
from storyledger.evaluation.recognizers_units import expected_unit, figure_kind
from storyledger.model import Figure


def _figure(unit, qualifier="exact"):
    return Figure(
        article="a", start=0, end=1, text="1", id="f", value=1.0, unit=unit, qualifier=qualifier
    )


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("value", "bounds"),
    [("[20,30)", (20, 30)), ("(,3000)", (None, 3000)), ("(10,)", (10, None)), ("x", (None, None))],
)
def test_interval(value, bounds):
    assert _interval(value) == bounds


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("type_name", "resolution", "units", "factor"),
    [
        ("currency", {"unit": "United States dollar", "isoCurrency": "USD"}, {"USD"}, 1.0),
        ("currency", {"unit": "Pence"}, {"GBP"}, 0.01),
        ("dimension", {"unit": "Kilometer per hour"}, {"kilometre per hour"}, 1.0),
        ("dimension", {"unit": "Metric ton"}, {"tonne"}, 1.0),
        ("temperature", {"unit": "C"}, {"celsius"}, 1.0),
        ("number", {"value": "3"}, None, 1.0),
    ],
)
def test_expected_unit(type_name, resolution, units, factor):
    got, got_factor = expected_unit(type_name, resolution)
    assert (set(got) if got is not None else None) == units and got_factor == factor


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("unit", "qualifier", "kind"),
    [
        (None, "exact", "number"),
        (None, "range", "range"),
        ("%", "exact", "percentage"),
        ("EUR", "exact", "currency"),
        ("year", "exact", "age"),
        ("celsius", "exact", "temperature"),
        ("metre", "exact", "dimension"),
    ],
)
def test_figure_kind(unit, qualifier, kind):
    assert figure_kind(_figure(unit, qualifier)) == kind


@pytest.mark.issue(16)
def test_scores_a_small_spec(nlp, tmp_path):
    folder = tmp_path / "Number"
    folder.mkdir()
    cases = [
        {
            "Input": "They paid 120 workers.",
            "Results": [
                {
                    "Text": "120",
                    "TypeName": "number",
                    "Resolution": {"value": "120"},
                    "Start": 10,
                    "End": 12,
                }
            ],
        },
        {
            "Input": "He came in 30th.",
            "Results": [
                {
                    "Text": "30th",
                    "TypeName": "ordinal",
                    "Resolution": {"value": "30"},
                    "Start": 11,
                    "End": 14,
                }
            ],
        },
        {"Input": "Which one do you prefer?", "Results": []},
        {
            "Input": "They paid 121 workers.",
            "Results": [
                {
                    "Text": "121",
                    "TypeName": "number",
                    "Resolution": {"value": "999"},
                    "Start": 10,
                    "End": 12,
                }
            ],
        },
    ]
    (folder / "NumberModel.json").write_text(json.dumps(cases), encoding="utf-8")
    row = evaluate_recognizers(tmp_path, nlp)["files"]["NumberModel"]
    assert (row["results"], row["right"], row["negatives"], row["kept"]) == (3, 2, 1, 1)
    assert row["share"] == round(2 / 3, 3)
