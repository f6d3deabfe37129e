"""Names glued by a hyphen, and legal forms that name a firm only in capitals.

- A knowledge-base alias glued by a hyphen to a capitalised word no alias covers is part
  of a longer name ("Elmash-Kama LLC" is not the Kama of the knowledge base), while two
  known names joined by a hyphen are both named ("Renault-Nissan").
- "PAO", "LLC", "SA" type a name as a firm's only when written in capitals: "Dong Pao"
  after "at" is a place, and the concentrate is mined there.

The firms and places are invented or generic, not taken from any seed or test folder.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import tables_for


def _entities(text: str, lang: str = "en") -> dict[str, str]:
    t = tables_for({"t": (text, lang)})
    return dict(zip(t.entities["entity"], t.entities["type"], strict=True))


def test_an_alias_glued_to_an_unknown_word_is_part_of_a_longer_name() -> None:
    found = relations("Elmash-Kama LLC produces traction motors in Chistopol.", "en")
    assert ("Elmash-Kama LLC", "Chistopol", "production") in found
    assert not {r for r in found if r[0] == "Kama"}


def test_two_known_names_joined_by_a_hyphen_are_both_named() -> None:
    assert {"Renault", "Nissan"} <= set(_entities("The Renault-Nissan alliance left Russia."))


def test_a_legal_form_in_lower_case_is_no_legal_form() -> None:
    text = (
        "Quellon Rare Earth mines concentrate at Dong Pao, in northern Vietnam, and sells "
        "it to Varkon Resources."
    )
    assert _entities(text).get("Dong Pao") == "place"
    found = relations(text, "en")
    assert ("Quellon Rare Earth", "Dong Pao", "production") in found
    assert ("Quellon Rare Earth", "Vietnam", "production") not in found


def test_a_legal_form_in_capitals_still_types_a_firm() -> None:
    assert _entities("Tarvel PAO assembles trucks at Kostroma.").get("Tarvel PAO") == "company"
