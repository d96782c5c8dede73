"""Run an evaluation, print its table, and hold it to floors pinned with the data they fit.

Floors live in `evals/floors.json` beside a hash of the gold files; lowering one means pinning
again on purpose (`storyledger eval quotes --pin`), and the change shows in review.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.errors import HELDOUT_MISSING, StoryledgerError
from storyledger.evaluation import (
    compare,
    compare_ecbplus,
    ecbplus_speakers,
    events,
    events_heldout,
    events_judged,
    figures,
    figures_judged,
    figures_real,
    framing,
    meantime_events,
    meantime_speech,
    plover_gsr,
    quotes,
    quotes_real,
    recognizers,
)
from storyledger.evaluation.gold import data_hash

FLOOR_MARGIN = 0.01
_GATED = {
    "quotes": {
        "direct_and_partial": ("precision", "recall", "speaker_accuracy"),
        "indirect": ("precision", "recall", "speaker_accuracy"),
        "meantime": ("recall", "speaker_accuracy", "cue_precision", "resolved_accuracy"),
        "real": (
            "precision",
            "recall",
            "f1",
            "direct_recall",
            "indirect_recall",
            "speaker_accuracy",
            "name_speaker_accuracy",
            "pronoun_speaker_accuracy",
            "role_speaker_accuracy",
            "none_speaker_accuracy",
        ),
        "real_heldout": (
            "precision",
            "recall",
            "f1",
            "direct_recall",
            "indirect_recall",
            "speaker_accuracy",
            "pronoun_speaker_accuracy",
        ),
    },
    "events": {
        "events": ("precision", "recall", "type_macro_f1", "irrealis_kept_apart", "date_accuracy"),
        "meantime_events": ("recall", "actor_accuracy"),
        "plover_gsr": ("precision", "recall", "type_macro_f1"),
        "ecbplus_judged": ("precision",),
    },
    "figures": {
        "figures": ("value_f1", "value_qualifier_f1", "counted_accuracy", "attributed_accuracy"),
        "meantime_values": ("recall", "precision"),
        "recognizers": ("share",),
        "ecbplus_judged": ("precision", "value_accuracy"),
        "real_dev": ("value_f1", "value_bound_f1"),
        "real_heldout": ("value_f1", "value_bound_f1"),
        "real_heldout2": ("value_f1", "value_bound_f1"),
        "real_heldout3": ("value_f1", "value_bound_f1"),
    },
    "framing": {
        "sentences": ("precision", "recall", "kept_apart"),
        "meantime_framing": ("precision",),
    },
    "compare": {
        "stories": ("precision", "recall", "f1"),
        "figure_series": ("link_precision", "item_recall", "label_accuracy"),
        "quotes": ("link_precision", "item_recall", "label_accuracy"),
        "claims": ("link_precision", "item_recall"),
        "meantime_stories": ("precision", "recall", "f1"),
        "ecbplus": ("precision", "recall", "f1"),
        "ecbplus_undated": ("f1",),
    },
}
EXTRACTORS = tuple(_GATED)


def score(
    extractor: str, data: Path, shared: Path, nlp: Language, *, subset: str = "all"
) -> dict[str, Any]:
    """The scores of `extractor` on its annotated set (and MEANTIME where shared/ has it);
    `subset="real"` scores only the quotes of real news annotated by hand, `subset="ecbplus"`
    only story grouping on ECB+ (`compare`), `subset="heldout"` only the events of the held-out
    real news sentences (totals only, no floors), `subset="dev"` those of the dev sentences of
    the same kind (with every error, no floors)."""
    if extractor not in _GATED:
        raise StoryledgerError(f"no evaluation for {extractor!r}")
    folder = data / extractor
    if not folder.is_dir():
        raise StoryledgerError(f"{folder}: no annotated set here (run from the repository root)")
    if subset == "ecbplus" and extractor != "compare":
        raise StoryledgerError(f"no ECB+ set for {extractor!r} (only for compare)")
    if subset in ("heldout", "dev"):
        if extractor != "events":
            raise StoryledgerError(f"no {subset} set for {extractor!r} (only for events)")
        results = {"table": [], "data": quotes.data_hash(folder)}
        _add_events_heldout(results, folder, shared, nlp, part=subset)
        return results
    if subset == "real":
        if extractor not in ("quotes", "figures"):
            raise StoryledgerError(
                f"no real-news set for {extractor!r} (only for quotes and figures)"
            )
        results: dict[str, Any] = {"table": []}
        add = _add_real if extractor == "quotes" else _add_real_figures
        add(results, folder, shared, nlp)
        results["data"] = quotes.data_hash(folder)
        return results
    corpus = shared / "corpora" / "meantime"
    has_meantime = (corpus / "gold.jsonl").exists()
    if extractor == "framing":
        results = _score_framing(folder, shared, corpus if has_meantime else None, nlp)
    elif extractor == "compare":
        only = "ecbplus" if subset == "ecbplus" else None
        results = _score_compare(folder, shared, corpus if has_meantime else None, nlp, only)
    elif extractor == "quotes":
        results = _score_quotes(folder, shared, corpus if has_meantime else None, nlp)
    elif extractor == "events":
        results = _score_events(folder, shared, corpus if has_meantime else None, nlp)
    else:
        results = _score_figures(folder, shared, corpus if has_meantime else None, nlp)
    results["data"] = quotes.data_hash(folder)
    return results


def _score_quotes(folder: Path, shared: Path, corpus: Path | None, nlp: Language) -> dict[str, Any]:
    results = quotes.evaluate(quotes.load_gold(folder, shared), nlp)
    table = list(quotes.format_table(results, f"quotes, annotated set ({folder})"))
    if corpus is not None:
        row = meantime_speech.evaluate_meantime(corpus, nlp)
        title = (
            f"quotes, real news: MEANTIME speech events with a speaker ({row['articles']} "
            "Wikinews articles, CC BY 4.0)"
        )
        keys = (
            "speech_events",
            "found",
            "recall",
            "speaker_accuracy",
            "cue_precision",
            "resolved_accuracy",
            "pronoun_resolved",
        )
        _add_check(results, table, "meantime", row, title, keys)
    ecbplus = shared / "corpora" / "ecbplus"
    if (ecbplus / "mentions.jsonl").exists():
        row = ecbplus_speakers.evaluate_ecbplus_speakers(ecbplus, nlp)
        title = (
            f"quotes, real news: speakers resolved to ECB+ coreference chains ({row['articles']}"
            " articles, CC BY 3.0, Cybulska and Vossen 2014)"
        )
        keys = (
            "pronoun_speakers",
            "pronoun_resolved",
            "description_speakers",
            "description_resolved",
        )
        _add_check(results, table, "ecbplus_speakers", row, title, keys)
    results["table"] = table
    _add_real(results, folder, shared, nlp)
    return results


def _add_real(results: dict[str, Any], folder: Path, shared: Path, nlp: Language) -> None:
    """Score the hand-annotated real news (`real/real.jsonl`, and the held-out part
    `real/heldout.jsonl` apart, its totals only) where shared/ has their corpora."""
    path = folder / "real" / "real.jsonl"
    if not path.exists() or not _has_real_corpora(shared):
        return
    row = quotes_real.evaluate_real(quotes_real.load_real(path, shared), nlp)
    results["real"] = row
    results["table"] += quotes_real.format_table(row)
    heldout = folder / "real" / "heldout.jsonl"
    if heldout.exists():
        row = quotes_real.evaluate_real(quotes_real.load_real(heldout, shared), nlp)
        row.pop("errors")
        results["real_heldout"] = row
        results["table"] += quotes_real.format_table(row, held_out=True)


def _has_real_corpora(shared: Path) -> bool:
    """shared/ has the corpora the real news annotated by hand is drawn from (ECB+, MEANTIME)."""
    return all(
        (shared / "corpora" / name / "articles.jsonl").exists() for name in ("ecbplus", "meantime")
    )


def _score_events(folder: Path, shared: Path, corpus: Path | None, nlp: Language) -> dict[str, Any]:
    scored = events.evaluate(events.load_gold(folder, shared), nlp)
    results: dict[str, Any] = {"events": scored}
    table = events.format_table(scored, f"events, annotated set ({folder})")
    if corpus is not None:
        row = meantime_events.evaluate_meantime_events(corpus, nlp)
        title = (
            f"events, real news: MEANTIME verb events with an annotated agent ({row['articles']}"
            " Wikinews articles, CC BY 4.0)"
        )
        keys = ("events", "found", "recall", "actor_accuracy", "recipient_accuracy")
        _add_check(results, table, "meantime_events", row, title, keys)
    gsr = shared / "corpora" / "plover-gsr"
    countries = shared / "lexicons" / "petrarch2" / "Phoenix.Countries.actors.txt"
    if (gsr / "events.jsonl").exists() and countries.exists():
        results["plover_gsr"] = plover_gsr.evaluate_gsr(gsr, countries, nlp)
        table += plover_gsr.format_table(results["plover_gsr"])
    ecbplus = shared / "corpora" / "ecbplus"
    judged = folder / "ecbplus_judged.json"
    if (ecbplus / "articles.jsonl").exists() and judged.exists():
        row = events_judged.evaluate_ecbplus_judged(ecbplus, judged, nlp)
        title = (
            "events, real news: a judged sample of our events on ECB+ articles "
            f"({row['judged']} events judged by hand, CC BY 3.0)"
        )
        keys = ("found", "precision", "dropped_right", "dropped_wrong", "unjudged")
        _add_check(results, table, "ecbplus_judged", row, title, keys)
    results["table"] = table
    return results


def _add_events_heldout(
    results: dict[str, Any], folder: Path, shared: Path, nlp: Language, *, part: str
) -> None:
    """Score the events of the held-out sentences (`heldout/heldout.jsonl`), totals only, or of
    the dev sentences (`dev/dev.jsonl`) with every error."""
    path = folder / part / f"{part}.jsonl"
    countries = shared / "lexicons" / "petrarch2" / "Phoenix.Countries.actors.txt"
    if not path.exists() or not countries.exists() or not _has_real_corpora(shared):
        raise StoryledgerError(HELDOUT_MISSING.format(path=path, shared=shared))
    sentences = events_heldout.load_heldout(path, shared)
    dev = part == "dev"
    row = events_heldout.evaluate_heldout(sentences, countries, nlp, errors=dev)
    results[f"events_{part}"] = row
    results["table"] += events_heldout.format_table(row, part="dev" if dev else "held-out")


def _score_figures(
    folder: Path, shared: Path, corpus: Path | None, nlp: Language
) -> dict[str, Any]:
    scored = figures.evaluate(figures.load_gold(folder, shared), nlp)
    results: dict[str, Any] = {"figures": scored}
    table = figures.format_table(scored, f"figures, annotated set ({folder})")
    if corpus is not None:
        row = figures.evaluate_meantime_values(corpus, nlp)
        title = (
            f"figures, real news: MEANTIME VALUE mentions ({row['articles']} Wikinews articles,"
            " CC BY 4.0)"
        )
        keys = ("values", "found", "recall", "figures", "precision", "precision_without_durations")
        _add_check(results, table, "meantime_values", row, title, keys)
    ecbplus = shared / "corpora" / "ecbplus"
    if (ecbplus / "articles.jsonl").exists():
        row = figures_judged.evaluate_ecbplus_judged(ecbplus, folder / "ecbplus_judged.json", nlp)
        title = (
            "figures, real news: a judged sample of our figures on ECB+ articles "
            f"({row['judged']} figures judged by hand)"
        )
        keys = ("found", "precision", "value_accuracy", "dropped_right", "dropped_wrong")
        _add_check(results, table, "ecbplus_judged", row, title, keys)
    results["table"] = table
    _add_real_figures(results, folder, shared, nlp)
    table = results["table"]
    specs = shared / "corpora" / "recognizers-text"
    if specs.is_dir():
        results["recognizers"] = recognizers.evaluate_recognizers(specs, nlp)
        table += recognizers.format_table(results["recognizers"])
    results["table"] = table
    return results


def _add_real_figures(results: dict[str, Any], folder: Path, shared: Path, nlp: Language) -> None:
    """Score the real news sentences annotated by hand (`real/real.jsonl`), dev and held-out
    parts apart, where shared/ has their corpora."""
    path = folder / "real" / "real.jsonl"
    if not path.exists() or not _has_real_corpora(shared):
        return
    row = figures_real.evaluate_real(figures_real.load_real(path, shared), nlp)
    results["real"] = row
    for part in figures_real.PARTS:
        results[f"real_{part}"] = row[part]
    results["table"] += figures_real.format_table(row)


def _score_framing(
    folder: Path, shared: Path, corpus: Path | None, nlp: Language
) -> dict[str, Any]:
    results: dict[str, Any] = {"sentences": framing.evaluate(folder, nlp)}
    table = framing.format_table(results)
    if (shared / "seeds" / "meta.json").exists():
        row = framing.evaluate_seeds(shared, nlp)
        title = "seed articles (issue #7: loaded terms per 1,000 words outside quotations)"
        _add_check(results, table, "seeds", row, title, tuple(row))
    if corpus is not None:
        row = framing.evaluate_meantime(corpus, folder / "meantime_judged.jsonl", nlp)
        title = (
            f"framing, real news: own-voice loaded terms flagged in MEANTIME ({row['articles']}"
            " Wikinews articles, CC BY 4.0), each judged by us"
        )
        keys = ("words", "flagged", "per_1000", "judged", "precision")
        _add_check(results, table, "meantime_framing", row, title, keys)
        table += [f"    not judged yet: {item}" for item in row["unjudged"]]
    results["table"] = table
    return results


def _score_compare(
    folder: Path, shared: Path, corpus: Path | None, nlp: Language, only: str | None = None
) -> dict[str, Any]:
    ecbplus = shared / "corpora" / "ecbplus"
    if only not in (None, "ecbplus"):
        raise StoryledgerError(f"no set {only!r} for compare (sets: ecbplus)")
    if only == "ecbplus":
        if not (ecbplus / "articles.jsonl").exists():
            raise StoryledgerError(f"{ecbplus}: ECB+ is not there (see --shared)")
        results, table = {"data": data_hash(folder)}, []
    else:
        results = compare.evaluate(folder, nlp)
        table = compare.format_table(results)
    if only is None:
        if (shared / "seeds" / "meta.json").exists():
            row = compare.evaluate_seeds(shared, nlp)
            title = "seed articles (issue #6: toll update, population agreement, pressure disputed)"
            _add_check(
                results, table, "seeds", row, title, tuple(k for k in row if k != "articles")
            )
        if corpus is not None:
            row = compare.evaluate_meantime_stories(corpus, folder / "meantime_stories.json", nlp)
            title = (
                "stories, real news: MEANTIME grouped by our own story annotation"
                f" ({row['articles']} Wikinews articles, CC BY 4.0)"
            )
            keys = ("gold_stories", "found_stories", "precision", "recall", "f1")
            _add_check(results, table, "meantime_stories", row, title, keys)
    if (ecbplus / "articles.jsonl").exists():
        found = compare_ecbplus.evaluate_ecbplus(ecbplus, nlp)
        results.update(found)
        table += compare_ecbplus.format_lines(found)
    results["table"] = table
    return results


def _add_check(
    results: dict[str, Any],
    table: list[str],
    section: str,
    row: dict[str, Any],
    title: str,
    keys: tuple[str, ...],
) -> None:
    """Keep an outside check's row under `section` and print it below the table: its title
    and its `keys`, after a blank line."""
    results[section] = row
    table += ["", title, "  " + "  ".join(f"{key}={row[key]}" for key in keys)]


def check_floors(extractor: str, results: dict[str, Any], data: Path) -> list[str]:
    """Every gated score below its pinned floor (empty when all hold)."""
    pinned = _read(data).get(extractor)
    if pinned is None:
        return [f"no floors pinned for {extractor} in {data / 'floors.json'}"]
    if pinned["data"] != results["data"]:
        return [f"floors were pinned for other gold data ({pinned['data']}); pin them again"]
    failures = []
    for section, floors in pinned["floors"].items():
        if section not in results:
            continue
        for name, floor in floors.items():
            value = results[section][name]
            if value is None or value < floor:
                failures.append(f"{extractor} {section} {name} {value} < {floor}")
    return failures


def pin_floors(extractor: str, results: dict[str, Any], data: Path) -> None:
    """Write today's scores, less a small margin, as the floors of `extractor`."""
    pinned = _read(data)
    pinned[extractor] = {
        "data": results["data"],
        "floors": {
            section: {
                name: round(max(0.0, results[section][name] - FLOOR_MARGIN), 3) for name in names
            }
            for section, names in _GATED[extractor].items()
            if section in results
        },
    }
    (data / "floors.json").write_text(json.dumps(pinned, indent=1) + "\n", encoding="utf-8")


def _read(data: Path) -> dict[str, Any]:
    path = data / "floors.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
