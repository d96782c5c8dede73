"""The cross-article stage as the runner runs it: read one snapshot of the store, resolve
actors and compare records across articles (`compare/`), and hand the store what to write.

The store only reads and writes (it imports nothing of `compare/`); this module decides what
is recomputed and when, after `analyze`, `import`, or a user's story name or merge.
A full recompute replays the story grouping over the batches the articles arrived in
(`compare.grouping`), so adding articles incrementally and recomputing give the same tables.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Literal, overload

from storyledger.actor_index import ActorChange, index_complete, name_row, plan_actors
from storyledger.actors import resolve_actors
from storyledger.compare.corpus import CorpusComparison, CorpusRecords, compare_stories
from storyledger.compare.grouping import (
    Grouping,
    from_bytes,
    settings_key,
    stored_settings,
    to_bytes,
)
from storyledger.compare.stories import StorySettings, grow, stories_of, story_groups
from storyledger.model import Actor, Article, Comparison, Mention, Quote, Story, content_id
from storyledger.store import Store
from storyledger.store.refresh import Refresh, articles_version

_REFRESH_TRIES = 3


@overload
def plan(
    store: Store,
    *,
    actors: bool,
    comparisons: Literal[True],
    settings: StorySettings | None = None,
) -> tuple[Refresh, CorpusComparison]: ...


@overload
def plan(
    store: Store,
    *,
    actors: bool,
    comparisons: Literal[False],
    settings: StorySettings | None = None,
) -> tuple[Refresh, None]: ...


def plan(
    store: Store, *, actors: bool, comparisons: bool, settings: StorySettings | None = None
) -> tuple[Refresh, CorpusComparison | None]:
    """Compute a refresh from one snapshot of the store, without holding the write lock."""
    with store.snapshot():
        version = articles_version(store.conn)[0]
        mentions = store.records("mentions")
        if not actors:
            if not comparisons:
                return Refresh(version), None
            found, grouped = _compare(
                store, mentions, store.corpus_records("actors"), None, settings
            )
            return _with(Refresh(version), found, grouped), found
        found_actors, linked = resolve_actors(mentions)
        refresh = Refresh(
            version,
            found_actors,
            linked,
            _id_changes(mentions, linked),
            names=tuple(name_row(mention) for mention in mentions),
            names_reset=True,
        )
        if not comparisons:
            return refresh, None
        relinked = _relinked_mentions(mentions, linked)
        ordered = sorted(found_actors, key=lambda actor: actor.id)
        found, grouped = _compare(
            store, relinked, ordered, {m.id: m.actor_id for m in relinked}, settings
        )
    return _with(refresh, found, grouped), found


def refresh_actors(store: Store) -> int:
    """Regroup every stored mention into canonical actors across articles."""
    planned, _ = plan(store, actors=True, comparisons=False)
    store.write_refresh(planned, fresh=False)
    return len(planned.actors or ())


def refresh_comparisons(store: Store, settings: StorySettings | None = None) -> CorpusComparison:
    """Regroup every stored article into stories and compare records across them."""
    planned, found = plan(store, actors=False, comparisons=True, settings=settings)
    store.write_refresh(planned, fresh=False)
    return found


def refresh_corpus(
    store: Store,
    settings: StorySettings | None = None,
    *,
    changed: Iterable[str] | None = None,
) -> CorpusComparison:
    """Actors, stories and comparisons recomputed from one snapshot and written in one
    transaction; recomputed when articles were written meanwhile (a last try is written
    anyway and left marked stale, for the next run). With `changed` (the articles written
    since the last refresh), only the stories that changed are compared again; the result is
    the same as a full recompute's (`found.comparisons` then holds only the new ones)."""
    attempt = 1
    while True:
        if changed is None:
            planned, found = plan(store, actors=True, comparisons=True, settings=settings)
        else:
            planned, found = plan_changed(store, set(changed), settings)
        last = attempt == _REFRESH_TRIES
        if store.write_refresh(planned, fresh=True, only_if_current=not last) or last:
            return found
        attempt += 1


def plan_changed(
    store: Store, changed: set[str], settings: StorySettings | None = None
) -> tuple[Refresh, CorpusComparison]:
    """A refresh after the `changed` articles were written. When they are all new and the
    store keeps the grouping state and the actor name index of every other article, they are
    added as one batch (`_plan_added`: cost by what they touch, not by the store); otherwise
    every actor is resolved and the batches replayed (`_plan_regrouped`). Either way only the
    stories that changed are compared again (new or regrouped stories, those holding a
    `changed` article, those whose quotes' speakers were relinked), and the result equals a
    full recompute (`refresh_corpus` without `changed`)."""
    with store.snapshot():
        grouping = _kept_grouping(store, changed, settings)
        if grouping is not None and index_complete(store, changed):
            return _plan_added(store, changed, grouping, settings)
        return _plan_regrouped(store, changed, settings)


def _plan_regrouped(
    store: Store, changed: set[str], settings: StorySettings | None
) -> tuple[Refresh, CorpusComparison]:
    """Every actor resolved and every article grouped again (the batches replayed), only the
    stories that changed compared again."""
    version = articles_version(store.conn)[0]
    articles = store.articles()
    mentions = store.records("mentions")
    change = _all_actors(store, mentions)
    names = tuple(name_row(mention) for mention in mentions)
    actors = list(change.actors_all)
    relinked = _relinked_mentions(mentions, change.linked)
    actor_of = {mention.id: mention.actor_id for mention in relinked}
    figures = store.records("figures")
    stories, (grouping, batches) = _regrouped(store, articles, relinked, figures, actors, settings)
    old = {story.id: story for story in store.corpus_records("stories")}
    linked = [m.id for m in change.linked]
    touched, comparisons = _compared(store, stories, old, changed, linked, articles, actor_of)
    refresh = Refresh(
        version,
        change.actors,
        change.linked,
        change.remap,
        stories=tuple(stories),
        comparisons=tuple(comparisons),
        replaced=frozenset(touched | (set(old) - {story.id for story in stories})),
        removed_actors=change.removed,
        changed_articles=tuple(sorted(changed)),
        grouping=to_bytes(grouping),
        batches=batches,
        names=names,
        names_reset=True,
    )
    return refresh, CorpusComparison(stories, comparisons)


def _plan_added(
    store: Store, changed: set[str], grouping: Grouping, settings: StorySettings | None
) -> tuple[Refresh, CorpusComparison]:
    """The `changed` articles added as one batch: their actors resolved where they can change
    (`actor_index`), they join the kept grouping, and only the stories they join or whose
    actors changed are built, written and (when their articles or copies changed, or their
    quotes' speakers were relinked) compared again."""
    version = articles_version(store.conn)[0]
    new_mentions = store.records("mentions", changed)
    change = plan_actors(store, new_mentions)
    linked = {mention.id: mention for mention in change.linked}
    start = len(grouping.ids)
    mine = [linked.get(mention.id, mention) for mention in new_mentions]
    figures = store.records("figures", changed)
    grouping = grow(grouping, store.articles(changed), mine, figures, settings=settings)
    renamed = {m.article for m in change.linked}
    renamed |= store.articles_mentioning(change.renamed)
    groups = [
        members
        for members in story_groups(grouping, store.story_merges())
        if max(members) >= start or any(grouping.ids[i] in renamed for i in members)
    ]
    ids = {grouping.ids[i] for members in groups for i in members}
    articles = store.articles(ids)
    mentions = [linked.get(m.id, m) for m in store.records("mentions", ids)]
    named = {mention.actor_id for mention in mentions}
    gone = set(change.removed)
    actors = [actor for actor in store.actors_with(named) if actor.id not in gone]
    actors += [actor for actor in change.actors if actor.id in named]
    stories = stories_of(
        grouping, articles, mentions, actors=actors, names=store.story_names(), only=groups
    )
    old = {s.id: s for s in store.stories_with(content_id("story", a) for a in ids)}
    actor_of = {mention.id: mention.actor_id for mention in mentions}
    touched, comparisons = _compared(store, stories, old, changed, linked, articles, actor_of)
    built = {story.id for story in stories}
    refresh = Refresh(
        version,
        change.actors,
        change.linked,
        change.remap,
        stories=tuple(stories),
        comparisons=tuple(comparisons),
        replaced=frozenset(touched | (set(old) - built)),
        removed_actors=change.removed,
        changed_articles=tuple(sorted(changed)),
        grouping=to_bytes(grouping),
        arrived=tuple(sorted(changed)),
        names=tuple(name_row(mention) for mention in new_mentions),
        stories_replaced=frozenset(built | set(old)),
    )
    return refresh, CorpusComparison(stories, comparisons)


@dataclasses.dataclass(frozen=True, slots=True)
class _AllActors(ActorChange):
    actors_all: tuple[Actor, ...] = ()


def _all_actors(store: Store, mentions: list[Mention]) -> _AllActors:
    """Every mention resolved again, as the difference from the stored actors."""
    found, linked = resolve_actors(mentions)
    before, after = set(store.corpus_records("actors")), set(found)
    was = {mention.id: (mention.actor_id, mention.kind) for mention in mentions}
    return _AllActors(
        linked=tuple(m for m in linked if was[m.id] != (m.actor_id, m.kind)),
        actors=tuple(sorted(after - before, key=lambda actor: actor.id)),
        removed=tuple(sorted({actor.id for actor in before - after})),
        remap=_id_changes(mentions, linked),
        actors_all=found,
    )


def _kept_grouping(
    store: Store, changed: set[str], settings: StorySettings | None
) -> Grouping | None:
    """The stored grouping state, when the `changed` articles are exactly the stored articles
    it has not taken (new ones, none re-analysed) and it was made with these settings."""
    raw = store.story_state()
    if raw is None or stored_settings(raw) != settings_key(settings or StorySettings()):
        return None
    grouping = from_bytes(raw)
    kept = set(grouping.ids)
    return grouping if not kept & changed and kept | changed == store.article_ids() else None


def _compared(
    store: Store,
    stories: list[Story],
    old: dict[str, Story],
    changed: set[str],
    relinked: Iterable[str],
    articles: list[Article],
    actor_of: dict[str, str],
) -> tuple[set[str], list[Comparison]]:
    """The ids of the stories to compare again (new or regrouped since `old`, holding a
    `changed` article, or holding a quote whose speaker is one of the `relinked` mentions),
    and their comparisons, the quotes' speakers relinked by `actor_of` as the write will."""
    moved = store.quote_articles_of_speakers(relinked)
    touched = {
        story.id
        for story in stories
        if _changed(story, old.get(story.id)) or (changed | moved) & set(story.articles)
    }
    ids = {a for story in stories if story.id in touched for a in story.articles}
    records = CorpusRecords(
        articles=articles,
        sentences=store.records("sentences", ids),
        quotes=[_relinked(quote, actor_of) for quote in store.records("quotes", ids)],
        figures=store.records("figures", ids),
    )
    return touched, compare_stories(stories, records, touched)


def _changed(story: Story, before: Story | None) -> bool:
    return before is None or (before.articles, before.copies) != (story.articles, story.copies)


def name_story(store: Store, key: str, name: str) -> Story:
    """Name a story (kept by its first article, so it survives regrouping) and regroup."""
    first = store.name_story(key, name)
    refresh_comparisons(store)
    return store.story(first)


def merge_stories(store: Store, keys: list[str]) -> Story:
    """Put the given stories in one (kept as article pairs) and regroup."""
    first = store.merge_stories(keys)
    refresh_comparisons(store)
    return store.story(first)


def _with(refresh: Refresh, found: CorpusComparison, grouped: _Grouped) -> Refresh:
    grouping, batches = grouped
    return dataclasses.replace(
        refresh,
        stories=tuple(found.stories),
        comparisons=tuple(found.comparisons),
        grouping=to_bytes(grouping),
        batches=batches,
    )


_Grouped = tuple[Grouping, tuple[tuple[str, ...], ...]]


def _replay(
    store: Store,
    articles: list[Article],
    mentions: list[Mention],
    figures: list,
    settings: StorySettings | None,
) -> _Grouped:
    """The story grouping replayed from nothing over the recorded batches (issue #17), the
    articles in none of them last, as one batch; and the batches it took."""
    present = {article.id for article in articles}
    batches = [[a for a in batch if a in present] for batch in store.story_batches()]
    seen = {a for batch in batches for a in batch}
    batches.append(sorted(present - seen))
    kept = tuple(tuple(batch) for batch in batches if batch)
    return grow(None, articles, mentions, figures, settings=settings, batches=kept), kept


def _compare(
    store: Store,
    mentions: list[Mention],
    actors: list[Actor],
    actor_of: dict[str, str] | None,
    settings: StorySettings | None,
) -> tuple[CorpusComparison, _Grouped]:
    """The stories and comparisons, and the grouping that made the stories; `actor_of`
    relinks quote speakers as the write will."""
    quotes = store.records("quotes")
    if actor_of is not None:
        quotes = [_relinked(quote, actor_of) for quote in quotes]
    articles, figures = store.articles(), store.records("figures")
    stories, grouped = _regrouped(store, articles, mentions, figures, actors, settings)
    records = CorpusRecords(
        articles=articles,
        sentences=store.records("sentences"),
        quotes=quotes,
        figures=figures,
    )
    return CorpusComparison(stories, compare_stories(stories, records)), grouped


def _regrouped(
    store: Store,
    articles: list[Article],
    mentions: list[Mention],
    figures: list,
    actors: list[Actor],
    settings: StorySettings | None,
) -> tuple[list[Story], _Grouped]:
    """Every article grouped again (the batches replayed) and the stories made of it, with
    the user's names and merges: what a full recompute and a regrouping refresh share."""
    grouped = _replay(store, articles, mentions, figures, settings)
    stories = stories_of(
        grouped[0],
        articles,
        mentions,
        actors=actors,
        names=store.story_names(),
        merges=store.story_merges(),
    )
    return stories, grouped


def _relinked_mentions(mentions: list[Mention], linked: Iterable[Mention]) -> list[Mention]:
    """`mentions` with those of `linked` (the same ids, relinked) in their place."""
    by_id = {mention.id: mention for mention in linked}
    return [by_id.get(mention.id, mention) for mention in mentions]


def _relinked(quote: Quote, actor_of: dict[str, str]) -> Quote:
    if quote.speaker_mention is None:
        return quote
    return dataclasses.replace(quote, speaker_actor=actor_of.get(quote.speaker_mention))


def _id_changes(before: list[Mention], after: tuple[Mention, ...]) -> dict[str, str]:
    """Old actor id -> new actor id, by what most of the old id's mentions became."""
    old_of = {mention.id: mention.actor_id for mention in before}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in after:
        votes[old_of[mention.id]][mention.actor_id] += 1
    changes = {old: counts.most_common(1)[0][0] for old, counts in votes.items()}
    return {old: new for old, new in changes.items() if old != new}
