"""Outlet profiles: framing measures added up per outlet; lean and ownership only from a file."""

import json

import pytest

from storyledger.compare.outlets import outlet_profiles, source_labels
from storyledger.errors import SidecarError
from storyledger.ingest.outlets import load_outlets
from storyledger.model import Article, Framing, LoadedTerm, Marker


def _article(key, outlet):
    return Article(id=key, text="x" * 100, source=key, outlet=outlet)


def _term(article, term, *, in_quote=False, attributed=False):
    return LoadedTerm(
        article=article,
        start=0,
        end=len(term),
        text="x" * len(term),
        term=term,
        in_quote=in_quote,
        attributed=attributed,
    )


def _framing(article, terms=(), **counts):
    base = dict(
        words=500,
        sentences=20,
        attributed_sentences=10,
        named_sources=3,
        anonymous_sources=1,
        hedges=2,
        boosters=1,
    )
    base.update(counts)
    markers = (Marker(article=article, start=0, end=1, text="x", kind="question"),)
    return Framing(article=article, loaded_terms=tuple(terms), markers=markers, **base)


@pytest.mark.issue(7)
def test_profiles_add_up_each_outlets_articles():
    articles = [_article("a1", "The Wire"), _article("a2", "The Wire"), _article("b1", None)]
    framings = [
        _framing("a1", [_term("a1", "slaughter"), _term("a1", "massacre", in_quote=True)]),
        _framing("a2", [_term("a2", "slaughter"), _term("a2", "regime", attributed=True)]),
        _framing("b1", [], words=250, named_sources=0, anonymous_sources=2),
    ]
    wire, unknown = outlet_profiles(articles, framings)
    assert (wire.outlet, wire.articles, wire.words) == ("The Wire", 2, 1000)
    assert (wire.loaded_outside, wire.loaded_per_1000) == (2, 2.0)
    assert (wire.loaded_in_quotes, wire.loaded_attributed) == (1, 1)
    assert (wire.hedges_per_1000, wire.boosters_per_1000) == (4.0, 2.0)
    assert (wire.attributed_share, wire.anonymous_share) == (0.5, 0.25)
    assert wire.questions == 2 and wire.top_terms == ("slaughter (2)",)
    assert wire.lean is None and wire.ownership is None
    assert unknown.outlet == "untitled article, undated" and unknown.anonymous_share == 1.0


@pytest.mark.issue(19)
def test_articles_without_an_outlet_are_each_their_own_source(seed_analyses):
    """The seeds have no outlet: two sources, two profiles, never one blended
    "(unknown outlet)" (it read 11.6 loaded terms per 1,000 words for 0 and 24.75)."""
    articles = [a.article for a in seed_analyses.values()]
    framings = [f for a in seed_analyses.values() for f in a.get("framing")]
    labels = source_labels(articles)
    assert sorted(label.rsplit(", ", 1)[1] for label in labels.values()) == [
        "2025-05-20",
        "2025-07-09",
    ]
    profiles = outlet_profiles(articles, framings)
    assert sorted(p.outlet for p in profiles) == sorted(labels.values())
    assert sorted(p.articles for p in profiles) == [1, 1]
    by_article = {f.article: f for f in framings}
    for article in articles:
        (profile,) = [p for p in profiles if p.outlet == labels[article.id]]
        assert profile.loaded_per_1000 == by_article[article.id].loaded_per_1000


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("title", "published", "label"),
    [
        (None, "2025-07-09", "untitled article, 2025-07-09"),
        (None, None, "untitled article, undated"),
        ("Gaza ceasefire talks resume", "2025-07-09", "Gaza ceasefire talks resume, 2025-07-09"),
        (
            "Trump and Netanyahu meet again as pressure mounts over the prolonged war in Gaza",
            None,
            "Trump and Netanyahu meet again as pressure mounts over the…, undated",
        ),
    ],
)
def test_source_label_of_an_article_without_outlet(title, published, label):
    article = Article(id="a", text="x", source="a", title=title, published=published)
    assert source_labels([article, _article("b", "The Wire")]) == {"a": label, "b": "The Wire"}


@pytest.mark.issue(19)
def test_two_untitled_articles_of_one_day_are_not_pooled():
    articles = [
        Article(id=key, text="x", source=key, published="2025-07-09") for key in ("a1", "b2")
    ]
    labels = source_labels(articles)
    assert len(set(labels.values())) == 2 and labels["a1"].endswith("(a1)")


@pytest.mark.issue(7)
def test_lean_and_ownership_come_only_from_the_users_file(tmp_path):
    path = tmp_path / "outlets.json"
    path.write_text(json.dumps({"The Wire": {"lean": "centre", "ownership": "cooperative"}}))
    info = load_outlets(path)
    (wire,) = outlet_profiles([_article("a1", "The Wire")], [_framing("a1")], info)
    assert (wire.lean, wire.ownership) == ("centre", "cooperative")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[]", "must be a JSON object"),
        ("{oops", "not valid JSON"),
        ('{"The Wire": {"bias": "left"}}', "outlet 'The Wire': bias"),
    ],
)
def test_a_bad_outlets_file_is_one_line(tmp_path, content, problem):
    path = tmp_path / "outlets.json"
    path.write_text(content)
    with pytest.raises(SidecarError) as error:
        load_outlets(path)
    assert problem in str(error.value) and "\n" not in str(error.value)
    assert str(path) in str(error.value)
