"""Score the framing stage: loaded terms in the outlet's own voice, and quotes kept apart.

- `evals/framing/sentences.jsonl`: sentences of our own writing, each with its loaded terms in
  the outlet's own voice (`loaded`), inside quotations (`quoted`) and given to someone else
  (`attributed`); neutral sentences with false friends ("give blood", "tax regime") are the
  negatives. Precision and recall are over own-voice terms, matched by overlapping spans.
- The seeds: the loaded terms per 1,000 words of each, the cited sources, and whether the
  measured article's loaded words are all inside quotations.
- MEANTIME (real news, neutral in style): every own-voice term the stage flags, and our
  judgement of each (`evals/framing/meantime_judged.jsonl`), giving precision on real news.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation.corpus import corpus_articles
from storyledger.evaluation.gold import overlap
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.ingest.sidecar import load_sidecar
from storyledger.model import Article, Framing
from storyledger.pipeline import analyse


def _framings(articles: list[Article], nlp: Language) -> list[Framing]:
    return [analysis.get("framing")[0] for analysis in analyse(articles, nlp)]


def evaluate(folder: Path, nlp: Language) -> dict[str, Any]:
    """Own-voice loaded terms: precision, recall; quoted and attributed terms kept apart."""
    entries = [
        json.loads(line)
        for line in (folder / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles = [
        Article(id=Article.id_for(e["text"]), text=e["text"], source=e["id"]) for e in entries
    ]
    gold_total = found_total = right = caught = others = kept_apart = 0
    errors = []
    for entry, framing in zip(entries, _framings(articles, nlp), strict=True):
        text = entry["text"]
        gold = [_span(text, term) for term in entry["loaded"]]
        own = [t for t in framing.loaded_terms if t.own_voice]
        gold_total += len(gold)
        found_total += len(own)
        for term in own:
            if any(overlap((term.start, term.end), g) > 0 for g in gold):
                right += 1
            else:
                errors.append(f"{entry['id']}: {term.text!r} is not loaded in the outlet's voice")
        for span in gold:
            if any(overlap((t.start, t.end), span) > 0 for t in own):
                caught += 1
            else:
                errors.append(f"{entry['id']}: missed {text[span[0] : span[1]]!r}")
        for word in entry["quoted"] + entry["attributed"]:
            span = _span(text, word)
            flagged = [t for t in framing.loaded_terms if overlap((t.start, t.end), span) > 0]
            others += bool(flagged)
            kept_apart += bool(flagged) and not any(t.own_voice for t in flagged)
    precision = right / found_total if found_total else None
    recall = caught / gold_total if gold_total else None
    return {
        "sentences": len(entries),
        "gold_own_voice": gold_total,
        "found_own_voice": found_total,
        "precision": _round(precision),
        "recall": _round(recall),
        "quoted_or_attributed_found": others,
        "kept_apart": _round(kept_apart / others if others else None),
        "errors": errors,
    }


def evaluate_seeds(shared: Path, nlp: Language) -> dict[str, Any]:
    """The two seeds: the opinionated one against the measured one."""
    folder = shared / "seeds"
    options = IngestOptions(sidecar=load_sidecar(folder / "meta.json"))
    articles = [a for a in read_inputs([folder], options) if isinstance(a, Article)]
    profiles = sorted(_framings(articles, nlp), key=lambda f: f.loaded_per_1000)
    measured, opinionated = profiles[0], profiles[-1]
    return {
        "articles": len(profiles),
        "measured_per_1000": measured.loaded_per_1000,
        "opinionated_per_1000": opinionated.loaded_per_1000,
        "ratio_at_least_3": opinionated.loaded_per_1000 >= 3 * measured.loaded_per_1000,
        "opinionated_cited_sources": len(opinionated.cited_sources),
        "measured_loaded_all_in_quote": all(t.in_quote for t in measured.loaded_terms),
        "measured_loaded_terms": len(measured.loaded_terms),
    }


def evaluate_meantime(corpus: Path, judged_path: Path, nlp: Language) -> dict[str, Any]:
    """Own-voice loaded terms the stage flags in MEANTIME, and how many we judged right."""
    items = corpus_articles(corpus)
    articles = [item.article for item in items]
    judged = {
        (row["article"], row["start"], row["end"]): row["loaded_own_voice"]
        for row in map(json.loads, judged_path.read_text(encoding="utf-8").splitlines())
    }
    words = flagged = judged_right = judged_total = 0
    unjudged = []
    for item, framing in zip(items, _framings(articles, nlp), strict=True):
        words += framing.words
        name = item.name
        for term in framing.loaded_terms:
            if not term.own_voice:
                continue
            flagged += 1
            key = (name, term.start, term.end)
            if key in judged:
                judged_total += 1
                judged_right += judged[key]
            else:
                unjudged.append(f"{name}:{term.start}-{term.end} {term.text!r}")
    return {
        "articles": len(articles),
        "words": words,
        "flagged": flagged,
        "per_1000": round(1000 * flagged / words, 2) if words else 0.0,
        "judged": judged_total,
        "precision": _round(judged_right / judged_total if judged_total else None),
        "unjudged": unjudged,
    }


def format_table(results: dict[str, Any]) -> list[str]:
    """The scores as printed lines."""
    row = results["sentences"]
    lines = [
        "framing, annotated sentences (evals/framing: our own writing, negatives included)",
        f"  sentences={row['sentences']}  gold_own_voice={row['gold_own_voice']}  "
        f"found={row['found_own_voice']}  precision={row['precision']}  recall={row['recall']}  "
        f"quoted_or_attributed_found={row['quoted_or_attributed_found']}  "
        f"kept_apart={row['kept_apart']}",
    ]
    lines += [f"    {error}" for error in row["errors"]]
    return lines


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
