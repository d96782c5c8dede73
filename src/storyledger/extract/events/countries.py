"""Which country a party belongs to, from PETRARCH2's country actor dictionary
(`data/countries.json`, MIT, compiled by `scripts/build_countries.py`): country names,
demonyms and capitals, and the people and bodies the dictionary lists with their country
("Netanyahu", "President Yeltsin")."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from storyledger.data_files import read_data


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    raw = read_data("countries.json")
    return raw["countries"], raw["actors"]


def untagged_country(token: Token) -> bool:
    """A country, its people or a place in it that the model left untagged ("US" in "US
    Predator attacks"), or read as a common noun ("Bahrain restored relations"): a capitalised
    word the country dictionary lists."""
    if token.ent_type_ or token.lower_ not in _tables()[0]:
        return False
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())


def country_of(token: Token) -> str | None:
    """The code of the country a party belongs to: its own name ("Israel", "Israeli", "the
    U.S."), a person or body the dictionary lists ("Netanyahu"), a country named on it
    ("Israeli officials", "the prime minister of Israel") or in its apposition ("the prime
    minister of Israel, Netanyahu"); None when the text does not say."""
    countries, actors = _tables()
    for name in (_name(token), token.lower_):
        if name in countries or name in actors:
            return countries.get(name) or actors[name]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.lower_ in countries:
            return countries[child.lower_]
        if child.dep_ == "prep" and child.lower_ == "of":
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if place is not None and _name(place) in countries:
                return countries[_name(place)]
        if child.dep_ == "appos":
            found = country_of(child)
            if found is not None:
                return found
    return None


def _name(token: Token) -> str:
    """The whole name a token is the head of ("Benjamin Netanyahu", "United States")."""
    start = token.i
    while start > 0 and (left := token.doc[start - 1]).dep_ == "compound" and left.pos_ == "PROPN":
        start -= 1
    return " ".join(t.lower_ for t in token.doc[start : token.i + 1])
