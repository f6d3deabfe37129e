"""Abbreviations defined in brackets after a name are that actor, not another one.

Firms named here are invented; the sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from analysis.extraction.abbreviations import abbreviates
from tests.fixtures.extraction_shared import tables_for


@pytest.mark.parametrize(
    ("abbreviation", "name", "expected"),
    [
        ("MCT", "Minsk Cell Technologies", True),
        ("JCI", "Jinchuan Group International Resources Co. Ltd", True),
        ("SBS", "Stolitsa Battery Systems", True),
        ("B&K", "Brantell & Korvel", True),
        ("UMZ", "Usine métallurgique d'Oulba", False),  # another language's name
        ("Ltd", "Lorvan Trading", False),  # not capitals
        ("A", "Arvel", False),  # too short
        ("КМ", "Квант Моторс", True),
        ("2024", "Brantell Cells", False),  # a year
    ],
)
def test_abbreviates(abbreviation: str, name: str, expected: bool) -> None:
    assert abbreviates(abbreviation, name) is expected


@pytest.mark.parametrize(
    ("text", "lang", "long_name", "short", "relation"),
    [
        (
            "Brantell Cell Systems (BCS) a commencé à produire des cellules à Pavlodar. "
            "BCS livre Varkon Industries depuis mars.",
            "fr",
            "Brantell Cell Systems",
            "BCS",
            ("Brantell Cell Systems", "Varkon Industries", "supply"),
        ),
        (
            'Korvel Nickel Resources Ltd ("KNR") completed the purchase. KNR now supplies '
            "Varkon Industries with nickel.",
            "en",
            "Korvel Nickel Resources Ltd",
            "KNR",
            ("Korvel Nickel Resources Ltd", "Varkon Industries", "supply"),
        ),
        # a short name in quotes, every word of it a word of the full name
        (
            "Zhejiang Varkon Motor Coach (« Varkon Coach ») a signé avec Quellon Bus un "
            "contrat de licence. Depuis 2021, Varkon Coach fournit des kits à Quellon Bus.",
            "fr",
            "Zhejiang Varkon Motor Coach",
            "Varkon Coach",
            ("Zhejiang Varkon Motor Coach", "Quellon Bus", "supply"),
        ),
        (
            'Tessan Anode Materials Co., Ltd. ("Tessan Materials") said on Monday that '
            "Tessan Materials ships anode material to Varkon Industries.",
            "en",
            "Tessan Anode Materials Co., Ltd.",
            "Tessan Materials",
            ("Tessan Anode Materials Co., Ltd.", "Varkon Industries", "supply"),
        ),
    ],
)
def test_a_defined_abbreviation_is_the_same_actor(text, lang, long_name, short, relation) -> None:
    tables = tables_for({"t": (text, lang)})
    entities = set(tables.mentions["entity"])
    assert short not in entities, entities
    rel = tables.relations
    ends = set(rel["source"]) | set(rel["target"])
    assert short not in ends, rel
    found = set(zip(rel["source"], rel["target"], rel["relation"], strict=True))
    assert relation in found, found
