"""A Russian joint venture's members after "совместное предприятие", on a sentence
written for these tests: each member in the genitive, after its legal form or a common
noun ("АО «X»", "компании «Y»"), owns the venture, and the two are partners.
The firms are invented.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations


def test_the_members_of_a_russian_joint_venture_own_it() -> None:
    found = relations(
        "ООО «Кестрел Моторс» — совместное предприятие ульяновского АО «Волга Холдинг» "
        "(75 %) и китайской компании «Нинбо Тяньхэ» (25 %).",
        "ru",
    )
    assert {
        ("Волга Холдинг", "Кестрел Моторс", "ownership"),
        ("Нинбо Тяньхэ", "Кестрел Моторс", "ownership"),
    } <= found, found
    assert not {r for r in found if r[2] == "partnership" and "Кестрел Моторс" in r[:2]}, found


def test_a_member_after_a_noun_and_one_whose_legal_form_ends_with_a_full_stop() -> None:
    # (a common noun between the adjective and the name, and a Latin name closed by
    # "Co., Ltd." before the "и" that joins the second member)
    found = relations(
        "ООО «Сетунь Энерджи» — совместное предприятие липецкого автопроизводителя "
        "АО «Орловские Моторы» и китайской компании Zhejiang Qiantai Battery Co., Ltd.",
        "ru",
    )
    assert ("Орловские Моторы", "Сетунь Энерджи", "ownership") in found, found
    found = relations(
        "В проекте участвует ООО «Сетунь Энерджи» — совместное предприятие китайской "
        "компании Zhejiang Qiantai Battery Co., Ltd. и АО «Орловские Моторы».",
        "ru",
    )
    owners = {r[0] for r in found if r[1:] == ("Сетунь Энерджи", "ownership")}
    assert {"Zhejiang Qiantai Battery Co., Ltd", "Орловские Моторы"} <= owners, found
    assert not {r for r in found if r[2] == "partnership" and "Сетунь Энерджи" in r[:2]}, found
