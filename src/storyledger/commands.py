"""One function per CLI subcommand: each calls the library and reports, nothing more."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

from tqdm import tqdm

from storyledger.cli import emit_rows
from storyledger.compare.outlets import outlet_profiles
from storyledger.compare.timeline import build_timeline
from storyledger.errors import StoreError
from storyledger.export import build_export, write_export
from storyledger.ingest import IngestOptions
from storyledger.ingest.outlets import OutletInfo, load_outlets
from storyledger.ingest.sidecar import load_sidecar
from storyledger.model import Comparison, ComparisonItem, Story
from storyledger.nlp import load_model
from storyledger.runner import analyze_paths
from storyledger.store import Store
from storyledger.store.rows import plain

_TEXT_PREVIEW = 80


def run_analyze(args: argparse.Namespace) -> int:
    """`storyledger analyze PATH... [--meta F] [--db F] [--json F]`."""
    sidecar = load_sidecar(args.meta) if args.meta else None
    nlp = load_model()
    options = IngestOptions(sidecar=sidecar, max_bytes=args.max_bytes)
    with (
        Store(args.db) as store,
        tqdm(
            desc="analyzing", unit="article", file=sys.stderr, disable=not sys.stderr.isatty()
        ) as bar,
    ):
        report = analyze_paths(
            args.paths,
            store,
            nlp,
            options=options,
            command=" ".join(["analyze", *map(str, args.paths)]),
            progress=bar.update,
        )
        for problem in report.problems:
            print(f"storyledger: {problem}", file=sys.stderr)
        if args.json_out:
            write_export(build_export(store, report.article_ids), "json", args.json_out)
    print(
        f"storyledger: {len(report.stored)} analyzed, {len(report.unchanged)} unchanged, "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed -> {args.db}",
        file=sys.stderr,
    )
    return 1 if report.problems else 0


def run_export(args: argparse.Namespace) -> int:
    """`storyledger export --format json|jsonl|csv|parquet --out PATH`."""
    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    with Store(args.db) as store:
        files = write_export(build_export(store, outlets=outlets), args.format, args.out)
    for file in files:
        print(file)
    return 0


def run_show(args: argparse.Namespace) -> int:
    """`storyledger show articles|actors|quotes|figures|events|...`."""
    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    with Store(args.db) as store:
        rows = _rows(store, args.what, outlets)
    if args.limit:
        rows = rows[: args.limit]
    emit_rows(rows, jsonl=args.jsonl)
    return 0


def run_batch(args: argparse.Namespace) -> int:
    """`storyledger batch --input GLOB --output DIR [--workers N] [--force] [--no-compare]`:
    the per-article pass over every shard, then the cross-article stage on its outputs."""
    from storyledger.batch.engine import run_batch as batch

    bar = tqdm(unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr)

    def progress(summary: dict) -> None:
        bar.update(summary["articles"])
        bar.set_postfix_str(Path(summary["shard"]).name)

    try:
        report = batch(
            args.input,
            args.output,
            workers=args.workers,
            engine=args.engine,
            force=args.force,
            options=IngestOptions(max_bytes=args.max_bytes),
            progress=progress,
        )
    finally:
        bar.close()
    records = ", ".join(f"{name} {n}" for name, n in sorted(report.records.items()))
    errors = ", ".join(f"{reason} {n}" for reason, n in report.errors.most_common()) or "none"
    print(
        f"storyledger: {report.shards} shards ({report.skipped_shards} already done),"
        f" {report.articles} articles in {report.seconds:.1f} s"
        f" ({report.articles_per_second} a/s, peak {report.peak_rss_mb:.0f} MB per worker);"
        f" records: {records}; problems: {errors}",
        file=sys.stderr,
    )
    if report.shards == 0:
        raise StoreError(f"{args.input}: no input shard matches")
    if not args.no_compare:
        from storyledger.batch.corpus import CORPUS, compare_batch

        started = time.perf_counter()
        counts = compare_batch(args.output)
        print(
            f"storyledger: across {counts['articles']} articles, {counts['actors']} actors,"
            f" {counts['stories']} stories, {counts['comparisons']} comparisons"
            f" in {time.perf_counter() - started:.1f} s -> {Path(args.output) / CORPUS}",
            file=sys.stderr,
        )
    return 1 if report.errors else 0


def run_import(args: argparse.Namespace) -> int:
    """`storyledger import DIR`: finished batch shards into the store."""
    from storyledger.batch.importer import import_batch

    if not Path(args.folder).is_dir():
        raise StoreError(f"{args.folder}: no such batch output folder")

    def incomplete(name: str, reason: str) -> None:
        print(f"storyledger: {Path(args.folder) / name}: {reason}", file=sys.stderr)

    with Store(args.db) as store:
        counts = import_batch(args.folder, store, incomplete=incomplete)
    print(
        f"storyledger: {counts['shards']} shards, {counts['articles']} articles stored,"
        f" {counts['failed']} failed, {counts['incomplete']} incomplete shards skipped"
        f" -> {args.db}",
        file=sys.stderr,
    )
    return 1 if counts["failed"] or counts["incomplete"] else 0


def run_report(args: argparse.Namespace) -> int:
    """`storyledger report --out story.html`: the self-contained HTML report."""
    from storyledger.report import build_views, render_page

    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    with Store(args.db) as store:
        page = render_page(build_views(store, outlets), title=args.title)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(page, encoding="utf-8")
    partial.replace(out)
    print(out)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """`storyledger serve [--host H] [--port P]`: the read-only web UI until interrupted."""
    from storyledger.web.server import StoryServer

    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    try:
        server = StoryServer((args.host, args.port), args.db, outlets, allow_hosts=args.allow_host)
    except OSError as exc:
        raise StoreError(f"cannot serve on {args.host}:{args.port} ({exc.strerror})") from None
    host, port = server.server_address[:2]
    print(
        f"storyledger: serving {args.db} on http://{host}:{port}/ (Ctrl-C to stop)",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    """`storyledger refresh`: the whole cross-article stage again, over the whole store."""
    from storyledger.crossarticle import refresh_corpus

    _require_db(args.db)
    with Store(args.db) as store:
        found = refresh_corpus(store)
    print(f"{len(found.stories)} stories, {len(found.comparisons)} comparisons")
    return 0


def run_story(args: argparse.Namespace) -> int:
    """`storyledger story name STORY NAME` / `storyledger story merge STORY STORY...`."""
    from storyledger.crossarticle import merge_stories, name_story

    _require_db(args.db)
    with Store(args.db) as store:
        if args.action == "name":
            story = name_story(store, args.story, args.name)
        else:
            story = merge_stories(store, args.stories)
    emit_rows([_story_row(story)], jsonl=False)
    return 0


def run_search(args: argparse.Namespace) -> int:
    """`storyledger search QUERY [--quotes]`: matching articles or quotes, best first."""
    _require_db(args.db)
    with Store(args.db) as store:
        search = store.search_quotes if args.quotes else store.search
        try:
            rows = search(args.query, limit=args.limit)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {args.query!r} ({exc})") from None
    emit_rows(rows, jsonl=False)
    return 0


def run_eval(args: argparse.Namespace) -> int:
    """`storyledger eval quotes`: scores on the annotated sets, and the floors they must keep."""
    from storyledger.evaluation.gate import check_floors, pin_floors, score

    results = score(
        args.extractor, Path(args.data), Path(args.shared), load_model(), only=args.only
    )
    for line in results.pop("table"):
        print(line)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.pin:
        pin_floors(args.extractor, results, Path(args.data))
    if args.check:
        failures = check_floors(args.extractor, results, Path(args.data))
        for failure in failures:
            print(f"storyledger: below floor: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


def _rows(store: Store, what: str, outlets: dict[str, OutletInfo] | None = None) -> list[dict]:
    if what in ("framing", "loaded", "markers", "outlets"):
        return _framing_rows(store, what, outlets)
    if what == "runs":
        return store.runs()
    if what == "log":
        return store.ingest_log()
    if what == "timeline":
        return _timeline_rows(store)
    if what == "stories":
        return [_story_row(story) for story in store.corpus_records("stories")]
    if what == "comparisons":
        return [_comparison_row(c) for c in store.corpus_records("comparisons")]
    if what == "articles":
        return [
            {
                "id": a.id,
                "published": a.published,
                "outlet": a.outlet,
                "title": a.title,
                "source": a.source,
                "words": len(a.text.split()),
            }
            for a in store.articles()
        ]
    if what == "actors":
        return [
            {
                "id": a.id,
                "kind": a.kind,
                "name": a.name,
                "mentions": a.mentions,
                "aliases": list(a.aliases),
            }
            for a in sorted(store.corpus_records("actors"), key=lambda a: (-a.mentions, a.name))
        ]
    rows = [plain(record) for record in store.records(what)]
    for row in rows:
        if len(row.get("text") or "") > _TEXT_PREVIEW:
            row["text"] = row["text"][: _TEXT_PREVIEW - 1] + "…"
    return rows


def _framing_rows(store: Store, what: str, outlets: dict[str, OutletInfo] | None) -> list[dict]:
    articles = store.articles()
    framings = store.records("framing")
    if what == "outlets":
        return [plain(profile) for profile in outlet_profiles(articles, framings, outlets)]
    outlet = {a.id: a.outlet for a in articles}
    if what == "framing":
        return [
            {
                "article": f.article,
                "outlet": outlet.get(f.article),
                "words": f.words,
                "loaded_outside": f.loaded_outside,
                "loaded_per_1000": f.loaded_per_1000,
                "loaded_in_quotes": sum(1 for t in f.loaded_terms if t.in_quote),
                "hedges": f.hedges,
                "boosters": f.boosters,
                "attributed_share": f.attributed_share,
                "anonymous_share": f.anonymous_share,
                "named_sources": f.named_sources,
                "anonymous_sources": f.anonymous_sources,
                "cited_sources": len(f.cited_sources),
            }
            for f in framings
        ]
    if what == "loaded":
        return [
            {
                "article": t.article,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "category": t.category,
                "voice": "outlet" if t.own_voice else ("quote" if t.in_quote else "attributed"),
            }
            for f in framings
            for t in f.loaded_terms
        ]
    return [
        {
            "article": m.article,
            "kind": m.kind,
            "term": m.term,
            "start": m.start,
            "end": m.end,
            "text": m.text if len(m.text) <= _TEXT_PREVIEW else m.text[: _TEXT_PREVIEW - 1] + "…",
        }
        for f in framings
        for m in f.markers
    ]


def _story_row(story: Story) -> dict:
    return {
        "id": story.id,
        "name": story.name,
        "named_by": story.name_source,
        "articles": len(story.articles),
        "copies": len(story.copies),
        "first": story.first_published,
        "last": story.last_published,
    }


def _comparison_row(comparison: Comparison) -> dict:
    def side(item: ComparisonItem) -> str:
        value = str(item.value or "")
        if len(value) > _TEXT_PREVIEW // 2:
            value = value[: _TEXT_PREVIEW // 2 - 1] + "…"
        return f"{value} [{item.reported_by or '?'}, {item.published or 'undated'}]"

    return {
        "kind": comparison.kind,
        "relation": comparison.relation,
        "topic": comparison.topic,
        "items": " | ".join(side(item) for item in comparison.items),
        "note": comparison.note,
        "story": comparison.story,
        "id": comparison.id,
    }


def _timeline_rows(store: Store) -> list[dict]:
    dated, undated = build_timeline(
        store.articles(), store.records("events"), store.records("figures"), store.records("quotes")
    )
    return [
        {
            "date": entry.date or "undated",
            "basis": entry.date_basis,
            "kind": entry.kind,
            "summary": entry.summary,
            "article": entry.article,
            "start": entry.start,
            "end": entry.end,
            "record": entry.record,
        }
        for entry in [*dated, *undated]
    ]


def _require_db(path: str) -> None:
    if not Path(path).exists():
        raise StoreError(f"{path}: no such database (run `storyledger analyze` first)")
