"""Walk the given paths and yield one `Article` per input, or a `Skipped` with its reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from storyledger import errors
from storyledger.errors import InputError
from storyledger.ingest.csvdump import read_csv
from storyledger.ingest.dates import parse_date
from storyledger.ingest.decode import decode_bytes, normalise_newlines
from storyledger.ingest.dumps import DumpRecord, read_jsonl
from storyledger.ingest.html import extract_html, looks_like_html
from storyledger.ingest.notes import checked, note, printable, valid
from storyledger.ingest.sidecar import Sidecar
from storyledger.ingest.walk import file_problem, reason, walk_folder
from storyledger.model import Article, MetaSource

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
FOLDER_SUFFIXES = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".csv"}
)
"""What a folder walk picks up; Markdown and suffix-less files are read only when named."""
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How inputs are read: the metadata sidecar and the size limit of one article."""

    sidecar: Sidecar | None = None
    max_bytes: int = 10_000_000


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that gave no article, and why (one line)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.source}: {self.reason}")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Found:
    text: str
    source: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    origin: MetaSource = "input"
    encoding: str | None = None


def read_inputs(paths: Iterable[str | Path], options: IngestOptions) -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursive) and dumps; exact copies are skipped as such.

    Never raises for a bad input: whatever cannot be read is a `Skipped` with a one-line reason,
    and every string handed on is valid UTF-8 (a lone surrogate becomes U+FFFD, with a warning).
    """
    seen: dict[str, str] = {}
    matched: set[str] = set()  # sidecar entries an input matched, whatever became of it
    folders: set[Path] = set()  # where the inputs came from
    sidecar = options.sidecar
    for found in _walk(paths, options):
        if sidecar is not None and (key := sidecar.key_for(valid(found.source))) is not None:
            matched.add(key)
        folders.add(Path(found.source.rpartition(":")[0] or found.source).parent)
        if isinstance(found, Skipped):
            yield Skipped(valid(found.source), valid(found.reason))
            continue
        found = replace(found, source=valid(found.source))
        text = normalise_newlines(checked(found.text, field="the text", source=found.source))
        if not text:
            yield Skipped(found.source, errors.EMPTY)
            continue
        article_id = Article.id_for(text)
        if article_id in seen:
            yield Skipped(found.source, errors.DUPLICATE.format(other=seen[article_id]))
            continue
        seen[article_id] = found.source
        yield _article(found, text, article_id, sidecar)
    if sidecar is not None:
        sidecar.note_unused(matched, folders)


def _walk(paths: Iterable[str | Path], options: IngestOptions) -> Iterator[_Found | Skipped]:
    for path in map(Path, paths):
        if path.is_dir():
            for file, problem in walk_folder(path, FOLDER_SUFFIXES):
                yield from _file(file, problem, options)
        else:
            yield from _file(path, file_problem(path), options)


def _file(path: Path, problem: str | None, options: IngestOptions) -> Iterator[_Found | Skipped]:
    """What one file (or folder) gives; a name that is not valid UTF-8 is said once, here."""
    name = checked(str(path), field="the file name", source=str(path))
    if problem is not None:
        yield Skipped(name, problem)
    else:
        yield from _read_file(path, options)


def _read_file(path: Path, options: IngestOptions) -> Iterator[_Found | Skipped]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Skipped(valid(str(path)), errors.UNSUPPORTED.format(suffix=suffix))
        return
    try:
        if suffix in JSONL_SUFFIXES | CSV_SUFFIXES:
            reader = read_jsonl if suffix in JSONL_SUFFIXES else read_csv
            for record in reader(path):
                yield _from_record(record, options)
        else:
            yield _from_document(path, options)
    except InputError as exc:
        yield Skipped(exc.source, exc.reason)
    except OSError as exc:
        yield Skipped(valid(str(path)), errors.UNREADABLE.format(detail=reason(exc)))


def _from_document(path: Path, options: IngestOptions) -> _Found:
    source = str(path)
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(source, errors.TOO_LARGE.format(size=size, limit=options.max_bytes))
    text, encoding = decode_bytes(path.read_bytes(), source=source)
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        page = extract_html(text, source=source)
        return _Found(
            text=page.text,
            source=source,
            title=page.title,
            published=page.published,
            outlet=page.outlet,
            url=page.url,
            origin="html",
            encoding=encoding,
        )
    return _Found(text=text, source=source, encoding=encoding)


def _from_record(record: DumpRecord | InputError, options: IngestOptions) -> _Found | Skipped:
    if isinstance(record, InputError):
        return Skipped(record.source, record.reason)
    size = len(record.text.encode("utf-8"))
    if size > options.max_bytes:
        return Skipped(record.source, errors.TOO_LARGE.format(size=size, limit=options.max_bytes))
    return _Found(
        text=record.text,
        source=record.source,
        title=record.title,
        published=record.published,
        outlet=record.outlet,
        url=record.url,
    )


def _article(found: _Found, text: str, article_id: str, sidecar: Sidecar | None) -> Article:
    entry = sidecar.lookup(found.source) if sidecar else None
    meta: dict[str, object] = {}
    for name in ("title", "outlet", "url", "published"):
        given = getattr(entry, name, None) if entry else None
        inferred = getattr(found, name)
        if name == "published":
            inferred = _date(inferred, given, found.source)
        elif inferred is not None:
            inferred = checked(inferred, field=name, source=found.source)
        if given is not None:
            meta[name], meta[f"{name}_source"] = given, "sidecar"
        elif inferred is not None:
            meta[name], meta[f"{name}_source"] = inferred, found.origin
    meta["date_source"] = meta.pop("published_source", None)
    return Article(id=article_id, text=text, source=found.source, encoding=found.encoding, **meta)


def _date(value: str | None, given: object, source: str) -> object:
    """The date of an input's `published`; an unreadable one is dropped with a warning (unless
    the sidecar gives the date, which wins anyway)."""
    parsed = parse_date(value)
    if value is not None and parsed is None and given is None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        problem = errors.BAD_DATE.format(value=shown, field="published")
        note(source, errors.FIELD_DROPPED.format(problem=problem))
    return parsed
