"""An official's title before a firm's name ("президент АО «X» Иван Петров") makes the
official a person, not the firm; a plant or region word before a name NER calls a firm
("завод «X»") is that firm's plant, not a place called X. Sentences written for these
tests, with invented firms; each test fails before its change."""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import tables_for


def _types(text: str, lang: str):
    tables = tables_for({"t": (text, lang)})
    return dict(zip(tables.entities["entity"], tables.entities["type"], strict=True)), tables


def test_a_title_before_a_firm_does_not_make_the_firm_a_person() -> None:
    text = (
        "На открытии выступили президент АО «Северная Ось Моторс» Олег Панов и "
        "генеральный директор «Камских тяговых систем» Ильдар Гайнуллин. "
        "ООО «Камская Ось» — совместное предприятие АО «Северная Ось Моторс» и "
        "китайской компании Hebei Qiaolong Motor."
    )
    types, tables = _types(text, "ru")
    assert types.get("Северная Ось Моторс") == "company", types
    assert types.get("Олег Панов") == "person", types
    rel = tables.relations
    rows = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert ("Северная Ось Моторс", "Камская Ось", "ownership") in rows, rows
    assert ("Северная Ось Моторс", "Hebei Qiaolong Motor", "partnership") in rows, rows


def test_a_plant_word_before_a_firm_is_its_plant() -> None:
    text = (
        "ООО «Тверь Ляньхуа Моторс» собирает кроссоверы в Твери. "
        "На заводе «Тверь Ляньхуа Моторс» работают 900 человек. "
        "Компания «Тверь Ляньхуа Моторс» получает комплекты из Китая."
    )
    types, _ = _types(text, "ru")
    assert types.get("Тверь Ляньхуа Моторс") == "company", types


def test_the_parents_named_after_a_venture_noun_do_not_produce() -> None:
    found = relations(
        "СП группы «Тальник» и китайской Hubei Wanshan Automobile собирает кроссоверы "
        "«Зима» в Ульяновске.",
        "ru",
    )
    assert not {r for r in found if r[2] == "production"}, found
    found = relations(
        "A joint venture of Kestrel Motors and Hubei Wanshan Automobile assembles vans in Kaluga.",
        "en",
    )
    assert not {r for r in found if r[2] == "production"}, found
    # (the venture's own name after the noun, or set off after its parents, produces)
    found = relations(
        "Совместное предприятие ПАО «Тальник» и китайской Hubei Wanshan Automobile — "
        "ООО «Тальник Ваньшань Моторс» — выпустило 10-тысячный кроссовер на заводе в Ульяновске.",
        "ru",
    )
    assert ("Тальник Ваньшань Моторс", "Ulyanovsk", "production") in found, found
    found = relations("La coentreprise Kestrel Wanshan assemble des fourgons à Kalouga.", "fr")
    assert ("Kestrel Wanshan", "Kaluga", "production") in found, found


def test_kits_shipped_from_its_plant_are_not_the_complements_plant() -> None:
    found = relations(
        "Hubei Wanshan Automobile: Wuhan-based carmaker. Owns 40% of Volga Wanshan Motors "
        "and ships it kits from its Xiaogan plant.",
        "en",
    )
    assert ("Volga Wanshan Motors", "Xiaogan", "production") not in found, found
    found = relations(
        "Hubei Wanshan Automobile owns 40% of Volga Wanshan Motors and ships it kits from "
        "its plant in Xiaogan.",
        "en",
    )
    assert ("Hubei Wanshan Automobile", "Xiaogan", "production") in found, found


def test_a_venture_not_its_parents_produces_in_more_word_orders() -> None:
    found = relations(
        "Автомобили «Зима» выпускает ООО «Тальник Ваньшань Моторс» — совместное "
        "предприятие «Тальник Групп» и китайской Hubei Wanshan Automobile Co., Ltd. — на "
        "своём заводе в Ульяновске.",
        "ru",
    )
    assert ("Тальник Ваньшань Моторс", "Ulyanovsk", "production") in found, found
    assert ("Тальник Групп", "Ulyanovsk", "production") not in found, found
    found = relations(
        "Hubei Wanshan Automobile ships kits to Kestrel Wanshan Motors (KWM), the Wanshan "
        "joint venture that assembles vans in Kaluga.",
        "en",
    )
    assert ("Hubei Wanshan Automobile", "Kaluga", "production") not in found, found
    found = relations(
        "Notre client est Velcor, coentreprise de Stellantis, Brekke Aksel et TotalEnergies, "
        "que nous livrons pour sa gigafactory de Douvrin.",
        "fr",
    )
    assert ("TotalEnergies", "Douvrin", "production") not in found, found
    # (a venture named after the noun is the venture: "its Belarusian venture, X, builds")
    found = relations("Hubei Wanshan's Belarusian venture, BelWan, builds vans in Borisov.", "en")
    assert ("BelWan", "Borisov", "production") in found, found


def test_a_designators_full_stop_before_a_bracket_ends_no_russian_sentence() -> None:
    found = relations(
        "ООО «Тальник Ваньшань Моторс» собирает в Ульяновске кроссоверы из машинокомплектов, "
        "которые Hubei Wanshan Automobile Co., Ltd. («Ваньшань») поставляет со своего завода "
        "в Сяогане.",
        "ru",
    )
    assert not {r for r in found if r[0] == "Ваньшань" or r[1] == "Ваньшань"}, found
