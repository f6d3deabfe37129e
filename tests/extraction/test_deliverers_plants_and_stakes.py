"""Whose plant, and who is the subject, on sentences written for these tests.

- "X supplies Y with packs made at its plant in Z": the plant is the deliverer's, X's
  (but "lent money to Y for its plant" is Y's).
- "HUM (Fengyun 51 %, Itil 49 %) assemble ...": the holders named with their stakes in
  brackets qualify the subject; they assemble nothing.
- A plant goods come from ("from X's plant in Y", "с завода X в Y") is X's, never the
  receiver's.
- An exit verb whose object is another thing ("leaving carmakers to ...") leaves no
  country named after it.
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


def test_a_plant_goods_come_from_is_its_possessors() -> None:
    """ "from kits shipped from X's plant in Y": X makes at Y, the assembler does not;
    "с завода X в Y": X's plant; "from its plant": the sender's."""
    found = relations(
        "Orsk Motors assembles vans in Orsk from kits shipped from Jinbei Automobile's plant "
        "in Shenyang.",
        "en",
    )
    assert ("Jinbei Automobile", "Shenyang", "production") in found, found
    assert ("Orsk Motors", "Shenyang", "production") not in found, found
    found = relations("Ячейки «Энергомоду» уже поставляются с завода Tengyu Power в Цыси.", "ru")
    assert ("Tengyu Power", "Цыси", "production") in found, found
    assert not {r for r in found if r[0] == "Энергомоду" and r[2] == "production"}, found
    found = relations(
        "Tengyu Battery ships the cells from its plant in Ningbo to Qoldau Motors.", "en"
    )
    assert ("Tengyu Battery", "Ningbo", "production") in found, found


def test_an_exit_verb_whose_object_is_no_country_leaves_none_after_it() -> None:
    found = relations(
        "Cerdan Industries and Bosch left Russia after 2022, leaving carmakers to find "
        "components in China.",
        "en",
    )
    assert ("Bosch", "Russia", "exit") in found, found
    assert not {r for r in found if r[1] == "China"}, found
    found = relations("Michelin a quitté le marché russe en 2023.", "fr")
    assert ("Michelin", "Russia", "exit") in found, found
