"""The metadata sidecar: lookups, and one-line errors for bad files."""

import json
from datetime import date

import pytest

from storyledger.errors import SidecarError
from storyledger.ingest.dates import parse_date
from storyledger.ingest.sidecar import load_sidecar


def test_lookup_by_path_name_or_dump_record(tmp_path):
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"a.txt": {"outlet": "A"}, "dump.jsonl:2": {"outlet": "B"}}))
    sidecar = load_sidecar(meta)
    assert sidecar.lookup("some/dir/a.txt").outlet == "A"
    assert sidecar.lookup("data/dump.jsonl:2").outlet == "B"
    assert sidecar.lookup("data/dump.jsonl:3") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object of file name -> metadata"),
        ('{"a.txt": {"outlet": 5}}', "entry 'a.txt': outlet: Input should be a valid string"),
        ('{"a.txt": {"published": "someday soonish"}}', "unreadable date 'someday soonish'"),
    ],
)
def test_bad_sidecars_fail_in_one_line(tmp_path, content, message):
    meta = tmp_path / "m.json"
    meta.write_text(content)
    with pytest.raises(SidecarError) as caught:
        load_sidecar(meta)
    assert str(caught.value).startswith(f"{meta}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_sidecar(tmp_path):
    with pytest.raises(SidecarError, match="no such file"):
        load_sidecar(tmp_path / "none.json")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-20", date(2025, 5, 20)),
        ("2025-05-20T23:10:00+02:00", date(2025, 5, 20)),
        ("May 20, 2025", date(2025, 5, 20)),
        ("20 May 2025", date(2025, 5, 20)),
        ("", None),
        (None, None),
        ("2025-13-45", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    "value",
    ["yesterday", "2 days ago", "-1", "Tuesday", "May 20", "x" * 300, "2008-02-30", "not a date"],
)
def test_dates_that_depend_on_the_day_of_the_run_or_do_not_exist_are_none(value):
    assert parse_date(value) is None


@pytest.mark.issue(20)
def test_sidecar_entries_no_input_matched_are_named(tmp_path, caplog):
    from storyledger.ingest import IngestOptions, read_inputs

    (tmp_path / "a.txt").write_text("The council voted 7-2 on Monday, officials said.")
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"a.txt": {"outlet": "A"}, "missing.txt": {"outlet": "B"}}))
    (article,) = read_inputs([tmp_path / "a.txt"], IngestOptions(sidecar=load_sidecar(meta)))
    assert article.outlet == "A"
    warnings = [r.getMessage() for r in caplog.records if r.name == "storyledger.ingest"]
    assert warnings == [f"{meta}: entry 'missing.txt' matches no input"]


@pytest.mark.issue(20)
def test_sidecar_strings_are_made_storable(tmp_path, caplog):
    meta = tmp_path / "m.json"
    meta.write_text('{"a.txt": {"title": "Bad \\ud800 title"}}')
    assert load_sidecar(meta).lookup("a.txt").title == "Bad \ufffd title"
    assert "1 lone surrogate(s) in title of entry 'a.txt' replaced with U+FFFD" in caplog.text


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.mkdir(), "cannot read (Is a directory)"),
        (lambda path: path.write_bytes(b"[" * 100_000), "not valid JSON (nested too deeply)"),
        (lambda path: path.write_bytes(b'{"a": ' + b"1" * 5000 + b"}"), "not valid JSON"),
        (lambda path: path.write_bytes(b'{"a.txt": {"title": "\xff"}}'), "not valid JSON"),
    ],
    ids=["folder", "deep", "huge-integer", "not-utf8"],
)
def test_unreadable_sidecars_fail_in_one_line(tmp_path, make, message):
    meta = tmp_path / "m.json"
    make(meta)
    with pytest.raises(SidecarError) as caught:
        load_sidecar(meta)
    assert str(caught.value).startswith(f"{meta}: {message}")
    assert "\n" not in str(caught.value)


def test_sidecar_with_a_bom_is_read(tmp_path):
    meta = tmp_path / "m.json"
    meta.write_bytes(b"\xef\xbb\xbf" + json.dumps({"a.txt": {"outlet": "A"}}).encode())
    assert load_sidecar(meta).lookup("a.txt").outlet == "A"


@pytest.mark.issue(20)
def test_an_entry_naming_a_copy_or_a_bad_file_did_match(tmp_path, caplog):
    from storyledger.ingest import IngestOptions, read_inputs

    text = "The council voted 7-2 on Monday, officials said."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)  # an exact copy of a.txt
    (tmp_path / "c.txt").write_bytes(b"")
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({name: {"outlet": "A"} for name in ("b.txt", "c.txt")}))
    found = list(read_inputs([tmp_path], IngestOptions(sidecar=load_sidecar(meta))))
    assert [type(item).__name__ for item in found] == ["Article", "Skipped", "Skipped"]
    assert "matches no input" not in caplog.text


def test_an_entry_for_a_file_not_given_this_time_is_not_worth_a_word(tmp_path, caplog):
    from storyledger.ingest import IngestOptions, read_inputs

    for name in ("a.txt", "b.txt", "d.jsonl"):
        (tmp_path / name).write_text(f'{{"text": "The {name} article, officials said."}}')
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"b.txt": {}, "d.jsonl:2": {}, "e.jsonl:1": {}}))
    list(read_inputs([tmp_path / "a.txt"], IngestOptions(sidecar=load_sidecar(meta))))
    assert "b.txt" not in caplog.text and "d.jsonl:2" not in caplog.text
    assert f"{meta}: entry 'e.jsonl:1' matches no input" in caplog.text


def test_an_entry_for_a_file_beside_the_inputs_not_given_this_time_is_not_worth_a_word(
    tmp_path, caplog
):
    """The layout of `examples/`: the sidecar one folder above the articles; reading one of them
    (as the evals do) is no reason to warn of the others."""
    from storyledger.ingest import IngestOptions, read_inputs

    story = tmp_path / "story"
    story.mkdir()
    for name in ("a.txt", "b.txt"):
        (story / name).write_text(f"The {name} article, officials said.")
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"a.txt": {}, "b.txt": {}, "ghost.txt": {}}))
    list(read_inputs([story / "a.txt"], IngestOptions(sidecar=load_sidecar(meta))))
    assert "b.txt" not in caplog.text
    assert f"{meta}: entry 'ghost.txt' matches no input" in caplog.text
