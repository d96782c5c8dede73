"""Score the events stage on the held-out real news sentences (`evals/events/heldout/`).

Each line names an article of a shared corpus (ECB+ or MEANTIME: `corpus`, its `articles.jsonl`
record `line`, storyledger's article id), one sentence in it by offsets and a hash of its text,
and the PLOVER 2.0 events coded in that sentence by hand, in the shape of the PLOVER gold
standard records. The whole article is analysed, and the events whose trigger lies in the
sentence are scored against its gold with the GSR's scorer (`plover_gsr.score_coded`: lenient
actor and recipient names, precision, recall, type macro-F1). The held-out set keeps only the
totals, never the per-event errors; the dev set of the same kind (`evals/events/dev/`) is loaded
and scored the same way and keeps its errors and the count of misses by cause.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.errors import REAL_GOLD_SPAN, StoryledgerError
from storyledger.evaluation.corpus import annotated_articles
from storyledger.evaluation.gold import span_sha1
from storyledger.evaluation.plover_gsr import country_names, score_coded
from storyledger.model import Article, Event
from storyledger.pipeline import analyse


@dataclass(frozen=True, slots=True)
class HeldoutSentence:
    """One coded sentence: its article, its span in the article, its gold events."""

    id: str
    article: Article
    start: int
    end: int
    events: tuple[dict[str, Any], ...]


def load_heldout(path: Path, shared: Path) -> list[HeldoutSentence]:
    """The coded sentences of `path`, read from the shared corpora, spans checked."""
    sentences = []
    for entry, article in annotated_articles(path, shared):
        start, end = entry["start"], entry["end"]
        if end > len(article.text) or span_sha1(article.text, start, end) != entry["sha1"]:
            raise StoryledgerError(REAL_GOLD_SPAN.format(id=entry["id"], start=start, end=end))
        sentences.append(HeldoutSentence(entry["id"], article, start, end, tuple(entry["events"])))
    return sentences


def in_sentence(sentence: HeldoutSentence, events: Iterable[Event]) -> list[Event]:
    """The events whose trigger (else the event's own span) starts inside the sentence."""
    found = []
    for event in events:
        at = event.trigger_start if event.trigger_start is not None else event.start
        if sentence.start <= at < sentence.end:
            found.append(event)
    return found


def score_heldout(
    sentences: Sequence[HeldoutSentence],
    events: Mapping[str, Sequence[Event]],
    names: dict[str, str],
    *,
    errors: bool = False,
) -> dict[str, Any]:
    """The totals of the GSR scorer over the sentences, given each article's events by id; with
    `errors` (the dev set, never the held-out one) also each error and the misses by cause."""
    coded = (
        (s.id, list(s.events), in_sentence(s, events.get(s.article.id, ()))) for s in sentences
    )
    results = score_coded(coded, names)
    if not errors:
        results.pop("errors")
        results.pop("causes")
    return {"sentences": len(sentences), **results}


def evaluate_heldout(
    sentences: Sequence[HeldoutSentence], countries: Path, nlp: Language, *, errors: bool = False
) -> dict[str, Any]:
    """Analyse each article once and score the events of its coded sentences."""
    articles = list({s.article.id: s.article for s in sentences}.values())
    events = {a.article.id: list(a.get("events")) for a in analyse(articles, nlp)}
    return score_heldout(sentences, events, country_names(countries), errors=errors)


def format_table(results: dict[str, Any], *, part: str = "held-out") -> list[str]:
    """The totals as text lines, after a blank one; for the dev set (`part="dev"`) then the
    misses by cause and every error."""
    keys = ("gold", "found", "matched", "precision", "recall", "type_macro_f1", "pairs_found")
    lines = [
        "",
        f"events, {part} real news ({results['sentences']} ECB+ and MEANTIME sentences coded"
        " by hand; ECB+ CC BY 3.0, Cybulska and Vossen 2014; MEANTIME CC BY 4.0"
        + ("; totals only)" if "errors" not in results else ")"),
        "  " + "  ".join(f"{key}={results[key]}" for key in keys),
    ]
    if "errors" in results:
        causes = "  ".join(f"{cause}={n}" for cause, n in results["causes"].items())
        lines += [f"  misses by cause: {causes or 'none'}"]
        lines += [f"  {error}" for error in results["errors"]]
    return lines
