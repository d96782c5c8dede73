"""The articles of a shared corpus's `articles.jsonl` (ECB+, MEANTIME), read as `analyze` reads
them, each with the corpus's own document id: what every evaluation on them matches gold by."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyledger.errors import REAL_GOLD_ARTICLE, StoryledgerError
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One article of a corpus: its line in `articles.jsonl` (from 1) and the document id the
    corpus gives it (`1_10ecb`, `meantime-en-1173`)."""

    line: int
    name: str
    article: Article


def corpus_articles(corpus: Path) -> list[CorpusArticle]:
    """The articles of `corpus/articles.jsonl` in file order, each with its line and document
    id (what the reader drops, an exact copy or a record without text, left out)."""
    path = corpus / "articles.jsonl"
    names = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
    found = []
    for article in read_inputs([path], IngestOptions()):
        if isinstance(article, Article):
            line = int(article.source.rpartition(":")[2])
            found.append(CorpusArticle(line=line, name=names[line - 1], article=article))
    return found


def annotated_articles(path: Path, shared: Path) -> Iterator[tuple[dict[str, Any], Article]]:
    """Each entry of a file annotated by hand (`evals/*/real/*.jsonl`) with the article it
    names (`corpus` under `shared/corpora`, its record `line`), in file order; refused when
    that article is missing or is no longer the entry's `article` (its text changed)."""
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    corpora = {
        corpus: {item.line: item.article for item in corpus_articles(shared / "corpora" / corpus)}
        for corpus in {entry["corpus"] for entry in entries}
    }
    for entry in entries:
        article = corpora[entry["corpus"]].get(entry["line"])
        if article is None or article.id != entry["article"]:
            raise StoryledgerError(REAL_GOLD_ARTICLE.format(id=entry["id"]))
        yield entry, article
