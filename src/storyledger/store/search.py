"""What a search query means, in one place: the CLI, the served API and the report file agree.

A query is a list of terms, all of which must match (AND). A term is a "double-quoted phrase"
or a word between spaces. Each term is cut into tokens as the index cuts text: a token is a
run of letters and digits (Unicode), case and accents folded, so punctuation inside a word is a
token boundary, never an operator: `Hale's` is the phrase `hale s`, `U.N.` is `u n`, `5,000` is
`5 000`, `clean-up` is `clean up`. A term matches where its tokens stand next to each other,
each token matching a text word of the same stem (the index's porter stemmer: `talks` finds
`talking`). A word ending in `*` matches words that start so (`negotiat*`). Nothing else is
syntax: `AND`, `NEAR`, `(`, `-` are words or separators, so no query is ever an error; a query
without a letter or digit finds nothing.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

_TOKEN = re.compile(r"[^\W_]+")
_TERM = re.compile(r'"([^"]*)"?|(\S+)')
# Marks put around each match by FTS5 `highlight()`/`snippet()` and removed again: private-use
# characters, checked to be absent from the text they mark (else the row carries no spans).
_OPEN, _CLOSE = "\ue000", "\ue001"
_SNIPPET_WORDS = 16

SEARCH_RULE: dict[str, Any] = {
    "combine": "and",
    "terms": 'words between spaces, or "double-quoted phrases"',
    "token": "[\\p{L}\\p{N}]+",
    "fold": ["lowercase", "accents"],
    "match": "a term's tokens next to each other in the text, each of the same porter stem",
    "prefix": "a word ending in * matches words starting with it",
    "examples": {"Hale's": "hale s", "U.N.": "u n", "5,000": "5 000", "clean-up": "clean up"},
}
"""The rule above in JSON-able form, for the report file's own search."""


def search_terms(query: str) -> list[str]:
    """The query's terms, each its tokens joined by one space (a prefix term ends in `*`):
    `Hale's "peace talks" negotiat*` -> `["hale s", "peace talks", "negotiat*"]`."""
    terms = []
    for match in _TERM.finditer(query):
        phrase, word = match.groups()
        tokens = _TOKEN.findall((phrase if phrase is not None else word).lower())
        if tokens:
            prefix = word is not None and word.endswith("*")
            terms.append(" ".join(tokens) + ("*" if prefix else ""))
    return terms


def fts_query(query: str) -> str | None:
    """The FTS5 query of `query` (None when it has no term): every term a quoted phrase."""
    terms = search_terms(query)
    if not terms:
        return None
    return " ".join(f'"{term[:-1]}"*' if term.endswith("*") else f'"{term}"' for term in terms)


def search_articles(conn: sqlite3.Connection, query: str, *, limit: int) -> list[dict[str, Any]]:
    """Articles matching `query`, best first: id, title, outlet, published, a snippet, and the
    matches as `[start, end]` offsets into the article text (`spans`), its title
    (`title_spans`) and the snippet (`snippet_spans`)."""
    match = fts_query(query)
    if match is None:
        return []
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.source, a.text,"
        f" highlight(articles_fts, 0, '{_OPEN}', '{_CLOSE}') AS marked_title,"
        f" highlight(articles_fts, 1, '{_OPEN}', '{_CLOSE}') AS marked_text,"
        f" snippet(articles_fts, 1, '{_OPEN}', '{_CLOSE}', '…', {_SNIPPET_WORDS}) AS marked"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    ).fetchall()
    found = []
    for row in rows:
        snippet, snippet_spans = unmark(row["marked"])
        found.append(
            {
                "id": row["id"],
                "title": row["title"],
                "outlet": row["outlet"],
                "published": row["published"],
                "source": row["source"],
                "snippet": snippet,
                "spans": _spans_in(row["marked_text"], row["text"]),
                "title_spans": _spans_in(row["marked_title"], row["title"]),
                "snippet_spans": snippet_spans,
            }
        )
    return found


def search_quotes(conn: sqlite3.Connection, query: str, *, limit: int) -> list[dict[str, Any]]:
    """Quotes whose words or speaker match `query`, best first, with `spans` of the matches
    in the article text (the quote's own offsets plus where inside it the words matched)."""
    match = fts_query(query)
    if match is None:
        return []
    rows = conn.execute(
        'SELECT q.id, q.article, q.kind, q.speaker, q.speaker_resolved, q.start, q."end",'
        f" q.text, highlight(quotes_fts, 0, '{_OPEN}', '{_CLOSE}') AS marked_text,"
        f" snippet(quotes_fts, 0, '{_OPEN}', '{_CLOSE}', '…', {_SNIPPET_WORDS}) AS marked"
        " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
        " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    ).fetchall()
    found = []
    for row in rows:
        snippet, snippet_spans = unmark(row["marked"])
        inside = _spans_in(row["marked_text"], row["text"])
        found.append(
            {
                "id": row["id"],
                "article": row["article"],
                "kind": row["kind"],
                "speaker": row["speaker"],
                "speaker_resolved": row["speaker_resolved"],
                "start": row["start"],
                "end": row["end"],
                "snippet": snippet,
                "spans": [[row["start"] + s, row["start"] + e] for s, e in inside],
                "snippet_spans": snippet_spans,
            }
        )
    return found


def unmark(marked: str | None) -> tuple[str, list[list[int]]]:
    """Text marked by `highlight()`/`snippet()` -> the plain text and its marked spans."""
    if not marked:
        return marked or "", []
    plain: list[str] = []
    spans: list[list[int]] = []
    at = 0
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            spans.append([at, at])
        elif piece == _CLOSE and spans:
            spans[-1][1] = at
        else:
            plain.append(piece)
            at += len(piece)
    return "".join(plain), [span for span in spans if span[1] > span[0]]


def _spans_in(marked: str | None, text: str | None) -> list[list[int]]:
    """The marked spans, when removing the marks gives back exactly `text` (else none)."""
    if not text or _OPEN in text or _CLOSE in text:
        return []
    plain, spans = unmark(marked)
    return spans if plain == text else []
