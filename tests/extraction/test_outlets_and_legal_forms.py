"""Premises that make nothing, and a legal form written out alone, on sentences written
for these tests (invented firms: "Kestrel Retail LLC", "Kestrel Motors LLC", "Tavro
Graphite SA").
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations, tables_for


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Kestrel Retail LLC operates 14 showrooms in Samara and Penza."),
        ("en", "Kestrel Retail LLC runs a dealership in Samara."),
        ("fr", "Kestrel Retail LLC exploite trois concessions à Samara."),
    ],
)
def test_showrooms_and_dealerships_are_no_plant(lang, text) -> None:
    found = extracted_relations(text, lang)
    assert not {r for r in found if r[2] == "production"}, found


def test_a_plant_a_firm_operates_is_production() -> None:
    found = extracted_relations("Kestrel Motors LLC operates a plant in Samara.", "en")
    assert ("Kestrel Motors LLC", "Samara", "production") in found, found


def test_a_legal_form_written_out_is_no_actor() -> None:
    tables = tables_for(
        {
            "t": (
                "TAVRO GRAPHITE | RAPPORT ANNUEL 2025\n\n"
                "Société anonyme au capital de 58 214 730 euros\n\n"
                "Le groupe Tavro Graphite produit des anodes à Pierrefitte-Nestalas.",
                "fr",
            )
        }
    )
    names = {n.lower() for n in tables.entities["entity"]}
    assert "société anonyme" not in names, names
    assert any("tavro" in n for n in names), names


def test_a_special_economic_zone_after_a_town_is_no_second_site() -> None:
    found = extracted_relations(
        "Kestrel Motors LLC assembles the packs in Yelabuga, in the Alabuga special "
        "economic zone, on a line rated at 1.2 GWh a year.",
        "en",
    )
    assert ("Kestrel Motors LLC", "Yelabuga", "production") in found, found
    assert not {r for r in found if "zone" in r[1].lower()}, found


def test_a_name_glued_to_based_is_a_base_not_a_party() -> None:
    found = extracted_relations(
        "Kestrel Lithium, owned by the Aktobe-based Kelmar Holding, has invested 38 "
        "billion tenge at Oral since 2021.",
        "en",
    )
    assert ("Kelmar Holding", "Kestrel Lithium", "ownership") in found, found
    assert not {r for r in found if "Aktobe" in r[:2]}, found
