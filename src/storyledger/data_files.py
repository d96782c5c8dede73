"""Read the JSON data files shipped in `storyledger/data/` (lexicons a user can extend)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_data(name: str) -> dict[str, Any]:
    """The parsed JSON of `storyledger/data/<name>`."""
    path = resources.files("storyledger") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))
