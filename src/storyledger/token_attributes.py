"""The model's attribute ruler and lemmatizer, memoised: the same values per token, less work.

In `en_core_web_sm` these two rule components take about a fifth of the parse time, mostly in
per-token Python and a 179-pattern matcher run over every token, although their output for a
token depends only on a few things: its tag, its dependency label when a rule names it, its
lower-case form when a rule names it (or which of the rules' regular expressions it matches),
and for the lemmatizer its text and part of speech. `TokenAttributes` computes each such key
once, by running the real components on a one-token document, and applies the remembered
values to whole documents with `Doc.from_array`. Rules spanning several tokens ("there is",
"gon na") are found with a matcher of their own and the real ruler is run on just those tokens.
The lemmatizer's word index is turned from lists into sets (the same membership answers, no
scans). The values are the same as the real components' (`tests/test_token_attributes.py` compares
every token of the seed and MEANTIME articles and of generated text); a ruler whose rules look
at anything else is run as it is.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

NAME = "storyledger_token_attributes"
_PATTERN_KEYS = {"LOWER", "TAG", "DEP", "IS_SPACE"}
_SET_KEYS = {"POS", "MORPH", "LEMMA", "DEP", "TAG"}
_OTHER = -1


class TokenAttributes:
    """Stands in for `attribute_ruler` + `lemmatizer`, giving the values they would give."""

    def __init__(self, nlp: Language, ruler: Any, lemmatizer: Any) -> None:
        self.vocab = nlp.vocab
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        patterns = [(p["patterns"], p.get("attrs", {})) for p in ruler.patterns]
        self.exact = all(
            set(token) <= _PATTERN_KEYS and set(attrs) <= _SET_KEYS and "OP" not in token
            for alternatives, attrs in patterns
            for pattern in alternatives
            for token in pattern
        )
        lowers: set[str] = set()
        deps: set[str] = set()
        regexes: list[str] = []
        self.spanning = Matcher(nlp.vocab)
        self.starts = Matcher(nlp.vocab)
        self.longest = 1
        for number, (alternatives, _attrs) in enumerate(patterns):
            for pattern in alternatives:
                for token in pattern:
                    _collect(token.get("LOWER"), lowers, regexes)
                    _collect(token.get("DEP"), deps, [])
                if len(pattern) > 1:
                    self.spanning.add(f"spanning-{number}", [pattern])
                    self.starts.add(f"start-{number}", [pattern[:1]])
                    self.longest = max(self.longest, len(pattern))
        self.lowers = {self.vocab.strings.add(text) for text in lowers}
        self.deps = {self.vocab.strings.add(text) for text in deps} | {0}
        self.regexes = [re.compile(expression) for expression in regexes]
        self.lower_keys: dict[int, tuple] = {}
        self.ruled: dict[tuple, tuple[int, int, int, tuple[int, int] | None, bool]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact:
            return self.lemmatizer(self.ruler(doc))
        if not len(doc):
            return doc
        keys = doc.to_array([LOWER, TAG, DEP]).tolist()
        values = doc.to_array([POS, MORPH, LEMMA])
        relabelled: dict[int, tuple[int, int]] = {}
        starts: list[int] = []
        for i, (lower, tag, dep) in enumerate(keys):
            key = (self._lower_key(lower), tag, dep if dep in self.deps else _OTHER)
            ruled = self.ruled.get(key)
            if ruled is None:
                ruled = self.ruled[key] = self._rule_one(doc, i)
            pos, morph, lemma, labels, start = ruled
            if pos:
                values[i, 0] = pos
            if morph:
                values[i, 1] = morph
            if lemma:
                values[i, 2] = lemma
            if labels is not None:
                relabelled[i] = labels
            if start:
                starts.append(i)
        doc.from_array([POS, MORPH, LEMMA], values)
        for i, (tag, dep) in relabelled.items():
            doc[i].tag, doc[i].dep = tag, dep
        for start, end in _windows(self._spanning(doc, starts)):
            self._rule_window(doc, start, end)
        self._lemmatize(doc)
        return doc

    def _lower_key(self, lower: int) -> tuple:
        key = self.lower_keys.get(lower)
        if key is None:
            text = self.vocab.strings[lower]
            named = lower if lower in self.lowers else 0
            matched = tuple(bool(expression.search(text)) for expression in self.regexes)
            key = self.lower_keys[lower] = (named, matched, text.isspace())
        return key

    def _rule_one(self, doc: Doc, i: int) -> tuple[int, int, int, tuple[int, int] | None, bool]:
        """What the real ruler sets on token i standing alone (0: nothing set; the tag and
        label only when a rule changes them), and whether a several-token rule may start at
        it."""
        single = _window_doc(doc, i, i + 1)
        labels = single[0].tag, single[0].dep
        self.ruler(single)
        ruled = single[0]
        changed = (ruled.tag, ruled.dep) if (ruled.tag, ruled.dep) != labels else None
        start = bool(self.starts(_window_doc(doc, i, i + 1)))
        return ruled.pos, ruled.morph.key, ruled.lemma, changed, start

    def _spanning(self, doc: Doc, starts: list[int]) -> list[tuple[int, int, int]]:
        """Matches of the several-token rules, looked for only where one may start."""
        found = []
        for i in starts:
            window = doc[i : i + self.longest]
            found += [(match, i + start, i + end) for match, start, end in self.spanning(window)]
        return found

    def _rule_window(self, doc: Doc, start: int, end: int) -> None:
        """Tokens a several-token rule matched: the real ruler on just those tokens."""
        window = _window_doc(doc, start, end)
        self.ruler(window)
        for offset, ruled in enumerate(window):
            token = doc[start + offset]
            if ruled.pos:
                token.pos = ruled.pos
            if ruled.morph.key:
                token.set_morph(ruled.morph.key)
            if ruled.lemma:
                token.lemma = ruled.lemma
            if (ruled.tag, ruled.dep) != (token.tag, token.dep):
                token.tag, token.dep = ruled.tag, ruled.dep

    def _lemmatize(self, doc: Doc) -> None:
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        missing = np.flatnonzero(values[:, 3] == 0)
        if not len(missing):
            return
        for i in missing.tolist():
            key = (int(values[i, 0]), int(values[i, 1]), int(values[i, 2]))
            lemma = self.lemmas.get(key)
            if lemma is None:
                text = self.lemmatizer.lemmatize(doc[i])[0]
                lemma = self.lemmas[key] = self.vocab.strings.add(text)
            values[i, 3] = lemma
        doc.from_array([LEMMA], values[:, 3:4])


def _collect(condition: Any, found: set[str], regexes: list[str]) -> None:
    if isinstance(condition, str):
        found.add(condition)
    elif isinstance(condition, dict):
        for operator, value in condition.items():
            if operator in ("IN", "NOT_IN"):
                found.update(value)
            elif operator == "REGEX":
                regexes.append(value)


def _windows(matches: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The matched token ranges, overlapping ones joined."""
    joined: list[list[int]] = []
    for _match, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
        if joined and start < joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return [(start, end) for start, end in joined]


def _window_doc(doc: Doc, start: int, end: int) -> Doc:
    """Tokens start..end as a document of their own, with their tags and labels."""
    tokens = doc[start:end]
    parsed = doc.has_annotation("DEP")
    return Doc(
        doc.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace_) for t in tokens],
        tags=[t.tag_ for t in tokens],
        deps=[t.dep_ for t in tokens] if parsed else None,
        heads=list(range(len(tokens))) if parsed else None,
    )


@Language.factory(NAME)
def make_token_attributes(nlp: Language, name: str) -> TokenAttributes:
    """The memoised stand-in, built from the pipeline's own ruler and lemmatizer."""
    return TokenAttributes(nlp, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def memoise_attributes(nlp: Language) -> Language:
    """Swap the pipeline's attribute ruler and lemmatizer for `TokenAttributes` (in place)."""
    names = nlp.pipe_names
    if NAME in names or "attribute_ruler" not in names or "lemmatizer" not in names:
        return nlp
    if names.index("lemmatizer") < names.index("attribute_ruler"):
        return nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", "") != "rule" or getattr(lemmatizer, "overwrite", True):
        return nlp
    _index_as_sets(lemmatizer)
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer asks `form in index` of word lists of up to 57,000 entries (a
    scan: about 0.25 ms a new word); as sets the answers are the same and immediate."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is None:
        return
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
