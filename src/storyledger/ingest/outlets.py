"""A user's outlets file (`--outlets FILE`): outlet name -> lean, ownership, notes.

storyledger ships no outlet ratings; what a user writes here is shown beside that outlet's
measured profile, and nowhere else.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from storyledger.errors import SidecarError
from storyledger.ingest.sidecar import read_json_object


class OutletInfo(BaseModel):
    """What a user's outlets file says of one outlet."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    lean: str | None = None
    ownership: str | None = None
    notes: str | None = None


def load_outlets(path: str | Path) -> dict[str, OutletInfo]:
    """Read a user's outlets file; raise `SidecarError` with a one-line reason."""
    where = str(path)
    data = read_json_object(path, "outlet name -> lean, ownership")
    found = {}
    for name, entry in data.items():
        try:
            found[str(name)] = OutletInfo.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            place = ".".join(str(part) for part in first["loc"]) or "entry"
            raise SidecarError(where, f"outlet {name!r}: {place}: {first['msg']}") from None
    return found
