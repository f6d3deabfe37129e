"""The near future makes a relation a plan, as the simple future does: "va produire",
"allait assembler", "is going to assemble" (``relation_moods.near_future``). Invented
firms and towns; the expectations were written before the rule."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import tables_for


def rules_read(text: str, lang: str) -> set[tuple[str, str, str]]:
    """The rules' rows (those set aside included), not the relation model's own."""
    t = tables_for({"t": (text, lang)})
    rows = [t.details["relations_detail"], t.details["relations_set_aside"]]
    return {
        (r.source, r.target, r.relation)
        for table in rows
        for r in table.itertuples()
        if r.rule != "model"
    }


@pytest.mark.parametrize(
    ("text", "lang", "firm", "town"),
    [
        (
            "Le constructeur Varkon Motors va assembler des camions à Obchuga.",
            "fr",
            "Varkon Motors",
            "Obchuga",
        ),
        (
            "Varkon Motors va bientôt assembler des camions à Obchuga.",
            "fr",
            "Varkon Motors",
            "Obchuga",
        ),
        (
            "Quellon Auto a annoncé qu'elle allait produire des bus à Kovrov.",
            "fr",
            "Quellon Auto",
            "Kovrov",
        ),
        ("Quellon Auto is going to assemble buses at Kovrov.", "en", "Quellon Auto", "Kovrov"),
    ],
)
def test_a_near_future_is_a_plan(text: str, lang: str, firm: str, town: str) -> None:
    assert (firm, town, "production") not in rules_read(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "firm", "town"),
    [
        (
            "Varkon Motors assemble des camions à Obchuga depuis 2023.",
            "fr",
            "Varkon Motors",
            "Obchuga",
        ),
        (
            "Quellon Auto assembles buses at Kovrov, where it is going well.",
            "en",
            "Quellon Auto",
            "Kovrov",
        ),
        (
            "Quellon Auto, qui va bien, assemble des bus à Kovrov.",
            "fr",
            "Quellon Auto",
            "Kovrov",
        ),
    ],
)
def test_a_stated_production_stays(text: str, lang: str, firm: str, town: str) -> None:
    assert (firm, town, "production") in rules_read(text, lang)
