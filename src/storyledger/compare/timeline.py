"""The story's timeline: events, figures and quotes on one date axis, each linking to its text.

An event is placed on the date its sentence gives; a figure or a quote on its article's
publication date (the day it was reported). Records with no date at all are listed apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storyledger.model import Article, Event, Figure, Quote

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """One record on the timeline, with the span it comes from."""

    date: date | None
    date_basis: str
    kind: str
    summary: str
    record: str
    article: str
    start: int
    end: int


def build_timeline(
    articles: Iterable[Article],
    events: Iterable[Event],
    figures: Iterable[Figure],
    quotes: Iterable[Quote],
) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """`(dated, undated)` entries; dated ones in date order, then article and text order."""
    published = {article.id: article.published for article in articles}
    entries = [_event(e, published.get(e.article)) for e in events if not e.negated]
    entries += [_figure(f, published.get(f.article)) for f in figures]
    entries += [_quote(q, published.get(q.article)) for q in quotes if q.kind != "indirect"]
    dated = sorted((e for e in entries if e.date), key=lambda e: (e.date, e.article, e.start))
    undated = sorted((e for e in entries if not e.date), key=lambda e: (e.article, e.start))
    return dated, undated


def _event(event: Event, published: date | None) -> TimelineEntry:
    when, basis = (event.date, "event") if event.date else (None, "none")
    if when is None and event.aux is None and published is not None:
        when, basis = published, "reported"
    mode = f" ({event.aux})" if event.aux else ""
    actor = event.actor or "(actor not named)"  # "X was arrested": PLOVER's unknown actor
    summary = f"{actor} {event.action}{mode}" + (f" → {event.target}" if event.target else "")
    return TimelineEntry(
        date=when,
        date_basis=basis,
        kind="event",
        summary=summary,
        record=event.id,
        article=event.article,
        start=event.start,
        end=event.end,
    )


def _figure(figure: Figure, published: date | None) -> TimelineEntry:
    parts = [figure.text]
    for part in (figure.counted, figure.measure):  # "2.4 meters" is no "2.4 meters meters"
        if part and not set(_WORD.findall(part.lower())) <= set(
            _WORD.findall(" ".join(parts).lower())
        ):
            parts.append(part)
    source = f" (per {figure.attributed_to})" if figure.attributed_to else ""
    return TimelineEntry(
        date=published,
        date_basis="reported" if published else "none",
        kind="figure",
        summary=" ".join(p for p in parts if p) + source,
        record=figure.id,
        article=figure.article,
        start=figure.start,
        end=figure.end,
    )


def _quote(quote: Quote, published: date | None) -> TimelineEntry:
    speaker = quote.speaker_resolved or quote.speaker or "?"
    words = quote.text if len(quote.text) <= 70 else quote.text[:69] + "…"
    return TimelineEntry(
        date=published,
        date_basis="reported" if published else "none",
        kind="quote",
        summary=f'{speaker}: "{" ".join(words.split())}"',
        record=quote.id,
        article=quote.article,
        start=quote.start,
        end=quote.end,
    )
