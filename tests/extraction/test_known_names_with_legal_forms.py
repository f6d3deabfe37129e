"""A firm of the knowledge base written with its legal form ("Gotion High-Tech Co.,
Ltd.", "Kazakhmys Corporation LLP") is that firm, not a discovered namesake; a brand or a
place of the knowledge base that opens a firm's name is not. Sentences written for these
tests ("Qazfoil", "Tarvel Motors", "Kestrel" are invented)."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import tables_for


def _found(text: str, lang: str = "en"):
    tables = tables_for({"t": (text, lang)})
    names = set(tables.entities["entity"])
    rows = {(r.source, r.target, r.relation) for r in tables.relations.itertuples()}
    return names, rows


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gotion High-Tech Co., Ltd. supplies battery cells to Avtotor.", "en"),
        ("Gotion High-Tech Co., Ltd. livre des cellules de batterie à Avtotor.", "fr"),
    ],
)
def test_a_known_firm_with_its_legal_form_is_that_firm(text, lang) -> None:
    names, rows = _found(text, lang)
    assert "Gotion High-Tech" in names, names
    assert not any(n.startswith("Gotion High-Tech ") for n in names), names
    assert ("Gotion High-Tech", "Avtotor", "supply") in rows, rows


def test_a_defined_short_form_of_a_known_firm_supplies_no_one_of_itself() -> None:
    names, rows = _found(
        "Qazfoil signed a cathode supply agreement with Kazakhmys Corporation LLP "
        '("Kazakhmys"), under which Kazakhmys supplies copper cathode from its smelter '
        "in Balkhash."
    )
    assert "Kazakhmys Corporation LLP" not in names, names
    assert not {r for r in rows if r[0] == r[1]}, rows
    assert not {r for r in rows if {r[0], r[1]} <= {"Kazakhmys", "Kazakhmys Corporation LLP"}}


def test_a_known_brand_opening_a_firm_name_stays_a_distinct_firm() -> None:
    names, _ = _found("Tarvel Motors assembles cars in Kaluga for Haval Kestrel LLC.")
    assert "Haval" not in names or "Haval Kestrel LLC" in names, names
    assert not any(n == "Haval" for n in names), names
