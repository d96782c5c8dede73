"""The command line, end to end: analyze, export, show, search, errors and exit codes."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from storyledger.cli import emit_rows, main
from tests.conftest import EXAMPLES, ROOT, SEEDS, SHARED, need

GOLDEN = Path(__file__).parent / "golden" / "examples.json"


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_seeds_export(tmp_path, capsys):
    need(SEEDS)
    out_file = tmp_path / "out.json"
    code, _out, err = run(
        capsys,
        "analyze",
        *sorted(SEEDS.glob("*.txt")),
        "--meta",
        SEEDS / "meta.json",
        "--db",
        tmp_path / "s.db",
        "--json",
        out_file,
    )
    assert code == 0, err
    document = json.loads(out_file.read_text())
    assert document["schema"] == "storyledger/1"
    assert len(document["articles"]) == 2
    assert {a["published"] for a in document["articles"]} == {"2025-05-20", "2025-07-09"}
    assert all(a["date_source"] == "sidecar" and a["blocks"] for a in document["articles"])
    people = {a["name"] for a in document["actors"] if a["kind"] == "person"}
    assert {"Benjamin Netanyahu", "Donald Trump", "Steve Witkoff"} <= people
    for key in ("quotes", "figures", "events", "comparisons", "framing"):
        assert isinstance(document[key], list)


def test_examples_match_golden_file(tmp_path, capsys, monkeypatch):
    """Layout, actors, quotes, figures, stories and comparisons of the whole example story; set
    STORYLEDGER_UPDATE_GOLDEN=1 to renew."""
    monkeypatch.chdir(ROOT)
    out_file = tmp_path / "e.json"
    code, _, err = run(
        capsys,
        "analyze",
        "examples/story",
        "--meta",
        "examples/meta.json",
        "--db",
        tmp_path / "e.db",
        "--json",
        out_file,
    )
    assert code == 0, err
    document = json.loads(out_file.read_text())
    summary = {
        "articles": [
            {
                key: a[key]
                for key in (
                    "id",
                    "source",
                    "title",
                    "outlet",
                    "published",
                    "date_source",
                    "url",
                    "blocks",
                    "sentences",
                    "cited_sources",
                )
            }
            for a in document["articles"]
        ],
        "actors": sorted(
            [a["kind"], a["name"], a["aliases"], a["mentions"]] for a in document["actors"]
        ),
        "quotes": [
            {
                key: q[key]
                for key in (
                    "article",
                    "start",
                    "end",
                    "kind",
                    "speaker",
                    "speaker_resolved",
                    "anonymous",
                    "affiliation",
                    "cue",
                )
            }
            for q in document["quotes"]
        ],
        "figures": [
            {
                key: f[key]
                for key in (
                    "article",
                    "start",
                    "end",
                    "value",
                    "low",
                    "high",
                    "qualifier",
                    "counted",
                    "measure",
                    "place",
                    "attributed_to",
                )
            }
            for f in document["figures"]
        ],
        "framing": [
            [
                f["article"],
                f["words"],
                f["loaded_per_1000"],
                f["attributed_share"],
                [[t["text"], t["in_quote"], t["attributed"]] for t in f["loaded_terms"]],
                [[m["kind"], m["term"]] for m in f["markers"]],
            ]
            for f in document["framing"]
        ],
        "stories": [[s["name"], s["articles"], s["copies"]] for s in document["stories"]],
        "comparisons": sorted(
            [c["kind"], c["relation"], c["topic"], [[i["article"], i["value"]] for i in c["items"]]]
            for c in document["comparisons"]
        ),
    }
    if os.environ.get("STORYLEDGER_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    assert summary == json.loads(GOLDEN.read_text())


def test_rerun_is_idempotent_and_bad_inputs_are_named(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES / "story", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bin.txt").write_bytes(b"\x00\xff" * 50)
    (folder / "bad.jsonl").write_text(
        '{"text": "A fine article about the flood. It rained."}\n{oops\n'
    )
    db = tmp_path / "x.db"
    code, out, err = run(capsys, "analyze", folder, "--db", db)
    assert code == 1
    assert out == ""
    assert f"storyledger: {folder / 'empty.txt'}: empty file" in err.splitlines()
    assert f"storyledger: {folder / 'bin.txt'}: binary file, not text" in err.splitlines()
    assert any(
        line.startswith(f"storyledger: {folder / 'bad.jsonl'}:2: malformed JSON")
        for line in err.splitlines()
    )
    assert "5 analyzed" in err
    run(capsys, "export", "--db", db, "--out", tmp_path / "first.json")
    code, _, err = run(capsys, "analyze", folder, "--db", db)
    assert "0 analyzed, 5 unchanged" in err
    run(capsys, "export", "--db", db, "--out", tmp_path / "second.json")
    first = json.loads((tmp_path / "first.json").read_text())
    second = json.loads((tmp_path / "second.json").read_text())
    first["generator"].pop("runs"), second["generator"].pop("runs")
    assert first == second


def test_show_search_and_export(tmp_path, capsys):
    db = tmp_path / "e.db"
    run(capsys, "analyze", EXAMPLES / "story", "--meta", EXAMPLES / "meta.json", "--db", db)
    code, out, _ = run(capsys, "show", "articles", "--db", db)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split("\t")[:3] == ["id", "published", "outlet"]
    assert len(rows) == 4
    code, out, _ = run(capsys, "show", "actors", "--db", db, "--jsonl", "--limit", "3")
    assert [json.loads(line)["kind"] for line in out.splitlines()]
    code, out, _ = run(capsys, "search", "convoy", "--db", db)
    assert code == 0
    assert "[convoy]" in out
    code, out, _ = run(capsys, "search", "--quotes", "evidence", "--db", db)
    assert code == 0 and "Marsh" in out
    code, out, err = run(capsys, "search", '"unbalanced', "--db", db)
    assert code == 0 and out == err == ""  # no query is an error (#19), this one finds nothing
    code, out, _ = run(capsys, "search", "clean-up", "300", "soldiers", "--db", db)
    assert code == 0 and "[300] [soldiers] to help with the [clean-up]" in out
    code, out, _ = run(capsys, "show", "timeline", "--db", db, "--jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and {row["kind"] for row in rows} == {"event", "figure", "quote"}
    code, out, _ = run(capsys, "show", "quotes", "--db", db, "--jsonl")
    assert {json.loads(line)["kind"] for line in out.splitlines()} == {
        "direct",
        "partial",
        "indirect",
    }
    for fmt in ("json", "jsonl", "csv", "parquet"):
        target = tmp_path / ("x.json" if fmt == "json" else fmt)
        code, out, _ = run(capsys, "export", "--format", fmt, "--out", target, "--db", db)
        assert code == 0 and out.strip()


@pytest.mark.issue(6)
def test_stories_comparisons_and_the_users_names_and_merges(tmp_path, capsys):
    db = tmp_path / "c.db"
    dump = ROOT / "evals/compare/articles.jsonl"
    code, _, err = run(capsys, "analyze", dump, "--db", db)
    assert code == 0, err

    def stories():
        _, out, _ = run(capsys, "show", "stories", "--db", db, "--jsonl")
        return [json.loads(line) for line in out.splitlines()]

    before = stories()
    assert len(before) >= 5 and all(row["name_source"] == "auto" for row in before)
    code, out, _ = run(capsys, "show", "comparisons", "--db", db, "--jsonl")
    kinds = {(row["kind"], row["relation"]) for row in map(json.loads, out.splitlines())}
    assert {("figure", "update"), ("figure", "agree"), ("quote", "variant")} <= kinds
    assert ("claim", "conflict") in kinds
    kestrel = next(row for row in before if "Kestrel" in row["name"])
    orla = next(row for row in before if "Orla" in row["name"])
    code, out, _ = run(capsys, "story", "name", kestrel["id"][:6], "Kestrel Hill", "--db", db)
    assert code == 0 and "Kestrel Hill\tuser" in out
    code, out, _ = run(capsys, "story", "merge", kestrel["id"], orla["id"], "--db", db)
    assert code == 0
    run(capsys, "analyze", dump, "--db", db)  # regrouping keeps what the user said
    after = stories()
    assert len(after) == len(before) - 1
    merged = next(row for row in after if row["name"] == "Kestrel Hill")
    assert merged["articles"] == kestrel["articles"] + orla["articles"]
    code, _, err = run(capsys, "story", "name", "nosuchstory", "x", "--db", db)
    assert code == 1 and err.count("\n") == 1 and "no story with id or article" in err


@pytest.mark.issue(7)
def test_framing_per_article_and_per_outlet(tmp_path, capsys):
    db = tmp_path / "f.db"
    run(capsys, "analyze", EXAMPLES / "story", "--meta", EXAMPLES / "meta.json", "--db", db)
    outlets = tmp_path / "outlets.json"
    outlets.write_text(json.dumps({"The Harbor Voice": {"lean": "populist (our own note)"}}))
    code, out, _ = run(capsys, "show", "outlets", "--db", db, "--jsonl", "--outlets", outlets)
    profiles = {row["outlet"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0 and len(profiles) == 4
    voice = profiles["The Harbor Voice"]
    assert voice["lean"] == "populist (our own note)" and voice["loaded_per_1000"] > 0
    assert profiles["The Meridian Courier"]["lean"] is None
    code, out, _ = run(capsys, "show", "loaded", "--db", db, "--jsonl")
    assert {json.loads(line)["voice"] for line in out.splitlines()} >= {"outlet", "quote"}
    code, out, _ = run(capsys, "show", "markers", "--db", db)
    assert code == 0 and "unattributed_evaluation" in out
    code, out, _ = run(capsys, "show", "framing", "--db", db)
    assert code == 0 and out.splitlines()[0].startswith("article\toutlet\twords")
    outlets.write_text("[]")
    code, _, err = run(capsys, "show", "outlets", "--db", db, "--outlets", outlets)
    assert code == 1 and err.count("\n") == 1 and "must be a JSON object" in err


def test_errors_are_one_line_with_exit_codes(tmp_path, capsys):
    code, _, err = run(capsys, "show", "articles", "--db", tmp_path / "none.db")
    assert code == 1 and err.count("\n") == 1 and "no such database" in err
    bad_meta = tmp_path / "m.json"
    bad_meta.write_text("[]")
    code, _, err = run(
        capsys, "analyze", EXAMPLES / "story", "--meta", bad_meta, "--db", tmp_path / "a.db"
    )
    assert code == 1 and err.strip() == (
        f"storyledger: {bad_meta}: must be a JSON object of file name -> metadata"
    )
    with pytest.raises(SystemExit) as usage:
        main(["export", "--format", "xml", "--out", "x"])
    assert usage.value.code == 2


@pytest.mark.parametrize("extractor", ["quotes", "figures", "events"])
def test_eval_checks_its_floors(capsys, monkeypatch, extractor):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "eval", extractor, "--check", "--shared", SHARED)
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"{extractor}, annotated set")


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("storyledger ")


# What `show` must never print raw, and what it shows instead.
SHOWN_ESCAPED = [
    ("clear\x1b[2Jscreen", "clear\\x1b[2Jscreen"),
    ("bell\x07 nul\x00 del\x7f", "bell\\x07 nul\\x00 del\\x7f"),
    ("c1 \x85\x9b31m", "c1 \\x85\\x9b31m"),
    ("file sep\x1c unit\x1f vt\x0b ff\x0c", "file sep\\x1c unit\\x1f vt\\x0b ff\\x0c"),
    (
        "evil\u202egnp.exe \u2066iso\u2069 \u202aemb\u202c",
        "evil\\u202egnp.exe \\u2066iso\\u2069 \\u202aemb\\u202c",
    ),
    ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ("tab\there\r\nnext  line\u2028sep", "tab here next line sep"),
    ("  emoji 😀 𝕏 🇺🇦 e\u0301 北京  ", "emoji 😀 𝕏 🇺🇦 e\u0301 北京"),
]
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.issue(20)
def test_show_prints_control_characters_escaped(capsys):
    rows = [
        {"id": str(i), "title": raw, "aliases": [raw, "x"]}
        for i, (raw, _) in enumerate(SHOWN_ESCAPED)
    ]
    emit_rows(rows, jsonl=False)
    lines = capsys.readouterr().out.split("\n")
    assert lines[0] == "id\ttitle\taliases" and lines[-1] == ""
    assert [line.split("\t") for line in lines[1:-1]] == [
        [str(i), shown, f"{shown}; x"] for i, (_raw, shown) in enumerate(SHOWN_ESCAPED)
    ]
    assert not RAW.search("".join(lines))


@pytest.mark.issue(20)
def test_show_jsonl_stays_valid_and_lossless_without_raw_controls(capsys):
    rows = [{"title": raw, "n": i, "aliases": [raw]} for i, (raw, _) in enumerate(SHOWN_ESCAPED)]
    emit_rows(rows, jsonl=True)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == rows
    assert not RAW.search("".join(lines))
