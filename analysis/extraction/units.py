"""The project's unit table (``analysis/data/lexicons/units.yaml``), read once.

The extraction reads which surface forms make which unit; the report reads which units
are capacities, which can be compared after conversion, and how a unit reads in a
sentence. Both take them from here, so that a unit is added in one place.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

UNITS_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "units.yaml"


@cache
def _raw() -> dict[str, Any]:
    with UNITS_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def forms() -> dict[str, dict[str, list[str]]]:
    """Language → unit → the surface forms that make it ("voitures" → vehicles)."""
    return _raw()["forms"]


def spaced_symbols() -> list[str]:
    """Unit symbols matched only in lower case after a space ("50 g", "3 t")."""
    return [str(s) for s in _raw().get("spaced_unit_symbols", [])]


def counted_nouns() -> dict[str, dict[str, str]]:
    """Language → noun → the unit a bare count of that noun has ("ventes" → vehicles)."""
    return {
        str(lang): {str(n): str(u) for n, u in nouns.items()}
        for lang, nouns in _raw().get("counted_nouns", {}).items()
    }


def price_denominators() -> list[str]:
    """Units a price can be per ("$115/kWh")."""
    return [str(u) for u in _raw()["price_denominators"]]


#: Units read as a capacity, an output or a quantity of goods (the capacity charts).
CAPACITY_UNITS: frozenset[str] = frozenset(str(u) for u in _raw()["capacity"])
#: Unit → (family, factor to the family's base unit). Units of one family can be compared.
UNIT_FAMILIES: dict[str, tuple[str, float]] = {
    str(unit): (str(family), float(factor)) for unit, (family, factor) in _raw()["families"].items()
}
#: Families that count goods (the findings group them; see ``comparison.unit_reading``).
COUNT_FAMILIES: frozenset[str] = frozenset(str(f) for f in _raw()["count_families"])
#: How a unit reads in a sentence; units not listed read as written.
UNIT_WORDS: dict[str, str] = {**{str(u): str(w) for u, w in _raw()["words"].items()}, "": ""}
