"""Outlet profiles: the framing measures of each outlet's articles, added up side by side.

An outlet's lean or ownership is never shipped with storyledger: it comes only from a user's
outlets file (`--outlets FILE`, read by `ingest.outlets`). An article whose outlet is unknown
is its own source ("untitled article, 2025-07-09", or its title and date), never pooled with
other such articles into one "unknown outlet" (`source_labels`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storyledger.ingest.outlets import OutletInfo
from storyledger.model import Article, Framing

UNKNOWN_OUTLET = "(unknown outlet)"
_TOP_TERMS = 10
_TITLE_CHARS = 60


@dataclass(frozen=True, slots=True, kw_only=True)
class OutletProfile:
    """One outlet's framing and sourcing measures over its articles, with the counts behind them."""

    outlet: str
    articles: int
    words: int
    loaded_outside: int
    loaded_per_1000: float
    loaded_in_quotes: int
    loaded_attributed: int
    hedges: int
    hedges_per_1000: float
    boosters: int
    boosters_per_1000: float
    sentences: int
    attributed_sentences: int
    attributed_share: float | None
    named_sources: int
    anonymous_sources: int
    anonymous_share: float | None
    unattributed_evaluations: int
    second_person: int
    questions: int
    calls_to_action: int
    cited_sources: int
    top_terms: tuple[str, ...]
    lean: str | None = None
    ownership: str | None = None
    notes: str | None = None


def outlet_profiles(
    articles: Iterable[Article],
    framings: Iterable[Framing],
    info: Mapping[str, OutletInfo] | None = None,
) -> list[OutletProfile]:
    """One profile per outlet (an article without one is its own source), most articles first."""
    outlet_of = source_labels(articles)
    grouped: dict[str, list[Framing]] = defaultdict(list)
    for framing in framings:
        if framing.article in outlet_of:
            grouped[outlet_of[framing.article]].append(framing)
    profiles = [_profile(name, group, (info or {}).get(name)) for name, group in grouped.items()]
    return sorted(profiles, key=lambda p: (-p.articles, p.outlet))


def source_labels(articles: Iterable[Article]) -> dict[str, str]:
    """Who published each article, by article id: its outlet; without one, the article itself,
    as its title (cut at a word) and date, or "untitled article" and its date. Two such
    articles that would read alike get their ids' first characters, so none are pooled."""
    articles = list(articles)
    labels = {a.id: a.outlet or _own_label(a) for a in articles}
    outlets = {a.outlet for a in articles if a.outlet}
    seen = Counter(labels[a.id] for a in articles if not a.outlet)
    for article in articles:
        label = labels[article.id]
        if not article.outlet and (seen[label] > 1 or label in outlets):
            labels[article.id] = f"{label} ({article.id[:8]})"
    return labels


def words_by_article(framings: Iterable[Framing]) -> dict[str, int]:
    """The one word count of an article, wherever one is shown (`show articles`, framing,
    outlets, the report): the alphabetic words of its prose sentences (headline, captions and
    bylines out), as the framing stage counts them for its per-1,000-words measures."""
    return {f.article: f.words for f in framings}


def _own_label(article: Article) -> str:
    day = str(article.published) if article.published else "undated"
    title = " ".join((article.title or "").split())
    if len(title) > _TITLE_CHARS:
        cut = title.rfind(" ", 0, _TITLE_CHARS)
        title = title[: cut if cut > 0 else _TITLE_CHARS].rstrip(" ,;:-") + "…"
    return f"{title or 'untitled article'}, {day}"


def _profile(name: str, group: list[Framing], info: OutletInfo | None) -> OutletProfile:
    words = sum(f.words for f in group)
    terms = [t for f in group for t in f.loaded_terms]
    own = [t for t in terms if t.own_voice]
    markers = Counter(m.kind for f in group for m in f.markers)
    sentences = sum(f.sentences for f in group)
    attributed = sum(f.attributed_sentences for f in group)
    named = sum(f.named_sources for f in group)
    anonymous = sum(f.anonymous_sources for f in group)
    hedges = sum(f.hedges for f in group)
    boosters = sum(f.boosters for f in group)
    top = Counter(t.term for t in own).most_common(_TOP_TERMS)
    return OutletProfile(
        outlet=name,
        articles=len(group),
        words=words,
        loaded_outside=len(own),
        loaded_per_1000=_per_1000(len(own), words),
        loaded_in_quotes=sum(1 for t in terms if t.in_quote),
        loaded_attributed=sum(1 for t in terms if t.attributed and not t.in_quote),
        hedges=hedges,
        hedges_per_1000=_per_1000(hedges, words),
        boosters=boosters,
        boosters_per_1000=_per_1000(boosters, words),
        sentences=sentences,
        attributed_sentences=attributed,
        attributed_share=round(attributed / sentences, 3) if sentences else None,
        named_sources=named,
        anonymous_sources=anonymous,
        anonymous_share=round(anonymous / (named + anonymous), 3) if named + anonymous else None,
        unattributed_evaluations=markers["unattributed_evaluation"],
        second_person=markers["second_person"],
        questions=markers["question"],
        calls_to_action=markers["call_to_action"],
        cited_sources=sum(len(f.cited_sources) for f in group),
        top_terms=tuple(f"{term} ({count})" for term, count in top),
        lean=info.lean if info else None,
        ownership=info.ownership if info else None,
        notes=info.notes if info else None,
    )


def _per_1000(count: int, words: int) -> float:
    return round(1000 * count / words, 2) if words else 0.0
