"""Map Recognizers-Text's unit names onto storyledger's (`Figure.unit`), and tell a figure's kind.

Recognizers-Text names units in words ("United States dollar", "Kilometer per hour", "C");
storyledger keeps an ISO 4217 code for money, "%" for percentages and a canonical unit name
(`storyledger/data/units.json`) otherwise. Sub-units are stored in their currency: "12p" is
0.12 GBP, so "Pence" maps to GBP with a factor of 0.01.
"""

from __future__ import annotations

from typing import Any

from storyledger.extract.figures.units import UNIT_KINDS
from storyledger.model import Figure

# Currency names Recognizers-Text leaves unspecified: any of these codes is right.
_CURRENCY: dict[str, tuple[frozenset[str], float]] = {
    "Dollar": (frozenset({"USD"}), 1.0),
    "Pound": (frozenset({"GBP"}), 1.0),
    "British pound": (frozenset({"GBP"}), 1.0),
    "Euro": (frozenset({"EUR"}), 1.0),
    "Cent": (frozenset({"USD", "EUR"}), 0.01),
    "Pence": (frozenset({"GBP"}), 0.01),
    "Penny": (frozenset({"GBP"}), 0.01),
    "Sen": (frozenset({"MYR", "JPY", "IDR"}), 0.01),
    "Franc": (frozenset({"CHF", "FRF", "BEF"}), 1.0),
    "Rupee": (frozenset({"INR", "PKR", "LKR", "NPR"}), 1.0),
    "Finnish markka": (frozenset({"FIM"}), 1.0),
    "Peseta": (frozenset({"ESP"}), 1.0),
    "Netherlands guilder": (frozenset({"NLG"}), 1.0),
    "Bitcoin": (frozenset({"XBT", "BTC"}), 1.0),
    "Satoshi": (frozenset({"XBT", "BTC"}), 1e-8),
}
_TEMPERATURE = {"C": "celsius", "F": "fahrenheit", "Degree": "degree"}
_SPELLING = (("meter", "metre"), ("liter", "litre"), ("metric ton", "tonne"), ("age", "year"))


def expected_unit(
    type_name: str, resolution: dict[str, Any]
) -> tuple[frozenset[str] | None, float]:
    """The units that are right for an expected result (None: any), and the factor from the
    spec's value to ours."""
    unit = resolution.get("unit")
    if type_name == "currency":
        if resolution.get("isoCurrency"):
            return frozenset({resolution["isoCurrency"]}), 1.0
        return _CURRENCY.get(unit, (frozenset(), 1.0))
    if type_name == "temperature":
        return frozenset({_TEMPERATURE.get(unit, "")}), 1.0
    if type_name in ("dimension", "age") and unit:
        name = unit.lower()
        for american, ours in _SPELLING:
            name = name.replace(american, ours)
        return frozenset({name}), 1.0
    return None, 1.0


def figure_kind(figure: Figure) -> str:
    """Which spec file a figure belongs to: number, range, percentage, currency, age,
    temperature or dimension."""
    unit = figure.unit
    if unit is None:
        return "number" if figure.qualifier == "exact" else "range"
    if unit == "%":
        return "percentage"
    if len(unit) == 3 and unit.isupper():
        return "currency"
    kind = UNIT_KINDS.get(unit)
    if kind == "time":
        return "age"
    return "temperature" if kind == "temperature" else "dimension"
