"""Firms' names that hold a town, a country or another firm's name ("Ostrava Motor
Company LLC", "Norvel Uzbekistan Motors"), and a news lead dense with names, which is no
title-case headline. The firms are invented; the sentences are written for these tests.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations, tables_for


def test_a_lead_dense_with_names_is_no_headline() -> None:
    found = extracted_relations(
        "LIPETSK, Russia, March 3 (Northline) - Lipetsk Motor Company LLC (LMK), the joint "
        "venture of Russia's Kestrov Holding JSC and China's Shandong Norvel Motor Co., "
        "Ltd., has bought the car plant in Lipetsk, the venture said on Monday.",
        "en",
    )
    assert ("Kestrov Holding JSC", "Lipetsk Motor Company LLC", "ownership") in found, found
    assert not {r for r in found if r[1] == "Motor Company LLC"}, found


def test_a_name_that_holds_a_firm_and_a_country_is_one_name() -> None:
    tables = tables_for(
        {
            "a": ("Norvel est un constructeur chinois de voitures électriques.", "fr"),
            "b": (
                "Norvel Uzbekistan Motors, la coentreprise de Norvel et de Kamal Holding à "
                "Tchirtchik, assemble des voitures électriques depuis 2025.",
                "fr",
            ),
        }
    )
    names = set(tables.mentions["entity"])
    assert "Norvel Uzbekistan Motors" in names, names
    assert "Uzbekistan Motors" not in names, names
