"""What the events tests read of an analysis: chosen fields of each event of one short text."""

from datetime import date

from storyledger.model import Article
from storyledger.pipeline import analyse

PUBLISHED = date(2024, 3, 6)


def events_of(
    nlp,
    text: str,
    fields: tuple[str, ...] = ("actor", "action", "target"),
    published: date | None = PUBLISHED,
) -> list[tuple]:
    """`fields` of every event the pipeline finds in `text` (an article published `published`)."""
    (analysis,) = analyse([Article(id="a", text=text, source="t", published=published)], nlp)
    return [tuple(getattr(e, name) for name in fields) for e in analysis.get("events")]


def undated_events(
    nlp, text: str, fields: tuple[str, ...] = ("actor", "action", "target")
) -> list[tuple]:
    """`events_of` for an article with no publication date."""
    return events_of(nlp, text, fields, published=None)
