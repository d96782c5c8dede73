"""The command line: parse arguments, call the library, turn errors into one line.

Data goes to stdout; progress (only on a terminal), problems and summaries go to stderr.
Exit codes: 0 all went well, 1 some inputs were skipped or a run failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from typing import Any

from storyledger import __version__
from storyledger.errors import StoryledgerError
from storyledger.store import DEFAULT_DB

SHOWABLE = (
    "articles",
    "actors",
    "mentions",
    "quotes",
    "figures",
    "events",
    "stories",
    "comparisons",
    "framing",
    "loaded",
    "markers",
    "outlets",
    "timeline",
    "runs",
    "log",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="storyledger",
        description="Build a sourced, structured record of a news story from many articles.",
    )
    parser.add_argument("--version", action="version", version=f"storyledger {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser(
        "analyze",
        help="ingest articles and run every stage",
        epilog="Example: storyledger analyze articles/ --meta meta.json --json story.json",
    )
    analyze.add_argument("paths", nargs="+", help="files or folders (txt, html, jsonl, csv)")
    analyze.add_argument(
        "--meta", help="metadata sidecar: JSON of file name -> outlet, published, url, title"
    )
    analyze.add_argument("--json", dest="json_out", help="also write this run's export here")
    analyze.add_argument(
        "--max-bytes",
        type=int,
        default=10_000_000,
        help="skip an article larger than this (default 10 MB)",
    )
    _db(analyze)

    export = commands.add_parser(
        "export",
        help="export the whole store",
        epilog="Example: storyledger export --format parquet --out story_tables/",
    )
    export.add_argument("--format", choices=("json", "jsonl", "csv", "parquet"), default="json")
    export.add_argument("--out", required=True, help="a file for json, a folder otherwise")
    _outlets(export)
    _db(export)

    show = commands.add_parser(
        "show",
        help="print stored records",
        epilog="Example: storyledger show actors",
    )
    show.add_argument("what", choices=SHOWABLE)
    show.add_argument("--limit", type=int, default=0, help="at most this many rows (0: all)")
    show.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    show.add_argument(
        "--person", help="quotes: only this speaker's (a person's name or alias, any case)"
    )
    _outlets(show)
    _db(show)

    search = commands.add_parser(
        "search",
        help="full-text search over the stored articles",
        epilog='Example: storyledger search "Hale\'s" \'"peace talks"\' clean-up negotiat*',
    )
    search.add_argument(
        "query",
        nargs="+",
        help='words, all of which must match; "a phrase" in double quotes; word* for a prefix',
    )
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--quotes", action="store_true", help="search quotes and speakers")
    _db(search)

    batch = commands.add_parser(
        "batch",
        help="analyse input shards into Parquet files (resumable), for `import`",
        epilog="Example: storyledger batch --input 'dumps/*.jsonl' --output runs/2026 --workers 2",
    )
    batch.add_argument("--input", required=True, help="a glob: JSONL, CSV, Parquet, WARC, folders")
    batch.add_argument("--output", required=True, help="the folder of per-shard outputs")
    batch.add_argument(
        "--engine", choices=("local", "ray"), default="local", help="ray: pip install .[ray]"
    )
    batch.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    batch.add_argument("--force", action="store_true", help="redo finished shards")
    batch.add_argument("--max-bytes", type=int, default=10_000_000)
    batch.add_argument(
        "--no-compare",
        action="store_true",
        help="skip the cross-article stage (stories, comparisons) written to OUTPUT/_corpus",
    )

    load = commands.add_parser(
        "import",
        help="load a batch run's finished shards into the store",
        epilog="Example: storyledger import runs/2026 --db story.db",
    )
    load.add_argument("folder", help="the --output folder of `storyledger batch`")
    _db(load)

    report = commands.add_parser(
        "report",
        help="write the story as one self-contained HTML file",
        epilog="Example: storyledger report --out story.html",
    )
    report.add_argument("--out", required=True, help="the HTML file to write")
    report.add_argument(
        "--story",
        help="only this story: its id (or first characters), its name, or an article's id",
    )
    report.add_argument(
        "--title", help="the page title (default: the story's name, else storyledger)"
    )
    _outlets(report)
    _db(report)

    serve = commands.add_parser(
        "serve",
        help="a local, read-only web UI over the store, with full-text search",
        epilog="Example: storyledger serve --port 8000",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address (default loopback only)")
    serve.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests made to this host name (repeatable; loopback names always)",
    )
    serve.add_argument("--port", type=int, default=8000)
    _outlets(serve)
    _db(serve)

    story = commands.add_parser(
        "story",
        help="name stories or merge them (kept across re-runs)",
        epilog='Example: storyledger story name 3f2a "Kestrel Hill mine collapse"',
    )
    actions = story.add_subparsers(dest="action", required=True)
    name = actions.add_parser("name", help="give a story a name")
    name.add_argument("story", help="a story id (or its first characters) or an article id")
    name.add_argument("name")
    _db(name)
    merge = actions.add_parser("merge", help="put two or more stories in one")
    merge.add_argument("stories", nargs="+", help="story ids (or prefixes) or article ids")
    _db(merge)

    refresh = commands.add_parser(
        "refresh",
        help="recompute every actor, story and comparison (analyze recomputes what changed)",
    )
    _db(refresh)

    evaluate = commands.add_parser(
        "eval",
        help="score an extractor against the annotated articles in evals/",
        epilog="Example: storyledger eval figures --check",
    )
    evaluate.add_argument(
        "extractor", choices=("quotes", "figures", "events", "framing", "compare")
    )
    evaluate.add_argument("--data", default="evals", help="the folder of annotated sets")
    evaluate.add_argument("--shared", default="../shared", help="the shared seeds and corpora")
    evaluate.add_argument(
        "--set",
        dest="subset",
        choices=("all", "real", "ecbplus", "heldout", "dev"),
        default="all",
        help="one set alone: real (quotes or figures of real news annotated by hand, "
        "evals/*/real), ecbplus (compare: story grouping on ECB+, from --shared), heldout "
        "(events: held-out real news sentences, totals only) or dev (events: dev real news "
        "sentences of the same kind, with every error)",
    )
    evaluate.add_argument("--json", dest="json_out", help="also write the scores here")
    evaluate.add_argument("--check", action="store_true", help="exit 1 below the pinned floors")
    evaluate.add_argument("--pin", action="store_true", help="pin today's scores as floors")
    return parser


def _outlets(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--outlets",
        help="your outlets file: JSON of outlet name -> lean, ownership, notes (never shipped)",
    )


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `storyledger` command; returns the exit code."""
    args = build_parser().parse_args(argv)
    from storyledger import commands  # imported late: `--help` stays fast

    handler = getattr(commands, f"run_{args.command}")
    _warnings_to_stderr()
    try:
        return handler(args)
    except StoryledgerError as exc:
        print(f"storyledger: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _warnings_to_stderr() -> None:
    """Library warnings (an input changed on the way) as `storyledger: warning: ...` lines."""
    logger = logging.getLogger("storyledger")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("storyledger: warning: %(message)s"))
        logger.addHandler(handler)


# What a terminal must not receive raw from an article: C0 and C1 controls and DEL (`\x1b[2J`
# clears the screen), the bidirectional embeddings, overrides and isolates (they reorder what
# the line shows) and lone surrogates (not encodable). Each is shown as its escape, `\x1b`.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# JSON Lines also escape the line and paragraph separators, which some readers split lines on.
_UNSAFE_IN_JSONL = re.compile(f"{_UNSAFE.pattern}|[\u2028\u2029]")
# A run of whitespace in a cell is one space; the controls among `str.split`'s whitespace are
# not whitespace here (they are shown).
_SPACES = re.compile(r"[^\S\x0b\x0c\x1c-\x1f\x85]+")


def emit_rows(rows: list[dict[str, Any]], *, jsonl: bool) -> None:
    """Rows to stdout: JSON Lines, or a tab-separated table with a header. Neither carries a
    control character raw: the table shows it escaped, JSON writes it as `\\u` (losslessly)."""
    if jsonl:
        for row in rows:
            line = json.dumps(row, ensure_ascii=False, default=str)
            print(_UNSAFE_IN_JSONL.sub(lambda m: f"\\u{ord(m.group()):04x}", line))
        return
    if not rows:
        return
    columns = list(rows[0])
    print("\t".join(map(_cell, columns)))
    for row in rows:
        print("\t".join(_cell(row[column]) for column in columns))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(map(_cell, value))
    return _UNSAFE.sub(_escape, _SPACES.sub(" ", str(value)).strip(" "))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


if __name__ == "__main__":
    sys.exit(main())
