"""Who supplies whom when the tagger reads a verb as a noun, names that qualify goods,
a Russian bracket's subject and a brand held through its owner.

Firms here are invented unless the knowledge base has them; the sentences are written
for these tests, and what each test expects was written before the extraction was run
on them."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import tables_for


def _relations(text: str, lang: str) -> set[tuple[str, str, str]]:
    rel = tables_for({"d1": (text, lang)}).relations
    return set(zip(rel["source"], rel["target"], rel["relation"], strict=True))


@pytest.mark.parametrize(
    "text",
    [
        # "livre" is tagged as a noun (a book) here; "des" after it is an article.
        "Depuis mars, la société Varnel Thermique livre des échangeurs au constructeur "
        "Brasko Motors.",
        "La société Varnel Thermique livre des échangeurs au constructeur Brasko Motors.",
    ],
)
def test_a_supply_verb_tagged_as_a_noun_keeps_its_direction(text: str) -> None:
    rows = _relations(text, "fr")
    assert ("Varnel Thermique", "Brasko Motors", "supply") in rows
    assert ("Brasko Motors", "Varnel Thermique", "supply") not in rows


def test_goods_made_for_a_brand_do_not_make_the_brand_a_supplier() -> None:
    rows = _relations(
        "On 4 May Tobol Energy LLC, a joint venture of Kamaz and Qiantang Cells Co., Ltd., "
        "started assembling packs for Kamaz electric buses in Naberezhnye Chelny.",
        "en",
    )
    assert not {r for r in rows if r[2] == "supply"}
    assert ("Tobol Energy LLC", "Naberezhnye Chelny", "production") in rows


def test_its_plant_is_the_subject_s_not_the_brand_of_the_buses() -> None:
    rows = _relations(
        "Steppe Coach Works LLP today began serial assembly of Yutong electric buses at its "
        "plant in Ekibastuz.",
        "en",
    )
    assert ("Steppe Coach Works LLP", "Ekibastuz", "production") in rows
    assert not {r for r in rows if r[0] == "Yutong" and r[2] == "production"}


def test_a_russian_bracket_speaks_of_the_name_before_it() -> None:
    rows = _relations(
        "«Оренбург Аккумулятор» поставляет батареи Павловскому автобусному заводу "
        "(входит в «Группу ГАЗ»).",
        "ru",
    )
    assert ("GAZ Group", "PAZ", "ownership") in rows
    assert not {r for r in rows if r[0] == "GAZ Group" and r[1] != "PAZ"}


def test_a_relative_after_a_bracket_takes_the_name_before_the_bracket() -> None:
    rows = _relations(
        "Павловский автобусный завод (входит в «Группу ГАЗ»), который закупает пакеты у "
        "Qiantang Cells, работает в Павлове.",
        "ru",
    )
    assert not {r for r in rows if r[2] == "supply" and "GAZ Group" in r[:2]}


def test_a_brand_in_the_genitive_receives_no_kits() -> None:
    rows = _relations(
        "Компания собирает кроссоверы собственной марки «Рубин» из машинокомплектов "
        "китайской Chery.",
        "ru",
    )
    assert not {r for r in rows if r[2] == "supply" and r[1] != "Chery" and "Chery" in r}


def test_a_brand_named_with_its_owner_is_held_through_the_owner() -> None:
    rows = _relations(
        "AvtoVAZ, le fabricant des Lada contrôlé par le conglomérat public Rostec, a repris "
        "la production.",
        "fr",
    )
    assert ("Rostec", "Lada", "ownership") not in rows
    assert ("AvtoVAZ", "Lada", "ownership") in rows


def test_a_brand_whose_owner_the_text_states_keeps_that_owner() -> None:
    rows = _relations(
        "AGR Holding assembles Tenet crossovers, a brand of China's Chery, at the former "
        "Volkswagen plant in Kaluga.",
        "en",
    )
    assert ("Chery", "Tenet", "ownership") in rows


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The Tarsk Development Fund is in talks to take a 10% stake in Orlan Cells LLC, "
            "the company said.",
            "en",
        ),
        ("Le fonds Tarsk Capital négocie une participation de 15 % dans Orlan Cells.", "fr"),
    ],
)
def test_a_stake_in_talks_is_no_holding(text: str, lang: str) -> None:
    assert not {r for r in _relations(text, lang) if r[2] in ("ownership", "acquisition")}


def test_a_stake_held_is_still_a_holding() -> None:
    rows = _relations("The Tarsk Development Fund holds a 10% stake in Orlan Cells LLC.", "en")
    assert ("Tarsk Development Fund", "Orlan Cells LLC", "ownership") in rows


def test_a_firm_s_whole_output_bought_is_its_supply() -> None:
    rows = _relations("Baikal Hydroxide Co. buys the entire output of Zhetysu Spodumene LLP.", "en")
    assert ("Zhetysu Spodumene LLP", "Baikal Hydroxide Co.", "supply") in rows
    assert not {r for r in rows if r[2] == "acquisition"}


def test_a_firm_bought_is_still_an_acquisition() -> None:
    rows = _relations("Baikal Hydroxide Co. bought 40% of Zhetysu Spodumene LLP in 2024.", "en")
    assert ("Baikal Hydroxide Co.", "Zhetysu Spodumene LLP", "acquisition") in rows


def test_money_invested_in_a_plant_is_no_production_there() -> None:
    rows = _relations(
        "The Steppe Growth Fund has invested $35 million in the Ust-Kamenogorsk concentrator.",
        "en",
    )
    assert ("Steppe Growth Fund", "Ust-Kamenogorsk", "investment") in rows
    assert not {r for r in rows if r[2] == "production"}


def test_money_invested_in_its_own_plant_keeps_its_production() -> None:
    rows = _relations(
        "Irtysh Spodumene LLP has invested $35 million in its concentrator at Ust-Kamenogorsk.",
        "en",
    )
    assert ("Irtysh Spodumene LLP", "Ust-Kamenogorsk", "production") in rows


def test_a_plant_run_is_still_production() -> None:
    rows = _relations("Irtysh Spodumene LLP runs its concentrator at Ust-Kamenogorsk.", "en")
    assert ("Irtysh Spodumene LLP", "Ust-Kamenogorsk", "production") in rows


def test_a_subsidiary_in_a_bare_apposition_is_who_sells() -> None:
    rows = _relations(
        "Sary-Tash Metals, filiale de la société d'État Kyrgyzkomur, vend son concentré à "
        "Baotou Rongxin Rare Earth.",
        "fr",
    )
    assert ("Sary-Tash Metals", "Baotou Rongxin Rare Earth", "supply") in rows
    assert ("Kyrgyzkomur", "Sary-Tash Metals", "ownership") in rows
    assert not {r for r in rows if r[0] == "Kyrgyzkomur" and r[2] == "supply"}


def test_names_coordinated_before_a_goods_noun_are_goods() -> None:
    rows = _relations(
        "Tobol Auto Group builds Chery and Jetour cars from Chery kits at its plant in Kostanay.",
        "en",
    )
    assert ("Tobol Auto Group", "Kostanay", "production") in rows
    assert not {r for r in rows if r[1] == "Kostanay" and r[0] != "Tobol Auto Group"}


def test_the_brand_of_a_chassis_receives_nothing() -> None:
    rows = _relations(
        "Tverskie Kuzova LLC now mounts its bodies on Kedr chassis supplied by Lipetsk "
        "Chassis Works.",
        "en",
    )
    assert ("Lipetsk Chassis Works", "Tverskie Kuzova LLC", "supply") in rows
    assert not {r for r in rows if r[1] == "Kedr"}
