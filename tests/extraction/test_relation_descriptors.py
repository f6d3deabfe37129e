"""A cue word that qualifies a firm's descriptor says what the firm is, not what it did
("the investment firm X", "la société d'investissement X", "kit assembler Y"); a stake
held "until then" is a former one; a firm that sold its plant and left leaves its own
country, not the buyer's, nor a country an opening phrase names; a verb's object is
what is sold, not who leaves.

The firms are invented (but for one known carmaker, a former plant's owner) and the
sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations as relations


@pytest.mark.parametrize(
    ("lang", "text", "wanted", "unwanted"),
    [
        (
            "en",
            "Brantell Lithium is 70% owned by the Almaty investment firm Kestrel Dala Capital.",
            {("Kestrel Dala Capital", "Brantell Lithium", "ownership")},
            {("Brantell Lithium", "Kestrel Dala Capital", "investment")},
        ),
        (
            "fr",
            "Ferrum Avto, filiale de la société d'investissement moscovite Seliver Capital, "
            "a gardé ses salariés.",
            {("Seliver Capital", "Ferrum Avto", "ownership")},
            {("Ferrum Avto", "Seliver Capital", "investment")},
        ),
        (
            "en",
            "Chinese carmaker Quellon takes 26% of Russian kit assembler Ferrum Avto.",
            set(),
            {("Ferrum Avto", "Quellon", "supply"), ("Quellon", "Ferrum Avto", "supply")},
        ),
        (
            "fr",
            "Varkon Rare Earths a finalisé le rachat des 49 % détenus jusque-là par le "
            "japonais Hollin Corporation.",
            set(),
            {("Hollin Corporation", "Varkon Rare Earths", "ownership")},
        ),
    ],
)
def test_descriptors_and_former_holders(lang: str, text: str, wanted: set, unwanted: set) -> None:
    found = relations(text, lang)
    assert wanted <= found
    assert not unwanted & found


def test_the_seller_leaves_and_the_buyer_stays() -> None:
    found = relations(
        "Groupe Marvène est un équipementier français. Au printemps 2023, Marvène a cédé "
        "son usine de Tver à Ferrum Avto et a quitté la Russie.",
        "fr",
    )
    assert ("Groupe Marvène", "Russia", "exit") in found
    assert not {r for r in found if r[0] == "Ferrum Avto" and r[2] == "exit"}


def test_the_country_left_follows_the_verb() -> None:
    found = relations("Après l'invasion de l'Ukraine, Varkon Industries a quitté la Russie.", "fr")
    assert ("Varkon Industries", "Russia", "exit") in found
    assert ("Varkon Industries", "Ukraine", "exit") not in found


@pytest.mark.parametrize(
    ("lang", "text", "wanted", "unwanted"),
    [
        (
            "en",
            "Ferrum Avto builds cars from Quellon kits at Renault's former plant in Tver.",
            {("Ferrum Avto", "Tver", "production")},
            {("Renault", "Tver", "production")},
        ),
        (
            "en",
            "Brantell Cells buys our cathode material for its cell plant at Liuzhou.",
            set(),
            {("Brantell Cells", "Liuzhou", "acquisition")},
        ),
        (
            "ru",
            "Долю может получить ПАО «Варкон», которому принадлежит ООО «Феррум Авто», "
            "выпускающее фургоны.",
            {("Варкон", "Феррум Авто", "ownership")},
            {("Феррум Авто", "Варкон", "ownership")},
        ),
    ],
)
def test_former_owners_purposes_and_relative_pronouns(
    lang: str, text: str, wanted: set, unwanted: set
) -> None:
    found = relations(text, lang)
    assert wanted <= found, found
    assert not unwanted & found
