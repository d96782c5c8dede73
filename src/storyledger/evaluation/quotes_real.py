"""Score the quotes stage on real news annotated by hand (`evals/quotes/real/real.jsonl`).

Each line names an article of a shared corpus (`corpus`, its `articles.jsonl` record `line`
and storyledger's article id) and lists every quote in it: kind, offsets, and the speaker
resolved to a person or organisation, with the form the text gives it (`name`, `pronoun`,
`role`, or `none` for a quote paragraph that continues the previous speaker). The offsets are
checked against hashes of the spans before anything is scored.

A predicted quote and a gold one match when they overlap by at least half of the shorter span
(any kinds; pairs are matched one to one, the closest first). The speaker is right when the
gold name's last word is in the system's resolved speaker or its actor's canonical name, or
either name's words all lie in the other's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.compare.actors import resolve_actors
from storyledger.errors import REAL_GOLD_SPAN, StoryledgerError
from storyledger.evaluation.corpus import annotated_articles
from storyledger.evaluation.gold import pair_spans, span_sha1
from storyledger.evaluation.quotes import MIN_OVERLAP
from storyledger.model import Article, Quote
from storyledger.pipeline import analyse

FORMS = ("name", "pronoun", "role", "none")
KINDS = ("direct", "partial", "indirect")
_SKIP_WORDS = frozenset("a an the one another some".split())


@dataclass(frozen=True, slots=True)
class RealGold:
    """One annotated quote: its span and kind, and the resolved speaker with its form."""

    start: int
    end: int
    kind: str
    speaker: str
    speaker_form: str


def load_real(path: Path, shared: Path) -> list[tuple[Article, list[RealGold]]]:
    """The annotated articles of `path`, read from the shared corpora, spans checked."""
    return [
        (article, [_gold(entry["id"], item, article.text) for item in entry["quotes"]])
        for entry, article in annotated_articles(path, shared)
    ]


def evaluate_real(pairs: Sequence[tuple[Article, list[RealGold]]], nlp: Language) -> dict[str, Any]:
    """Run the pipeline on the annotated articles and score its quotes."""
    analyses = list(analyse([article for article, _ in pairs], nlp))
    actors, linked = resolve_actors(m for a in analyses for m in a.get("mentions"))
    names = {actor.id: actor.name for actor in actors}
    actor_of = {mention.id: mention.actor_id for mention in linked}
    items = [(golds, list(a.get("quotes"))) for (_, golds), a in zip(pairs, analyses, strict=True)]
    corpora = [Path(article.source.rpartition(":")[0]).parent.name for article, _ in pairs]

    def actor_name(quote: Quote) -> str | None:
        return names.get(actor_of.get(quote.speaker_mention or "", ""))

    results = score_real(items, actor_name)
    results["articles"] = len(pairs)
    results["by_corpus"] = {}
    for corpus in sorted(set(corpora)):
        part = score_real(
            [i for i, c in zip(items, corpora, strict=True) if c == corpus], actor_name
        )
        keys = (
            "gold",
            "precision",
            "recall",
            "f1",
            "direct_recall",
            "speaker_accuracy",
            "pronoun_speaker_accuracy",
        )
        results["by_corpus"][corpus] = {key: part[key] for key in keys}
    results["errors"] = [
        error
        for (article, _), (golds, predicted) in zip(pairs, items, strict=True)
        for error in errors(article, golds, predicted, actor_name)
    ]
    return results


def errors(
    article: Article,
    golds: Sequence[RealGold],
    predicted: Sequence[Quote],
    actor_name: Callable[[Quote], str | None],
) -> list[str]:
    """What went wrong in one article: quotes missed, extra ones, and wrong speakers."""
    pairs = match(golds, predicted)
    matched_gold = {id(item) for item, _ in pairs}
    matched_quotes = {id(quote) for _, quote in pairs}
    path, _, line = article.source.rpartition(":")
    where = f"{Path(path).parent.name}:{line}"
    found = [
        f"{where}: missed {item.kind} {article.text[item.start : item.end][:70]!r}"
        for item in golds
        if id(item) not in matched_gold
    ]
    found += [
        f"{where}: extra {quote.kind} {quote.text[:70]!r}"
        for quote in predicted
        if id(quote) not in matched_quotes
    ]
    for item, quote in pairs:
        got = (quote.speaker_resolved, actor_name(quote))
        if not any(same_speaker(item.speaker, name) for name in got):
            found.append(
                f"{where}: speaker ({item.speaker_form}) {quote.text[:40]!r}: "
                f"wanted {item.speaker!r}, got {got[0]!r} / {got[1]!r}"
            )
    return found


def score_real(
    items: Iterable[tuple[Sequence[RealGold], Sequence[Quote]]],
    actor_name: Callable[[Quote], str | None],
) -> dict[str, Any]:
    """Detection, per-kind recall and speaker accuracy over (gold, predicted) per article."""
    gold_total = found = 0
    gold_by = {key: 0 for key in (*KINDS, *FORMS)}
    matched_by = {key: 0 for key in (*KINDS, *FORMS)}
    right_by = {form: 0 for form in FORMS}
    kind_right = 0
    for golds, predicted in items:
        gold_total += len(golds)
        found += len(predicted)
        for item in golds:
            gold_by[item.kind] += 1
            gold_by[item.speaker_form] += 1
        for item, quote in match(golds, predicted):
            matched_by[item.kind] += 1
            matched_by[item.speaker_form] += 1
            kind_right += quote.kind == item.kind
            candidates = (quote.speaker_resolved, actor_name(quote))
            right_by[item.speaker_form] += any(same_speaker(item.speaker, c) for c in candidates)
    matched = sum(matched_by[kind] for kind in KINDS)
    right = sum(right_by.values())
    precision, recall = _ratio(matched, found), _ratio(matched, gold_total)
    return {
        "gold": gold_total,
        "found": found,
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 3) if matched else 0.0,
        **{f"{kind}_recall": _ratio(matched_by[kind], gold_by[kind]) for kind in KINDS},
        "kind_accuracy": _ratio(kind_right, matched),
        "speaker_accuracy": _ratio(right, matched),
        **{f"{form}_speaker_accuracy": _ratio(right_by[form], matched_by[form]) for form in FORMS},
        "counts": {"gold": gold_by, "matched": matched_by},
    }


def match(golds: Sequence[RealGold], predicted: Sequence[Quote]) -> list[tuple[RealGold, Quote]]:
    """One-to-one pairs overlapping by half the shorter span or more, the closest first."""
    spans = [(quote.start, quote.end) for quote in predicted]
    chosen = pair_spans([(item.start, item.end) for item in golds], spans, MIN_OVERLAP)
    return [(golds[i], predicted[j]) for i, j in chosen]


def same_speaker(gold: str, got: str | None) -> bool:
    """The gold name's last word is in `got`, or either's words all lie in the other's."""
    wanted, have = _words(gold), _words(got or "")
    if not wanted or not have:
        return False
    return wanted[-1] in have or set(wanted) <= set(have) or set(have) <= set(wanted)


def format_table(row: dict[str, Any], *, held_out: bool = False) -> list[str]:
    """The real-news scores as text lines, after a blank one (`held_out`: the part annotated
    after the rules, whose errors are not listed)."""
    keys = ("gold", "found", "precision", "recall", "f1")
    recalls = (*(f"{kind}_recall" for kind in KINDS), "kind_accuracy")
    speakers = ("speaker_accuracy", *(f"{form}_speaker_accuracy" for form in FORMS))
    gold = row["counts"]["gold"]
    return [
        "",
        f"quotes, real news annotated by hand{', held out' if held_out else ''}"
        f" ({row['articles']} articles of ECB+, CC BY 3.0, and MEANTIME, CC BY 4.0);"
        " a match overlaps by half the shorter span",
        "  " + "  ".join(f"{key}={row[key]}" for key in keys),
        "  " + "  ".join(f"{key}={row[key]}" for key in recalls),
        "  right speaker among quotes found: "
        + "  ".join(f"{key.removesuffix('_speaker_accuracy')}={row[key]}" for key in speakers)
        + "  (gold: "
        + " ".join(f"{form} {gold[form]}" for form in FORMS)
        + ")",
        *(
            f"  {corpus}: " + "  ".join(f"{key}={value}" for key, value in part.items())
            for corpus, part in row.get("by_corpus", {}).items()
        ),
    ]


def _gold(entry: str, item: dict[str, Any], text: str) -> RealGold:
    for prefix in ("", "cue_", "speaker_"):
        if f"{prefix}start" not in item:
            continue
        start, end = item[f"{prefix}start"], item[f"{prefix}end"]
        if span_sha1(text, start, end) != item[f"{prefix}sha1"]:
            raise StoryledgerError(REAL_GOLD_SPAN.format(id=entry, start=start, end=end))
    return RealGold(item["start"], item["end"], item["kind"], item["speaker"], item["speaker_form"])


def _words(name: str) -> list[str]:
    name = name.replace("’", "'").casefold()
    words = [re.sub(r"'s$", "", w) for w in re.findall(r"[\w'.-]+", name)]
    return [w.strip("'.-") for w in words if w.strip("'.-") and w not in _SKIP_WORDS]


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
