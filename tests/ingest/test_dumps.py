"""JSON Lines dumps: wrong field types, lone surrogates, odd files, each with its reason."""

import codecs
import json

import pytest

from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.model import Article

BODY = "The council voted 7-2 on Monday to close the bridge, officials said."


def _read(path):
    return list(read_inputs([path], IngestOptions()))


def _warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "storyledger.ingest"]


def _dump(tmp_path, *records, name="d.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")
    return path


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": ["a", "b"]}, "field 'text' must be a string, not an array"),
        ({"body": {"p": BODY}}, "field 'body' must be a string, not an object"),
        ({"text": 42}, "field 'text' must be a string, not a number"),
        ({"text": True}, "field 'text' must be a string, not a boolean"),
        ({"text": "   ", "title": "T"}, "record has no text"),
    ],
)
def test_a_text_that_is_not_a_string_skips_the_record(tmp_path, record, reason):
    dump = _dump(tmp_path, record, {"text": BODY})
    skipped, kept = _read(dump)
    assert skipped == Skipped(f"{dump}:1", reason)
    assert isinstance(kept, Article) and kept.text == BODY


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("extra", "field", "warning"),
    [
        ({"outlet": True}, "outlet", "field 'outlet' must be a string, not a boolean"),
        ({"title": ["T"]}, "title", "field 'title' must be a string, not an array"),
        ({"url": 5}, "url", "field 'url' must be a string, not a number"),
        ({"date": 20080230}, "published", "field 'date' must be a string, not a number"),
        ({"published": "not a date"}, "published", "unreadable date 'not a date' in 'published'"),
        ({"published": "2008-02-30"}, "published", "unreadable date '2008-02-30' in 'published'"),
        ({"published": "yesterday"}, "published", "unreadable date 'yesterday' in 'published'"),
    ],
)
def test_a_bad_optional_field_is_dropped_with_a_warning(tmp_path, caplog, extra, field, warning):
    dump = _dump(tmp_path, {"text": BODY, **extra})
    (article,) = _read(dump)
    assert getattr(article, field) is None
    assert _warnings(caplog) == [f"{dump}:1: {warning}; the field was dropped"]


def test_good_fields_give_no_warning(tmp_path, caplog):
    dump = _dump(tmp_path, {"text": BODY, "outlet": "Wire", "published": "2008-02-29"})
    (article,) = _read(dump)
    assert (article.outlet, str(article.published)) == ("Wire", "2008-02-29")
    assert _warnings(caplog) == []


@pytest.mark.issue(20)
def test_lone_surrogates_become_replacement_characters(tmp_path, caplog):
    dump = tmp_path / "s.jsonl"
    dump.write_text(
        '{"text": "A lone \\ud800 surrogate in a text, officials said.", "title": "Bad \\udc80"}\n'
        '{"text": "A pair \\ud83d\\ude00 is an emoji, officials said.", "outlet": "W\\udfff"}\n'
    )
    first, second = _read(dump)
    assert first.text == "A lone \ufffd surrogate in a text, officials said."
    assert first.title == "Bad \ufffd"
    assert second.text == "A pair \U0001f600 is an emoji, officials said."
    assert second.outlet == "W\ufffd"
    for article in (first, second):
        for value in (article.text, article.title or "", article.outlet or "", article.source):
            value.encode("utf-8")  # what SQLite and Parquet need
    assert _warnings(caplog) == [
        f"{dump}:1: 1 lone surrogate(s) in 'text' replaced with U+FFFD",
        f"{dump}:1: 1 lone surrogate(s) in 'title' replaced with U+FFFD",
        f"{dump}:2: 1 lone surrogate(s) in 'outlet' replaced with U+FFFD",
    ]


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 100_000, "malformed JSON (nested too deeply)"),
        (b'{"text": ' + b"1" * 5000 + b"}", "malformed JSON (Exceeds the limit (4300 digits)"),
        (b'{"text": "cut off', "malformed JSON (Unterminated string starting at: column 10)"),
        (b'{"text": "cut off"', "malformed JSON (Expecting ',' delimiter: column 19)"),
        (b'"just a string"', "a JSON Lines record must be an object"),
    ],
    ids=["deep", "huge-integer", "cut-string", "cut-object", "not-an-object"],
)
def test_malformed_lines_are_skipped_and_reading_goes_on(tmp_path, content, reason):
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(
        b"\n".join([json.dumps({"text": BODY}).encode(), content, b'{"text": "Two."}'])
    )
    first, bad, last = _read(dump)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert bad.source == f"{dump}:2"
    assert bad.reason.startswith(reason)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    "content",
    [
        json.dumps([{"text": BODY}, {"text": "Another."}], indent=2),
        json.dumps([{"text": BODY}, {"text": "Another."}]),
        json.dumps({"text": BODY, "title": "Pretty-printed"}, indent=2),
    ],
    ids=["pretty-array", "one-line-array", "pretty-object"],
)
def test_one_json_document_is_one_reason(tmp_path, content):
    dump = tmp_path / "d.jsonl"
    dump.write_text(content)
    assert _read(dump) == [
        Skipped(str(dump), "one JSON document, not JSON Lines (one object per line)")
    ]


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty file"), (b"\n \n\r\n", "empty file"), (b"\x00\x01\x02" * 50, "binary file")],
)
def test_a_dump_with_no_records_says_so(tmp_path, data, reason):
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(data)
    (skipped,) = _read(dump)
    assert skipped.source == str(dump) and skipped.reason.startswith(reason)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("encode", "encoding_warning"),
    [
        (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), False),
        (lambda text: text.encode("utf-16"), False),
        (lambda text: text.encode("cp1252"), False),
        (lambda text: text.encode("utf-8").replace(b"Monday", b"Mon\xffday"), True),
    ],
    ids=["utf8-bom", "utf16", "cp1252", "utf8-stray-byte"],
)
def test_dumps_are_decoded_like_text_files(tmp_path, caplog, encode, encoding_warning):
    records = [{"text": f"Le café a rouvert. {BODY}"}, {"text": f"Déjà vu. {BODY}"}]
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(encode("\r\n".join(json.dumps(r, ensure_ascii=False) for r in records)))
    first, second = _read(dump)
    assert first.text.startswith("Le café a rouvert.") and second.text.startswith("Déjà vu.")
    assert any("replaced with U+FFFD" in w for w in _warnings(caplog)) is encoding_warning
