"""Every error storyledger raises on purpose, with its one-line message, kept in one place."""

from __future__ import annotations


class StoryledgerError(Exception):
    """Base of the errors the CLI turns into one line and an exit code."""


class InputError(StoryledgerError):
    """An input (file, or one record of a dump) that cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SidecarError(StoryledgerError):
    """A metadata sidecar file that is not what `--meta` expects."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelNotFound(StoryledgerError):
    """No spaCy pipeline of the configured names is installed."""

    def __init__(self, names: tuple[str, ...]) -> None:
        tried = ", ".join(names)
        super().__init__(
            f"no spaCy English pipeline installed (tried {tried}); "
            "install one with: pip install --no-deps --require-hashes -r requirements/model.txt"
        )


class StoreError(StoryledgerError):
    """A database that cannot be opened or migrated."""


# Why an article of a run was not stored (the run logs it as failed and goes on).
ANALYSIS_FAILED = "analysis failed ({detail})"
SAVE_FAILED = "save failed ({detail})"
DUPLICATE_RECORD = "two {table} records share the key ({key}) = {value}"

# An annotated real-news set that no longer fits the shared corpus it was written on.
REAL_GOLD_ARTICLE = "gold {id}: its article is not in the shared corpus or its text changed"
HELDOUT_MISSING = (
    "{path}: the events set (held-out or dev), or the ECB+, MEANTIME or PETRARCH2 files under"
    " {shared}, is missing"
)
HELDOUT_NO_PIN = "the held-out and dev sets have no floors: pin without --set heldout or dev"
REAL_GOLD_SPAN = "gold {id}: span {start}..{end} no longer matches its text"

# The matrix-multiply backend (backend.py).
BAD_OPS_CHOICE = "{env}={value!r}: the backend must be blis, numpy or auto"
CALIBRATION_NOT_CACHED = "backend calibration not cached ({detail}); it is measured again next time"


# Reasons for skipping an input, one spelling each so that counts group them.
EMPTY = "empty file"
BINARY = "binary file, not text"
UNDECODABLE = "undecodable text (no encoding fits)"
TOO_LARGE = "too large for one article ({size:,} bytes > limit {limit:,})"
NO_MAIN_TEXT = "no main text found in the HTML"
NOT_FOUND = "no such file or folder"
UNSUPPORTED = "unsupported file type {suffix!r}"
MALFORMED_JSON = "malformed JSON ({detail})"
NOT_AN_OBJECT = "a JSON Lines record must be an object"
NO_TEXT_FIELD = "record has no text"
BAD_CSV = "malformed CSV ({detail})"
DUPLICATE = "exact copy of {other}"

# Ingest reliability (#20): more skip reasons, and the warnings of an input that was read but
# changed or trimmed on the way (logged by `storyledger.ingest`, never silent).
UNREADABLE = "cannot read ({detail})"
UNREADABLE_FOLDER = "cannot read this folder ({detail}); its files were not read"
NOT_REGULAR = "not a regular file ({kind})"
LINKED_FOLDER = "symbolic link to a folder, not followed (name it to read it)"
JSON_DOCUMENT = "one JSON document, not JSON Lines (one object per line)"
JSON_TOO_DEEP = "malformed JSON (nested too deeply)"
WRONG_TYPE = "field {field!r} must be a string, not {kind}"
CSV_NO_TEXT_COLUMN = "no text column (text, body or content) in the CSV header"
CSV_BAD_ROW = "malformed CSV row (line {line}: {detail}); the row was skipped"
CSV_FIELD_COUNT = "ragged CSV row (line {line}: {found} fields, the header has {expected})"
REPLACED_BYTES = "{count} undecodable byte sequence(s) replaced with U+FFFD (read as {encoding})"
LONE_SURROGATES = "{count} lone surrogate(s) in {field} replaced with U+FFFD"
FIELD_DROPPED = "{problem}; the field was dropped"
BAD_DATE = "unreadable date {value!r} in {field!r}"
SIDECAR_UNUSED = "entry {name!r} matches no input"
# Batch mode: a shard's input that stops being readable, a row Parquet refuses, a shard
# whose outputs are incomplete.
SHARD_BROKEN = "unreadable from here on (after {read} records; {detail})"
BAD_PARQUET_ROW = "undecodable Parquet row ({detail})"
BAD_WARC = "truncated or malformed WARC record ({detail})"
UNWRITABLE = "unwritable row in {table} ({detail})"
INCOMPLETE_SHARD = "incomplete shard ({detail}); run `storyledger batch` again to redo it"
