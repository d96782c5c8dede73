"""The real-news quotes eval: matching, lenient speakers, scores and checked offsets."""

import hashlib
import json

import pytest

from storyledger.errors import StoryledgerError
from storyledger.evaluation.quotes_real import (
    RealGold,
    errors,
    load_real,
    match,
    same_speaker,
    score_real,
)
from storyledger.model import Article, Quote
from tests.conftest import ROOT, SHARED, need

TEXT = (
    "Mayor Ana Ruiz spoke on Friday. “We will rebuild every house,” she said.\n"
    "“Nobody leaves.”\n"
    "Police said the road was closed. The river, they added, rose overnight."
)


def _span(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def _gold(piece: str, kind: str, speaker: str, form: str) -> RealGold:
    return RealGold(*_span(piece), kind, speaker, form)


def _quote(piece: str, kind: str, resolved: str | None) -> Quote:
    start, end = _span(piece)
    return Quote(
        article="a",
        start=start,
        end=end,
        text=piece,
        id=piece,
        kind=kind,
        speaker=resolved,
        speaker_resolved=resolved,
    )


GOLDS = [
    _gold("We will rebuild every house", "direct", "Ana Ruiz", "pronoun"),
    _gold("Nobody leaves.", "direct", "Ana Ruiz", "none"),
    _gold("the road was closed", "indirect", "police", "role"),
    _gold("The river, they added, rose overnight", "indirect", "police", "pronoun"),
]


@pytest.mark.issue(18)
def test_scores_a_small_article_by_hand():
    predicted = [
        _quote("We will rebuild every house,", "direct", "Ruiz"),  # right, speaker by surname
        _quote("rebuild every", "partial", "Ruiz"),  # inside the same quote: an extra
        _quote("the road was closed", "indirect", "she"),  # found, wrong speaker
        _quote("Mayor Ana Ruiz spoke on Friday", "indirect", "Ana Ruiz"),  # not a quote
    ]
    row = score_real([(GOLDS, predicted)], actor_name=lambda quote: None)
    assert (row["gold"], row["found"], row["matched"]) == (4, 4, 2)
    assert (row["precision"], row["recall"], row["f1"]) == (0.5, 0.5, 0.5)
    assert row["direct_recall"] == 0.5 and row["indirect_recall"] == 0.5
    assert row["partial_recall"] is None
    assert row["speaker_accuracy"] == 0.5
    assert row["pronoun_speaker_accuracy"] == 1.0 and row["role_speaker_accuracy"] == 0.0
    assert row["none_speaker_accuracy"] is None
    assert row["kind_accuracy"] == 1.0


@pytest.mark.issue(18)
def test_errors_name_the_missed_the_extra_and_the_wrong_speaker():
    article = Article(id="a", text=TEXT, source="corpora/news/articles.jsonl:3")
    predicted = [
        _quote("We will rebuild every house,", "direct", "she"),
        _quote("Mayor Ana Ruiz spoke on Friday", "indirect", "Ana Ruiz"),
    ]
    found = errors(article, GOLDS[:2], predicted, actor_name=lambda quote: None)
    assert found == [
        "news:3: missed direct 'Nobody leaves.'",
        "news:3: extra indirect 'Mayor Ana Ruiz spoke on Friday'",
        "news:3: speaker (pronoun) 'We will rebuild every house,': wanted 'Ana Ruiz',"
        " got 'she' / None",
    ]


@pytest.mark.issue(18)
def test_the_actors_canonical_name_counts_for_the_speaker():
    predicted = [_quote("Nobody leaves.", "direct", None)]
    row = score_real([(GOLDS, predicted)], actor_name=lambda quote: "Ana Ruiz")
    assert row["none_speaker_accuracy"] == 1.0


@pytest.mark.issue(18)
def test_matching_pairs_the_closest_spans_one_to_one():
    outer = _gold("Police said the road was closed", "indirect", "police", "role")
    inner = _gold("the road was closed", "indirect", "police", "role")
    quote = _quote("the road was closed", "indirect", "Police")
    assert match([outer, inner], [quote]) == [(inner, quote)]
    assert match([outer], [_quote("Police", "partial", None)]) == [
        (outer, _quote("Police", "partial", None))
    ]
    assert match([outer], [_quote("Mayor Ana Ruiz spoke on Friday", "direct", None)]) == []


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("gold", "got", "right"),
    [
        ("Tara Reid", "Reid", True),
        ("Steve Jobs", "Apple CEO Steve Jobs", True),
        ("Steve Jobs", "Steve", True),
        ("John Ging", "Mr Ging", True),
        ("Sam's Club", "A Sam's Club spokesperson", True),
        ("a Western diplomat", "the diplomat", True),
        ("Tara Reid", "she", False),
        ("Tara Reid", "the star", False),
        ("Singapore Airlines", "SIA", False),
        ("police", "The", False),
        ("Larry Kroon", None, False),
    ],
)
def test_speaker_names_match_leniently(gold, got, right):
    assert same_speaker(gold, got) is right


def _corpus(tmp_path, text, digest=None):
    folder = tmp_path / "corpora" / "news"
    folder.mkdir(parents=True)
    (folder / "articles.jsonl").write_text(json.dumps({"id": "n1", "text": text}) + "\n")
    start, end = _span("Nobody leaves.")
    digest = digest or hashlib.sha1(TEXT[start:end].encode()).hexdigest()[:10]
    item = {"kind": "direct", "start": start, "end": end, "sha1": digest}
    item |= {"speaker": "Ana Ruiz", "speaker_form": "none"}
    entry = {"id": "news-n1", "corpus": "news", "line": 1, "article": Article.id_for(TEXT)}
    gold = tmp_path / "real.jsonl"
    gold.write_text(json.dumps(entry | {"quotes": [item]}) + "\n")
    return gold


@pytest.mark.issue(18)
def test_gold_offsets_are_checked_against_the_shared_text(tmp_path):
    (article, [item]) = load_real(_corpus(tmp_path, TEXT), tmp_path)[0]
    assert article.text[item.start : item.end] == "Nobody leaves."


@pytest.mark.issue(18)
def test_a_changed_article_is_refused(tmp_path):
    with pytest.raises(StoryledgerError, match="text changed"):
        load_real(_corpus(tmp_path, TEXT.replace("Nobody", "Nobody ever")), tmp_path)


@pytest.mark.issue(18)
def test_a_moved_span_is_refused(tmp_path):
    with pytest.raises(StoryledgerError, match="no longer matches"):
        load_real(_corpus(tmp_path, TEXT, digest="0000000000"), tmp_path)


@pytest.mark.issue(18)
def test_the_annotated_set_fits_the_shared_corpora():
    need(SHARED / "corpora" / "ecbplus" / "articles.jsonl")
    need(SHARED / "corpora" / "meantime" / "articles.jsonl")
    pairs = load_real(ROOT / "evals" / "quotes" / "real" / "real.jsonl", SHARED)
    assert len(pairs) >= 40
    assert sum(len(golds) for _, golds in pairs) >= 400
    forms = {item.speaker_form for _, golds in pairs for item in golds}
    assert forms == {"name", "pronoun", "role", "none"}


@pytest.mark.issue(18)
def test_the_held_out_part_fits_the_shared_corpora_and_is_new():
    need(SHARED / "corpora" / "ecbplus" / "articles.jsonl")
    need(SHARED / "corpora" / "meantime" / "articles.jsonl")
    folder = ROOT / "evals" / "quotes" / "real"
    pairs = load_real(folder / "heldout.jsonl", SHARED)
    assert len(pairs) >= 15
    assert sum(len(golds) for _, golds in pairs) >= 100
    dev = {article.id for article, _ in load_real(folder / "real.jsonl", SHARED)}
    assert not dev & {article.id for article, _ in pairs}
