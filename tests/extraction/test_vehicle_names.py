"""A name the knowledge base lacks, written right before a vehicle noun ("Tarvo
crossovers", "Orvia electric cars") or, in Russian, right after one ("кроссоверы
«Тарво»"), names what is built: a brand or a model, which supplies nothing. A name
ending with a model's code ("Tarvo T5", "Moskvich 3e") is a product, not an actor. Texts
written for these tests with invented firms ("Kesar Motors", "Lanmu Automobile")."""

from __future__ import annotations

from analysis.extraction.descriptors import is_product
from tests.fixtures.extraction_shared import extracted_relations, tables_for


def test_a_brand_before_a_vehicle_noun_supplies_nothing() -> None:
    found = extracted_relations(
        "Kesar Motors LLC is a Russian carmaker based in Ulyanovsk. Since 2024 Kesar Motors "
        "LLC has assembled Tarvo crossovers in Ulyanovsk from kits supplied by Lanmu "
        "Automobile Co., Ltd. Kesar Motors LLC also assembles Tarvo electric cars.",
        "en",
    )
    assert not {r for r in found if r[0] == "Tarvo"}, found
    assert ("Kesar Motors LLC", "Ulyanovsk", "production") in found, found


def test_a_brand_after_a_russian_vehicle_noun_supplies_nothing() -> None:
    found = extracted_relations(
        "ООО «Кесар Моторс» собирает в Ульяновске кроссоверы «Тарво» из машинокомплектов. "
        "ООО «Кесар Моторс» выпускает кроссоверы «Тарво» с 2024 года.",
        "ru",
    )
    assert not {r for r in found if r[0] == "Тарво" and r[2] == "supply"}, found


def test_a_known_carmaker_before_a_vehicle_noun_still_supplies() -> None:
    found = extracted_relations(
        "Kesar Motors LLC is a Russian carmaker. Kesar Motors LLC assembles Chery "
        "crossovers in Ulyanovsk.",
        "en",
    )
    assert ("Chery", "Kesar Motors LLC", "supply") in found, found


def test_a_name_ending_with_a_models_code_is_a_product() -> None:
    for name in ("Tarvo T5", "Bestune T77", "Moskvich 3e", "Zeekr 7X", "Tank 300"):
        assert is_product(name.split(), False), name
    for name in ("Kesar Motors LLC", "B2B Motors", "UNIVERSITÉ LUMIÈRE LYON 2"):
        assert not is_product(name.split(), False), name


def test_a_model_delivered_is_no_supply_recipient() -> None:
    tables = tables_for(
        {
            "t": (
                "Kesar Motors LLC is a carmaker based in Kostanay. Kesar Motors LLC said it "
                "had delivered the first 320 Tarvo T5 electric hatchbacks assembled at its "
                "plant in Kostanay from Lanmu kits.",
                "en",
            )
        }
    )
    assert "Tarvo T5" not in set(tables.entities["entity"]), tables.entities
    assert not {r for r in zip(tables.relations["target"]) if r[0] == "Tarvo T5"}
