"""Read annotated gold files: each line an article (its text, an input path, or a seed name)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from storyledger.ingest import IngestOptions, read_inputs
from storyledger.ingest.sidecar import load_sidecar
from storyledger.model import Article


def entries(folder: Path, shared: Path) -> Iterator[tuple[dict[str, Any], Article]]:
    """Every annotated entry of the `*.jsonl` files in `folder`, with the article it is about."""
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                yield entry, article_of(entry, shared)


def article_of(entry: dict[str, Any], shared: Path) -> Article:
    """The article an entry annotates, read the way `storyledger analyze` reads it (with the
    `meta.json` sidecar beside its folder, if there is one)."""
    if "text" in entry:
        published = date.fromisoformat(entry["published"]) if entry.get("published") else None
        return Article(
            id=Article.id_for(entry["text"]),
            text=entry["text"],
            source=entry["id"],
            published=published,
            date_source="input" if published else None,
        )
    source = entry.get("source") or str(shared / "seeds" / entry["seed"])
    path, _, record = source.rpartition(":")
    if not record.isdigit():
        path, record = source, ""
    sidecars = [folder / "meta.json" for folder in Path(path).parents[:2]]
    sidecar = next((load_sidecar(meta) for meta in sidecars if meta.is_file()), None)
    found = [
        a for a in read_inputs([path], IngestOptions(sidecar=sidecar)) if isinstance(a, Article)
    ]
    return found[int(record) - 1] if record else found[0]


def locate(
    item: dict[str, Any], key: str, text: str, used: set[tuple[int, int]]
) -> tuple[int, int]:
    """The offsets of an annotated span: given (and checked by hash), or found by its text."""
    if "start" in item:
        start, end = item["start"], item["end"]
        if span_sha1(text, start, end) != item["sha1"]:
            raise ValueError(f"gold span {start}..{end} no longer matches its text")
        return start, end
    wanted = item[key]
    position = text.find(wanted)
    while position >= 0 and (position, len(wanted)) in used:
        position = text.find(wanted, position + 1)
    if position < 0:
        raise ValueError(f"gold text not in its article: {wanted[:60]!r}")
    used.add((position, len(wanted)))
    return position, position + len(wanted)


def span_sha1(text: str, start: int, end: int) -> str:
    """The short hash an annotated span is checked by: the first 10 hex digits of the SHA-1
    of `text[start:end]`."""
    return hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[:10]


def data_hash(folder: Path) -> str:
    """A hash of the gold files, pinned with the floors so that a floor goes with its data."""
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.jsonl"), *folder.glob("*.json")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def overlap(left: tuple[int, int], right: tuple[int, int]) -> float:
    """How much two spans overlap, as a share of the shorter one."""
    shared = min(left[1], right[1]) - max(left[0], right[0])
    shorter = min(left[1] - left[0], right[1] - right[0]) or 1
    return max(0, shared) / shorter


def pair_spans(
    golds: Sequence[tuple[int, int]], found: Sequence[tuple[int, int]], min_overlap: float
) -> list[tuple[int, int]]:
    """`(gold index, found index)` pairs, one to one, of spans overlapping by `min_overlap` of
    the shorter or more, the closest first (most overlap, then most Jaccard, then in order)."""
    pairs = []
    for i, left in enumerate(golds):
        for j, right in enumerate(found):
            share = overlap(left, right)
            if share >= min_overlap:
                pairs.append((share, _jaccard(left, right), i, j))
    used_gold: set[int] = set()
    used_found: set[int] = set()
    chosen = []
    for _, _, i, j in sorted(pairs, key=lambda p: (-p[0], -p[1], p[2], p[3])):
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            chosen.append((i, j))
    return chosen


def _jaccard(left: tuple[int, int], right: tuple[int, int]) -> float:
    shared = min(left[1], right[1]) - max(left[0], right[0])
    union = max(left[1], right[1]) - min(left[0], right[0])
    return max(0, shared) / union if union else 0.0


_LEADING = re.compile(r"^(?:a|an|the|one|another|two|three|some|several)\s+")


def same_phrase(wanted: str | None, got: str | None) -> bool:
    """Two phrases name the same thing: equal or one inside the other, once case, curly
    apostrophes and a leading determiner are set aside; two nulls agree."""
    if wanted is None or got is None:
        return wanted is None and got is None
    left, right = _phrase_key(wanted), _phrase_key(got)
    return left == right or left in right or right in left


def _phrase_key(value: str) -> str:
    value = value.replace("’", "'").casefold().strip()
    return " ".join(_LEADING.sub("", value).split())
