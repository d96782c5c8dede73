"""Extract an article's main text and metadata from an HTML page with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from storyledger import errors
from storyledger.errors import InputError

MIN_WORDS = 5
"""Fewer words than this is page furniture ("Home"), not an article's main text."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlArticle:
    """The main text of a page (headline first) and the metadata the page declares."""

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """True when a text without a telling file suffix is an HTML document."""
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def extract_html(html: str, *, source: str) -> HtmlArticle:
    """Main text, title, date and site name of a page; `InputError` when it has no main text."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=False,
        deduplicate=False,
    )
    body = (document.text or "").strip() if document is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise InputError(source, errors.NO_MAIN_TEXT)
    title = (document.title or "").strip() or None
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    return HtmlArticle(
        text=body,
        title=title,
        published=document.date,
        outlet=(document.sitename or "").strip() or None,
        url=document.url,
    )
