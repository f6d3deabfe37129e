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
