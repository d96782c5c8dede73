"""The phrase a party is named by in the text: its extent, and the name it stands for."""

from __future__ import annotations

from spacy.tokens import Token

from storyledger.extract.events.actors import can_act
from storyledger.extract.events.context import Mentions


def party(
    text: str, token: Token, bounds: tuple[int, int], mentions: Mentions
) -> tuple[str, str | None]:
    """A party as named: the phrase, or for a pronoun or description the name it stands for
    in the article (the shared resolver); with its canonical actor."""
    named = mentions.referent(token, bounds)
    if named is not None:
        return named.text, named.actor_id
    return text[bounds[0] : bounds[1]], mentions.named(bounds)


def bounds(token: Token) -> tuple[int, int]:
    """The phrase of an actor or recipient: its subtree without clauses, edges trimmed; "of"
    phrases and those that place or affiliate the party ("demonstrators in Baghdad",
    "activists from the Fatah party") are part of it."""
    cut = {
        t.i
        for child in token.children
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "prep", "conj")
        and not (
            child.dep_ == "prep"
            and ((child.lower_ == "of" and not _charge(child)) or _placing(child))
        )
        for t in child.subtree
    }
    tokens = [t for t in token.subtree if t.i not in cut and not t.is_space]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


# What one is accused, convicted or acquitted of: an "of" phrase the parser hangs on the
# person ("accused the minister of taking bribes") that is no part of the name.
_CHARGES = frozenset(
    "charge crime murder fraud corruption bribery treason manslaughter theft wrongdoing "
    "misconduct negligence terrorism espionage genocide rape assault libel killing".split()
)


def _charge(prep: Token) -> bool:
    """ "of taking bribes", "of corruption charges": a deed or charge, not a name's part."""
    return any(
        c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.lemma_.lower() in _CHARGES)
        for c in prep.children
    )


def _placing(prep: Token) -> bool:
    """ "in Baghdad", "from the Fatah party": a place or party that says whose the party is."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        prep.lower_ in ("in", "from")
        and noun is not None
        and (
            noun.ent_type_ in ("GPE", "LOC", "NORP", "ORG")
            or (prep.lower_ == "from" and can_act(noun))
        )
    )
