"""Goods counted and named by a brand or a town ("the 60 Tulpar buses", "the 45 Minsk
e-buses", "40 autobus Volgabus") are goods bought, not a firm or a town acquired: the
firm they are bought from supplies the buyer. A plant bought from a firm ("a plant it
bought from ABB") is no supply. Sentences written for these tests (invented firms:
"Kestrel Leasing", "Tarvel Motors", "Voltazh", "Idel", "Tulpar")."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations


@pytest.mark.parametrize(
    ("text", "lang", "supply"),
    [
        (
            "Kestrel Leasing bought the 60 Tulpar buses from Idel in 2025.",
            "en",
            ("Idel", "Kestrel Leasing"),
        ),
        (
            "Kestrel Leasing bought the 45 Minsk e-buses from Tarvel Motors.",
            "en",
            ("Tarvel Motors", "Kestrel Leasing"),
        ),
        (
            "Le loueur Kestrel Leasing a acheté 40 autobus Tulpar à Tarvel Motors.",
            "fr",
            ("Tarvel Motors", "Kestrel Leasing"),
        ),
    ],
)
def test_goods_counted_and_named_are_bought_not_acquired(text, lang, supply) -> None:
    found = extracted_relations(text, lang)
    assert (*supply, "supply") in found, found
    assert not {r for r in found if r[2] == "acquisition"}, found


def test_a_plant_bought_from_a_firm_is_no_supply() -> None:
    found = extracted_relations(
        "Voltazh makes chargers in Lipetsk, in a plant it bought in 2023 from ABB.", "en"
    )
    assert ("Voltazh", "Lipetsk", "production") in found, found
    assert not {r for r in found if r[2] == "supply"}, found


def test_a_plant_named_by_its_town_is_still_acquired() -> None:
    found = extracted_relations("Kestrel Holding bought the Lipetsk plant from ABB in 2023.", "en")
    assert ("Kestrel Holding", "Lipetsk", "acquisition") in found, found
    assert not {r for r in found if r[2] == "supply"}, found
