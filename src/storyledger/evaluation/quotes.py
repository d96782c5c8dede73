"""Score the quotes stage against annotated articles: detection, kind, speaker, anonymity.

Gold files (JSON Lines, under `evals/quotes/`): each line is an article given by its `text`, by
a `source` path that storyledger ingests, or by a `seed` file name in the shared seed folder,
with `quotes` (direct and partial: `quote` text or `start`/`end`, `kind`, `speaker`,
`anonymous`) and `indirect` (`content` text or offsets, `speaker`, `anonymous`). A predicted and
a gold span match when they overlap by at least half of the shorter one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.compare.actors import resolve_actors
from storyledger.evaluation import gold
from storyledger.model import Actor, Article, Quote
from storyledger.pipeline import analyse

MIN_OVERLAP = 0.5
_LEADING = re.compile(r"^(?:a|an|the|one|another|two|three|some|several|other)\s+")


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated quote (class `quote` for direct and partial, or `indirect`)."""

    start: int
    end: int
    cls: str
    kind: str
    speaker: str | None
    anonymous: bool


@dataclass(slots=True)
class Tally:
    """Counts for one class of speech."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    speaker_right: int = 0
    anonymous_right: int = 0
    kind_right: int = 0
    misses: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float | int]:
        """Precision, recall, F1 and the accuracies over matched quotes."""
        found = self.true_pos + self.false_pos
        gold = self.true_pos + self.false_neg
        precision = self.true_pos / found if found else 1.0
        recall = self.true_pos / gold if gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        matched = self.true_pos or 1
        return {
            "gold": gold,
            "found": found,
            "matched": self.true_pos,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "speaker_accuracy": round(self.speaker_right / matched, 3),
            "anonymous_accuracy": round(self.anonymous_right / matched, 3),
            "kind_accuracy": round(self.kind_right / matched, 3),
        }


def load_gold(folder: Path, shared: Path) -> list[tuple[Article, list[Gold]]]:
    """Every annotated article of the gold files in `folder`."""
    return [
        (article, _golds(entry, article.text)) for entry, article in gold.entries(folder, shared)
    ]


def evaluate(pairs: Sequence[tuple[Article, list[Gold]]], nlp: Language) -> dict[str, Any]:
    """Run the pipeline on the gold articles and score its quotes."""
    analyses = list(analyse([article for article, _ in pairs], nlp))
    actors, linked = resolve_actors(m for a in analyses for m in a.get("mentions"))
    actor_of_mention = {m.id: m.actor_id for m in linked}
    actors_by_id = {actor.id: actor for actor in actors}
    tallies = {"quote": Tally(), "indirect": Tally()}
    for (article, golds), analysis in zip(pairs, analyses, strict=True):
        for cls, tally in tallies.items():
            predicted = [
                q for q in analysis.get("quotes") if (q.kind == "indirect") == (cls == "indirect")
            ]
            _score(
                article,
                [g for g in golds if g.cls == cls],
                predicted,
                tally,
                lambda q: actors_by_id.get(actor_of_mention.get(q.speaker_mention or "")),
            )
    return {
        "articles": len(pairs),
        "direct_and_partial": tallies["quote"].scores(),
        "indirect": tallies["indirect"].scores(),
        "errors": {cls: tally.misses for cls, tally in tallies.items()},
    }


data_hash = gold.data_hash


def speaker_matches(gold: str, quote: Quote, actor: Actor | None) -> bool:
    """The gold speaker is the resolved actor, the resolved phrase or the phrase as written."""
    wanted = _norm(gold)
    candidates = [quote.speaker, quote.speaker_resolved]
    if actor is not None:
        candidates += [actor.name, *actor.aliases]
    for candidate in filter(None, candidates):
        have = _norm(candidate)
        if wanted == have or (len(wanted.split()) > 1 and f" {wanted} " in f" {have} "):
            return True
    return False


def _score(
    article: Article, golds: list[Gold], predicted: list[Quote], tally: Tally, actor_for: Any
) -> None:
    unmatched = list(predicted)
    for item in golds:
        best = max(unmatched, key=lambda q: _overlap(item, q), default=None)
        if best is None or _overlap(item, best) < MIN_OVERLAP:
            tally.false_neg += 1
            tally.misses.append(f"missed: {article.text[item.start : item.end][:70]!r}")
            continue
        unmatched.remove(best)
        tally.true_pos += 1
        tally.kind_right += item.kind == best.kind or item.cls == "indirect"
        tally.anonymous_right += item.anonymous == best.anonymous
        if item.speaker and speaker_matches(item.speaker, best, actor_for(best)):
            tally.speaker_right += 1
        else:
            tally.misses.append(
                f"speaker: {best.text[:50]!r} item {item.speaker!r} got "
                f"{best.speaker!r} -> {best.speaker_resolved!r}"
            )
    tally.false_pos += len(unmatched)
    tally.misses += [f"extra: {q.kind} {q.text[:70]!r} ({q.speaker!r})" for q in unmatched]


def _overlap(item: Gold, quote: Quote) -> float:
    return gold.overlap((item.start, item.end), (quote.start, quote.end))


def _norm(value: str) -> str:
    value = value.replace("’", "'").casefold().strip()
    value = "".join(char for char in value if char not in '"“”‘')
    value = _LEADING.sub("", value)
    value = re.sub(r"'s$", "", value)
    return " ".join(value.replace(",", " ").split())


def _golds(entry: dict[str, Any], text: str) -> list[Gold]:
    found: list[Gold] = []
    used: set[tuple[int, int]] = set()
    for cls, key, items in (
        ("quote", "quote", entry.get("quotes", [])),
        ("indirect", "content", entry.get("indirect", [])),
    ):
        for item in items:
            start, end = gold.locate(item, key, text, used)
            found.append(
                Gold(
                    start,
                    end,
                    cls,
                    item.get("kind", "indirect"),
                    item.get("speaker"),
                    bool(item.get("anonymous", False)),
                )
            )
    return found


def format_table(results: dict[str, Any], title: str) -> Iterable[str]:
    """The scores as text lines."""
    columns = {
        "gold": "gold",
        "found": "found",
        "precision": "P",
        "recall": "R",
        "f1": "F1",
        "speaker_accuracy": "speaker",
        "anonymous_accuracy": "anonymous",
        "kind_accuracy": "kind",
    }
    yield f"{title} ({results['articles']} annotated articles)"
    yield f"{'class':<20}" + "".join(f"{label:>10}" for label in columns.values())
    for cls in ("direct_and_partial", "indirect"):
        row = results[cls]
        yield f"{cls:<20}" + "".join(f"{row[name]:>10}" for name in columns)
