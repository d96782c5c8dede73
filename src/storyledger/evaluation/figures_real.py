"""Score the figures stage on real news sentences annotated by hand (`evals/figures/real/`).

Each line names a sentence of a shared corpus (`corpus`, its `articles.jsonl` record `line`,
storyledger's article id, the sentence's offsets and a hash of its text) and lists every figure
in it: offsets and hash, `value`, `low`, `high`, `qualifier` and `unit`. The set has a
development part (`dev`, ECB+), two held-out parts of MEANTIME (`heldout`, annotated before
the round-3 rules; `heldout2`, other articles annotated after them) and a held-out part of
other ECB+ articles (`heldout3`, annotated before the round-4 rules), scored apart.

The whole article is analysed and the figures inside the sentence are kept. A figure matches a
gold one when they overlap by half of the shorter span (one to one, the closest first). Its
value is right when it states the same number (the value, or a range's or vague amount's
bounds, to three decimals); value+bound also needs the same qualifier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.errors import REAL_GOLD_SPAN, StoryledgerError
from storyledger.evaluation.corpus import annotated_articles
from storyledger.evaluation.figures import MIN_OVERLAP
from storyledger.evaluation.gold import pair_spans, span_sha1
from storyledger.model import Article, Figure
from storyledger.pipeline import analyse

PARTS = ("dev", "heldout", "heldout2", "heldout3")
_LABELS = {
    "dev": "ecbplus",
    "heldout": "meantime",
    "heldout2": "meantime, annotated after the rules",
    "heldout3": "ecbplus, other articles: sport, health, disasters, politics",
}


@dataclass(frozen=True, slots=True)
class RealSentence:
    """One annotated sentence: where it is and the figures in it."""

    id: str
    part: str
    start: int
    end: int
    figures: tuple[dict[str, Any], ...]


def load_real(path: Path, shared: Path) -> list[tuple[Article, list[RealSentence]]]:
    """The annotated sentences of `path` grouped by article, read from the shared corpora, every
    span checked against its hash."""
    grouped: dict[str, tuple[Article, list[RealSentence]]] = {}
    for entry, article in annotated_articles(path, shared):
        for item in (entry, *entry["figures"]):
            _check(entry["id"], item, article.text)
        sentence = RealSentence(
            entry["id"], entry["part"], entry["start"], entry["end"], tuple(entry["figures"])
        )
        grouped.setdefault(article.id, (article, []))[1].append(sentence)
    return list(grouped.values())


def evaluate_real(
    pairs: Sequence[tuple[Article, list[RealSentence]]], nlp: Language
) -> dict[str, Any]:
    """Run the pipeline on the articles and score the figures of the annotated sentences, per
    part; `errors` lists every figure missed, extra, or with a wrong value or bound."""
    counts = {
        part: dict.fromkeys(("gold", "found", "span", "value", "bound", "unit"), 0)
        for part in PARTS
    }
    errors: list[str] = []
    for (article, sentences), analysis in zip(
        pairs, analyse([a for a, _ in pairs], nlp), strict=True
    ):
        figures = list(analysis.get("figures"))
        for sentence in sentences:
            inside = [f for f in figures if f.start < sentence.end and f.end > sentence.start]
            score_sentence(article.text, sentence, inside, counts[sentence.part], errors)
    results: dict[str, Any] = {part: _rates(counts[part]) for part in PARTS}
    results["sentences"] = sum(len(s) for _, s in pairs)
    results["articles"] = len(pairs)
    results["errors"] = errors
    return results


def score_sentence(
    text: str,
    sentence: RealSentence,
    predicted: list[Figure],
    counts: dict[str, int],
    errors: list[str],
) -> None:
    where = f"{sentence.part} {sentence.id}"
    counts["gold"] += len(sentence.figures)
    counts["found"] += len(predicted)
    pairs = match(sentence.figures, predicted)
    for item, figure in pairs:
        counts["span"] += 1
        value_right = same_number(item, figure)
        bound_right = value_right and item["qualifier"] == figure.qualifier
        counts["value"] += value_right
        counts["bound"] += bound_right
        counts["unit"] += (item.get("unit") or None) == figure.unit
        if not bound_right:
            errors.append(
                f"{where}: value {figure.text!r}: gold {_shown(item)} got {_shown(_fields(figure))}"
            )
    matched = {id(f) for _, f in pairs}
    matched_gold = {id(i) for i, _ in pairs}
    errors += [
        f"{where}: missed {text[item['start'] : item['end']]!r} ({_shown(item)})"
        for item in sentence.figures
        if id(item) not in matched_gold
    ]
    errors += [
        f"{where}: extra {f.text!r} ({_shown(_fields(f))})"
        for f in predicted
        if id(f) not in matched
    ]


def match(
    golds: Sequence[dict[str, Any]], predicted: Sequence[Figure]
) -> list[tuple[dict[str, Any], Figure]]:
    """One-to-one pairs overlapping by half the shorter span or more, the closest first."""
    spans = [(figure.start, figure.end) for figure in predicted]
    chosen = pair_spans([(item["start"], item["end"]) for item in golds], spans, MIN_OVERLAP)
    return [(golds[i], predicted[j]) for i, j in chosen]


def same_number(item: dict[str, Any], figure: Figure) -> bool:
    """The figure states the gold number: its value, or for a range or a vague amount (or a
    figure with no value) its bounds, to three decimals."""
    if item["qualifier"] in ("range", "vague") or item.get("value") is None:
        wanted = (_round(item.get("low")), _round(item.get("high")))
        return wanted == (_round(figure.low), _round(figure.high)) and figure.value is None
    return _round(item["value"]) == _round(figure.value)


def format_table(row: dict[str, Any]) -> list[str]:
    """The real-news scores as text lines, after a blank one."""
    keys = (
        "gold",
        "found",
        "span_f1",
        "precision",
        "recall",
        "value_f1",
        "value_bound_f1",
        "unit_accuracy",
    )
    return [
        "",
        f"figures, real news sentences annotated by hand ({row['sentences']} sentences of"
        f" {row['articles']} articles: ECB+ dev and heldout3, CC BY 3.0; MEANTIME held out,"
        " CC BY 4.0)",
        *(
            f"  {part} ({_LABELS[part]}): " + "  ".join(f"{key}={row[part][key]}" for key in keys)
            for part in PARTS
        ),
    ]


def _rates(counts: dict[str, int]) -> dict[str, Any]:
    def f1(right: int) -> float:
        precision = right / counts["found"] if counts["found"] else 1.0
        recall = right / counts["gold"] if counts["gold"] else 1.0
        return round(2 * precision * recall / (precision + recall), 3) if right else 0.0

    return {
        "gold": counts["gold"],
        "found": counts["found"],
        "matched": counts["span"],
        "span_f1": f1(counts["span"]),
        "precision": round(counts["value"] / counts["found"], 3) if counts["found"] else None,
        "recall": round(counts["value"] / counts["gold"], 3) if counts["gold"] else None,
        "value_f1": f1(counts["value"]),
        "value_bound_f1": f1(counts["bound"]),
        "unit_accuracy": round(counts["unit"] / counts["span"], 3) if counts["span"] else None,
    }


def _round(value: float | str | None) -> Decimal | None:
    return None if value is None else round(Decimal(str(value)), 3)


def _fields(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
    }


def _shown(item: dict[str, Any]) -> str:
    if item["qualifier"] in ("range", "vague") or item.get("value") is None:
        number = f"{item.get('low')}..{item.get('high')}"
    else:
        number = str(item["value"])
    return f"{number} {item['qualifier']} {item.get('unit')}"


def _check(entry: str, item: dict[str, Any], text: str) -> None:
    start, end = item["start"], item["end"]
    if span_sha1(text, start, end) != item["sha1"]:
        raise StoryledgerError(REAL_GOLD_SPAN.format(id=entry, start=start, end=end))
