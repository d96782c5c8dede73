"""The speech lexicon (`data/speech.json`): cue verbs, speech nouns, anonymous source heads."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from storyledger.data_files import read_data


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """Closed word lists the quote rules consult, all lower-case lemmas."""

    cue_verbs: frozenset[str]
    direct_verbs: frozenset[str]
    as_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    spokesperson_heads: frozenset[str]


@functools.cache
def speech_lexicon() -> SpeechLexicon:
    """The lexicon shipped with the package."""
    raw = read_data("speech.json")
    return SpeechLexicon(
        **{name: frozenset(raw[name]) for name in SpeechLexicon.__dataclass_fields__}
    )
