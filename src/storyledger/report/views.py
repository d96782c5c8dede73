"""The view builders shared by the HTML report and the web UI: the store as plain rows.

Every view is a list of rows (dicts of plain JSON values) that the page shows as a table and
offers as CSV and JSON; figure trends also get a Vega-Lite spec. Nothing here writes to the
store, and nothing here is HTML: escaping is the page's job (it only ever sets text).

Keys added for #19 (older keys keep their meaning):
- `search`: the query rule of `store/search.py` (`SEARCH_RULE`) in JSON form, so the file's
  search means what the CLI and `/api/search` mean (the page stems words itself:
  `static/search.js`). `/api/search` rows carry `spans` (text offsets of the matches),
  `title_spans` and `snippet_spans` (`[start, end]` pairs).
- `outlet` everywhere is the article's source: its outlet, or for an article without one the
  article itself ("untitled article, 2025-07-09"; `compare.outlets.source_labels`), never one
  pooled "(unknown outlet)"; `articles[].outlet_known` says which. `articles[].words` is the
  one word count (`compare.outlets.words_by_article`, as framing and outlets count).
- `quotes`, `figures`, `events` and `timeline` rows carry their source: `outlet`, `published`,
  `article_title`, `url` (with `article`, `start`, `end`), so every CSV download keeps it;
  quotes, figures and events come in publication order, stories by weight (`compare.order`).
- `story`: the story shown (a `stories` row) when one was chosen (`report --story`,
  `/api/views?story=`, `/?story=`), else null; `stories` always lists every story of the store
  (for a picker), most articles first; `title`: the chosen (or only) story's name, else
  "storyledger". `/api/stories` answers the `stories` rows alone; `/api/quotes?person=NAME`
  the `quotes` rows of one person (canonical name or as written, any case).
- `trends[].bounds[].bound`: the bound in words ("at least 12", "between 12 and 20"), for a
  legend or tooltip instead of `open: true/false`.
- `quotes[].speaker` and `speakers[].speaker` are the person (the canonical actor's name,
  `compare.speakers`), so the overview counts and the quotes filter group "Trump" and "Donald
  Trump" as one; `quotes[].speaker_written` keeps the words written, `quotes[].speaker_actor`
  the actor id.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from storyledger import __version__
from storyledger.compare.order import by_date, by_weight, comparisons_in_order
from storyledger.compare.outlets import outlet_profiles, source_labels, words_by_article
from storyledger.compare.speakers import count_speakers, speaker_names
from storyledger.compare.timeline import build_timeline
from storyledger.ingest.outlets import OutletInfo
from storyledger.model import Article, Comparison
from storyledger.report.layout import page_extras
from storyledger.store import Store
from storyledger.store.rows import plain
from storyledger.store.search import SEARCH_RULE

_SPEAKERS = 15
_PALETTE = "tableau10"


def build_views(
    store: Store,
    outlets: Mapping[str, OutletInfo] | None = None,
    *,
    story: str | None = None,
) -> dict[str, Any]:
    """Every view of the store, or with `story` (an id, its first characters, a name or an
    article id: `Store.story`) of that story's articles only, as JSON-ready data."""
    stored = store.corpus_records("stories")
    chosen = store.story(story) if story else None
    ids = list(chosen.articles) if chosen else None
    articles = store.articles(ids)
    outlet_of = source_labels(articles)
    published = {a.id: a.published for a in articles}
    quotes = store.records("quotes", ids)
    figures = store.records("figures", ids)
    events = store.records("events", ids)
    framings = store.records("framing", ids)
    words = words_by_article(framings)
    comparisons = store.corpus_records("comparisons")
    if chosen:
        comparisons = [c for c in comparisons if c.story == chosen.id]
    actors = store.corpus_records("actors")
    person = speaker_names(quotes, actors)
    sources = _sources(articles, outlet_of)
    quotes, figures, events = (by_date(rows, published) for rows in (quotes, figures, events))
    comparisons = comparisons_in_order(comparisons, stored)
    stories = by_weight(stored)
    dated, undated = build_timeline(articles, events, figures, quotes)
    views = {
        "search": dict(SEARCH_RULE),
        "story": _story_row(chosen) if chosen else None,
        "title": page_title(stories, chosen),
        "meta": {
            "storyledger": __version__,
            "generated": datetime.now(UTC).isoformat(timespec="seconds"),
            "articles": len(articles),
            "outlets": len(set(outlet_of.values())),
            "first": min((str(d) for d in published.values() if d), default=None),
            "last": max((str(d) for d in published.values() if d), default=None),
        },
        "stories": [_story_row(s) for s in stories],
        "articles": [_article_row(a, outlet_of[a.id], words.get(a.id)) for a in articles],
        "coverage": _coverage(articles, outlet_of),
        "speakers": [
            {"speaker": name, "anonymous": anonymous, "quotes": n}
            for name, anonymous, n in count_speakers(quotes, person)[:_SPEAKERS]
        ],
        "timeline": [
            {
                "date": str(e.date) if e.date else "undated",
                "basis": e.date_basis,
                "kind": e.kind,
                "summary": e.summary,
                "outlet": outlet_of.get(e.article),
                "article": e.article,
                "start": e.start,
                "end": e.end,
                **sources[e.article],
            }
            for e in [*dated, *undated]
        ],
        "figures": [
            {
                "text": f.text,
                "counted": f.counted,
                "reported_by": f.attributed_to,
                "article": f.article,
                "start": f.start,
                "end": f.end,
                **sources[f.article],
            }
            for f in figures
        ],
        "trends": _trends(comparisons, outlet_of, {f.id: f for f in figures}),
        "quotes": [
            {
                "kind": q.kind,
                "speaker": person[q.id] or "",
                "speaker_written": q.speaker,
                "speaker_actor": q.speaker_actor,
                "anonymous": q.anonymous,
                "text": q.text,
                "outlet": outlet_of.get(q.article),
                "published": _iso(published.get(q.article)),
                "article": q.article,
                "start": q.start,
                "end": q.end,
                "id": q.id,
                **sources[q.article],
            }
            for q in quotes
        ],
        "events": [
            {
                "action": e.action,
                "actor": e.actor,
                "target": e.target,
                "date": _iso(e.date),
                "negated": e.negated,
                "mode": e.aux,
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "trigger_end": e.trigger_end,
                "outlet": outlet_of.get(e.article),
                "article": e.article,
                "start": e.start,
                "end": e.end,
                **sources[e.article],
            }
            for e in events
        ],
        "actors": _actors(actors, quotes, events),
        "comparisons": [_comparison_row(c, outlet_of) for c in comparisons],
        "outlets": [plain(p) for p in outlet_profiles(articles, framings, outlets)],
        "loaded": [
            {
                "term": t.text,
                "category": t.category,
                "voice": "outlet" if t.own_voice else ("quote" if t.in_quote else "attributed"),
                "outlet": outlet_of.get(t.article),
                "article": t.article,
                "start": t.start,
                "end": t.end,
            }
            for framing in framings
            for t in framing.loaded_terms
        ],
    }
    views.update(page_extras(store, [row["id"] for row in views["articles"]], stored))
    return views


def _sources(articles: list[Article], outlet_of: Mapping[str, str]) -> dict[str, dict]:
    """Where each article's records come from, for every row that quotes it (CSV included)."""
    return {
        a.id: {
            "outlet": outlet_of[a.id],
            "published": _iso(a.published),
            "article_title": _title(a),
            "url": a.url,
        }
        for a in articles
    }


def _title(article: Article) -> str:
    """The article's title, else its first line (cut at 120 characters)."""
    return article.title or article.text.strip().split("\n", 1)[0][:120]


def _iso(value: object) -> str | None:
    return str(value) if value else None


def page_title(stories: list[Any], chosen: Any | None) -> str:
    """The page's title: the chosen story's name, else the only story's, else "storyledger"."""
    if chosen is None and len(stories) == 1:
        chosen = stories[0]
    return chosen.name if chosen and chosen.name else "storyledger"


def _story_row(story: Any) -> dict[str, Any]:
    return {
        "id": story.id,
        "name": story.name,
        "name_source": story.name_source,
        "articles": len(story.articles),
        "copies": len(story.copies),
        "first": _iso(story.first_published),
        "last": _iso(story.last_published),
        "first_published": _iso(story.first_published),
        "last_published": _iso(story.last_published),
    }


def _article_row(article: Article, source: str, words: int | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": _title(article),
        "outlet": source,
        "outlet_known": article.outlet is not None,
        "published": _iso(article.published),
        "url": article.url,
        "words": words,
        "text": article.text,
    }


def _coverage(articles: list[Article], outlet_of: Mapping[str, str]) -> dict[str, Any]:
    """Articles by outlet and date (the page draws them: `static/charts.js`)."""
    counts = Counter((outlet_of[a.id], _iso(a.published) or "undated") for a in articles)
    rows = [
        {"outlet": outlet, "date": day, "articles": n}
        for (outlet, day), n in sorted(counts.items(), key=lambda item: (item[0][1], item[0][0]))
    ]
    return {"rows": rows}


def _trends(
    comparisons: list[Comparison], outlet_of: Mapping[str, str], figures: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """One chart per figure series: values over publication dates, bounds drawn as bounds."""
    series: dict[tuple[str | None, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    relations: dict[tuple[str | None, str], dict[str, str]] = defaultdict(dict)
    for comparison in comparisons:
        if comparison.kind != "figure":
            continue
        key = (comparison.story, comparison.topic)
        for item in comparison.items:
            series[key][item.record] = {
                "record": item.record,
                "article": item.article,
                "start": item.start,
                "end": item.end,
                "text": item.value,
                "date": _iso(item.published),
                "reported_by": item.reported_by,
                "outlet": outlet_of.get(item.article),
            }
        relations[key][comparison.items[-1].record] = comparison.relation
    trends = []
    for (story, topic), points in series.items():
        rows = sorted(points.values(), key=lambda p: (p["date"] or "", p["record"]))
        for row in rows:
            row["relation"] = relations[(story, topic)].get(row["record"], "first")
            figure = figures.get(row["record"])
            row["value"] = figure.point if figure else None
            row["low"] = figure.low if figure else None
            row["high"] = figure.high if figure else None
        top = max((row["value"] or 0 for row in rows), default=0) * 1.1
        bounds = [
            dict(
                row,
                high=top if row["high"] is None else row["high"],
                open=row["high"] is None,
                bound=_bound_words(row["low"], row["high"]),
            )
            for row in rows
            if row["low"] is not None and (row["high"] is None or row["high"] != row["low"])
        ]
        trends.append(
            {
                "story": story,
                "topic": topic,
                "rows": rows,
                "bounds": bounds,
                "spec": _trend_spec(topic),
            }
        )
    return sorted(trends, key=lambda t: (-len(t["rows"]), t["topic"]))


def _bound_words(low: float, high: float | None) -> str:
    """A figure's bounds in words: "at least 12", "between 12 and 20"."""
    if high is None:
        return f"at least {_number(low)}"
    return f"between {_number(low)} and {_number(high)}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _trend_spec(topic: str) -> dict[str, Any]:
    """A Vega-Lite spec over the named data sets `points` (the series) and `bounds` (its
    ranges and open-ended bounds, dashed), which the page fills in from the series rows."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": f"Figure series: {topic}",
        "width": "container",
        "height": 160,
        "layer": [
            {
                "data": {"name": "bounds"},
                "mark": {"type": "rule", "strokeWidth": 2, "opacity": 0.6},
                "encoding": {
                    "x": {"field": "date", "type": "temporal"},
                    "y": {"field": "low", "type": "quantitative"},
                    "y2": {"field": "high"},
                    "color": {"field": "outlet", "type": "nominal", "scale": {"scheme": _PALETTE}},
                    "strokeDash": {
                        "field": "open",
                        "type": "nominal",
                        "title": "open-ended bound",
                        "scale": {"domain": [True, False], "range": [[4, 3], [1, 0]]},
                    },
                },
            },
            {
                "data": {"name": "points"},
                "mark": {"type": "point", "filled": True, "size": 80, "tooltip": True},
                "encoding": {
                    "x": {"field": "date", "type": "temporal", "title": "published"},
                    "y": {"field": "value", "type": "quantitative", "title": topic},
                    "color": {"field": "outlet", "type": "nominal", "scale": {"scheme": _PALETTE}},
                    "shape": {"field": "relation", "type": "nominal"},
                },
            },
        ],
    }


def _actors(actors: list[Any], quotes: list[Any], events: list[Any]) -> list[dict[str, Any]]:
    said = Counter(q.speaker_actor for q in quotes if q.speaker_actor)
    did = Counter(e.actor_id for e in events if e.actor_id)
    suffered = Counter(e.target_id for e in events if e.target_id)
    return [
        {
            "name": a.name,
            "kind": a.kind,
            "aliases": ", ".join(a.aliases),
            "mentions": a.mentions,
            "quotes": said[a.id],
            "events_as_actor": did[a.id],
            "events_as_target": suffered[a.id],
            "id": a.id,
        }
        for a in sorted(actors, key=lambda a: (-a.mentions, a.name))
    ]


def _comparison_row(comparison: Comparison, outlet_of: Mapping[str, str]) -> dict[str, Any]:
    return {
        "kind": comparison.kind,
        "relation": comparison.relation,
        "topic": comparison.topic,
        "note": comparison.note,
        "story": comparison.story,
        "items": [
            {
                "article": item.article,
                "start": item.start,
                "end": item.end,
                "value": item.value,
                "reported_by": item.reported_by,
                "published": _iso(item.published),
                "outlet": outlet_of.get(item.article),
            }
            for item in comparison.items
        ],
    }
