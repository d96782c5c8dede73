"""How search copes with words as news writes them (#19): every word of MEANTIME's 120
Wikinews articles (CC BY 4.0, read in place) that holds punctuation inside it (possessives
`Boeing's`, abbreviations `U.S.`, numbers `10,000`, hyphenated words `sub-prime`) is searched
for as a user would type it, over a temporary store of the articles.

    PYTHONPATH=src python scripts/eval_search.py ../shared/corpora/meantime/articles.jsonl

prints, per kind of word: how many distinct words, how many queries failed with an error, and
recall (articles holding the word as written that the search found, over all such articles).
Run it against any checkout's `src` to compare before and after.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from storyledger.extract.registry import Analysis
from storyledger.ingest import IngestOptions
from storyledger.ingest.reader import read_inputs
from storyledger.model import Article, RunInfo
from storyledger.store import Store

KINDS = {
    "possessive": re.compile(r"\b[A-Z][\w.-]*['’]s\b"),
    "abbreviation": re.compile(r"(?<!\w)(?:[A-Z]\.){2,}"),
    "number": re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"),
    "hyphenated": re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b"),
}


def main(path: str) -> int:
    articles = [a for a in read_inputs([path], IngestOptions()) if isinstance(a, Article)]
    holding: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article in articles:
        for kind, pattern in KINDS.items():
            for word in set(pattern.findall(article.text)):
                holding[(kind, word)].add(article.id)
    info = RunInfo(pipeline_version="eval", model_name="none", model_version="0")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "s.db") as store:
        run_id = store.begin_run(info, "eval search")
        for article in articles:
            store.save(Analysis(article=article), fingerprint="f", run_id=run_id)
        for (kind, word), ids in sorted(holding.items()):
            total = totals[kind]
            total[0] += 1
            total[3] += len(ids)
            try:
                found = {row["id"] for row in store.search(word, limit=1000)}
            except sqlite3.OperationalError:
                total[1] += 1
                continue
            total[2] += len(ids & found)
    print(f"search on MEANTIME ({len(articles)} Wikinews articles, CC BY 4.0)")
    print(f"{'kind':14} {'words':>6} {'errors':>7} {'recall':>7}")
    for kind in KINDS:
        words, errors, hits, wanted = totals[kind]
        print(f"{kind:14} {words:6d} {errors:7d} {hits / wanted if wanted else 0:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
