"""Where an apposition ends, what an agreement leaves undone, and a venture's partner
named "with" a description, on sentences written for these tests (the firms are
invented).

- "X, a subsidiary of Y, and Z": the comma and the conjunction close the apposition; Z
  is no owner of X. A comma closes it too before a verb the tagger may read as a noun
  ("X, contrôlée par la compagnie Y, livre ... à Z"). A list "de Y, de Z et de W" still
  names three owners.
- "X — совместное предприятие с китайским концерном Y", "X is a joint venture with
  China's Y": Y owns X; a venture is not its parent's partner.
- An agreement's infinitive or subject is arranged, not done: "signed a deal to
  assemble cars in K", "an agreement between A and B Co., Ltd. on the assembly of cars
  at K"; an agreement "which was not signed" is no partnership. A contract to supply
  from an existing smelter, or a loan for the modernisation of a plant, leaves the
  plant's production stated.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations


def test_a_comma_and_a_conjunction_close_an_apposition() -> None:
    found = relations(
        "A memorandum of understanding between Tarvel Mining JSC, a subsidiary of "
        "Qoldau Holding JSC, and Kansai Boeki Corporation on exploration was signed.",
        "en",
    )
    assert ("Qoldau Holding JSC", "Tarvel Mining JSC", "ownership") in found, found
    assert ("Kansai Boeki Corporation", "Tarvel Mining JSC", "ownership") not in found, found


def test_a_comma_closes_an_apposition_before_its_verb() -> None:
    found = relations(
        "Aksai Mining, contrôlée par la compagnie publique Tengri Altyn JSC, livre depuis "
        "janvier son concentré à Hunan Lianxin Materials Co., Ltd., qui le sépare à Longnan.",
        "fr",
    )
    assert not {r for r in found if r[0].startswith("Hunan") and r[2] == "ownership"}, found


def test_a_list_of_owners_with_repeated_prepositions() -> None:
    found = relations(
        "Navoiy Cell Systems assemble des packs à Navoï. L'entreprise est une coentreprise "
        "de Sarbon Group, de SVOLT Energy Technology et d'UzAuto Motors.",
        "fr",
    )
    assert {("Sarbon Group", "UzAuto Motors", "partnership")} <= found, found


def test_a_venture_with_a_described_partner_is_owned_by_it() -> None:
    found = relations(
        "Главным активом Группы остаётся ООО «Волга-Цзиньма Авто» — совместное предприятие "
        "с китайским концерном Hebei Jinma Automobile Group Co., Ltd.",
        "ru",
    )
    assert not {r for r in found if r[2] == "partnership"}, found
    assert {r for r in found if r[0].startswith("Hebei Jinma") and r[2] == "ownership"}, found


def test_an_agreement_arranges_production_it_does_not_state_it() -> None:
    found = relations(
        "Hebei Jinma Automobile signed a deal in Astana to assemble cars in Kostanay.", "en"
    )
    assert not {r for r in found if r[2] == "production"}, found
    found = relations(
        "An agreement between Saryarka Motors Group and Hebei Jinma Automobile Co., Ltd. "
        "(People's Republic of China) on the assembly of Jinma passenger cars at the "
        "Kostanay plant of Saryarka Motors LLP, starting in 2027.",
        "en",
    )
    assert not {r for r in found if r[2] == "production"}, found
    found = relations(
        "An earlier version listed an agreement between Ertis Graphite LLP and Volga Motors "
        "JSC, which was not signed.",
        "en",
    )
    assert not {r for r in found if r[2] == "partnership"}, found


def test_a_contract_leaves_an_existing_plant_stated() -> None:
    found = relations(
        "UZBEKISTAN — Olmaliq Copper JSC has signed a contract to supply copper cathode from "
        "its smelter in Almalyk, in the Tashkent region, to Jiangxi Copper.",
        "en",
    )
    assert ("Olmaliq Copper JSC", "Almalyk", "production") in found, found
