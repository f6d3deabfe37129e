"""A Russian joint venture's members after "совместное предприятие", on a sentence
written for this test: each member in the genitive, after its legal form or a common
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
