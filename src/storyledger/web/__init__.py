"""The local web UI: the report's views served from the store, read-only, with FTS5 search."""
