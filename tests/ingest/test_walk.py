"""Folder walks and unreadable files: every file that cannot be read is named with a reason."""

import errno
import json
import os
from pathlib import Path

import pytest

from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.model import Article

BODY = "The council voted 7-2 on Monday to close the bridge, officials said."


def _read(*paths):
    return list(read_inputs(paths, IngestOptions()))


def _by_name(found):
    return {Path(item.source.split(":")[0]).name: item for item in found}


def _warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "storyledger.ingest"]


def _deny(monkeypatch, target, *, method):
    """Make `Path.<method>` (or os.scandir) raise PermissionError for `target` only."""
    if method == "scandir":
        real = os.scandir

        def scandir(path="."):
            if Path(path) == target:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
        return
    real = getattr(Path, method)

    def denied(self, *args, **kwargs):
        if self == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, denied)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("name", "method"),
    [("a.txt", "read_bytes"), ("a.html", "read_bytes"), ("a.jsonl", "open"), ("a.csv", "open")],
)
def test_a_file_without_read_permission_is_skipped(tmp_path, monkeypatch, name, method):
    (tmp_path / name).write_text("text\n" + BODY if name.endswith(".csv") else BODY)
    (tmp_path / "z.txt").write_text("Another article. " + BODY)
    _deny(monkeypatch, tmp_path / name, method=method)
    found = _by_name(_read(tmp_path))
    assert found[name] == Skipped(str(tmp_path / name), "cannot read (Permission denied)")
    assert isinstance(found["z.txt"], Article)


@pytest.mark.issue(20)
def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(BODY)
    (tmp_path / "open.txt").write_text("Another article. " + BODY)
    _deny(monkeypatch, tmp_path / "locked", method="scandir")
    found = _read(tmp_path)
    assert found[0] == Skipped(
        str(tmp_path / "locked"),
        "cannot read this folder (Permission denied); its files were not read",
    )
    assert isinstance(found[1], Article) and found[1].source == str(tmp_path / "open.txt")


@pytest.mark.issue(20)
def test_a_fifo_is_never_opened(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(BODY)
    expected = Skipped(str(fifo), "not a regular file (a named pipe)")
    assert _by_name(_read(tmp_path))["pipe.jsonl"] == expected  # would block if opened
    assert _read(fifo) == [expected]


@pytest.mark.issue(20)
def test_broken_and_looping_links_are_named(tmp_path, caplog):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "sub" / "a.txt").write_text(BODY)
    found = _by_name(_read(tmp_path))
    assert found["gone.txt"].reason == "cannot read (broken symbolic link)"
    assert found["loop.txt"].reason == "cannot read (Too many levels of symbolic links)"
    assert isinstance(found["a.txt"], Article)
    assert _warnings(caplog) == [
        f"{tmp_path / 'sub' / 'up'}: symbolic link to a folder, not followed (name it to read it)"
    ]


def test_a_folder_named_like_a_dump_is_walked(tmp_path):
    (tmp_path / "x.jsonl").mkdir()
    (tmp_path / "x.jsonl" / "a.txt").write_text(BODY)
    (article,) = _read(tmp_path)
    assert article.source == str(tmp_path / "x.jsonl" / "a.txt")


@pytest.mark.issue(20)
def test_a_file_name_that_is_not_utf8_is_made_storable(tmp_path, caplog):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(BODY.encode())
    (article,) = _read(tmp_path)
    assert article.source == f"{tmp_path}/caf\ufffd.txt"
    article.source.encode("utf-8")
    assert _warnings(caplog) == [
        f"{tmp_path}/caf\ufffd.txt: 1 lone surrogate(s) in the file name replaced with U+FFFD"
    ]


@pytest.mark.issue(20)
def test_a_read_error_mid_dump_keeps_the_records_before_it(tmp_path, monkeypatch):
    dump = tmp_path / "d.jsonl"
    dump.write_text("".join(json.dumps({"text": f"{n}. {BODY}"}) + "\n" for n in ("One", "Two")))
    real = Path.open

    def failing_open(self, mode="r", *args, **kwargs):
        handle = real(self, mode, *args, **kwargs)
        if self != dump or "b" in mode:
            return handle
        lines = iter(handle.readlines()[:1])

        class Failing:
            def __enter__(self):
                return self

            def __exit__(self, *exc):
                handle.close()

            def __iter__(self):
                yield from lines
                raise OSError(errno.EIO, "Input/output error")

        return Failing()

    monkeypatch.setattr(Path, "open", failing_open)
    first, error = _read(dump)
    assert isinstance(first, Article) and first.text.startswith("One.")
    assert error == Skipped(str(dump), "cannot read (Input/output error)")
