"""Russian relations (issue 14): the case, not the word order, says who does what.

The sentences were written for these tests, with their expected relations, before the
Russian role rules (``relation_russian``) were written. Russian puts the object first
as readily as the subject ("Комплектующие ... поставляет Chery"), so the French and
English rule "the agent comes first" is wrong for it; the grammatical case is right.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import relations

CASES = [
    # dative owner, nominative owned
    (
        "Марка Haval принадлежит китайской Great Wall Motor.",
        {("Great Wall Motor", "Haval", "ownership")},
    ),
    # instrumental owned
    ("АвтоВАЗ владеет маркой Lada.", {("AvtoVAZ", "Lada", "ownership")}),
    # object first, subject last: the nominative supplies, the genitive after "для" receives
    ("Комплектующие для АвтоВАЗа поставляет Chery.", {("Chery", "AvtoVAZ", "supply")}),
    # dative recipient
    ("Соллерс поставляет двигатели АвтоВАЗу.", {("Sollers", "AvtoVAZ", "supply")}),
    # genitive owner after a subsidiary noun; the subsidiary assembles in a town
    (
        "Белджи, дочерняя компания Geely, собирает автомобили в Минске.",
        {("Geely", "BelGee", "ownership"), ("BelGee", "Minsk", "production")},
    ),
    # a locative place; the brand assembled supplies the assembler
    (
        "Автотор собирает автомобили Changan в Калининграде.",
        {("Avtotor", "Kaliningrad", "production"), ("Changan", "Avtotor", "supply")},
    ),
    (
        "UzAuto Motors выпускает автомобили в Ташкенте.",
        {("UzAuto Motors", "Tashkent", "production")},
    ),
    # plans, negations and futures state nothing
    ("Соллерс планирует собирать автомобили в Липецке.", set()),
    ("АвтоВАЗ не производит автомобили в Узбекистане.", set()),
    ("Ростех будет поставлять аккумуляторы АвтоВАЗу.", set()),
    ("Соллерс поставит двигатели АвтоВАЗу в следующем году.", set()),
    # a sale of a plant and an exit from the market named by an adjective
    ("Renault продал завод в Москве и ушёл с российского рынка.", {("Renault", "Russia", "exit")}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_russian_relations(sentence, expected):
    assert relations(sentence, "ru") == expected


def test_a_participle_phrase_holds_no_agent_of_the_main_verb() -> None:
    # ", входящее в «X»," describes the subject: X does not assemble.
    from tests.fixtures.extraction_shared import extracted_relations

    found = extracted_relations(
        "Предприятие, входящее в «Кестрел Холдинг», собирает батареи в Елабуге.", "ru"
    )
    assert not {r for r in found if r[2] == "production" and r[0].startswith("Кестрел")}, found


def test_a_legal_forms_name_after_a_common_noun_is_its_owner_not_the_subject() -> None:
    # "для двигателей ООО «X»": X owns the engines (genitive); the nominative after
    # the verb supplies them and makes them at its own plant.
    from tests.fixtures.extraction_shared import extracted_relations

    found = extracted_relations(
        "Подшипники для двигателей ООО «Волгамаш» поставляет китайская компания "
        "Hebei Ruiyang Motor со своего завода в Баодине.",
        "ru",
    )
    producers = {r[0] for r in found if r[2] == "production"}
    assert "Hebei Ruiyang Motor" in producers, found
    assert not {p for p in producers if p.startswith("Волгамаш")}, found
    assert not {r for r in found if r[2] == "supply" and r[0].startswith("Волгамаш")}, found


def test_a_name_in_the_other_script_in_brackets_is_the_same_actor() -> None:
    # The Russian press gives a foreign firm's name with its Cyrillic form in brackets.
    from tests.fixtures.extraction_shared import tables_for

    t = tables_for(
        {"t": ("Ячейки для Камтеха поставляет Anhui Lingxiang Battery («Аньхой Линсян»).", "ru")}
    )
    named = dict(zip(t.mentions["text"], t.mentions["entity"], strict=True))
    assert named.get("Аньхой Линсян") == "Anhui Lingxiang Battery", named
