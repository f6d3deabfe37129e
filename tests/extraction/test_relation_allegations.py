"""A party's allegation and a statement said to be wrong state no relation, as a denial
does not; the same relation stated plainly is kept. Sentences written for these tests,
with invented firms ("Dornell Graphite Ltd", "Vastra Motors SA", "Kirov Elements LLC",
"Tessin Power Co.").
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Defendant alleges that in March 2023 Dornell Graphite Ltd orally agreed "
            "to keep supplying Vastra Motors SA.",
        ),
        (
            "en",
            "An earlier version of this article wrongly said that Tessin Power Co. "
            "supplies cells to Kirov Elements LLC.",
        ),
        (
            "fr",
            "Selon la plainte, Dornell Graphite Ltd aurait prétendument fourni du graphite "
            "à Vastra Motors SA.",
        ),
    ],
)
def test_an_allegation_or_a_corrected_statement_gives_no_supply(lang, text) -> None:
    found = extracted_relations(text, lang)
    assert not {r for r in found if r[2] == "supply"}, found


def test_the_plain_statement_is_kept() -> None:
    found = extracted_relations("Tessin Power Co. supplies cells to Kirov Elements LLC.", "en")
    assert ("Tessin Power Co.", "Kirov Elements LLC", "supply") in found, found
