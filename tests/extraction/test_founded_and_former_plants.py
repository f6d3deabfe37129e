"""The town a firm was founded in is no plant of it, and a plant its clause's past verb
ran "until" a year is a former one. Invented firms; sentences written for these tests."""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations


def test_the_town_a_firm_was_founded_in_is_no_plant() -> None:
    found = extracted_relations(
        "Fondée en 2021 à Pau, la start-up Carbanelle produit du matériau d'anode à partir "
        "de graphite naturel. Carbanelle est une start-up française. Carbanelle produit des "
        "anodes à Lacq.",
        "fr",
    )
    assert ("Carbanelle", "Lacq", "production") in found, found
    assert ("Carbanelle", "Pau", "production") not in found, found


def test_a_plant_run_until_a_year_is_a_former_one() -> None:
    found = extracted_relations(
        "Navroz Industrial Group assemblait jusqu'en 2024 des camionnettes dans une usine "
        "de Kokand. Navroz Industrial Group assemble depuis 2025 des autocars dans une "
        "usine de Namangan.",
        "fr",
    )
    assert ("Navroz Industrial Group", "Kokand", "production") not in found, found
    assert ("Navroz Industrial Group", "Namangan", "production") in found, found
