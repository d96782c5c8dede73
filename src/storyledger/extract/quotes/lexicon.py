"""The speech lexicon (`data/speech.json`): cue verbs, speech nouns, anonymous source heads."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources


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
    raw = json.loads(
        (resources.files("storyledger") / "data" / "speech.json").read_text(encoding="utf-8")
    )
    return SpeechLexicon(
        **{name: frozenset(raw[name]) for name in SpeechLexicon.__dataclass_fields__}
    )
