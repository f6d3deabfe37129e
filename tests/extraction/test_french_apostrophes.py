"""French text splits a word at its apostrophe only after an elided word ("l'usine",
"jusqu'à"), so that an Uzbek name keeps its "o'" ("Oltin Yo'li Motors", "Farg'ona")
(``nlp._elisions_only``). Invented firms; the name case failed before the change."""

from __future__ import annotations

import pytest

from analysis.extraction.nlp import load_model
from tests.fixtures.extraction_shared import tables_for


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("l'usine de Farg'ona", ["l'", "usine", "de", "Farg'ona"]),
        ("L’usine d’Andijan", ["L’", "usine", "d’", "Andijan"]),
        ("jusqu'à Qo'qon", ["jusqu'", "à", "Qo'qon"]),
        ("qu'il", ["qu'", "il"]),
        ("Fengyun's Lumo", ["Fengyun'", "s", "Lumo"]),
        ("aujourd'hui", ["aujourd'hui"]),
    ],
)
def test_only_an_elided_word_is_split_at_its_apostrophe(text: str, tokens: list[str]) -> None:
    assert [t.text for t in load_model("fr").make_doc(text)] == tokens


def test_an_uzbek_name_with_an_apostrophe_stays_whole() -> None:
    text = (
        "En Ouzbékistan, Oltin Yo'li Motors, une filiale du groupe Sariq Vodiy, assemble "
        "des Zarin à Namangan."
    )
    rel = tables_for({"t": (text, "fr")}).relations
    assert set(zip(rel["source"], rel["target"], rel["relation"], strict=True)) >= {
        ("Sariq Vodiy", "Oltin Yo'li Motors", "ownership"),
        ("Oltin Yo'li Motors", "Namangan", "production"),
    }
