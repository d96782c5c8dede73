"""Units written after a number: the longest known form, as its canonical name.

The table is `storyledger/data/units.json` (canonical name -> kind and written forms). A word
matches in any case; an abbreviation ("km", "W", "GB") only as written, so "3G" is no weight
and the "w" of a word no watt.
"""

from __future__ import annotations

import re

from storyledger.data_files import read_data

_TABLE = read_data("units.json")["units"]
UNIT_KINDS: dict[str, str] = {name: entry["kind"] for name, entry in _TABLE.items()}
_FORMS: dict[str, str] = {form: name for name, entry in _TABLE.items() for form in entry["forms"]}


def _any_case(form: str) -> bool:
    """Words ("metres", "square feet") match in any case; abbreviations ("km", "hr", "GB") only
    as the table writes them, so "203 HR" is no duration and "$20MM" no length."""
    return form.islower() and (len(form) > 3 or " " in form)


_ORDERED = sorted(_FORMS, key=len, reverse=True)
_PATTERN = re.compile(
    "(?:"
    + "|".join(
        f"(?i:{re.escape(form)})" if _any_case(form) else re.escape(form) for form in _ORDERED
    )
    + r")(?![\w²³])"
)


def unit_at(text: str, position: int) -> tuple[str, int] | None:
    """The unit written at `position` of `text` (its canonical name and end offset), or None."""
    match = _PATTERN.match(text, position)
    if match is None:
        return None
    form = match.group(0)
    name = _FORMS.get(form) or _FORMS[form.lower()]
    return name, match.end()
