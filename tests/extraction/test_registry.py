"""Discovered names merged across a corpus (``registry.merge_names``)."""

from __future__ import annotations

from analysis.extraction.gazetteer import is_place_name
from analysis.extraction.registry import Settled, discovered_actor, merge_names
from tests.fixtures.extraction_shared import tables_for


def _mentions(*names: str) -> list[dict]:
    return [{"entity": n} for n in names]


def _typed(name: str, value: str, basis: str = "descriptor") -> dict:
    return {"entity": name, "attribute": "type", "value": value, "basis": basis}


def test_a_short_form_merges_with_the_one_name_it_opens_after_its_home_province() -> None:
    names = ["Hubei Lanxin Power Co., Ltd.", "Lanxin", "Lanxin Power", "Ferrum Motors"]
    merged = merge_names(_mentions(*names), [], is_place_name)
    assert merged["Lanxin"] == merged["Lanxin Power"] == "Hubei Lanxin Power Co., Ltd."
    assert merged["Ferrum Motors"] == "Ferrum Motors"


def test_a_short_form_of_two_names_stays_apart() -> None:
    names = ["Varenne Rus", "Varenne Composants", "Varenne"]
    merged = merge_names(_mentions(*names), [], is_place_name)
    assert {merged[n] for n in names} == set(names)


def test_people_places_and_towns_are_no_short_forms() -> None:
    names = ["Tobolin", "Tobolin Cathode LLP", "Kostrava", "Kostrava Metals", "Pavlodar"]
    evidence = [_typed("Tobolin", "person", "apposition"), _typed("Kostrava", "place")]
    merged = merge_names(_mentions(*names, "Pavlodar Khimsintez JSC"), evidence, is_place_name)
    assert merged["Tobolin"] == "Tobolin"
    assert merged["Kostrava"] == "Kostrava"
    assert merged["Pavlodar"] == "Pavlodar"  # a town, not the firm named after it


def test_ner_taking_a_short_form_for_a_person_does_not_keep_it_apart() -> None:
    names = ["Jiangsu Morvane New Energy Co., Ltd.", "Morvane"]
    evidence = [_typed("Morvane", "person", "NER label")]
    merged = merge_names(_mentions(*names), evidence, is_place_name)
    assert merged["Morvane"] == "Jiangsu Morvane New Energy Co., Ltd."


def test_a_firm_named_after_its_province_is_one_actor_across_articles() -> None:
    tables = tables_for(
        {
            "a": (
                "Hubei Lanxin Power Co., Ltd. fournit des cellules à Ferrum Motors, "
                "un assembleur de Kalouga.",
                "fr",
            ),
            "b": ("Ferrum Motors buys its cells from Lanxin, a Chinese battery maker.", "en"),
        }
    )
    entities = set(tables.mentions["entity"])
    assert "Hubei Lanxin Power Co., Ltd." in entities
    assert "Lanxin" not in entities


def test_a_type_read_under_another_spelling_keeps_a_place_apart() -> None:
    # (the place evidence is recorded under the spelling of its sentence)
    names = ["Kostrava", "Kostrava", "KOSTRAVA", "Hubei Kostrava Power Co., Ltd."]
    evidence = [_typed("KOSTRAVA", "place", "locative")]
    merged = merge_names(_mentions(*names), evidence, is_place_name)
    assert merged["Kostrava"] == merged["KOSTRAVA"] == "Kostrava"


def test_a_name_with_a_legal_form_is_a_firm_whatever_its_evidence_says() -> None:
    brand = Settled("brand", "apposition", "a:0:0")
    assert discovered_actor("Norvel Auto Co., Ltd.", {"type": brand}).type == "company"
    assert discovered_actor("Norvel Auto LLC", {"type": brand}).type == "company"
    assert discovered_actor("Tarka", {"type": brand}).type == "brand"
