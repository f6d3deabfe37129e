"""Table headers in Russian, a trade-flow table keyed by exporter or importer, and a
note column that says a row's flow stopped. Tables written for these tests with
invented firms; the expected rows were written before the code."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.extraction_shared import folder_relations

RUSSIAN = """# Дочерние общества

Дочерние общества и поставщики ПАО «Тарвел Холдинг» по состоянию на конец 2025 года.

| Компания | Производственная площадка | Владелец |
|---|---|---|
| ООО «Велор Моторс» | г. Тосно, Ленинградская обл. | ПАО «Тарвел Холдинг» |

| Поставщик | Страна | Продукция | Получатель |
|---|---|---|---|
| Hunan Qirong Cells | КНР | ячейки LFP | ООО «Велор Моторс» |
"""

FLOWS = """# Flows

Shipments recorded by customs in the first quarter of 2026.

| Exporter | Importer | Product | Tonnes | Note |
|---|---|---|---|---|
| Hunan Qirong Cells | Velora Motors LLC | LFP cells | 120 | |
| Xiamen Dorun Motor | Tarvel Trucks JSC | Drive axles | 40 | declaration withdrawn |

| Importer | Exporter | Product | Tonnes |
|---|---|---|---|
| Ostrava Cells | Kelmar Resources | Nickel sulphate | 300 |
"""


def test_russian_headers_name_the_site_the_owner_and_the_supplier(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, RUSSIAN)
    assert ("Велор Моторс", "Тосно", "production") in found, found
    # (the region after the town's comma says where the town is: no second site)
    assert not {r for r in found if r[1].startswith("Ленинградская")}, found
    assert ("Тарвел Холдинг", "Велор Моторс", "ownership") in found, found
    assert ("Hunan Qirong Cells", "Велор Моторс", "supply") in found, found


def test_an_exporter_supplies_its_importer_unless_a_note_stops_it(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, FLOWS)
    assert ("Hunan Qirong Cells", "Velora Motors LLC", "supply") in found, found
    assert ("Kelmar Resources", "Ostrava Cells", "supply") in found, found
    assert ("Xiamen Dorun Motor", "Tarvel Trucks JSC", "supply") not in found, found


def test_a_russian_brand_owner_header_names_the_owner(tmp_path) -> None:
    """ "Владелец марки" (the brand's owner): the head noun comes first and the brand in
    the genitive after it, so the column names the owner of the row's brand."""
    text = (
        "# Модели\n\nМодели в продаже.\n\n"
        "| Модель | Владелец марки | Место сборки |\n| --- | --- | --- |\n"
        "| Кестрел | ООО «Тарвел Авто» | Калуга |\n"
    )
    found = folder_relations(tmp_path, text)
    assert ("Кестрел", "Тарвел Авто", "ownership") not in found, found
    assert ("Тарвел Авто", "Кестрел", "ownership") in found, found
