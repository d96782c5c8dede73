"""The data model: one set of frozen records shared by every stage, store and exporter.

Every record that quotes an article is a `Span`: it names the article and the integer
character offsets `start`/`end` into that article's stored `text`, and carries the
`text` it covers, so `record.text == article.text[record.start:record.end]` always holds.
This module imports nothing of the project.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Literal

BlockKind = Literal["headline", "bullet", "subheading", "paragraph", "sources"]
ActorKind = Literal["person", "organization", "place", "group"]
QuoteKind = Literal["direct", "partial", "indirect"]
Qualifier = Literal[
    "exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
Aux = Literal["future", "hypothetical", "historical"]
ComparisonKind = Literal["figure", "quote", "claim"]
Relation = Literal["agree", "update", "conflict", "variant"]
MetaSource = Literal["sidecar", "html", "input", "text"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def content_id(*parts: object, length: int = 16) -> str:
    """A stable identifier: the first `length` hex digits of the SHA-256 of `parts`."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One ingested article: its stored text and its metadata, with where each came from."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: Date | None = None
    date_source: MetaSource | None = None
    title_source: MetaSource | None = None
    outlet_source: MetaSource | None = None
    url_source: MetaSource | None = None
    encoding: str | None = None

    @staticmethod
    def id_for(text: str) -> str:
        """The content-hash id of an article text: exact copies share it."""
        return content_id("article", text)


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of one article's text, by character offsets into `Article.text`."""

    article: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text length {len(self.text)} != {self.end - self.start}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Block(Span):
    """A layout block: headline, summary bullet, subheading, body paragraph or source list."""

    index: int
    kind: BlockKind


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSource(Span):
    """One entry of a trailing source list ("Sources for this article include: ...")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence(Span):
    """A sentence; it never crosses a block boundary."""

    index: int
    block: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention(Span):
    """A named mention of an actor in an article, linked to its canonical actor."""

    id: str
    label: str
    kind: ActorKind
    actor_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(Span):
    """A canonical actor across articles; its span is the mention that gave its name."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Span):
    """Direct, partial or indirect speech, with its speaker as written and as resolved."""

    id: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_actor: str | None = None
    anonymous: bool = False
    cue: str | None = None
    speaker_resolved: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_mention: str | None = None
    affiliation: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Span):
    """A reported quantity: its value and bounds, what was counted and who reports it."""

    id: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    counted: str | None = None
    measure: str | None = None
    place: str | None = None
    attributed_to: str | None = None
    unit: str | None = None
    source_quote: str | None = None

    @property
    def point(self) -> float | None:
        """The one number that stands for the figure: its value, else a bound."""
        return next((v for v in (self.value, self.low, self.high) if v is not None), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Span):
    """Who did what to whom, coded in a PLOVER 2.0 event type."""

    id: str
    action: str
    actor: str | None = None
    actor_id: str | None = None
    mode: str | None = None
    target: str | None = None
    target_id: str | None = None
    date: Date | None = None
    negated: bool = False
    aux: Aux | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonItem:
    """One side of a comparison: a record in an article, its span, the value compared, and
    who reported it (the figure's source or the quote's speaker, else the outlet)."""

    article: str
    record: str
    value: str | float | None = None
    start: int | None = None
    end: int | None = None
    reported_by: str | None = None
    published: Date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """A cross-article finding; its items point at the records (and so the spans) compared,
    earlier article first; `note` says in words why the relation was given."""

    id: str
    kind: ComparisonKind
    topic: str
    relation: Relation
    items: tuple[ComparisonItem, ...] = ()
    story: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryCopy:
    """A near-duplicate (syndicated or lightly edited) article, linked to its earliest copy."""

    article: str
    copy_of: str
    similarity: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """A group of articles telling one story; named automatically or by the user."""

    id: str
    name: str
    name_source: Literal["auto", "user"] = "auto"
    articles: tuple[str, ...] = ()
    copies: tuple[StoryCopy, ...] = ()
    first_published: Date | None = None
    last_published: Date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadedTerm(Span):
    """A loaded word or phrase: `in_quote` when it stands inside a quotation or reported
    speech, `attributed` when the article gives it to someone else ("accusations of
    genocide"); otherwise it is the outlet's own voice."""

    term: str
    in_quote: bool
    category: str = ""
    attributed: bool = False

    @property
    def own_voice(self) -> bool:
        """Whether the outlet says it on its own authority."""
        return not self.in_quote and not self.attributed


MarkerKind = Literal[
    "hedge", "booster", "second_person", "question", "call_to_action", "unattributed_evaluation"
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Marker(Span):
    """A framing signal in the outlet's own voice: a hedge, a booster, an opinion signal, or a
    sentence that evaluates with no attribution."""

    kind: MarkerKind
    term: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Framing:
    """The framing and sourcing profile of one article (counts over its prose, quotes apart)."""

    article: str
    loaded_terms: tuple[LoadedTerm, ...] = ()
    hedges: int = 0
    attributed_share: float | None = None
    anonymous_share: float | None = None
    cited_sources: tuple[CitedSource, ...] = ()
    words: int = 0
    loaded_outside: int = 0
    loaded_per_1000: float = 0.0
    boosters: int = 0
    sentences: int = 0
    attributed_sentences: int = 0
    named_sources: int = 0
    anonymous_sources: int = 0
    markers: tuple[Marker, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RunInfo:
    """What produced a set of records: the pipeline and spaCy model versions, and the
    matrix-multiply backend the model ran on (`blis` or `numpy`; empty when not known)."""

    pipeline_version: str
    model_name: str
    model_version: str
    stages: tuple[str, ...] = field(default_factory=tuple)
    ops: str = ""
