"""French "ce dernier" / "cette dernière" take up the last actor of their gender.

The gender is that of the noun describing the actor where it was named: "X, coentreprise
de ..." is feminine, "le constructeur chinois Y" masculine. An actor described by no
noun stays a candidate for both. The firms and places are invented.
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import read_relations


def test_cette_derniere_skips_the_masculine_parents_named_after_the_venture() -> None:
    text = (
        "Le rapport étudie Kama Trans Auto, coentreprise du holding tatar Volgaresurs et du "
        "constructeur chinois Hunan Lishan Motor. Cette dernière a racheté en 2024 l'usine "
        "de Tchistopol."
    )
    found = read_relations(text, "fr")
    assert ("Kama Trans Auto", "Tchistopol", "acquisition") in found
    assert not {r for r in found if r[2] == "acquisition" and r[0] != "Kama Trans Auto"}


def test_ce_dernier_skips_a_feminine_societe_named_last() -> None:
    text = (
        "Le groupe suédois Nordvik Komponent a cédé ses actifs russes à la société Tatavto "
        "Servis. Ce dernier a quitté la Russie en 2022."
    )
    found = read_relations(text, "fr")
    assert ("Nordvik Komponent", "Russia", "exit") in found
    assert ("Tatavto Servis", "Russia", "exit") not in found
