"""Score the quotes stage against annotated articles: detection, kind, speaker, anonymity.

Gold files (JSON Lines, under `evals/quotes/`): each line is an article given by its `text`, by
a `source` path that storyledger ingests, or by a `seed` file name in the shared seed folder,
with `quotes` (direct and partial: `quote` text or `start`/`end`, `kind`, `speaker`,
`anonymous`) and `indirect` (`content` text or offsets, `speaker`, `anonymous`). A predicted and
a gold span match when they overlap by at least half of the shorter one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.compare.actors import resolve_actors
from storyledger.ingest import IngestOptions, read_inputs
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
    pairs = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                article = _article(entry, shared)
                pairs.append((article, _golds(entry, article.text)))
    return pairs


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


def data_hash(folder: Path) -> str:
    """A hash of the gold files, pinned with the floors so that a floor goes with its data."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


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
    for gold in golds:
        best = max(unmatched, key=lambda q: _overlap(gold, q), default=None)
        if best is None or _overlap(gold, best) < MIN_OVERLAP:
            tally.false_neg += 1
            tally.misses.append(f"missed: {article.text[gold.start : gold.end][:70]!r}")
            continue
        unmatched.remove(best)
        tally.true_pos += 1
        tally.kind_right += gold.kind == best.kind or gold.cls == "indirect"
        tally.anonymous_right += gold.anonymous == best.anonymous
        if gold.speaker and speaker_matches(gold.speaker, best, actor_for(best)):
            tally.speaker_right += 1
        else:
            tally.misses.append(
                f"speaker: {best.text[:50]!r} gold {gold.speaker!r} got "
                f"{best.speaker!r} -> {best.speaker_resolved!r}"
            )
    tally.false_pos += len(unmatched)
    tally.misses += [f"extra: {q.kind} {q.text[:70]!r} ({q.speaker!r})" for q in unmatched]


def _overlap(gold: Gold, quote: Quote) -> float:
    shared = min(gold.end, quote.end) - max(gold.start, quote.start)
    shorter = min(gold.end - gold.start, quote.end - quote.start) or 1
    return max(0, shared) / shorter


def _norm(value: str) -> str:
    value = value.replace("’", "'").casefold().strip()
    value = "".join(char for char in value if char not in '"“”‘')
    value = _LEADING.sub("", value)
    value = re.sub(r"'s$", "", value)
    return " ".join(value.replace(",", " ").split())


def _article(entry: dict[str, Any], shared: Path) -> Article:
    if "text" in entry:
        return Article(id=Article.id_for(entry["text"]), text=entry["text"], source=entry["id"])
    source = entry.get("source") or str(shared / "seeds" / entry["seed"])
    path, _, record = (
        source.rpartition(":")
        if source.endswith(tuple("0123456789")) and (":" in source)
        else (source, "", "")
    )
    found = [a for a in read_inputs([path], IngestOptions()) if isinstance(a, Article)]
    if record:
        return found[int(record) - 1]
    return found[0]


def _golds(entry: dict[str, Any], text: str) -> list[Gold]:
    golds: list[Gold] = []
    used: set[tuple[int, int]] = set()
    for cls, key, items in (
        ("quote", "quote", entry.get("quotes", [])),
        ("indirect", "content", entry.get("indirect", [])),
    ):
        for item in items:
            start, end = _locate(item, key, text, used)
            golds.append(
                Gold(
                    start,
                    end,
                    cls,
                    item.get("kind", "indirect"),
                    item.get("speaker"),
                    bool(item.get("anonymous", False)),
                )
            )
    return golds


def _locate(
    item: dict[str, Any], key: str, text: str, used: set[tuple[int, int]]
) -> tuple[int, int]:
    if "start" in item:
        start, end = item["start"], item["end"]
        digest = hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[:10]
        if digest != item["sha1"]:
            raise ValueError(f"gold span {start}..{end} no longer matches its text")
        return start, end
    wanted = item[key]
    position = text.find(wanted)
    while position >= 0 and (position, len(wanted)) in used:
        position = text.find(wanted, position + 1)
    if position < 0:
        raise ValueError(f"gold text not in its article: {wanted[:60]!r}")
    used.add((position, len(wanted)))
    return position, position + len(wanted)


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
