"""The timeline: dated records in order, undated apart, denied events left out."""

from datetime import date

from storyledger.compare.timeline import build_timeline
from storyledger.model import Article, Event, Figure, Quote
from storyledger.pipeline import analyse

TEXT = 'Police arrested 30 protesters on Sunday. "We acted lawfully," the chief said.'


def _article(published):
    return Article(id="a", text=TEXT, source="t", published=published)


def test_entries_are_ordered_and_point_at_their_text(nlp, example_articles):
    analyses = list(analyse(example_articles, nlp))
    records = {
        name: [r for a in analyses for r in a.get(name)] for name in ("events", "figures", "quotes")
    }
    dated, undated = build_timeline(
        example_articles, records["events"], records["figures"], records["quotes"]
    )
    assert dated and [e.date for e in dated] == sorted(e.date for e in dated)
    texts = {a.id: a.text for a in example_articles}
    for entry in [*dated, *undated]:
        assert 0 <= entry.start < entry.end <= len(texts[entry.article])
    kinds = {entry.kind for entry in dated}
    assert kinds == {"event", "figure", "quote"}


def test_event_dates_come_from_the_sentence_and_undated_stay_apart():
    event = Event(
        article="a",
        start=0,
        end=40,
        text=TEXT[:40],
        id="e",
        action="COERCE",
        actor="Police",
        date=date(2024, 3, 3),
    )
    denied = Event(
        article="a",
        start=0,
        end=40,
        text=TEXT[:40],
        id="d",
        action="ASSAULT",
        actor="Police",
        negated=True,
    )
    figure = Figure(article="a", start=16, end=18, text="30", id="f", value=30.0)
    quote = Quote(
        article="a", start=42, end=57, text=TEXT[42:57], id="q", kind="direct", speaker="the chief"
    )
    dated, undated = build_timeline(
        [_article(date(2024, 3, 6))], [event, denied], [figure], [quote]
    )
    assert [(e.record, e.date, e.date_basis) for e in dated] == [
        ("e", date(2024, 3, 3), "event"),
        ("f", date(2024, 3, 6), "reported"),
        ("q", date(2024, 3, 6), "reported"),
    ]
    assert undated == []
    dated, undated = build_timeline([_article(None)], [event], [figure], [quote])
    assert [e.record for e in dated] == ["e"]
    assert [e.record for e in undated] == ["f", "q"]
