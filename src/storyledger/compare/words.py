"""Words as the cross-article stages compare them: tokens, Snowball stems, the compare lexicon.

The cross-article stages work on stored records, never on spaCy documents (so they run on
records read back from the store or from Parquet shards); Snowball stems are what lets
"killed" meet "kill" and "pressuring" meet "pressure" without a parse.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import Stemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyledger.data_files import read_data

_NEGATION_SCOPE = 5
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|n['’]t", re.UNICODE)
_STEMMER = Stemmer.Stemmer("english")  # PyStemmer: the Snowball stemmers in C
# scikit-learn's stop list holds words that are news content ("fire", "mine", "bill").
STOP_WORDS = ENGLISH_STOP_WORDS - {
    "fire",
    "mine",
    "bill",
    "system",
    "call",
    "move",
    "show",
    "find",
    "found",
    "part",
    "interest",
    "amount",
    "front",
    "back",
    "top",
    "bottom",
    "side",
    "full",
    "fill",
    "empty",
    "serious",
    "detail",
    "describe",
    "cry",
    "con",
    "de",
    "thick",
    "thin",
    "sincere",
    "well",
}


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, curly apostrophes made straight."""
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of one lower-case word."""
    return _STEMMER.stemWord(word)


def word_stem(word: str) -> str:
    """The stem of one word as written: lower-cased, a curly apostrophe made straight
    ("Israel’s" and "Israel's" are one word)."""
    return stem(word.lower().replace("’", "'"))


def stems(text: str) -> list[str]:
    """The stems of every word of `text`, in order."""
    return [stem(word) for word in tokens(text)]


def surface_words(text: str, wanted: Iterable[str]) -> list[str]:
    """The words of `text` as written whose stems are `wanted`, each stem once, in the order
    the text has them: what a label shows instead of stems ("pressure", not "pressur")."""
    left = set(wanted)
    found = []
    for word in _TOKEN.findall(text):
        stemmed = word_stem(word)
        if stemmed in left:
            left.discard(stemmed)
            found.append(word)
    return found


@dataclass(frozen=True, slots=True)
class Measure:
    """A class of things that happen to counted things, and whether its count only grows."""

    name: str
    cumulative: bool


@dataclass(frozen=True, slots=True)
class CompareLexicon:
    """The word lists of `data/compare.json`, stemmed."""

    measures: dict[str, Measure]
    generic_counted: frozenset[str]
    subgroups: frozenset[str]
    contrasts: frozenset[frozenset[str]]
    event_nouns: frozenset[str]
    ignored_measure_words: frozenset[str]
    negations: frozenset[str]
    denials: frozenset[str]
    antonyms: frozenset[frozenset[str]]
    stopwords: frozenset[str]
    hypothetical: frozenset[str]
    directional: frozenset[str] = frozenset()
    """Change words that carry their own direction ("fell by 3%"): a sign on the number
    repeats it, so "fell by -3.16%" and "fell by 3.16%" say the same."""

    def measure_of(self, words: list[str]) -> Measure | None:
        """The measure class any of the stemmed `words` belongs to."""
        return next((self.measures[w] for w in words if w in self.measures), None)

    def content(self, text: str) -> list[str]:
        """The stems of the content words of `text` (no stop words, numbers or speech verbs)."""
        found = []
        for word in tokens(text):
            if word in STOP_WORDS or word.isdigit() or word in self.negations:
                continue
            stemmed = stem(word)
            if stemmed not in self.stopwords:
                found.append(stemmed)
        return found

    def negated(self, text: str) -> frozenset[str]:
        """The content stems a negation or a denial in `text` has in its scope: the few words
        after "not"/"never"/"no" ("has not disrupted hospital services"), the rest of the
        sentence after "deny"/"dismissed". Empty when `text` negates nothing."""
        words = tokens(text)
        scoped: set[str] = set()
        for i, word in enumerate(words):
            if word in self.negations or word.endswith("n't"):
                scoped.update(self.content(" ".join(words[i + 1 : i + 1 + _NEGATION_SCOPE])))
            elif stem(word) in self.denials:
                scoped.update(self.content(" ".join(words[i + 1 :])))
        return frozenset(scoped)

    def denies(self, word: str) -> bool:
        """Whether a speech cue denies what it reports ("denied", "dismissed")."""
        return any(stem(w) in self.denials for w in tokens(word))

    def asserts(self, text: str) -> bool:
        """False for a question, a condition or a supposition, which claim nothing."""
        return not text.rstrip().endswith("?") and not self.hypothetical & set(tokens(text))

    def names(self, text: str) -> frozenset[str]:
        """Stems of the capitalised words of `text` after its first word (names, not claims)."""
        words = _TOKEN.findall(text)[1:]
        return frozenset(word_stem(w) for w in words if w[:1].isupper())


@functools.cache
def compare_lexicon() -> CompareLexicon:
    """The compare lexicon, read once."""
    data = read_data("compare.json")
    measures = {}
    for name, entry in data["measures"].items():
        for word in entry["words"]:
            measures[stem(word)] = Measure(name, entry["kind"] == "cumulative")
    return CompareLexicon(
        measures=measures,
        generic_counted=frozenset(stem(w) for w in data["generic_counted"]),
        subgroups=frozenset(stem(w) for w in data["subgroups"]),
        contrasts=frozenset(frozenset(stem(w) for w in pair) for pair in data["contrasts"]),
        event_nouns=frozenset(stem(w) for w in data["event_nouns"]),
        ignored_measure_words=frozenset(stem(w) for w in data["ignored_measure_words"]),
        negations=frozenset(data["negations"]),
        denials=frozenset(stem(w) for w in data["denials"]),
        antonyms=frozenset(frozenset(stem(w) for w in pair) for pair in data["antonyms"]),
        stopwords=frozenset(stem(w) for w in data["claim_stopwords"]),
        hypothetical=frozenset(data["hypothetical"]),
        directional=frozenset(stem(w) for w in data.get("directional", ())),
    )
