"""Supplies said to have ended ("ended cell deliveries to") or that reports leave
unconfirmed or that a correction takes back ("An earlier version of this article said"),
and a province after a town in a table's site cell ("Jixi, Heilongjiang").
Texts written for these tests with invented firms ("Kestrov Avto", "Haldorf Cells",
"Ulvar Trucks", "Ulvar Graphite", "Tamarin Lithium")."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.extraction_shared import extracted_relations, folder_relations, read_relations


def test_deliveries_a_supplier_ended_are_no_supply() -> None:
    found = extracted_relations(
        "Haldorf Cells is a cell maker based in Turku. Haldorf Cells ended cell deliveries "
        "to the bus maker Ulvar Trucks in 2024, and Haldorf Cells supplies Kestrov Avto.",
        "en",
    )
    assert ("Haldorf Cells", "Ulvar Trucks", "supply") not in found, found
    assert ("Haldorf Cells", "Kestrov Avto", "supply") in found, found
    assert ("Haldorf Cells", "Kestrov Avto", "supply") in found, found


def test_a_supply_reports_leave_unconfirmed_is_not_stated() -> None:
    found = extracted_relations(
        "Press reports that Haldorf Cells has begun supplying packs to Ulvar Trucks remain "
        "unconfirmed. Haldorf Cells supplies Kestrov Avto.",
        "en",
    )
    assert ("Haldorf Cells", "Ulvar Trucks", "supply") not in found, found
    assert ("Haldorf Cells", "Kestrov Avto", "supply") in found, found
    assert ("Haldorf Cells", "Kestrov Avto", "supply") in found, found


def test_a_report_nobody_confirmed_in_french_is_not_stated() -> None:
    found = extracted_relations(
        "Le fabricant Haldorf Cells fournit des cellules à Ulvar Trucks, une information qui n'a "
        "jamais été confirmée. Haldorf Cells fournit aussi Kestrov Avto.",
        "fr",
    )
    assert ("Haldorf Cells", "Ulvar Trucks", "supply") not in found, found
    assert ("Haldorf Cells", "Kestrov Avto", "supply") in found, found


SUPPLIERS = """# Our suppliers

Ulvar Graphite and Tamarin Lithium are our two suppliers of battery materials.

| Supplier | Material | Site | Share |
|---|---|---|---|
| Ulvar Graphite Co., Ltd. | Graphite anode | Jixi, Heilongjiang | 58% |
| Tamarin Lithium Ltd | Lithium carbonate | Ancuabe, Cabo Delgado, Mozambique | 42% |
"""


def test_a_province_after_a_town_in_a_site_cell_is_no_second_site(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, SUPPLIERS)
    assert ("Ulvar Graphite Co., Ltd", "Jixi", "production") in found, found
    assert ("Tamarin Lithium Ltd", "Ancuabe", "production") in found, found
    coarse = {"Heilongjiang", "Cabo Delgado", "Mozambique"}
    assert not {r for r in found if r[2] == "production" and r[1] in coarse}, found


def test_what_an_earlier_version_said_is_taken_back() -> None:
    found = extracted_relations(
        "Correction, 15 April 2026: An earlier version of this article said Haldorf Cells "
        "had acquired 25% of Ulvar Trucks in 2024. Haldorf Cells supplies Ulvar Trucks.",
        "en",
    )
    assert ("Haldorf Cells", "Ulvar Trucks", "acquisition") not in found, found
    assert ("Haldorf Cells", "Ulvar Trucks", "supply") in found, found
    found = extracted_relations(
        "Rectificatif : une version précédente de cet article indiquait que Haldorf Cells "
        "produisait des cellules à Orenbourg. Haldorf Cells produit des cellules à Turku.",
        "fr",
    )
    assert not {r for r in found if r[1] == "Orenburg"}, found
    assert ("Haldorf Cells", "Turku", "production") in found, found


def test_a_brand_found_only_in_the_text_supplies_nothing() -> None:
    text = (
        "Kestrov Avto est une coentreprise russe. Elle assemble à Kalouga des crossovers "
        "Tarka, la marque propre de la coentreprise. Kestrov Avto assemble des Tarka à "
        "Kalouga."
    )
    # ("Elle assemble": read through a reference word, so set aside in the end)
    assert ("Kestrov Avto", "Kaluga", "production") in read_relations(text, "fr")
    found = extracted_relations(text, "fr")
    assert not {r for r in found if r[0] == "Tarka" and r[2] == "supply"}, found
