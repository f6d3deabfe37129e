"""English number agreement, shared by the build log and the chapters' prose.

The lowest layer of ``analysis``: it imports nothing from the project, so the corpus,
extraction and build stages can count things in English without importing the report.
"""

from __future__ import annotations

import re

#: Nouns whose plural is not the regular one the rules below derive.
IRREGULAR = {"media": "media", "miss": "misses", "analysis": "analyses"}


def plural_form(singular: str) -> str:
    """``"seed"`` -> ``"seeds"``, ``"company"`` -> ``"companies"``, ``"miss"`` -> ``"misses"``."""
    last = singular.rsplit(" ", 1)[-1]
    if last in IRREGULAR:
        return singular[: -len(last)] + IRREGULAR[last]
    if re.search(r"[^aeiou]y$", singular):
        return singular[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", singular):
        return singular + "es"
    return singular + "s"


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``"1 relation"``, ``"3 relations"``, ``"2 companies"``, ``"2 media"``, ``"1,200 seeds"``."""
    if count == 1:
        return f"{count:,} {singular}"
    return f"{count:,} {many or plural_form(singular)}"
