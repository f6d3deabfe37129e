"""A wire's credit in a dateline ("KAZAN, June 9 (TVW) - ..."), a name written as a web
address ("Kursor.kz") and a name a media noun describes ("the wire service X", "деловая
газета «X»") are media: sources, never a party to a relation. A name and one capital
letter ("Tarvo E") is a model, not an actor, and a table's site cell that names an
office ("Almaty (office)") makes nothing, nor does a tracker row marked "Terminated" or
"Denied". Texts written for these tests with
invented firms and outlets ("TVW", "Kursor.kz", "Kesar Motors")."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.extraction.descriptors import is_product
from tests.fixtures.extraction_shared import extracted_relations, folder_relations, tables_for


def _type_of(text: str, lang: str, name: str) -> str:
    entities = tables_for({"t": (text, lang)}).entities
    return dict(zip(entities["entity"], entities["type"], strict=True)).get(name, "")


def test_a_wires_credit_in_a_dateline_is_media_and_makes_nothing() -> None:
    text = (
        "KAZAN, June 9 (TVW) - Kesar Motors LLC has assembled electric crossovers at "
        "Yelabuga since March, the company said."
    )
    assert _type_of(text, "en", "TVW") == "media"
    found = extracted_relations(text, "en")
    assert not {r for r in found if "TVW" in r[:2]}, found
    assert ("Kesar Motors LLC", "Yelabuga", "production") in found, found


def test_a_name_written_as_a_web_address_is_media() -> None:
    text = "Kesar Motors LLC began assembling crossovers at Kostanay in May, Kursor.kz reports."
    assert _type_of(text, "en", "Kursor.kz") == "media"


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        (
            "en",
            "According to the wire service Baltica Newsline, Kesar Motors LLC builds cars "
            "in Kaluga.",
            "Baltica Newsline",
        ),
        (
            "fr",
            "Selon le quotidien Ouest-Volga, Kesar Motors LLC assemble des voitures à Kalouga.",
            "Ouest-Volga",
        ),
        (
            "ru",
            "Как пишет деловая газета «Волжский курьер», ООО «Кесар Моторс» собирает машины "
            "в Калуге.",
            "Волжский курьер",
        ),
    ],
)
def test_a_name_a_media_noun_describes_is_media(lang, text, name) -> None:
    assert _type_of(text, lang, name) == "media"


def test_a_name_and_one_capital_letter_is_a_model() -> None:
    assert is_product(["Tarvo", "E"], brand_first=False)
    assert is_product(["Итиль", "E"], brand_first=False)
    assert not is_product(["Tarvo"], brand_first=False)


AFFILIATES = """# Affiliates

| Company | Stake | Other shareholders | Site | Activity |
|---|---|---|---|---|
| Kesar Motors LLC | 55% | Volgar Holding 45% | Yelabuga | Vehicle assembly |
| Kesar Central Asia LLP | 100% | – | Almaty (office) | Import and distribution |
"""


def test_a_site_cell_that_names_an_office_makes_nothing(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, AFFILIATES)
    assert ("Kesar Motors LLC", "Yelabuga", "production") in found, found
    assert not {r for r in found if r[1] == "Almaty"}, found


TRACKER = """# Supply tracker

| Supplier | Buyer | Material | Status | Since |
|---|---|---|---|---|
| Wattle Ridge Lithium Ltd | Sichuan Minrong Lithium Co., Ltd. | Spodumene | Terminated | 2021 |
| Kesar Graphite LLP | Hunan Xiaolan Anode Co., Ltd. | Graphite | Active | 2024 |
| Altyn Tas Lithium JSC | Volgar Energo LLC | Spodumene | Denied | — |
"""


def test_a_tracker_row_that_ended_or_is_denied_states_no_supply(tmp_path: Path) -> None:
    found = folder_relations(tmp_path, TRACKER)
    assert ("Kesar Graphite LLP", "Hunan Xiaolan Anode Co., Ltd", "supply") in found, found
    assert not {r for r in found if r[0] in ("Wattle Ridge Lithium Ltd", "Altyn Tas Lithium JSC")}
