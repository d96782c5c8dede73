"""Reading files, folders and dumps into articles, with a reason for every skip."""

import json
from datetime import date

from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.ingest.sidecar import load_sidecar
from storyledger.model import Article

BODY = "The council voted 7-2 on Monday to close the bridge, officials said."


def _read(paths, **options):
    return list(read_inputs(paths, IngestOptions(**options)))


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article. " + BODY)
    (tmp_path / "one.txt").write_text("First article. " + BODY)
    (tmp_path / "notes.md").write_text("not an article in a folder walk")
    (tmp_path / ".hidden.txt").write_text("hidden")
    found = _read([tmp_path])
    assert [a.source for a in found] == [str(tmp_path / "b/two.txt"), str(tmp_path / "one.txt")]


def test_exact_copies_are_skipped_with_the_first_named(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY + "\n")
    first, second = _read([tmp_path])
    assert isinstance(first, Article)
    assert second == Skipped(str(tmp_path / "b.txt"), f"exact copy of {tmp_path / 'a.txt'}")


def test_jsonl_dump_keeps_going_past_bad_lines(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "text": BODY,
                        "title": "T",
                        "outlet": "Wire",
                        "published": "May 3, 2024",
                        "url": "https://x.example/a",
                    }
                ),
                '{"text": "truncated',
                "[1, 2]",
                json.dumps({"title": "no text"}),
                json.dumps({"body": "Another article body. " + BODY}),
            ]
        )
    )
    found = _read([dump])
    assert [type(item).__name__ for item in found] == [
        "Article",
        "Skipped",
        "Skipped",
        "Skipped",
        "Article",
    ]
    article = found[0]
    assert (article.source, article.title, article.outlet, article.published) == (
        f"{dump}:1",
        "T",
        "Wire",
        date(2024, 5, 3),
    )
    assert article.date_source == "input"
    assert found[1].source == f"{dump}:2" and found[1].reason.startswith("malformed JSON")
    assert found[2].reason == "a JSON Lines record must be an object"
    assert found[3].reason == "record has no text"
    assert found[4].source == f"{dump}:5"


def test_csv_dump(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text(f'title,text,published,outlet\n"A, B","{BODY}",2024-01-02,Daily\n,,,\n')
    article, empty = _read([dump])
    assert (article.source, article.title, article.published) == (
        f"{dump}:1",
        "A, B",
        date(2024, 1, 2),
    )
    assert empty == Skipped(f"{dump}:2", "record has no text")


def test_sidecar_overrides_and_says_so(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text(BODY)
    meta = tmp_path / "meta.json"
    meta.write_text(
        json.dumps(
            {
                "story.txt": {
                    "outlet": "The Post",
                    "published": "2024-02-29",
                    "url": None,
                    "date_note": "ignored",
                }
            }
        )
    )
    (article,) = _read([page], sidecar=load_sidecar(meta))
    assert (article.outlet, article.outlet_source) == ("The Post", "sidecar")
    assert (article.published, article.date_source) == (date(2024, 2, 29), "sidecar")
    assert article.url is None and article.url_source is None


def test_missing_and_unsupported_paths(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7")
    found = _read([tmp_path / "nope.txt", tmp_path / "x.pdf"])
    assert found == [
        Skipped(str(tmp_path / "nope.txt"), "no such file or folder"),
        Skipped(str(tmp_path / "x.pdf"), "unsupported file type '.pdf'"),
    ]


def test_a_50_mb_file_is_skipped_not_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(b"word " * (10 * 1024 * 1024))
    (skipped,) = _read([big])
    assert skipped.source == str(big)
    assert skipped.reason == "too large for one article (52,428,800 bytes > limit 10,000,000)"


def test_bad_inputs_each_get_a_reason_and_good_ones_survive(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "broken.html").write_text("<html><head><title>x</title></head><body><p>")
    (tmp_path / "good.txt").write_text(BODY)
    found = {item.source.rsplit("/", 1)[-1]: item for item in _read([tmp_path])}
    assert found["empty.txt"].reason == "empty file"
    assert found["binary.txt"].reason == "binary file, not text"
    assert found["broken.html"].reason == "no main text found in the HTML"
    assert isinstance(found["good.txt"], Article)
