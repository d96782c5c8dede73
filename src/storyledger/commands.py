"""One function per CLI subcommand: each calls the library and reports, nothing more."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from tqdm import tqdm

from storyledger.cli import emit_rows
from storyledger.compare.order import by_date, by_weight, comparisons_in_order
from storyledger.compare.outlets import outlet_profiles, source_labels, words_by_article
from storyledger.compare.speakers import speaker_names, speaks_as
from storyledger.compare.timeline import build_timeline
from storyledger.errors import HELDOUT_NO_PIN, StoreError, StoryledgerError
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
        if args.json_out:  # the export's modules (and pyarrow) only when asked for
            from storyledger.export import build_export, write_export

            write_export(build_export(store, report.article_ids), "json", args.json_out)
    print(
        f"storyledger: {len(report.stored)} analyzed, {len(report.unchanged)} unchanged, "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed -> {args.db}",
        file=sys.stderr,
    )
    return 1 if report.problems else 0


def run_export(args: argparse.Namespace) -> int:
    """`storyledger export --format json|jsonl|csv|parquet --out PATH`."""
    from storyledger.export import build_export, write_export

    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    with Store(args.db) as store:
        unmatched = _unmatched_outlets(store, outlets)
        files = write_export(build_export(store, outlets=outlets), args.format, args.out)
    for file in files:
        print(file)
    return 1 if unmatched else 0


def run_show(args: argparse.Namespace) -> int:
    """`storyledger show articles|actors|quotes|figures|events|...`."""
    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    if args.person and args.what != "quotes":
        print("storyledger: --person filters `show quotes` only", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        unmatched = _unmatched_outlets(store, outlets)
        if args.what == "quotes":
            rows = _quote_rows(store, args.person)
        else:
            rows = _rows(store, args.what, outlets, jsonl=args.jsonl)
    if args.limit:
        rows = rows[: args.limit]
    emit_rows(rows, jsonl=args.jsonl)
    return 1 if unmatched else 0


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
    """`storyledger report --out story.html [--story ID|NAME]`: the self-contained HTML report
    of the store or of one story, titled by the story's name unless `--title` says otherwise."""
    from storyledger.report import build_views, render_page

    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    with Store(args.db) as store:
        unmatched = _unmatched_outlets(store, outlets)
        views = build_views(store, outlets, story=args.story)
        page = render_page(views, title=args.title)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_text(page, encoding="utf-8")
    partial.replace(out)
    print(out)
    return 1 if unmatched else 0


def run_serve(args: argparse.Namespace) -> int:
    """`storyledger serve [--host H] [--port P]`: the read-only web UI until interrupted."""
    from storyledger.web.server import StoryServer

    _require_db(args.db)
    outlets = load_outlets(args.outlets) if args.outlets else None
    with Store(args.db) as store:
        _unmatched_outlets(store, outlets)
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
            before = store.story(args.story)
            story = name_story(store, args.story, args.name)
            done = f"named story {story.id[:8]} {story.name!r} (was {before.name or 'unnamed'!r})"
        else:
            parts = {store.story(key).id for key in args.stories}
            story = merge_stories(store, args.stories)
            done = f"merged {len(parts)} stories into {story.id[:8]} {story.name!r}"
    print(
        f"storyledger: {done}: {len(story.articles)} articles,"
        f" {story.first_published or 'undated'} to {story.last_published or 'undated'}",
        file=sys.stderr,
    )
    emit_rows([_story_row(story)], jsonl=False)
    return 0


def run_search(args: argparse.Namespace) -> int:
    """`storyledger search QUERY [--quotes]`: matching articles or quotes, best first; the
    matched words are shown [in brackets] in the snippet."""
    _require_db(args.db)
    query = " ".join(args.query)
    with Store(args.db) as store:
        if args.quotes:
            found = store.search_quotes(query, limit=args.limit)
            columns = ("id", "article", "kind", "speaker", "speaker_resolved", "start", "end")
        else:
            found = store.search(query, limit=args.limit)
            columns = ("id", "title", "outlet", "published", "source")
    rows = [{**{key: row[key] for key in columns}, "snippet": _bracketed(row)} for row in found]
    emit_rows(rows, jsonl=False)
    return 0


def _bracketed(row: dict) -> str:
    snippet, at, pieces = row["snippet"], 0, []
    for start, end in row["snippet_spans"]:
        pieces += [snippet[at:start], "[", snippet[start:end], "]"]
        at = end
    return "".join([*pieces, snippet[at:]])


def run_eval(args: argparse.Namespace) -> int:
    """`storyledger eval quotes`: scores on the annotated sets, and the floors they must keep."""
    from storyledger.evaluation.gate import check_floors, pin_floors, score

    if args.pin and args.subset in ("heldout", "dev"):
        raise StoryledgerError(HELDOUT_NO_PIN)
    results = score(
        args.extractor, Path(args.data), Path(args.shared), load_model(), subset=args.subset
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


def _rows(
    store: Store,
    what: str,
    outlets: dict[str, OutletInfo] | None = None,
    *,
    jsonl: bool = False,
) -> list[dict]:
    if what in ("framing", "loaded", "markers", "outlets"):
        return _framing_rows(store, what, outlets)
    if what == "runs":
        return store.runs()
    if what == "log":
        return store.ingest_log()
    if what == "timeline":
        return _timeline_rows(store)
    if what == "stories":
        return [_story_row(story) for story in by_weight(store.corpus_records("stories"))]
    if what == "comparisons":
        labels = source_labels(store.articles())
        found = store.corpus_records("comparisons")
        ordered = comparisons_in_order(found, store.corpus_records("stories"))
        return [_comparison_row(c, labels, jsonl=jsonl) for c in ordered]
    if what == "articles":
        words = words_by_article(store.records("framing"))
        return [
            {
                "id": a.id,
                "published": a.published,
                "outlet": a.outlet,
                "title": a.title,
                "source": a.source,
                "words": words.get(a.id),
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
    records = store.records(what)
    if what in ("figures", "events"):
        records = by_date(records, {a.id: a.published for a in store.articles()})
    return _previewed([plain(record) for record in records])


def _quote_rows(store: Store, person: str | None) -> list[dict]:
    """Quotes with their speaker as a person (`person`) beside the words written (`speaker`);
    with `person`, only that person's (by name or alias, any case)."""
    published = {a.id: a.published for a in store.articles()}
    quotes = by_date(store.records("quotes"), published)
    actors = {actor.id: actor for actor in store.corpus_records("actors")}
    names = speaker_names(quotes, actors.values())
    if person:
        quotes = [q for q in quotes if speaks_as(person, q, names, actors)]
    rows = []
    for quote in quotes:
        row = plain(quote)
        row = {**{k: row.pop(k) for k in ("id", "article", "kind", "speaker")}, **row}
        rows.append({"person": names[quote.id], **row})
    return _previewed(rows)


def _previewed(rows: list[dict]) -> list[dict]:
    for row in rows:
        if len(row.get("text") or "") > _TEXT_PREVIEW:
            row["text"] = row["text"][: _TEXT_PREVIEW - 1] + "…"
    return rows


def _framing_rows(store: Store, what: str, outlets: dict[str, OutletInfo] | None) -> list[dict]:
    articles = store.articles()
    framings = store.records("framing")
    if what == "outlets":
        return [plain(profile) for profile in outlet_profiles(articles, framings, outlets)]
    outlet = source_labels(articles)
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
    """A story under the export's column names (`articles` and `copies` counted here)."""
    return {
        "id": story.id,
        "name": story.name,
        "name_source": story.name_source,
        "articles": len(story.articles),
        "copies": len(story.copies),
        "first_published": story.first_published,
        "last_published": story.last_published,
    }


def _comparison_row(comparison: Comparison, labels: dict[str, str], *, jsonl: bool) -> dict:
    """A comparison under the export's column names; `items` a list (of objects in JSON
    Lines, of `value [reported by, date]` in the table, whose cells join them with `; `)."""

    def side(item: ComparisonItem) -> str:
        value = " ".join(str(item.value or "").split())
        if len(value) > _TEXT_PREVIEW // 2:
            value = value[: _TEXT_PREVIEW // 2 - 1] + "…"
        by = item.reported_by or labels.get(item.article) or "?"
        return f"{value} [{by}, {item.published or 'undated'}]"

    items = [plain(item) if jsonl else side(item) for item in comparison.items]
    return {
        "id": comparison.id,
        "kind": comparison.kind,
        "topic": comparison.topic,
        "relation": comparison.relation,
        "items": items,
        "story": comparison.story,
        "note": comparison.note,
    }


def _timeline_rows(store: Store) -> list[dict]:
    dated, undated = build_timeline(
        store.articles(), store.records("events"), store.records("figures"), store.records("quotes")
    )
    return [
        {
            "date": entry.date,
            "basis": entry.date_basis,
            "kind": entry.kind,
            "summary": entry.summary,
            "record": entry.record,
            "article": entry.article,
            "start": entry.start,
            "end": entry.end,
        }
        for entry in [*dated, *undated]
    ]


def _unmatched_outlets(store: Store, outlets: dict[str, OutletInfo] | None) -> list[str]:
    """The outlets of the user's `--outlets` file that no stored article has, reported in one
    line (with the stored names when they differ only in case or spacing)."""
    if not outlets:
        return []
    stored = store.outlets()
    unmatched = sorted(set(outlets) - stored)
    if unmatched:
        folded = {" ".join(name.split()).casefold(): name for name in stored}
        hints = [
            f"{name!r} (stored as {folded[key]!r})" if key in folded else repr(name)
            for name in unmatched
            for key in [" ".join(name.split()).casefold()]
        ]
        print(
            f"storyledger: --outlets names {len(unmatched)} outlet(s) no stored article has:"
            f" {', '.join(hints)}",
            file=sys.stderr,
        )
    return unmatched


def _require_db(path: str) -> None:
    if not Path(path).exists():
        raise StoreError(f"{path}: no such database (run `storyledger analyze` first)")
