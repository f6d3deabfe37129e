"""Former holdings, shares split by a dash, officials' portfolios, defined-term organs,
designators that end a sentence, roles in a partner cell and a site named by a region.
Texts written for these tests with invented firms ("Borvik Seating SA", "Larsk Holding",
"Tamarin Cells", "Kestrov Avto", "Ulvar Graphite") and invented officials.
"""

from __future__ import annotations

from pathlib import Path

from analysis.extraction.nlp import load_model
from tests.fixtures.extraction_shared import extracted_relations, folder_relations, tables_for


def test_a_subsidiary_sold_is_no_longer_owned() -> None:
    found = extracted_relations(
        "Borvik Seating SA est un équipementier lyonnais. L'entreprise a vendu en mars "
        "2024 la totalité du capital de sa filiale Borvik Rus au groupe Larsk Holding.",
        "fr",
    )
    assert ("Larsk Holding", "Borvik Rus", "acquisition") in found, found
    assert ("Borvik Seating SA", "Borvik Rus", "ownership") not in found, found


def test_a_lost_partner_is_a_former_one() -> None:
    found = extracted_relations(
        "The carmaker Kestrov Automobile Plant lost its Swedish partner, Haldorf "
        "Automotive, in 2022. Kestrov Automobile Plant has since signed a partnership with "
        "Tamarin Cells.",
        "en",
    )
    assert not {r for r in found if "Haldorf Automotive" in r[:2]}, found
    assert ("Kestrov Automobile Plant", "Tamarin Cells", "partnership") in found, found


def test_a_plant_sold_with_a_noun_before_its_noun_is_not_run_by_the_seller() -> None:
    found = extracted_relations(
        "Haldorf Cathode Oy completed the sale of its precursor plant at Monchegorsk to "
        "Kestrov Metals.",
        "en",
    )
    assert ("Kestrov Metals", "Monchegorsk", "acquisition") in found, found
    assert ("Haldorf Cathode Oy", "Monchegorsk", "production") not in found, found


def test_a_second_owner_after_a_dash_owns_a_share_and_is_not_owned() -> None:
    found = extracted_relations(
        "ООО «Кестров Авто» собирает грузовики в Оренбурге. ООО «Кестров Моторс» (60% "
        "принадлежит «Ларску», 40% — «Тамарину») выпускает двигатели. Кто владеет "
        "заводом? 70% принадлежит «Ларску», 30% — «Борвику».",
        "ru",
    )
    assert ("Ларску", "Кестров Моторс", "ownership") in found, found
    assert ("Тамарину", "Кестров Моторс", "ownership") in found, found
    assert ("Ларску", "Борвику", "ownership") not in found, found


def test_an_official_after_a_portfolio_is_a_person_not_a_firm() -> None:
    tables = tables_for(
        {
            "t": (
                "Le ministre de l'Énergie et des Mines Aidar Kuanyshev a inauguré l'usine "
                "d'Ulvar Graphite à Pavlodar. Ulvar Graphite y produit des anodes.",
                "fr",
            )
        }
    )
    types = dict(zip(tables.entities["entity"], tables.entities["type"], strict=True))
    assert types.get("Aidar Kuanyshev") == "person", types
    assert not any(name.startswith("Mines") for name in types), types


def test_a_defined_organ_is_no_actor() -> None:
    tables = tables_for(
        {
            "t": (
                "Ulvar Graphite Limited mines graphite at Taskul. The Board approved the "
                "budget, and the Tribunal dismissed the claim of the Shareholders.",
                "en",
            )
        }
    )
    assert not {"Board", "Tribunal", "Shareholders"} & set(tables.entities["entity"]), list(
        tables.entities["entity"]
    )


def test_a_designator_full_stop_ends_its_sentence() -> None:
    for lang in ("en", "fr"):
        doc = load_model(lang)(
            "Its cells come from Tamarin Cells Co., Ltd. Kestrov's motors come from Ulvar "
            "Drive Co. Ltd and from Borvik Inc. (Borvik)."
        )
        assert [s.text.split()[0] for s in doc.sents] == ["Its", "Kestrov's"], lang


TABLE = """# Sites

Ulvar Graphite is a Kazakh miner, and Haldorf Motoren a German carmaker.

| Site | Owner | Partner (role) | Status |
|---|---|---|---|
| Kestrov, Orenburg region | Kestrov Avto | Tamarin Cells (cells) | Operating |
| Taskul, Kostanay region | Ulvar Graphite | Haldorf Motoren (offtake) | Operating |
"""


def test_a_partner_role_in_brackets_gives_the_supply(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, TABLE)
    assert ("Tamarin Cells", "Kestrov Avto", "supply") in found, found
    assert ("Ulvar Graphite", "Haldorf Motoren", "supply") in found, found
    assert not {r for r in found if r[2] == "partnership"}, found


def test_a_region_after_an_unnamed_town_is_no_site(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, TABLE)
    assert not {r for r in found if r[2] == "production" and "region" in r[1]}, found


def test_a_deal_agreed_to_is_not_done() -> None:
    found = extracted_relations(
        "Haldorf Motoren has agreed in March to sell its Syzran gearbox plant to Kestrov "
        "Avto. Tamarin Cells sold its Orenburg pack plant to Larsk Holding. Ulvar Graphite "
        "agreed to a partnership with Tamarin Cells.",
        "en",
    )
    assert ("Kestrov Avto", "Syzran", "acquisition") not in found, found
    assert ("Larsk Holding", "Orenburg", "acquisition") in found, found
    assert ("Ulvar Graphite", "Tamarin Cells", "partnership") in found, found
    found = extracted_relations(
        "Le groupe chinois Quanfeng s'est engagé à fournir des kits à Kestrov Avto. Le "
        "groupe chinois Lanmei fournit des kits à Borvik Motors.",
        "fr",
    )
    assert ("Quanfeng", "Kestrov Avto", "supply") not in found, found
    assert ("Lanmei", "Borvik Motors", "supply") in found, found


def test_a_plant_goods_are_made_for_is_its_possessors() -> None:
    found = extracted_relations(
        "Borvik Energy LLC makes cells at Tula for AvtoVAZ's car plant in Togliatti. "
        "Kestrov Avto builds vans from Quanfeng kits at Renault's former plant in Moscow.",
        "en",
    )
    assert ("Borvik Energy LLC", "Tula", "production") in found, found
    assert ("Borvik Energy LLC", "Togliatti", "production") not in found, found
    assert ("AvtoVAZ", "Togliatti", "production") in found, found
    assert ("Kestrov Avto", "Moscow", "production") in found, found
    found = extracted_relations(
        "Tamarin Cells produit des cellules à Novossibirsk pour l'usine de Kamaz à "
        "Naberejnye Tchelny.",
        "fr",
    )
    assert ("Tamarin Cells", "Naberezhnye Chelny", "production") not in found, found
