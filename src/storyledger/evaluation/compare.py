"""Score the cross-article stage: stories, figure series, quote variants, disputed claims.

The annotated set is `evals/compare/`: fictional stories told by several outlets
(`articles.jsonl`) with their gold links (`gold.json`). Real news adds two checks: the seed
articles (one story; the three comparisons issue #6 names) and MEANTIME's 120 Wikinews
articles grouped into stories by our own annotation (`meantime_stories.json`).

- stories: pairwise precision, recall and F1 over pairs of articles put in one story;
- figure links: a predicted comparison is a correct link when both its figures belong to one
  gold series; label accuracy is over correct links; item recall is the share of gold series
  items linked to another item of their series;
- quotes and claims: the same, with quote groups and claim pairs.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.compare.actors import resolve_actors
from storyledger.compare.corpus import CorpusComparison, CorpusRecords, compare_corpus
from storyledger.evaluation.corpus import corpus_articles
from storyledger.evaluation.gold import data_hash, overlap
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.ingest.sidecar import load_sidecar
from storyledger.model import Article, Comparison, Story
from storyledger.pipeline import analyse

_KINDS = {"figure": "figure_series", "quote": "quotes", "claim": "claims"}


def load_articles(folder: Path) -> list[Article]:
    """The annotated set's articles, read as `storyledger analyze` reads a JSON Lines dump."""
    rows = [
        json.loads(line) for line in (folder / "articles.jsonl").read_text("utf-8").splitlines()
    ]
    return [
        Article(
            id=Article.id_for(row["text"]),
            text=row["text"],
            source=row["id"],
            title=row.get("title"),
            outlet=row.get("outlet"),
            published=date.fromisoformat(row["published"]) if row.get("published") else None,
            date_source="input",
        )
        for row in rows
    ]


def run_corpus(articles: Sequence[Article], nlp: Language) -> CorpusComparison:
    """Analyse `articles`, group their actors and compare them, as `analyze` would."""
    analyses = list(analyse(articles, nlp))

    def records(name: str) -> list:
        return [record for analysis in analyses for record in analysis.get(name)]

    actors, mentions = resolve_actors(records("mentions"))
    return compare_corpus(
        CorpusRecords(
            articles=articles,
            mentions=mentions,
            actors=actors,
            sentences=records("sentences"),
            quotes=records("quotes"),
            figures=records("figures"),
        )
    )


def evaluate(folder: Path, nlp: Language) -> dict[str, Any]:
    """All scores on the annotated set."""
    articles = load_articles(folder)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    found = run_corpus(articles, nlp)
    by_source = {article.source: article for article in articles}
    story_gold = {
        article.id: json.loads(line)["story"]
        for article, line in zip(
            articles, (folder / "articles.jsonl").read_text("utf-8").splitlines(), strict=True
        )
    }
    results: dict[str, Any] = {"stories": pairwise(found.stories, story_gold)}
    for kind, section in _KINDS.items():
        groups = [_located(group, by_source) for group in gold[section]]
        predicted = [c for c in found.comparisons if c.kind == kind]
        results[section] = _links(predicted, groups)
    results["data"] = data_hash(folder)
    return results


def pairwise(stories: Iterable[Story], gold: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of a story grouping against gold labels."""
    label = {article: story.id for story in stories for article in story.articles}
    ids = sorted(gold)
    predicted = {(a, b) for a, b in itertools.combinations(ids, 2) if label[a] == label[b]}
    expected = {(a, b) for a, b in itertools.combinations(ids, 2) if gold[a] == gold[b]}
    right = len(predicted & expected)
    precision = right / len(predicted) if predicted else 1.0
    recall = right / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(ids),
        "gold_stories": len(set(gold.values())),
        "found_stories": len({label[a] for a in ids}),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def _located(group: dict[str, Any], by_source: dict[str, Article]) -> dict[str, Any]:
    items = []
    for source, words in group["items"]:
        article = by_source[source]
        start = article.text.index(words)
        items.append((article.id, start, start + len(words)))
    relations = {
        frozenset((i, j)): relation
        for i, j, *rest in group.get("relations", [])
        for relation in (rest[0] if rest else "conflict",)
    }
    if not relations:
        relations = {frozenset((0, 1)): "conflict"}
    return {"name": group["name"], "items": items, "relations": relations}


def _member(item: Any, groups: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(group, position) of every gold item the predicted item covers."""
    found = []
    for g, group in enumerate(groups):
        for position, (article, start, end) in enumerate(group["items"]):
            if (
                item.article == article
                and item.start is not None
                and item.end is not None
                and overlap((item.start, item.end), (start, end)) > 0
            ):
                found.append((g, position))
    return found


def _links(predicted: list[Comparison], groups: list[dict[str, Any]]) -> dict[str, Any]:
    correct = labelled = 0
    linked: set[tuple[int, int]] = set()
    errors = []
    for comparison in predicted:
        first, second = comparison.items[0], comparison.items[-1]
        pairs = [
            (a, b)
            for a in _member(first, groups)
            for b in _member(second, groups)
            if a[0] == b[0] and a[1] != b[1]
        ]
        if not pairs:
            errors.append(f"false link: {comparison.topic} ({comparison.note})")
            continue
        correct += 1
        (g, i), (_g, j) = pairs[0]
        linked |= {(g, i), (g, j)}
        expected = groups[g]["relations"].get(frozenset((i, j)))
        if expected == comparison.relation:
            labelled += 1
        else:
            errors.append(f"{groups[g]['name']}: {comparison.relation}, gold {expected}")
    items = sum(len(group["items"]) for group in groups)
    return {
        "gold_groups": len(groups),
        "found": len(predicted),
        "link_precision": round(correct / len(predicted), 3) if predicted else None,
        "item_recall": round(len(linked) / items, 3) if items else None,
        "label_accuracy": round(labelled / correct, 3) if correct else None,
        "errors": errors,
    }


def evaluate_seeds(shared: Path, nlp: Language) -> dict[str, Any]:
    """The seed articles: one story, and the comparisons issue #6 names."""
    folder = shared / "seeds"
    options = IngestOptions(sidecar=load_sidecar(folder / "meta.json"))
    articles = [a for a in read_inputs([folder], options) if isinstance(a, Article)]
    found = run_corpus(articles, nlp)
    figures = [c for c in found.comparisons if c.kind == "figure"]

    def relation_of(*values: str) -> str | None:
        for comparison in figures:
            if {str(item.value) for item in comparison.items} == set(values):
                return comparison.relation
        return None

    return {
        "articles": len(articles),
        "stories": len(found.stories),
        "toll_55000_57575": relation_of("more than 55,000", "at least 57,575"),
        "population_2m_2_1m": relation_of("2 million", "2.1 million"),
        "pressure_disputed": sum(
            1 for c in found.comparisons if c.kind == "claim" and "pressur" in c.topic
        ),
        "comparisons": len(found.comparisons),
    }


def evaluate_meantime_stories(corpus: Path, gold_path: Path, nlp: Language) -> dict[str, Any]:
    """Story grouping of MEANTIME's 120 articles against our own story annotation."""
    items = corpus_articles(corpus)
    articles = [item.article for item in items]
    labels = json.loads(gold_path.read_text(encoding="utf-8"))["stories"]
    gold = {item.article.id: labels[item.name] for item in items}
    found = run_corpus(articles, nlp)
    return pairwise(found.stories, gold)


def format_table(results: dict[str, Any]) -> list[str]:
    """The scores as printed lines."""
    stories = results["stories"]
    lines = [
        "cross-article stage, annotated set (evals/compare: fictional stories, several outlets)",
        f"stories   articles={stories['articles']} gold={stories['gold_stories']} "
        f"found={stories['found_stories']} pairwise P={stories['precision']} "
        f"R={stories['recall']} F1={stories['f1']}",
        f"{'links':10}{'gold':>6}{'found':>7}{'link P':>8}{'item R':>8}{'label acc':>11}",
    ]
    for section in _KINDS.values():
        row = results[section]
        lines.append(
            f"{section:10}{row['gold_groups']:>6}{row['found']:>7}{_n(row['link_precision']):>8}"
            f"{_n(row['item_recall']):>8}{_n(row['label_accuracy']):>11}"
        )
        lines += [f"    {error}" for error in row["errors"]]
    return lines


def _n(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
