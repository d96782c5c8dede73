"""Score the figures stage on Microsoft Recognizers-Text's English number and unit specs.

Each spec file (`shared/corpora/recognizers-text/{Number,NumberWithUnit}/*.json`, MIT) lists
inputs with the quantities a recogniser must find and their resolved values. An expected result
is right when a figure overlaps its span (by at least half of the shorter) with the same value
(ranges: the same bounds) and, for money, percentages, measures, ages and temperatures, the same
unit. Ordinals and bare unit words (no value) are right when no figure overlaps them. A case
with no result is kept when it yields no figure of the file's kind (a currency spec's "All 70 of
us" may hold a count, not money). Figures of the file's kind that match nothing are extras.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation import gold
from storyledger.evaluation.figures import MIN_OVERLAP
from storyledger.evaluation.recognizers_units import expected_unit, figure_kind
from storyledger.model import Article, Figure
from storyledger.pipeline import analyse

FILES = (
    "Number/NumberModel.json",
    "Number/NumberRangeModel.json",
    "Number/PercentModel.json",
    "Number/OrdinalModel.json",
    "NumberWithUnit/CurrencyModel.json",
    "NumberWithUnit/DimensionModel.json",
    "NumberWithUnit/AgeModel.json",
    "NumberWithUnit/TemperatureModel.json",
)
_KIND = {
    "NumberModel": "number",
    "NumberRangeModel": "range",
    "PercentModel": "percentage",
    "OrdinalModel": "any",
    "CurrencyModel": "currency",
    "DimensionModel": "dimension",
    "AgeModel": "age",
    "TemperatureModel": "temperature",
}
_INTERVAL = re.compile(r"^[\[(]([^,]*),([^\])]*)[\])]$")


def evaluate_recognizers(folder: Path, nlp: Language) -> dict[str, Any]:
    """Per spec file: results right (value and unit), negatives kept empty, and extras."""
    rows: dict[str, Any] = {}
    errors: list[str] = []
    for name in FILES:
        path = folder / name
        if path.exists():
            cases = json.loads(path.read_text(encoding="utf-8"))
            rows[path.stem] = _score_file(path.stem, cases, nlp, errors)
    totals = {k: sum(r[k] for r in rows.values()) for k in ("results", "right", "extra")}
    totals["share"] = round(totals["right"] / totals["results"], 3) if totals["results"] else None
    return {"files": rows, **totals, "errors": errors}


def _score_file(stem: str, cases: list[dict], nlp: Language, errors: list[str]) -> dict[str, Any]:
    kind = _KIND[stem]
    articles = [Article(id=Article.id_for(c["Input"]), text=c["Input"], source=stem) for c in cases]
    counts = dict.fromkeys(("results", "right", "negatives", "kept", "extra", "runnable"), 0)
    counts["runnable_right"] = 0
    for case, analysis in zip(cases, analyse(articles, nlp), strict=True):
        figures = list(analysis.get("figures"))
        runnable = "python" not in (
            case.get("NotSupported", "") + case.get("NotSupportedByDesign", "")
        )
        if not case["Results"]:
            counts["negatives"] += 1
            wrong = [f for f in figures if figure_kind(f) == kind or kind == "any"]
            counts["kept"] += not wrong
            errors += [f"{stem}: extra in negative {case['Input']!r}: {_show(f)}" for f in wrong]
            continue
        used: set[str] = set()
        for result in case["Results"]:
            right = _result_right(result, figures, used)
            counts["results"] += 1
            counts["right"] += right
            counts["runnable"] += runnable
            counts["runnable_right"] += right and runnable
            if not right:
                near = [_show(f) for f in figures if _overlap(result, f) > 0]
                errors.append(f"{stem}: {result['Text']!r} {result.get('Resolution')} got {near}")
        extras = [f for f in figures if f.id not in used and figure_kind(f) == kind]
        counts["extra"] += len(extras)
        errors += [f"{stem}: extra {_show(f)} in {case['Input']!r}" for f in extras]
    results = counts["results"] or 1
    return {
        **counts,
        "share": round(counts["right"] / results, 3),
        "runnable_share": round(counts["runnable_right"] / (counts["runnable"] or 1), 3),
    }


def _result_right(result: dict, figures: list[Figure], used: set[str]) -> bool:
    resolution = result.get("Resolution") or {}
    value = resolution.get("value")
    if result["TypeName"].startswith("ordinal") or value in (None, "null"):
        return not any(_overlap(result, f) > 0 for f in figures)  # not a figure
    best = max(figures, key=lambda f: _overlap(result, f), default=None)
    if best is None or _overlap(result, best) < MIN_OVERLAP:
        return False
    used.add(best.id)
    if result["TypeName"] == "numberrange":
        low, high = _interval(value)
        return _same(best.low, low) and _same(best.high, high)
    if result["TypeName"] == "percentage":
        return best.unit == "%" and _same(best.value, float(value.rstrip("%")))
    units, factor = expected_unit(result["TypeName"], resolution)
    unit_right = units is None or best.unit in units
    return unit_right and _same(best.value, float(value) * factor)


def _interval(value: str) -> tuple[float | None, float | None]:
    match = _INTERVAL.match(value.replace(" ", ""))
    if match is None:
        return None, None
    low, high = match.groups()
    return (float(low) if low else None), (float(high) if high else None)


def _same(got: float | None, wanted: float | None) -> bool:
    if got is None or wanted is None:
        return got is None and wanted is None
    return math.isclose(got, wanted, rel_tol=1e-9, abs_tol=1e-12)


def _overlap(result: dict, figure: Figure) -> float:
    return gold.overlap((result["Start"], result["End"] + 1), (figure.start, figure.end))


def _show(figure: Figure) -> str:
    return f"{figure.text!r}={figure.value} [{figure.low},{figure.high}] {figure.unit}"


def format_table(results: dict[str, Any]) -> list[str]:
    """The per-file shares as text lines."""
    lines = [
        "",
        "figures, Recognizers-Text English specs (Microsoft, MIT): value and unit right per file",
    ]
    for stem, row in results["files"].items():
        lines.append(
            f"  {stem:<18} results={row['results']:<4} right={row['right']:<4} "
            f"share={row['share']:<6} python_runnable_share={row['runnable_share']:<6} "
            f"negatives_kept={row['kept']}/{row['negatives']}  extra={row['extra']}"
        )
    lines.append(
        f"  all                results={results['results']} right={results['right']} "
        f"share={results['share']}  extra={results['extra']}"
    )
    return lines
