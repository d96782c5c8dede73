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
