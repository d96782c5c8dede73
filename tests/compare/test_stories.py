"""Story grouping: one story per event told by several outlets; copies linked, not deleted."""

from datetime import date

import pytest

from storyledger.compare.stories import _documents, group_stories, lead
from storyledger.model import Article, Mention

FLOOD = (
    "Floodwaters swept through the harbor district of Port Meridian after the Sable River burst "
    "its banks. Governor Elena Marsh declared a state of emergency and rescue crews evacuated "
    "residents from flooded streets near the Carrow Lock floodgate."
)
FLOOD_LATER = (
    "Ten days after the Sable River flood, residents of Port Meridian's harbor district are still "
    "in shelters. Governor Elena Marsh promised an inquiry into the Carrow Lock floodgate."
)
BUDGET = (
    "The Talvik city council approved a new budget on Tuesday, raising spending on schools and "
    "libraries. Mayor Ilse Brandvold said the budget would not raise taxes."
)


def _article(key, text, day, title=None):
    return Article(
        id=key,
        text=text,
        source=key,
        title=title,
        published=date(2026, 3, 1) if day is None else date(2026, 3, day),
    )


def test_one_story_per_event_and_other_stories_apart():
    articles = [_article("f1", FLOOD, 2), _article("f2", FLOOD_LATER, 12), _article("b", BUDGET, 3)]
    stories = group_stories(articles, [])
    assert sorted(sorted(s.articles) for s in stories) == [["b"], ["f1", "f2"]]
    flood = next(s for s in stories if "f1" in s.articles)
    assert flood.articles == ("f1", "f2")  # in publication order
    assert (flood.first_published, flood.last_published) == (date(2026, 3, 2), date(2026, 3, 12))


def test_a_syndicated_copy_is_linked_to_the_first_not_deleted():
    copy = FLOOD.replace("Floodwaters swept", "Flood waters swept")
    stories = group_stories([_article("f1", FLOOD, 2), _article("f1b", copy, 3)], [])
    (story,) = stories
    assert story.articles == ("f1", "f1b")
    (linked,) = story.copies
    assert (linked.article, linked.copy_of) == ("f1b", "f1") and linked.similarity > 0.85


def test_the_same_words_years_apart_are_another_story():
    stories = group_stories([_article("f1", FLOOD, 2), _article("f9", FLOOD_LATER, None)], [])
    assert len(stories) == 1  # undated: only the words decide
    old = Article(id="old", text=FLOOD_LATER, source="old", published=date(2019, 3, 12))
    assert len(group_stories([_article("f1", FLOOD, 2), old], [])) == 2


def test_user_names_and_merges_are_applied():
    articles = [_article("f1", FLOOD, 2), _article("b", BUDGET, 3)]
    stories = group_stories(articles, [], names={"b": "Talvik budget"}, merges=[("f1", "b")])
    (story,) = stories
    assert story.name == "Talvik budget" and story.name_source == "user"
    auto = group_stories(articles, [])
    assert {s.name_source for s in auto} == {"auto"}
    assert any(s.name.startswith("Floodwaters swept") for s in auto)


def test_story_ids_are_stable_when_later_articles_arrive():
    first = group_stories([_article("f1", FLOOD, 2)], [])
    later = group_stories([_article("f1", FLOOD, 2), _article("f2", FLOOD_LATER, 12)], [])
    assert first[0].id == later[0].id


def test_no_articles_no_stories():
    assert group_stories([], []) == []


BUDGET_LATER = (
    "A week after the Talvik city council approved its budget, Mayor Ilse Brandvold defended the "
    "spending on schools and libraries and again said taxes would not rise."
)
BRIDGE = (
    "Talvik's council and Port Meridian's governor both met on Wednesday: Mayor Ilse Brandvold "
    "spoke about the budget, and Governor Elena Marsh about the Sable River flood."
)


def test_one_article_touching_two_stories_does_not_join_them():
    articles = [
        _article("f1", FLOOD, 2),
        _article("b1", BUDGET, 3),
        _article("x", BRIDGE, 4),
        _article("f2", FLOOD_LATER, 12),
        _article("b2", BUDGET_LATER, 10),
    ]
    stories = group_stories(articles, [])
    story_of = {a: s.id for s in stories for a in s.articles}
    assert story_of["f1"] == story_of["f2"] and story_of["b1"] == story_of["b2"]
    assert story_of["f1"] != story_of["b1"]


def test_the_lead_is_the_first_sentence():
    assert lead(FLOOD) == FLOOD.split(". ", 1)[0] + "."
    assert (
        lead("U.S. troops left Kabul on Monday. Nobody spoke.")
        == "U.S. troops left Kabul on Monday."
    )
    assert len(lead("word " * 500)) == 400


def test_the_headline_block_holds_the_lead_where_the_main_event_is_told():
    article = _article("f1", FLOOD, 2, title="Emergency in the harbor")
    words, headline = _documents([article], [FLOOD], [], [])[:2]
    assert {"emergency", "harbor", "floodwaters", "sable", "banks"} <= set(headline[0])
    assert "governor" not in headline[0] and "governor" in words[0]


def test_texts_can_be_streamed_apart_from_the_articles():
    articles = [_article("f1", FLOOD, 2), _article("b", BUDGET, 3), _article("f2", FLOOD_LATER, 12)]
    openings = [_article(a.id, a.text[:40], a.published.day) for a in articles]
    streamed = group_stories(openings, [], texts=(a.text for a in articles))
    assert [s.articles for s in streamed] == [s.articles for s in group_stories(articles, [])]


REHAB = {
    "r1": (
        "Tara Reid",
        "Tara Reid checked into a rehabilitation center in Malibu on Tuesday, her representative "
        "said. The actress, 33, entered Promises after a difficult year.",
    ),
    "r2": (
        "Tara Reid",
        "Actress Tara Reid has entered Promises, the Malibu treatment facility, a spokesman for "
        "Reid confirmed on Tuesday. Reid asked for privacy.",
    ),
    "l1": (
        "Lindsay Lohan",
        "Lindsay Lohan checked into rehab on Thursday to begin a 90-day court-ordered stay, her "
        "lawyer said. Lohan, 26, arrived at the Betty Ford Center after midnight.",
    ),
    "l2": (
        "Lindsay Lohan",
        "A judge sentenced Lindsay Lohan to 90 days in a locked rehab facility, and the actress "
        "checked in on Thursday, her attorney Mark Heller said.",
    ),
}


def _rehab(key, published):
    name, text = REHAB[key]
    article = Article(id=key, text=text, source=key, published=published)
    found = []
    for k, start in enumerate(i for i in range(len(text)) if text.startswith(name, i)):
        found.append(
            Mention(
                id=f"{key}-{k}",
                article=key,
                start=start,
                end=start + len(name),
                text=name,
                label="PERSON",
                kind="person",
                actor_id=name,
            )
        )
    return article, found


@pytest.mark.issue(17)
@pytest.mark.parametrize("dated", [True, False])
def test_two_events_of_one_kind_are_two_stories_and_their_reports_one(dated):
    """Two rehab stays in the words of one beat: who (the person named) tells them apart,
    what the reports share (and, when dated, being published together) joins each."""
    days = {"r1": date(2008, 12, 9), "r2": date(2008, 12, 10)}
    days |= {"l1": date(2013, 5, 2), "l2": date(2013, 5, 3)}
    made = [_rehab(key, days[key] if dated else None) for key in ("r1", "l1", "r2", "l2")]
    articles = [article for article, _found in made]
    mentions = [mention for _article, found in made for mention in found]
    stories = group_stories(articles, mentions)
    assert sorted(sorted(s.articles) for s in stories) == [["l1", "l2"], ["r1", "r2"]]
