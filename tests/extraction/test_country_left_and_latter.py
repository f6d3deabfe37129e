"""The country an exit leaves, and "celui-ci" as "the latter", on sentences written for
these tests (invented firms: "Kestrel Motors", "Sorvan Automotive", "Tavro Holding").
"""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations, read_relations


def test_le_pays_is_the_country_named_not_an_adjective() -> None:
    # "chinois" qualifies models; "le pays" takes up Russia, the country named.
    found = extracted_relations(
        "Depuis 2022, Renault et Nissan ont quitté la Russie ; leurs usines assemblent "
        "désormais des modèles chinois. Ford avait quitté le pays dès 2019.",
        "fr",
    )
    assert ("Ford", "Russia", "exit") in found, found
    assert ("Ford", "China", "exit") not in found, found


def test_le_pays_is_the_country_of_the_town_named_after_another_country() -> None:
    # China is named last, then a Russian town: "le pays" is Russia.
    found = extracted_relations(
        "Les moteurs arrivent toujours de Chine. À Kalouga, Varkon Industries assemble des "
        "berlines. Quellon Motors et Tarsis Auto ont eux aussi quitté le pays en 2022.",
        "fr",
    )
    assert {("Quellon Motors", "Russia", "exit"), ("Tarsis Auto", "Russia", "exit")} <= found
    assert not {r for r in found if r[1] == "China"}, found


def test_celui_ci_takes_up_the_last_firm_named() -> None:
    found = read_relations(
        "Kestrel Motors assemble des crossovers à Kazan, dans l'ancienne usine de "
        "l'équipementier français Sorvan Automotive. Celui-ci a quitté la Russie en 2022.",
        "fr",
    )
    assert ("Sorvan Automotive", "Russia", "exit") in found, found
    assert ("Kestrel Motors", "Russia", "exit") not in found, found
