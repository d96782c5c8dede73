"""One `storyledger analyze` over a folder of ~45 hostile inputs and two good articles (#20).

Every input is made here, in tmp_path. The run must finish (exit 0 or 1, no traceback), name
each bad input on one line with its reason, store the good articles (and what could be read of
the rest) with exact spans, leave a sound database, and change nothing when run again.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ACCENTS = "Le maire a déclaré que le café était fermé; déjà 1 200 résidents sont partis. "
QUIET = ("storyledger: ", "exact copy")
MAX_BYTES = 2_000_000


def body(n: int) -> str:
    """A short article of its own: no two inputs are exact copies unless meant to be."""
    return (
        f"Report {n}. The council voted 7-2 on Monday to close the Harbour bridge, officials "
        f'said. "It is not safe," Mayor Ann Lee told reporters. About {n * 100 + 12} people '
        "cross it daily."
    )


@dataclass(frozen=True)
class Expect:
    """What the run must do with one source (a path relative to the input folder)."""

    source: str
    kind: str  # "skip": a problem line; "warn": a warning line; "stored"; "copy": logged only
    text: str  # the start of the reason, a part of the warning, or a part of the stored text


def write(name: str, data: bytes):
    return lambda root: (root / name).write_bytes(data)


def jsonl(name: str, *lines: object):
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    return write(name, ("\n".join(rows) + "\n").encode())


def table(name: str, rows: list[list[str]], *, before: str = "", encoding: str = "utf-8"):
    """A CSV written by the csv module (so the good rows are well formed), after raw `before`."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return write(name, (before + buffer.getvalue()).encode(encoding))


def link(name: str, target: str):
    return lambda root: (root / name).symlink_to(root / target)


def fifo(name: str):
    return lambda root: os.mkfifo(root / name)


def inside(folder: str, name: str, data: bytes):
    def make(root: Path) -> None:
        (root / folder).mkdir()
        (root / folder / name).write_bytes(data)

    return make


def raw_name(name: bytes, data: bytes):
    def make(root: Path) -> None:
        with open(os.fsencode(root) + b"/" + name, "wb") as handle:
            handle.write(data)

    return make


def html(inner: bytes) -> bytes:
    return b"<html><head><title>Bridge</title></head><body>" + inner + b"</body></html>"


SURROGATES = (
    '{"text": "Lone \\ud800 here. ' + json.dumps(body(25))[1:-1] + '", "title": "Bad \\udc80"}'
)
CASES = [  # (make, what the run must do)
    (write("good_one.txt", body(1).encode()), [Expect("good_one.txt", "stored", "Report 1.")]),
    (
        write("good_two.html", html(b"<article><p>" + body(2).encode() + b"</p></article>")),
        [Expect("good_two.html", "stored", "Report 2.")],
    ),
    (write("empty.txt", b""), [Expect("empty.txt", "skip", "empty file")]),
    (write("blank.txt", b"  \n\t \r\n  "), [Expect("blank.txt", "skip", "empty file")]),
    (
        write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        [Expect("binary.txt", "skip", "binary file, not text")],
    ),
    (
        write("nul_bytes.txt", body(3).encode().replace(b" ", b"\x00", 3)),
        [Expect("nul_bytes.txt", "skip", "binary file, not text")],
    ),
    (
        write("controls_many.txt", bytes(range(1, 9)) * 40 + body(4).encode()),
        [Expect("controls_many.txt", "skip", "binary file, not text")],
    ),
    (
        write("controls_few.txt", body(5).encode().replace(b"Monday", b"Mon\x1bday")),
        [Expect("controls_few.txt", "stored", "Mon\x1bday")],
    ),
    (
        write("gzip_cut.txt", gzip.compress(body(6).encode())[:30]),
        [Expect("gzip_cut.txt", "skip", "binary file, not text")],
    ),
    (
        write("bom_then_bad.txt", codecs.BOM_UTF8 + b"Caf\xe9 " + body(7).encode()),
        [
            Expect("bom_then_bad.txt", "warn", "1 undecodable byte sequence(s) replaced"),
            Expect("bom_then_bad.txt", "stored", "Caf\ufffd Report 7."),
        ],
    ),
    (
        write("utf16_odd.txt", body(8).encode("utf-16") + b"!"),
        [
            Expect("utf16_odd.txt", "warn", "replaced with U+FFFD (read as utf-16)"),
            Expect("utf16_odd.txt", "stored", "Report 8."),
        ],
    ),
    (
        write("utf16_no_bom.txt", body(9).encode("utf-16-le")),
        [Expect("utf16_no_bom.txt", "stored", "Report 9.")],
    ),
    (
        write("utf16_bom.txt", body(10).encode("utf-16")),
        [Expect("utf16_bom.txt", "stored", "Report 10.")],
    ),
    (
        write("utf8_bom.txt", codecs.BOM_UTF8 + body(11).encode()),
        [Expect("utf8_bom.txt", "stored", "Report 11.")],
    ),
    (
        write("utf32_no_bom.txt", body(12).encode("utf-32-le")),
        [Expect("utf32_no_bom.txt", "skip", "binary file, not text")],
    ),
    (
        write("stray_bytes.txt", (ACCENTS * 3 + body(13)).encode() + b" \x9d\x81"),
        [
            Expect("stray_bytes.txt", "warn", "2 undecodable byte sequence(s) replaced"),
            Expect("stray_bytes.txt", "stored", "déclaré que le café"),
        ],
    ),
    (
        write("cp1252.txt", (ACCENTS + body(14)).encode("cp1252")),
        [Expect("cp1252.txt", "stored", "déclaré que le café")],
    ),
    (
        write("mixed_endings.txt", b"Report 15.\r\nLine two.\rLine three.\n" + body(15).encode()),
        [Expect("mixed_endings.txt", "stored", "Report 15.\nLine two.\nLine three.\n")],
    ),
    (
        write(
            "rtl_zero_width.txt", f"\u200f\u202eשלום\u202c \u200b\u200dمرحبا. {body(16)}".encode()
        ),
        [Expect("rtl_zero_width.txt", "stored", "שלום\u202c \u200b\u200dمرحبا. Report 16.")],
    ),
    (
        write("emoji.txt", f"🌊👩‍👩‍👧‍👦🇬🇧 {body(17)} 🏳️‍🌈".encode()),
        [Expect("emoji.txt", "stored", "🌊👩‍👩‍👧‍👦🇬🇧 Report 17.")],
    ),
    (
        write("three_mb_line.txt", b"word " * 600_000),
        [Expect("three_mb_line.txt", "skip", "too large for one article (3,000,000 bytes")],
    ),
    (
        write("only_script.html", html(b"<script>" + b"var x = 1;" * 50 + b"</script>")),
        [Expect("only_script.html", "skip", "no main text found in the HTML")],
    ),
    (
        write("no_body.html", b"<html><head><title>Only a title here</title></head></html>"),
        [Expect("no_body.html", "skip", "no main text found in the HTML")],
    ),
    (
        write("deep.html", html(b"<div>" * 5000 + body(40).encode() + b"</div>" * 5000)),
        [Expect("deep.html", "skip", "no main text found in the HTML")],
    ),
    (
        jsonl("malformed.jsonl", {"text": body(18)}, '{"text": "cut', {"text": body(19)}),
        [
            Expect("malformed.jsonl:1", "stored", "Report 18."),
            Expect("malformed.jsonl:2", "skip", "malformed JSON (Unterminated string"),
            Expect("malformed.jsonl:3", "stored", "Report 19."),
        ],
    ),
    (
        write("array.jsonl", json.dumps([{"text": body(20)}], indent=2).encode()),
        [Expect("array.jsonl", "skip", "one JSON document, not JSON Lines")],
    ),
    (
        jsonl("not_object.jsonl", {"text": body(21)}, "42", '"a string"'),
        [
            Expect("not_object.jsonl:1", "stored", "Report 21."),
            Expect("not_object.jsonl:2", "skip", "a JSON Lines record must be an object"),
            Expect("not_object.jsonl:3", "skip", "a JSON Lines record must be an object"),
        ],
    ),
    (
        jsonl("no_text.jsonl", {"title": "No text"}, {"text": "", "title": "E"}, {"text": " \n"}),
        [Expect(f"no_text.jsonl:{n}", "skip", "record has no text") for n in (1, 2, 3)],
    ),
    (
        jsonl(
            "types.jsonl",
            {"text": ["a", "b"]},
            {"text": body(22), "outlet": True},
            {"text": body(23), "published": "not a date"},
            {"text": body(24), "published": "2008-02-30"},
        ),
        [
            Expect("types.jsonl:1", "skip", "field 'text' must be a string, not an array"),
            Expect("types.jsonl:2", "warn", "field 'outlet' must be a string, not a boolean"),
            Expect("types.jsonl:3", "warn", "unreadable date 'not a date' in 'published'"),
            Expect("types.jsonl:4", "warn", "unreadable date '2008-02-30' in 'published'"),
        ]
        + [Expect(f"types.jsonl:{n}", "stored", f"Report {n + 20}.") for n in (2, 3, 4)],
    ),
    (
        write("surrogates.jsonl", SURROGATES.encode() + b"\n"),
        [
            Expect("surrogates.jsonl:1", "warn", "1 lone surrogate(s) in 'text'"),
            Expect("surrogates.jsonl:1", "warn", "1 lone surrogate(s) in 'title'"),
            Expect("surrogates.jsonl:1", "stored", "Lone \ufffd here. Report 25."),
        ],
    ),
    (
        write("deep.jsonl", b"[" * 200_000 + b"\n" + json.dumps({"text": body(26)}).encode()),
        [
            Expect("deep.jsonl:1", "skip", "malformed JSON (nested too deeply)"),
            Expect("deep.jsonl:2", "stored", "Report 26."),
        ],
    ),
    (
        write("huge_line.jsonl", b'{"text": "' + b"word " * 600_000 + b"\n"),
        [Expect("huge_line.jsonl:1", "skip", "malformed JSON (Unterminated string")],
    ),
    (
        write("bom.jsonl", codecs.BOM_UTF8 + json.dumps({"text": body(27)}).encode()),
        [Expect("bom.jsonl:1", "stored", "Report 27.")],
    ),
    (
        table(
            "cp1252.csv",
            [["title", "text"], ["Café", f"Café owners. {body(28)}"]],
            encoding="cp1252",
        ),
        [Expect("cp1252.csv:1", "stored", "Café owners. Report 28.")],
    ),
    (
        table(
            "unclosed.csv",
            [["B", body(29)], ["C", body(30)]],
            before='title,text\r\nA,"an unclosed quote\r\n',
        ),
        [
            Expect("unclosed.csv:1", "skip", "malformed CSV row (line 2: ',' expected after"),
            Expect("unclosed.csv:2", "stored", "Report 29."),
            Expect("unclosed.csv:3", "stored", "Report 30."),
        ],
    ),
    (
        table("ragged.csv", [["title", "text"], ["A", "B", body(31)], ["C"], ["D", body(32)]]),
        [
            Expect("ragged.csv:1", "skip", "ragged CSV row (line 2: 3 fields, the header has 2)"),
            Expect("ragged.csv:2", "skip", "ragged CSV row (line 3: 1 fields, the header has 2)"),
            Expect("ragged.csv:3", "stored", "Report 32."),
        ],
    ),
    (
        write("no_text_column.csv", b"title,outlet\nA,B\n"),
        [Expect("no_text_column.csv", "skip", "no text column (text, body or content)")],
    ),
    (
        table("utf16.csv", [["title", "text"], ["X", body(33)]], encoding="utf-16"),
        [Expect("utf16.csv:1", "stored", "Report 33.")],
    ),
    (fifo("pipe.txt"), [Expect("pipe.txt", "skip", "not a regular file (a named pipe)")]),
    (
        link("self_loop.txt", "self_loop.txt"),
        [Expect("self_loop.txt", "skip", "cannot read (Too many levels of symbolic links)")],
    ),
    (
        link("broken.txt", "nowhere.txt"),
        [Expect("broken.txt", "skip", "cannot read (broken symbolic link)")],
    ),
    (
        link("loop_folder", "."),
        [Expect("loop_folder", "warn", "symbolic link to a folder, not followed")],
    ),
    (
        inside("folder.jsonl", "inner.txt", body(34).encode()),
        [Expect("folder.jsonl/inner.txt", "stored", "Report 34.")],
    ),
    (
        write("zz_copy_of_one.txt", body(1).encode() + b"\n"),
        [Expect("zz_copy_of_one.txt", "copy", "exact copy of")],
    ),
    (
        raw_name(b"caf\xe9.txt", body(35).encode()),
        [
            Expect("caf\ufffd.txt", "warn", "1 lone surrogate(s) in the file name"),
            Expect("caf\ufffd.txt", "stored", "Report 35."),
        ],
    ),
    (write("new\nline.txt", b""), [Expect("new\\nline.txt", "skip", "empty file")]),
]
NAMED = [  # given on the command line beside the folder: (name, make, reason)
    ("cut.gz", lambda p: p.write_bytes(gzip.compress(b"x" * 100)[:20]), "unsupported file type"),
    ("named_pipe.jsonl", os.mkfifo, "not a regular file (a named pipe)"),
    ("missing.txt", lambda p: None, "no such file or folder"),
]
EXPECTS = [expect for _, expects in CASES for expect in expects]


@dataclass(frozen=True)
class Run:
    root: Path
    folder: Path
    db: Path
    first: subprocess.CompletedProcess
    second: subprocess.CompletedProcess
    tables: dict[str, list[str]]

    def lines(self) -> list[str]:
        return self.first.stderr.splitlines()


def analyze(*args: object) -> subprocess.CompletedProcess:
    code = "import sys; from storyledger.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, "analyze", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)


def snapshot(db: Path) -> dict[str, list[str]]:
    """Every row of every table but the run log, in a comparable form."""
    with sqlite3.connect(db) as conn:
        names = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            name: sorted(map(repr, conn.execute(f'SELECT * FROM "{name}"')))
            for name in names
            if name not in ("runs", "ingest_log") and "_fts" not in name
        }


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("bad_inputs")
    folder = root / "in"
    folder.mkdir()
    for make, _ in CASES:
        make(folder)
    for name, make, _ in NAMED:
        make(root / name)
    meta = root / "meta.json"
    meta.write_text(json.dumps({"good_one.txt": {"outlet": "Wire"}, "ghost.txt": {"outlet": "X"}}))
    db = root / "story.db"
    args = [folder, *(root / name for name, *_ in NAMED), "--db", db, "--meta", meta]
    args += ["--max-bytes", MAX_BYTES]
    first = analyze(*args)
    tables = snapshot(db)
    return Run(root, folder, db, first, analyze(*args), tables)


def test_the_run_finishes_without_a_traceback(run):
    for result in (run.first, run.second):
        assert result.returncode == 1, result.stderr[-3000:]
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


def test_every_line_on_stderr_is_one_message(run):
    for line in run.lines():
        assert line.startswith("storyledger: "), line


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    "expect", [e for e in EXPECTS if e.kind in ("skip", "warn")], ids=lambda e: e.source
)
def test_each_bad_input_is_named_on_one_line(run, expect):
    source = f"{run.folder}/{expect.source}"
    if expect.kind == "skip":
        wanted = f"storyledger: {source}: {expect.text}"
        assert any(line.startswith(wanted) for line in run.lines()), wanted
    else:
        warned = f"storyledger: warning: {source}: "
        assert any(line.startswith(warned) and expect.text in line for line in run.lines())


@pytest.mark.issue(20)
def test_inputs_named_beside_the_folder_and_the_sidecar_are_reported(run):
    for name, _, reason in NAMED:
        assert any(
            line.startswith(f"storyledger: {run.root / name}: {reason}") for line in run.lines()
        )
    meta = f"storyledger: warning: {run.root / 'meta.json'}: "
    sidecar = [line for line in run.lines() if line.startswith(meta)]
    assert sidecar == [f"{meta}entry 'ghost.txt' matches no input"]


@pytest.mark.issue(20)
def test_every_warning_about_an_input_is_kept_in_the_ingest_log(run):
    """What the terminal said about an input read but changed is also in the store."""
    with sqlite3.connect(run.db) as conn:
        first_run = conn.execute("SELECT MIN(id) FROM runs").fetchone()[0]
        kept = conn.execute(
            "SELECT source, reason FROM ingest_log WHERE status = 'warning' AND run_id = ?",
            (first_run,),
        ).fetchall()
    for expect in (e for e in EXPECTS if e.kind == "warn"):
        source = f"{run.folder}/{expect.source}"
        assert any(s == source and expect.text in r for s, r in kept), expect


@pytest.mark.issue(20)
def test_what_could_be_read_is_stored_with_exact_spans(run):
    stored = [e for e in EXPECTS if e.kind == "stored"]
    with sqlite3.connect(run.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT id, source, text, outlet FROM articles").fetchall()
        by_source = {source: (text, outlet) for _, source, text, outlet in rows}
        assert sorted(by_source) == sorted(f"{run.folder}/{e.source}" for e in stored)
        for expect in stored:
            assert expect.text in by_source[f"{run.folder}/{expect.source}"][0], expect
        assert by_source[f"{run.folder}/good_one.txt"][1] == "Wire"
        copies = conn.execute("SELECT source, reason FROM ingest_log WHERE status = 'skipped'")
        assert (f"{run.folder}/zz_copy_of_one.txt", f"exact copy of {run.folder}/good_one.txt") in (
            copies.fetchall()
        )
        texts = {article: text for article, _, text, _ in rows}
        spans = 0
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"):
            columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
            if {"article", "start", "end", "text"} <= columns:
                query = f'SELECT article, start, "end", text FROM "{name}"'
                for article, start, end, text in conn.execute(query):
                    assert text == texts[article][start:end], (name, article, start, end)
                    spans += 1
        assert spans > 5 * len(stored)


@pytest.mark.issue(20)
def test_a_second_run_changes_nothing(run):
    assert snapshot(run.db) == run.tables
    stored = sum(e.kind == "stored" for e in EXPECTS)
    assert f"storyledger: 0 analyzed, {stored} unchanged," in run.second.stderr
    first = sorted(line for line in run.lines() if " analyzed, " not in line)
    second = sorted(line for line in run.second.stderr.splitlines() if " analyzed, " not in line)
    assert second == first
