"""Whose plant, and who is the subject, on sentences written for these tests.

- "X supplies Y with packs made at its plant in Z": the plant is the deliverer's, X's
  (but "lent money to Y for its plant" is Y's).
- "HUM (Fengyun 51 %, Itil 49 %) assemble ...": the holders named with their stakes in
  brackets qualify the subject; they assemble nothing.
The firms are invented.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations as relations


def test_a_deliverers_plant_is_the_deliverers() -> None:
    found = relations(
        "Tengyu Battery supplies Qoldau Motors with battery packs made at its plant in Xiamen.",
        "en",
    )
    assert ("Tengyu Battery", "Xiamen", "production") in found, found
    assert ("Qoldau Motors", "Xiamen", "production") not in found, found
    found = relations(
        "The bank lent 102 million dollars to Syrah Resources for its Vidalia plant.", "en"
    )
    assert ("Syrah Resources", "Vidalia", "production") in found, found


def test_holders_named_with_their_stakes_are_no_subject() -> None:
    found = relations(
        "Volga Fengyun Motors (Fengyun 51 %, Itil 49 %) assemble le Tura à Pervoouralsk.", "fr"
    )
    assert ("Volga Fengyun Motors", "Pervoouralsk", "production") in found, found
    assert not {r for r in found if r[0] in ("Fengyun", "Itil") and r[2] == "production"}, found
