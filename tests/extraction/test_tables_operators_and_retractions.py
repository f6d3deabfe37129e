"""A table row about a site that names its operator and its shareholders, a status in
brackets after the row's subject, a suspended production, and a name a speaker takes
back. Texts written for these tests with invented firms ("Tavro Mining SA", "Kelmar
Resources", "Ostrava Cells", "Kestrel Motors LLC").
"""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.extraction_shared import extracted_relations, folder_relations

TABLE = """# Mines

| Mine | Pays | Exploitant | Actionnaires | Acheteur |
|---|---|---|---|---|
| Moanda | Gabon | Tavro Mining SA | Kelmar Resources 63 % | Ostrava Cells |
| Okondja (fermée en 2024) | Gabon | Vesna Mining SA | Kelmar Resources 51 % | Ostrava Cells |
"""


def test_the_operator_produces_and_sells_and_the_shareholder_owns_it(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, TABLE)
    assert ("Tavro Mining SA", "Moanda", "production") in found, found
    assert ("Tavro Mining SA", "Ostrava Cells", "supply") in found, found
    assert ("Kelmar Resources", "Tavro Mining SA", "ownership") in found, found
    # the shareholder neither runs the mine nor sells its ore
    assert ("Kelmar Resources", "Moanda", "production") not in found, found
    assert ("Kelmar Resources", "Ostrava Cells", "supply") not in found, found


def test_a_closed_site_in_brackets_keeps_only_its_ownership(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, TABLE)
    assert not {r for r in found if r[1] == "Okondja"}, found
    assert ("Vesna Mining SA", "Ostrava Cells", "supply") not in found, found
    assert ("Kelmar Resources", "Vesna Mining SA", "ownership") in found, found


def test_a_suspended_production_is_none() -> None:
    found = extracted_relations(
        "Mars 2022 : Kestrel Motors et Vesna Motors suspendent leur production en Russie.",
        "fr",
    )
    assert not {r for r in found if r[2] == "production"}, found


def test_a_place_taken_back_is_replaced_by_the_one_after_it() -> None:
    found = extracted_relations(
        "Kestrel Motors LLC builds our cars at its plant in Ust-Kamenogorsk - apologies, "
        "I misspoke - at Kostanay.",
        "en",
    )
    assert ("Kestrel Motors LLC", "Kostanay", "production") in found, found
    assert ("Kestrel Motors LLC", "Ust-Kamenogorsk", "production") not in found, found


def test_an_object_relatives_own_subject_makes_what_it_names() -> None:
    found = extracted_relations(
        "Tavro Mining SA fournit les cellules des batteries que Kestrel Energia, filiale "
        "du groupe russe Kelmar Holding, assemble à Ielabouga.",
        "fr",
    )
    assert ("Kestrel Energia", "Yelabuga", "production") in found, found
    assert ("Tavro Mining SA", "Yelabuga", "production") not in found, found


def test_a_pronoun_bought_from_a_seller_is_no_supply() -> None:
    # "it" is the plant the sentence before names: the seller supplies nothing.
    found = extracted_relations(
        "The plant, on the eastern edge of Tver, has a history of its own. Kestrel Motors "
        "bought it in 2023 from Forvia (the sign by the gate still says Faurecia) after "
        "the French supplier left Russia.",
        "en",
    )
    assert not {r for r in found if r[2] == "supply"}, found


def test_kits_an_object_relatives_subject_ships_come_from_it() -> None:
    found = extracted_relations(
        "Depuis 2023, Kestrel Motors y assemble des crossovers à partir de kits que le "
        "chinois Tavro Automobile expédie depuis son usine de Zhangzhou.",
        "fr",
    )
    assert ("Tavro Automobile", "Kestrel Motors", "supply") in found, found
    assert ("Kestrel Motors", "Tavro Automobile", "supply") not in found, found


def test_kits_a_delivering_verb_gives_with_are_read_by_the_verb() -> None:
    found = extracted_relations(
        "Tavro Automobile supplies Kestrel Motors with kits for petrol cars only.", "en"
    )
    assert ("Tavro Automobile", "Kestrel Motors", "supply") in found, found
    assert ("Kestrel Motors", "Tavro Automobile", "supply") not in found, found


ASSEMBLERS = """# Assembly partners

| Assembler | Chinese partner | Town | Capacity ('000/yr) | Start |
| --- | --- | --- | --- | --- |
| Brenner Avto | Anhui Qiaolong Motor | Kaliningrad | — | 2021 (ended 2023) |
| Dalnet Motors | Anhui Qiaolong Motor | Vladivostok | 25 | 2024 |
| Stepnoy Avto | Hubei Linfeng Automobile | Almaty | 30 (proposed) | n/a |
"""


def test_a_remark_in_brackets_in_any_cell_unsettles_its_row(tmp_path: Path) -> None:
    """ "start : 2021 (ended 2023)" and "capacity : 30 (proposed)" say the row's link is
    over or only planned, as a status cell would; the row's town is a "town" column."""
    found = folder_relations(tmp_path, ASSEMBLERS)
    assert ("Dalnet Motors", "Anhui Qiaolong Motor", "partnership") in found, found
    assert ("Dalnet Motors", "Vladivostok", "production") in found, found
    assert not {r for r in found if "Brenner Avto" in r[:2]}, found
    assert not {r for r in found if "Stepnoy Avto" in r[:2]}, found


def test_a_partners_own_brackets_leave_the_rows_site(tmp_path: Path) -> None:
    """A remark in the partner's cell is that party's ("(talks)"), not the row's."""
    text = (
        "# Sites\n\n| Firm | Partner | Site | Stage |\n| --- | --- | --- | --- |\n"
        "| Tavro Mining SA | Kelmar Resources (talks) | Moanda | Production |\n"
    )
    found = folder_relations(tmp_path, text)
    assert ("Tavro Mining SA", "Moanda", "production") in found, found
    assert ("Tavro Mining SA", "Kelmar Resources", "partnership") not in found, found


DELIVERIES = """# Livraisons 2025

| Acheteur | Ville | Marque | Assembleur (site) | Livrés | Statut |
|---|---|---|---|---|---|
| Tramway Lebedyan JSC | Lipetsk | Orsa | Dvina Coach Works (Kaluga) | 90 | Livré |
| Ertis City Transit LLP | Pavlodar | Yutong | Irbis Bus Assembly (Ekibastuz) | 40 | Prévu |
"""


def test_an_assembler_s_own_site_is_where_it_produces(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, DELIVERIES)
    assert ("Dvina Coach Works", "Kaluga", "production") in found, found
    # (a town of the knowledge base: a bracket alone does not make a name a place)
    # the buyer's town and the buyer are not the assembler's sites: the buyer is its
    # customer (the first column is "Acheteur": ``test_tables_keyed_by_buyer``)
    made = {r for r in found if r[0] == "Dvina Coach Works" and r[2] == "production"}
    assert made == {("Dvina Coach Works", "Kaluga", "production")}, found
    assert ("Dvina Coach Works", "Tramway Lebedyan JSC", "supply") in found, found
    # a brand delivered to a buyer is not the buyer's
    assert not {r for r in found if r[2] == "ownership"}, found
    # a planned tender gives no production
    assert not {r for r in found if r[0] == "Irbis Bus Assembly"}, found


def test_a_stop_or_talks_in_any_cell_unsettles_its_row(tmp_path: Path) -> None:
    """ "2019 (stopped 03/2022)" and a cell that says only "talks only" say the row's
    supply is over or not yet agreed, as a status cell would."""
    text = (
        "# Cells\n\nWho supplies cells, as of June 2026.\n\n"
        "| Cell supplier | Chemistry | Customer | Volume (GWh) | Since |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| Tarvel Cells | LFP | Belkar Avto | 1.2 | 2023 |\n"
        "| Kestrel Energy | NMC | Belkar Avto | — | 2019 (stopped 03/2022) |\n"
        "| Quellon Power | LFP | Idel Motors | — | talks only |\n"
    )
    found = folder_relations(tmp_path, text)
    assert ("Tarvel Cells", "Belkar Avto", "supply") in found, found
    assert not {r for r in found if "Kestrel Energy" in r[:2]}, found
    assert not {r for r in found if "Quellon Power" in r[:2]}, found
