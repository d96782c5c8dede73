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
