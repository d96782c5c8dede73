"""CSV dumps: a bad row costs only itself, and the file is decoded like a text file."""

import codecs

import pytest

from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.model import Article


def _read(path):
    return list(read_inputs([path], IngestOptions()))


def _csv(tmp_path, content, *, encoding="utf-8"):
    path = tmp_path / "d.csv"
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (
            'title,text\nA,"unclosed text here\nB,"second text, fine"\nC,third text\n',
            "',' expected after '\"'",
        ),
        ('title,text\nA,"unclosed text here\nB,second text\nC,third text\n', "unexpected end"),
        ('title,text\nA,"closed" then more\nB,second text\nC,third text\n', "',' expected"),
    ],
    ids=["closed-later", "never-closed", "text-after-closing-quote"],
)
def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(tmp_path, content, detail):
    dump = _csv(tmp_path, content)
    bad, second, third = _read(dump)
    assert bad.source == f"{dump}:1"
    assert bad.reason.startswith("malformed CSV row (line 2: " + detail)
    assert bad.reason.endswith("the row was skipped")
    assert [(a.title, a.text) for a in (second, third)] == [
        ("B", second.text),
        ("C", "third text"),
    ]
    assert second.text.startswith("second text")


def test_quoted_fields_over_several_lines_are_one_row(tmp_path):
    dump = _csv(tmp_path, 'title,text\nA,"He said ""no"".\nThen he left."\nB,two\n')
    first, second = _read(dump)
    assert first.text == 'He said "no".\nThen he left.' and second.text == "two"


@pytest.mark.issue(20)
def test_ragged_rows_are_skipped_with_their_line(tmp_path):
    dump = _csv(tmp_path, "title,text,outlet\nA,one,W\nB,two\nC,three,W,extra\n\nD,four,W\n")
    found = _read(dump)
    assert [type(item).__name__ for item in found] == ["Article", "Skipped", "Skipped", "Article"]
    assert found[1] == Skipped(f"{dump}:2", "ragged CSV row (line 3: 2 fields, the header has 3)")
    assert found[2] == Skipped(f"{dump}:3", "ragged CSV row (line 4: 4 fields, the header has 3)")
    assert found[3].source == f"{dump}:4"


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("title,outlet\nA,W\nB,W\n", "no text column (text, body or content) in the CSV header"),
        ("", "empty file"),
        ("\n\n", "empty file"),
        ('title,"text\n', "malformed CSV row (line 1: unexpected end of data)"),
    ],
    ids=["no-text-column", "empty", "blank", "bad-header"],
)
def test_a_csv_without_usable_header_is_one_reason(tmp_path, content, reason):
    dump = _csv(tmp_path, content)
    (skipped,) = _read(dump)
    assert skipped.source == str(dump) and skipped.reason.startswith(reason)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("cp1252"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.encode("utf-16-le"),
    ],
    ids=["cp1252", "utf8-bom", "utf16", "utf16-no-bom"],
)
def test_csv_is_decoded_like_a_text_file(tmp_path, encode):
    text = "title,text\r\nCafé,Café owners said the new rules hurt them “badly”.\r\n"
    dump = _csv(tmp_path, encode(text))
    (article,) = _read(dump)
    assert isinstance(article, Article)
    assert (article.title, article.text) == (
        "Café",
        "Café owners said the new rules hurt them “badly”.",
    )
