"""The export contract `storyledger/1`: every table, its fields and their types, in one place.

Later issues fill these arrays; fields are added, never renamed. JSON, JSON Lines, CSV and
Parquet exports all carry exactly these fields.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA = "storyledger/1"

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_BLOCK = pa.struct([("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
_SENTENCE = pa.struct([("block", pa.int64()), ("start", pa.int64()), ("end", pa.int64())])
_ITEM = pa.struct(
    [
        ("article", pa.string()),
        ("record", pa.string()),
        ("value", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("reported_by", pa.string()),
        ("published", pa.string()),
    ]
)
_COPY = pa.struct(
    [("article", pa.string()), ("copy_of", pa.string()), ("similarity", pa.float64())]
)
_TERM = pa.struct(
    [
        ("term", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("in_quote", pa.bool_()),
        ("text", pa.string()),
        ("category", pa.string()),
        ("attributed", pa.bool_()),
    ]
)
_MARKER = pa.struct(
    [
        ("kind", pa.string()),
        ("term", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
    ]
)
_STR, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_RECORD = [("id", _STR), ("article", _STR), ("start", _INT), ("end", _INT), ("text", _STR)]
# Where a record comes from, on every row of a record (#19): its article's title, outlet (or,
# without one, the article itself: "untitled article, 2025-07-09"), publication date and URL.
_SOURCE = [("article_title", _STR), ("outlet", _STR), ("published", _STR), ("url", _STR)]

TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "articles": [
        ("id", _STR),
        ("source", _STR),
        ("url", _STR),
        ("title", _STR),
        ("outlet", _STR),
        ("published", _STR),
        ("date_source", _STR),
        ("title_source", _STR),
        ("outlet_source", _STR),
        ("url_source", _STR),
        ("encoding", _STR),
        ("text", _STR),
        ("blocks", pa.list_(_BLOCK)),
        ("sentences", pa.list_(_SENTENCE)),
        ("cited_sources", pa.list_(_SPAN)),
    ],
    "actors": [
        ("id", _STR),
        ("name", _STR),
        ("kind", _STR),
        ("aliases", pa.list_(_STR)),
        ("mentions", _INT),
        ("article", _STR),
        ("start", _INT),
        ("end", _INT),
    ],
    "mentions": [*_RECORD, ("label", _STR), ("kind", _STR), ("actor_id", _STR)],
    "quotes": [
        *_RECORD,
        ("kind", _STR),
        ("speaker", _STR),
        ("speaker_actor", _STR),
        ("anonymous", _BOOL),
        ("cue", _STR),
        ("speaker_resolved", _STR),
        ("speaker_start", _INT),
        ("speaker_end", _INT),
        ("affiliation", _STR),
        ("cue_start", _INT),
        ("cue_end", _INT),
        ("person", _STR),
        ("speaker_mention", _STR),
        *_SOURCE,
    ],
    "figures": [
        *_RECORD,
        ("value", _FLOAT),
        ("low", _FLOAT),
        ("high", _FLOAT),
        ("qualifier", _STR),
        ("counted", _STR),
        ("measure", _STR),
        ("place", _STR),
        ("attributed_to", _STR),
        ("unit", _STR),
        ("source_quote", _STR),
        *_SOURCE,
    ],
    "events": [
        *_RECORD,
        ("actor", _STR),
        ("actor_id", _STR),
        ("action", _STR),
        ("mode", _STR),
        ("target", _STR),
        ("target_id", _STR),
        ("date", _STR),
        ("negated", _BOOL),
        ("aux", _STR),
        ("trigger", _STR),
        ("trigger_start", _INT),
        ("trigger_end", _INT),
        *_SOURCE,
    ],
    "timeline": [
        ("date", _STR),
        ("basis", _STR),
        ("kind", _STR),
        ("summary", _STR),
        ("record", _STR),
        ("article", _STR),
        ("start", _INT),
        ("end", _INT),
        *_SOURCE,
    ],
    "stories": [
        ("id", _STR),
        ("name", _STR),
        ("name_source", _STR),
        ("articles", pa.list_(_STR)),
        ("copies", pa.list_(_COPY)),
        ("first_published", _STR),
        ("last_published", _STR),
    ],
    "comparisons": [
        ("id", _STR),
        ("kind", _STR),
        ("topic", _STR),
        ("relation", _STR),
        ("items", pa.list_(_ITEM)),
        ("story", _STR),
        ("note", _STR),
    ],
    "framing": [
        ("article", _STR),
        ("loaded_terms", pa.list_(_TERM)),
        ("hedges", _INT),
        ("attributed_share", _FLOAT),
        ("anonymous_share", _FLOAT),
        ("cited_sources", pa.list_(_SPAN)),
        ("words", _INT),
        ("loaded_outside", _INT),
        ("loaded_per_1000", _FLOAT),
        ("boosters", _INT),
        ("sentences", _INT),
        ("attributed_sentences", _INT),
        ("named_sources", _INT),
        ("anonymous_sources", _INT),
        ("markers", pa.list_(_MARKER)),
    ],
    "outlets": [
        ("outlet", _STR),
        ("articles", _INT),
        ("words", _INT),
        ("loaded_outside", _INT),
        ("loaded_per_1000", _FLOAT),
        ("loaded_in_quotes", _INT),
        ("loaded_attributed", _INT),
        ("hedges", _INT),
        ("hedges_per_1000", _FLOAT),
        ("boosters", _INT),
        ("boosters_per_1000", _FLOAT),
        ("sentences", _INT),
        ("attributed_sentences", _INT),
        ("attributed_share", _FLOAT),
        ("named_sources", _INT),
        ("anonymous_sources", _INT),
        ("anonymous_share", _FLOAT),
        ("unattributed_evaluations", _INT),
        ("second_person", _INT),
        ("questions", _INT),
        ("calls_to_action", _INT),
        ("cited_sources", _INT),
        ("top_terms", pa.list_(_STR)),
        ("lean", _STR),
        ("ownership", _STR),
        ("notes", _STR),
    ],
}
"""Each exported table's fields, in order, with their Arrow types (used by Parquet)."""


def field_names(table: str) -> list[str]:
    """The field names of one table, in contract order."""
    return [name for name, _type in TABLES[table]]


def nested_fields(table: str) -> list[str]:
    """The fields of one table that hold lists of records (CSV writes them as their own files)."""
    return [
        name
        for name, kind in TABLES[table]
        if pa.types.is_list(kind) and pa.types.is_struct(kind.value_type)
    ]


def arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of one table."""
    return pa.schema(TABLES[table])
