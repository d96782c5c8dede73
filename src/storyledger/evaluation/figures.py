"""Score the figures stage: value F1, value+qualifier F1, and on casualty-style figures the
thing counted and who reports it; plus an outside check on MEANTIME's VALUE mentions.

Gold files (`evals/figures/*.jsonl`): articles as for quotes, each with `figures`: `text` or
offsets, `value`, `low`, `high`, `qualifier`, `counted`, `measure`, `attributed_to`, and
`casualty` (a count of people or things harmed, displaced or at risk).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation import gold
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article, Figure
from storyledger.pipeline import analyse

MIN_OVERLAP = 0.5
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
_TOLERANCE = 0.005


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """One annotated figure."""

    start: int
    end: int
    item: dict[str, Any]


def load_gold(folder: Path, shared: Path) -> list[tuple[Article, list[GoldFigure]]]:
    """Every annotated article of the gold files in `folder`."""
    pairs = []
    for entry, article in gold.entries(folder, shared):
        used: set[tuple[int, int]] = set()
        figures = [
            GoldFigure(*gold.locate(item, "text", article.text, used), item)
            for item in entry.get("figures", [])
        ]
        pairs.append((article, figures))
    return pairs


def evaluate(pairs: list[tuple[Article, list[GoldFigure]]], nlp: Language) -> dict[str, Any]:
    """Run the pipeline on the gold articles and score its figures."""
    counts = dict.fromkeys(
        ("gold", "found", "span", "value", "value_qualifier", "casualty", "counted", "attributed"),
        0,
    )
    errors: list[str] = []
    for (article, golds), analysis in zip(pairs, analyse([a for a, _ in pairs], nlp), strict=True):
        predicted = list(analysis.get("figures"))
        counts["gold"] += len(golds)
        counts["found"] += len(predicted)
        for item in golds:
            best = max(predicted, key=lambda f: _overlap(item, f), default=None)
            if best is None or _overlap(item, best) < MIN_OVERLAP:
                errors.append(f"missed: {article.text[item.start : item.end]!r}")
                continue
            predicted.remove(best)
            _score_match(item, best, counts, errors)
        errors += [f"extra: {f.text!r} ({f.qualifier})" for f in predicted]
    return {"articles": len(pairs), **_rates(counts), "errors": errors}


def _score_match(
    item: GoldFigure, figure: Figure, counts: dict[str, int], errors: list[str]
) -> None:
    wanted = item.item
    counts["span"] += 1
    value_right = _same_number(wanted) == _same_number(
        {
            "value": figure.value,
            "low": figure.low,
            "high": figure.high,
            "qualifier": figure.qualifier,
        }
    )
    counts["value"] += value_right
    counts["value_qualifier"] += value_right and wanted["qualifier"] == figure.qualifier
    if not (value_right and wanted["qualifier"] == figure.qualifier):
        errors.append(
            f"value: {figure.text!r} gold {wanted['value']} {wanted['qualifier']} "
            f"got {figure.value} {figure.qualifier}"
        )
    if wanted.get("casualty"):
        counts["casualty"] += 1
        counted_right = gold.same_phrase(wanted.get("counted"), figure.counted)
        attributed_right = gold.same_phrase(wanted.get("attributed_to"), figure.attributed_to)
        counts["counted"] += counted_right
        counts["attributed"] += attributed_right
        if not counted_right or not attributed_right:
            errors.append(
                f"casualty: {figure.text!r} counted {figure.counted!r} (gold "
                f"{wanted.get('counted')!r}), by {figure.attributed_to!r} (gold "
                f"{wanted.get('attributed_to')!r})"
            )


def _same_number(item: dict[str, Any]) -> tuple:
    """The number a figure states: its value, or for ranges and vague amounts its bounds."""
    if item["qualifier"] in ("range", "vague") or item.get("value") is None:
        return ("bounds", _round(item.get("low")), _round(item.get("high")))
    return ("value", _round(item["value"]))


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)


def _overlap(item: GoldFigure, figure: Figure) -> float:
    return gold.overlap((item.start, item.end), (figure.start, figure.end))


def _rates(counts: dict[str, int]) -> dict[str, Any]:
    def f1(right: int) -> float:
        precision = right / counts["found"] if counts["found"] else 1.0
        recall = right / counts["gold"] if counts["gold"] else 1.0
        return round(2 * precision * recall / (precision + recall), 3) if right else 0.0

    casualty = counts["casualty"] or 1
    return {
        "gold": counts["gold"],
        "found": counts["found"],
        "matched": counts["span"],
        "span_f1": f1(counts["span"]),
        "value_f1": f1(counts["value"]),
        "value_qualifier_f1": f1(counts["value_qualifier"]),
        "casualty_figures": counts["casualty"],
        "counted_accuracy": round(counts["counted"] / casualty, 3),
        "attributed_accuracy": round(counts["attributed"] / casualty, 3),
    }


def evaluate_meantime_values(corpus: Path, nlp: Language) -> dict[str, Any]:
    """Detection against MEANTIME's VALUE mentions (money, percent, quantity) in its densely
    annotated sentences: recall of those mentions, and precision of our figures there."""
    articles = [
        a
        for a in read_inputs([corpus / "articles.jsonl"], IngestOptions())
        if isinstance(a, Article)
    ]
    entries = [json.loads(line) for line in (corpus / "gold.jsonl").open(encoding="utf-8")]
    gold_total = found = ours = ours_right = durations = 0
    for _article, entry, analysis in zip(articles, entries, analyse(articles, nlp), strict=True):
        text_mentions = [m for m in entry["mentions"] if m.get("field") == "text"]
        dense = set(entry["dense_annotation_sentences"])
        dense_end = max((m["end"] for m in text_mentions if m.get("sentence") in dense), default=0)
        values = [
            (m["start"], m["end"])
            for m in text_mentions
            if m["kind"] == "VALUE" and m["end"] <= dense_end
        ]
        kept = [f for f in analysis.get("figures") if f.end <= dense_end]
        durations += sum(f.unit in _TIME_UNITS for f in kept)
        figures = [(f.start, f.end) for f in kept]
        gold_total += len(values)
        found += sum(any(gold.overlap(v, f) >= MIN_OVERLAP for f in figures) for v in values)
        ours += len(figures)
        ours_right += sum(any(gold.overlap(v, f) >= MIN_OVERLAP for v in values) for f in figures)
    return {
        "articles": len(articles),
        "values": gold_total,
        "found": found,
        "recall": round(found / gold_total, 3) if gold_total else None,
        "figures": ours,
        "precision": round(ours_right / ours, 3) if ours else None,
        "precision_without_durations": (
            round(ours_right / (ours - durations), 3) if ours > durations else None
        ),
    }


def format_table(results: dict[str, Any], title: str) -> list[str]:
    """The scores as text lines."""
    keys = (
        "gold",
        "found",
        "span_f1",
        "value_f1",
        "value_qualifier_f1",
        "casualty_figures",
        "counted_accuracy",
        "attributed_accuracy",
    )
    return [
        f"{title} ({results['articles']} annotated articles)",
        "  " + "  ".join(f"{key}={results[key]}" for key in keys),
    ]
