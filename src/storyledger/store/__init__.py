"""The embedded SQLite store: schema migrations, one transaction per article, FTS5 search."""

from storyledger.store.store import DEFAULT_DB, Store, fingerprint

__all__ = ["DEFAULT_DB", "Store", "fingerprint"]
