"""Who runs a plant when a sentence names a firm set up for it, or the customer goods are
made for, and the parent of a subsidiary a Russian sentence says was created. Texts
written for these tests with invented firms ("Tobolsk Motors", "Ishim Power LLC",
"Baotou Lanshan Anode Materials", "Yibin Cell Technology", «Тоболмаш»)."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import detail_relations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "In March 2024 Tobolsk Motors sets up Ishim Power LLC, a wholly owned "
            "subsidiary, to assemble battery packs in Shadrinsk.",
        ),
        (
            "fr",
            "En mars 2024, Tobolsk Motors a créé Ishim Power LLC pour assembler des packs "
            "de batteries à Chadrinsk.",
        ),
    ],
)
def test_a_firm_set_up_to_assemble_is_the_one_that_assembles(lang, text) -> None:
    found = detail_relations(text, lang)
    assert {r for r in found if r[0] == "Ishim Power LLC" and r[2] == "production"}, found
    assert not {r for r in found if r[0] == "Tobolsk Motors" and r[2] == "production"}, found


def test_a_firm_hired_to_assemble_is_not_read_as_created() -> None:
    """Only a verb of creation hands the infinitive to its object."""
    found = detail_relations(
        "Tobolsk Motors assembles crossovers in Tyumen, and signed a deal with Ishim Power "
        "LLC last year.",
        "en",
    )
    assert ("Tobolsk Motors", "Tyumen", "production") in found, found


def test_the_plant_goods_are_made_at_for_a_customer_is_the_makers() -> None:
    found = detail_relations(
        "Graphite goes to Baotou Lanshan Anode Materials, which turns it into anode "
        "material for Yibin Cell Technology at its plant in Ulanqab.",
        "en",
    )
    assert ("Baotou Lanshan Anode Materials", "Ulanqab", "production") in found, found
    assert ("Yibin Cell Technology", "Ulanqab", "production") not in found, found


def test_a_loan_for_a_firms_plant_stays_that_firms() -> None:
    """No locative before "its": "for" is the purpose, and the plant the borrower's."""
    found = detail_relations(
        "The bank lent $102 million to Baotou Lanshan Anode Materials for its plant in Ulanqab.",
        "en",
    )
    assert ("Baotou Lanshan Anode Materials", "Ulanqab", "production") in found, found


def test_a_created_subsidiary_in_russian_is_owned_by_the_subject() -> None:
    found = detail_relations(
        "Группа «Тоболмаш» создала дочернюю компанию ООО «Ишим Пауэр», которая собирает "
        "аккумуляторные батареи в Шадринске.",
        "ru",
    )
    assert ("Тоболмаш", "Ишим Пауэр", "ownership") in found, found
    assert ("Ишим Пауэр", "Тоболмаш", "ownership") not in found, found
