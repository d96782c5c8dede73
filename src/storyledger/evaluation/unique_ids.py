"""Every record a stage emits has its own id: the check behind "no record twice" (issue #18).

Two records of one kind with one id make the store refuse the whole article, so a stage that
emits the same record twice stops that article's run. `duplicate_ids` lists, per product of every
registered stage, the ids that occur more than once in one analysis.
"""

from __future__ import annotations

from collections import Counter

from storyledger.extract import Analysis, registered_stages


def duplicate_ids(analysis: Analysis) -> dict[str, list[str]]:
    """Product name -> the ids it holds more than once (products without ids are skipped)."""
    found: dict[str, list[str]] = {}
    for item in registered_stages():
        for name in item.produces:
            records = analysis.get(name)
            ids = Counter(getattr(r, "id", None) for r in records if hasattr(r, "id"))
            twice = sorted(key for key, count in ids.items() if count > 1 and key is not None)
            if twice:
                found[name] = twice
    return found
