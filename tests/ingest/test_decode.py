"""Decoding bytes of any common encoding, and refusing empty and binary data."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.errors import InputError
from storyledger.ingest.decode import decode_bytes, normalise_newlines

TEXT = "Officials said “the café reopened” on Tuesday — déjà vu for 1,200 residents."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), None),
    ],
)
def test_decodes_common_encodings(data, encoding):
    text, found = decode_bytes(data, source="a.txt")
    assert text == TEXT
    if encoding:
        assert found == encoding


def test_latin1_text_is_detected():
    data = ("Le ministre a déclaré que la réunion était terminée. " * 20).encode("latin-1")
    text, _encoding = decode_bytes(data, source="fr.txt")
    assert "déclaré" in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (bytes(range(1, 32)) * 40, "binary file, not text"),
    ],
)
def test_refuses_empty_and_binary(data, reason):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, source="bad.bin")
    assert str(caught.value) == f"bad.bin: {reason}"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_round_trip(text):
    if not text.strip():
        return
    decoded, _ = decode_bytes(text.encode("utf-8"), source="x")
    assert decoded == text


def test_newlines_are_normalised():
    assert normalise_newlines("\r\n  a\r\nb\rc\x00  \n") == "a\nb\nc"


ACCENTED = "Le café a rouvert mardi, a déclaré le maire. Déjà 1 200 résidents sont revenus. "


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("data", "encoding", "replaced"),
    [
        (codecs.BOM_UTF8 + b"Hello \xff world. " + ACCENTED.encode(), "utf-8-sig", 1),
        (ACCENTED.encode("utf-16") + b"x", "utf-16", 1),
        ((ACCENTED * 3).encode() + b" \x9d\x81 " + (ACCENTED * 3).encode(), "utf-8", 2),
        (ACCENTED.encode(), "utf-8", 0),
    ],
    ids=["utf8-bom-then-bad-byte", "utf16-odd-length", "utf8-with-stray-bytes", "clean"],
)
def test_bad_bytes_are_replaced_and_said(data, encoding, replaced, caplog):
    text, found = decode_bytes(data, source="in/a.txt")
    assert found == encoding
    assert "déclaré" in text and "Déjà" in text
    assert text.count("\ufffd") == replaced
    warnings = [r.getMessage() for r in caplog.records if r.name == "storyledger.ingest"]
    if replaced:
        assert warnings == [
            f"in/a.txt: {replaced} undecodable byte sequence(s) replaced with U+FFFD"
            f" (read as {encoding})"
        ]
    else:
        assert warnings == []


@pytest.mark.issue(20)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(codec):
    text, found = decode_bytes((ACCENTED * 4).encode(codec), source="w.txt")
    assert (text, found) == (ACCENTED * 4, codec)


def test_a_legacy_text_is_not_read_as_utf8():
    """Many bad bytes and no well-formed accented letter: a code page, not stray bytes."""
    data = (ACCENTED * 4).encode("cp1252")
    text, found = decode_bytes(data, source="fr.txt")
    assert text == ACCENTED * 4 and found != "utf-8"


@pytest.mark.parametrize(
    "data",
    [(ACCENTED * 4).encode("utf-32-le"), bytes(range(256)) * 8, b"\x00\xff" * 50, b"\xff\x00" * 50],
    ids=["utf32-without-bom", "all-bytes", "nul-ff", "ff-nul"],
)
def test_nul_patterns_that_are_not_utf16_stay_binary(data):
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(data, source="b.txt")
