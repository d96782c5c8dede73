"""Compare two parses of one text token by token: what a change of backend must not change."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

ATTRIBUTES: dict[str, int] = {
    "pos": POS,
    "morph": MORPH,
    "lemma": LEMMA,
    "tag": TAG,
    "dep": DEP,
    "head": HEAD,
    "ent_iob": ENT_IOB,
    "ent_type": ENT_TYPE,
    "sent_start": SENT_START,
}
"""Every annotation compared, by the name a difference is reported under."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Difference:
    """One token annotated differently by two parses of the same text."""

    token: int
    start: int
    text: str
    attribute: str
    first: str
    second: str


def differences(first: Doc, second: Doc) -> list[Difference]:
    """Every token and attribute where `second` differs from `first` (both of one text)."""
    if [t.idx for t in first] != [t.idx for t in second] or first.text != second.text:
        return [Difference(token=-1, start=0, text="", attribute="tokens", first="", second="")]
    names = list(ATTRIBUTES)
    ids = list(ATTRIBUTES.values())
    left, right = first.to_array(ids), second.to_array(ids)
    found = []
    for row, column in zip(*(left != right).nonzero(), strict=True):
        token, name = int(row), names[int(column)]
        found.append(
            Difference(
                token=token,
                start=first[token].idx,
                text=first[token].text,
                attribute=name,
                first=_shown(first[token], name),
                second=_shown(second[token], name),
            )
        )
    return found


def _shown(token: object, name: str) -> str:
    """An attribute's value as text (the head as its token index)."""
    if name == "head":
        return str(token.head.i)  # type: ignore[attr-defined]
    if name == "sent_start":
        return str(token.is_sent_start)  # type: ignore[attr-defined]
    return str(getattr(token, f"{name}_", getattr(token, name, "")))
