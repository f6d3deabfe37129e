"""A table keyed by its buyers ("Client | Fournisseur de cellules | Site"): the row's
first cell receives, and the row's sites are its maker's, not the buyer's. The corpus
writes a row without its first header ("Ordelia Bus — fournisseur de cellules : ..."),
so the header travels with the paragraph (``Paragraph.row_header``). Tables written for
these tests with invented firms; the expected rows were written before the code."""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus
from analysis.extraction import extract

CELLS = """# Cellules

Les fournisseurs de cellules des assembleurs de packs, d'après nos relevés.

| Client | Fournisseur de cellules | Chimie | Site | Statut |
|---|---|---|---|---|
| Ordelia Bus | Hunan Qirong Cells | LFP | Xiangtan (Hunan) | Actif |
| Marvenko Trucks | Hunan Qirong Cells | NMC | Xiangtan (Hunan) | Discussions |
"""

DELIVERIES = """# Deliveries

Electric buses delivered to city operators in 2025.

| Customer | City | Brand | Assembler (site) | Kits from | Units |
|---|---|---|---|---|---|
| Tolvana Transit | Kazan | Velora | Kestrel Motor Works (Yelabuga) | Xiamen Dorun Motor | 40 |
"""

MAKERS = """# Makers

Electric bus makers and their customers in 2025.

| Assembler | Site | Customer |
|---|---|---|
| Kestrel Motor Works | Yelabuga | Tolvana Transit |
"""


def _read(folder: Path, text: str):
    (folder / "table.md").write_text(text, encoding="utf-8")
    tables = extract(load_corpus(folder).documents, progress=False)
    rel = tables.relations
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    return found, dict(zip(tables.entities["entity"], tables.entities["type"], strict=True))


def test_the_supplier_supplies_the_client_and_the_site_is_the_suppliers(tmp_path) -> None:
    found, _ = _read(tmp_path, CELLS)
    assert ("Hunan Qirong Cells", "Ordelia Bus", "supply") in found, found
    assert ("Hunan Qirong Cells", "Xiangtan", "production") in found, found
    assert ("Ordelia Bus", "Xiangtan", "production") not in found, found
    # a row in talks gives nothing, not even the client's site
    assert not {r for r in found if "Marvenko Trucks" in r[:2]}, found


def test_the_assembler_delivers_to_the_customer_and_the_kit_maker_to_it(tmp_path) -> None:
    found, types = _read(tmp_path, DELIVERIES)
    assert ("Kestrel Motor Works", "Tolvana Transit", "supply") in found, found
    assert ("Kestrel Motor Works", "Yelabuga", "production") in found, found
    assert ("Xiamen Dorun Motor", "Kestrel Motor Works", "supply") in found, found
    # the customer's town and the brand it bought are none of its own
    assert ("Xiamen Dorun Motor", "Tolvana Transit", "supply") not in found, found
    assert ("Tolvana Transit", "Kazan", "production") not in found, found
    assert ("Tolvana Transit", "Velora", "ownership") not in found, found
    # a name in the customer column is a firm or a body, whatever NER took it for
    assert types.get("Tolvana Transit") not in ("place", "person", None), types


def test_a_table_keyed_by_maker_reads_as_before(tmp_path) -> None:
    found, _ = _read(tmp_path, MAKERS)
    assert ("Kestrel Motor Works", "Yelabuga", "production") in found, found
    assert ("Kestrel Motor Works", "Tolvana Transit", "supply") in found, found
