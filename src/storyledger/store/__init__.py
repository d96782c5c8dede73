"""The embedded SQLite store: migrations, a batch of articles per transaction, FTS5 search."""

from storyledger.store.store import DEFAULT_DB, Store, fingerprint

__all__ = ["DEFAULT_DB", "Store", "fingerprint"]
