"""English number agreement (analysis/english.py), used by the log and the chapters."""

from __future__ import annotations

import pytest

from analysis.english import plural, plural_form


@pytest.mark.parametrize(
    ("singular", "many"),
    [
        ("seed", "seeds"),
        ("company", "companies"),
        ("day", "days"),
        ("miss", "misses"),
        ("box", "boxes"),
        ("branch", "branches"),
        ("media", "media"),
        ("seed problem", "seed problems"),
        ("news analysis", "news analyses"),
    ],
)
def test_plural_form(singular: str, many: str) -> None:
    assert plural_form(singular) == many


def test_plural_counts_with_thousands_separator() -> None:
    assert plural(1, "seed") == "1 seed"
    assert plural(0, "seed") == "0 seeds"
    assert plural(12_000, "seed file") == "12,000 seed files"
    assert plural(2, "person", "people") == "2 people"
