"""A name the knowledge base lacks, written right before a vehicle noun ("Tarvo
crossovers", "Orvia electric cars") or, in Russian, right after one ("кроссоверы
«Тарво»"), names what is built: a brand or a model, which supplies nothing. Texts
written for these tests with invented firms ("Kesar Motors", "Lanmu Automobile")."""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations


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
