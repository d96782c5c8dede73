"""Benchmark: the cross-article stage on a large corpus against the per-article pipeline.

Issue #6 asks that the cross-article stage (stories, figure series, quote variants, disputed
claims) on 10,000 articles take under a tenth of the per-article pipeline's time.

- The per-article time is measured: the pipeline (parse and every stage, no store) over the
  real base articles (120 MEANTIME Wikinews articles, CC BY 4.0, see
  ../shared/corpora/meantime/ATTRIBUTION.txt; the seeds; the bundled examples; the compare
  eval's fictional stories), then scaled to the corpus size.
- The large corpus is built from those analysed records: group g is a copy of the base corpus
  whose words go through a letter cipher of its own (all but stop words, negations, denials and
  number words) and whose dates move on by `--spacing` days, so the groups are unrelated
  stories of one long news period. Spans stay valid (the cipher keeps lengths); a figure's
  `counted` and `measure` fields stay as analysed, so figure series, quote variants and claims
  run their full course.
Prints a table and writes JSON (default bench/results/compare.json).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import resource
import string
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from results_io import machine, write_json  # noqa: E402
from storyledger.compare.words import STOP_WORDS, compare_lexicon, stem  # noqa: E402
from throughput import corpus  # noqa: E402


def base_records(limit: int) -> tuple[dict, float]:
    """The analysed base corpus as record lists, and the pipeline's seconds per article."""
    from storyledger.compare.actors import resolve_actors
    from storyledger.evaluation.compare import load_articles
    from storyledger.nlp import load_model
    from storyledger.pipeline import analyse

    articles = corpus(0, 1)
    folder = ROOT / "evals/compare"
    if folder.exists():
        articles += load_articles(folder)
    articles = articles[: limit or None]
    nlp = load_model()
    started = time.perf_counter()
    analyses = list(analyse(articles, nlp))
    per_article = (time.perf_counter() - started) / len(articles)

    def records(name: str) -> list:
        return [record for analysis in analyses for record in analysis.get(name)]

    actors, mentions = resolve_actors(records("mentions"))
    base = {
        "articles": articles,
        "mentions": mentions,
        "actors": actors,
        "sentences": records("sentences"),
        "quotes": records("quotes"),
        "figures": records("figures"),
    }
    return base, per_article


_WORD = re.compile(r"[A-Za-z]+")
_NUMBER_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred hundreds thousand thousands million millions billion billions dozen dozens "
    "percent per cent half".split()
)


def _cipher(seed: int):
    rng = random.Random(seed)
    lower = list(string.ascii_lowercase)
    shuffled = lower[:]
    rng.shuffle(shuffled)
    table = str.maketrans(
        "".join(lower) + "".join(lower).upper(),
        "".join(shuffled) + "".join(shuffled).upper(),
    )

    def names(text: str | None) -> str | None:
        if text is None:
            return None
        return _WORD.sub(lambda m: _keep_or(m.group(0), table), text)

    return names


def _keep_or(word: str, table: dict) -> str:
    lexicon, lower = compare_lexicon(), word.lower()
    kept = (
        lower in STOP_WORDS
        or stem(lower) in lexicon.denials
        or lower in lexicon.negations
        or lower in _NUMBER_WORDS
    )
    return word if kept else word.translate(table)


def scaled(base: dict, size: int, spacing: int) -> dict:
    """`size` articles' records: copies of the base corpus, names ciphered per copy."""
    from storyledger.model import content_id

    out: dict[str, list] = {name: [] for name in base}
    group = 0
    while len(out["articles"]) < size:
        names = _cipher(group)
        ids = {a.id: content_id("bench", group, a.id) for a in base["articles"]}
        actor_ids = {a.id: content_id("bench-actor", group, a.id) for a in base["actors"]}
        shift = timedelta(days=group * spacing)
        for article in base["articles"]:
            if len(out["articles"]) >= size:
                break
            out["articles"].append(
                dataclasses.replace(
                    article,
                    id=ids[article.id],
                    text=names(article.text),
                    title=names(article.title),
                    published=article.published + shift if article.published else None,
                )
            )
        kept = set(ids[a.id] for a in base["articles"]) & {a.id for a in out["articles"]}
        for name in ("mentions", "sentences", "quotes", "figures"):
            for record in base[name]:
                if ids[record.article] not in kept:
                    continue
                changes = {"article": ids[record.article], "text": names(record.text)}
                if name == "mentions":
                    changes["actor_id"] = actor_ids.get(record.actor_id, record.actor_id)
                if name == "quotes":
                    changes["speaker"] = names(record.speaker)
                    changes["speaker_resolved"] = names(record.speaker_resolved)
                    changes["speaker_actor"] = actor_ids.get(record.speaker_actor)
                if name == "figures":
                    changes["attributed_to"] = names(record.attributed_to)
                    changes["place"] = names(record.place)
                out[name].append(dataclasses.replace(record, **changes))
        out["actors"] += [
            dataclasses.replace(a, id=actor_ids[a.id], name=names(a.name), text=names(a.text))
            for a in base["actors"]
        ]
        group += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size")
    parser.add_argument("--base-limit", type=int, default=0, help="use this many base articles")
    parser.add_argument("--spacing", type=int, default=21, help="days between copies")
    parser.add_argument("--out", default=str(ROOT / "bench/results/compare.json"))
    args = parser.parse_args(argv)

    from storyledger.compare.corpus import CorpusRecords, compare_corpus

    base, per_article = base_records(args.base_limit)
    records = scaled(base, args.articles, args.spacing)
    started = time.perf_counter()
    found = compare_corpus(CorpusRecords(**records))
    compare_seconds = time.perf_counter() - started
    pipeline_seconds = per_article * len(records["articles"])
    kinds: dict[str, int] = {}
    for comparison in found.comparisons:
        key = f"{comparison.kind}/{comparison.relation}"
        kinds[key] = kinds.get(key, 0) + 1
    row = {
        "articles": len(records["articles"]),
        "base_articles": len(base["articles"]),
        "pipeline_seconds_per_article": round(per_article, 4),
        "pipeline_seconds_scaled": round(pipeline_seconds, 1),
        "compare_seconds": round(compare_seconds, 2),
        "compare_share_of_pipeline": round(compare_seconds / pipeline_seconds, 4),
        "stories": len(found.stories),
        "largest_story": max(len(s.articles) for s in found.stories),
        "comparisons": kinds,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    columns = (
        "articles",
        "pipeline_seconds_scaled",
        "compare_seconds",
        "compare_share_of_pipeline",
        "stories",
        "largest_story",
        "peak_rss_mb",
    )
    print("  ".join(columns))
    print("  ".join(str(row[c]) for c in columns))
    print("comparisons: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    write_json(
        args.out,
        {
            "benchmark": "compare",
            "machine": machine(),
            "result": row,
            "target": "compare_share_of_pipeline < 0.1 (issue #6)",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
