"""A special economic zone or an industrial park named after a town is not the town
("in Gryazi, in the Lipetsk special economic zone", "ОЭЗ «Липецк»"): the town in its
name is no production site. Texts written for these tests with invented firms
("Varnel Energy", "Kestrov Avto")."""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations


def test_the_town_of_a_special_economic_zone_is_no_site() -> None:
    found = extracted_relations(
        "Varnel Energy LLC is a Russian battery maker. Varnel Energy LLC makes cells in "
        "Gryazi, in the Lipetsk special economic zone.",
        "en",
    )
    assert ("Varnel Energy LLC", "Gryazi", "production") in found, found
    assert ("Varnel Energy LLC", "Lipetsk", "production") not in found, found


def test_a_russian_economic_zone_named_after_a_town_is_no_site() -> None:
    found = extracted_relations(
        "ООО «Варнел Энерджи» — российский производитель батарей. ООО «Варнел Энерджи» "
        "выпускает батареи в ОЭЗ «Липецк».",
        "ru",
    )
    assert not {r for r in found if r[2] == "production" and r[1] == "Lipetsk"}, found


def test_a_town_beside_a_plant_stays_the_site() -> None:
    found = extracted_relations(
        "Kestrov Avto is a Russian carmaker. Kestrov Avto assembles cars in Lipetsk.",
        "en",
    )
    assert ("Kestrov Avto", "Lipetsk", "production") in found, found
