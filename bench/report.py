"""Benchmark: how fast the report and the web UI load for a story of 500 articles.

The store is built from real analyses: the 120 MEANTIME Wikinews articles (CC BY 4.0, see
../shared/corpora/meantime/ATTRIBUTION.txt), the seeds and the bundled examples, analysed once
and stored again under new ids (and later dates) until there are `--articles` of them; then
the cross-article stage runs as after `analyze`. Headless Debian Chromium (Playwright) opens the
report from disk and the served UI, and times each view until it is drawn (median of
`--rounds`). Prints a table and writes JSON (default bench/results/report.json).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from results_io import write_json  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from throughput import corpus  # noqa: E402

VIEWS = ("overview", "timeline", "trends", "actors", "quotes", "outlets", "articles")


def build_store(path: Path, size: int, base_limit: int = 0) -> int:
    """A store of `size` articles built from the analysed base corpus."""
    from storyledger.crossarticle import refresh_actors, refresh_comparisons
    from storyledger.model import content_id
    from storyledger.nlp import load_model
    from storyledger.pipeline import analyse, run_info
    from storyledger.store import Store, fingerprint

    nlp = load_model()
    base = list(analyse(corpus(base_limit, 1), nlp))
    info = run_info(nlp)
    stored = 0
    with Store(path) as store:
        run_id = store.begin_run(info, "bench")
        copy = 0
        while stored < size:
            for analysis in base:
                if stored >= size:
                    break
                new_id = content_id("bench-copy", copy, analysis.article.id)
                article = dataclasses.replace(
                    analysis.article,
                    id=new_id,
                    source=f"{analysis.article.source}#copy{copy}",
                    published=(analysis.article.published + timedelta(days=copy * 30))
                    if analysis.article.published
                    else None,
                )
                records = {
                    name: tuple(
                        _moved(record, analysis.article.id, new_id, copy) for record in rows
                    )
                    for name, rows in analysis.records.items()
                }
                store.save(
                    dataclasses.replace(analysis, article=article, records=records),
                    fingerprint=fingerprint(article, info),
                    run_id=run_id,
                )
                stored += 1
            copy += 1
        refresh_actors(store)
        refresh_comparisons(store)
    return stored


def _moved(record: object, old: str, new: str, copy: int) -> object:
    if not dataclasses.is_dataclass(record) or not hasattr(record, "article"):
        return record
    changes = {"article": new}
    for name in ("id", "actor_id", "speaker_mention", "source_quote"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            changes[name] = f"{value}-{copy}"
    if hasattr(record, "loaded_terms"):
        changes["loaded_terms"] = tuple(
            dataclasses.replace(t, article=new) for t in record.loaded_terms
        )
        changes["markers"] = tuple(dataclasses.replace(m, article=new) for m in record.markers)
        changes["cited_sources"] = tuple(
            dataclasses.replace(c, article=new) for c in record.cited_sources
        )
    return dataclasses.replace(record, **changes)


def time_views(url: str, rounds: int) -> dict[str, float]:
    """Median milliseconds until each view is drawn (the first: from navigation)."""
    from playwright.sync_api import sync_playwright
    from tests.e2e.conftest import ARGS, CHROMIUM

    found: dict[str, list[float]] = {"load": [], **{view: [] for view in VIEWS}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for _ in range(rounds):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]")
            found["load"].append(1000 * (time.perf_counter() - started))
            for view in VIEWS:
                started = time.perf_counter()
                page.click(f"nav button[data-view={view}]")
                page.wait_for_selector("#main :is(.card, p)")
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                found[view].append(1000 * (time.perf_counter() - started))
            page.close()
        browser.close()
    return {key: round(statistics.median(values), 1) for key, values in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base-limit", type=int, default=0, help="analyse only this many")
    parser.add_argument("--out", default=str(ROOT / "bench/results/report.json"))
    args = parser.parse_args(argv)

    from storyledger.report import build_views, render_page
    from storyledger.store import Store
    from storyledger.web.server import serving

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "story.db"
        articles = build_store(db, args.articles, args.base_limit)
        started = time.perf_counter()
        with Store(db) as store:
            page = render_page(build_views(store))
        render_seconds = time.perf_counter() - started
        report = Path(folder) / "story.html"
        report.write_text(page, encoding="utf-8")
        from_disk = time_views(report.as_uri(), args.rounds)
        with serving(db) as url:
            served = time_views(url, args.rounds)
    rows = [{"page": "report (file)", **from_disk}, {"page": "web UI (served)", **served}]
    columns = ["page", "load", *VIEWS]
    print(f"{articles} articles; report {len(page) / 1e6:.1f} MB, built in {render_seconds:.2f} s")
    print(f"milliseconds until drawn (median of {args.rounds})")
    print("  ".join(f"{c:>15}" if c != "page" else f"{c:<16}" for c in columns))
    for row in rows:
        print("  ".join(f"{row[c]:>15}" if c != "page" else f"{row[c]:<16}" for c in columns))
    slowest = max(value for row in rows for key, value in row.items() if key != "page")
    write_json(
        args.out,
        {
            "benchmark": "report",
            "articles": articles,
            "report_megabytes": round(len(page) / 1e6, 2),
            "build_seconds": round(render_seconds, 2),
            "results": rows,
            "slowest_ms": slowest,
            "target": "every page and view drawn in under 1000 ms (issue #8)",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
