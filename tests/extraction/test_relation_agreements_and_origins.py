"""Offtake agreements, countries of origin, a country beside its site, and plants sold.

- "X signed an offtake agreement with Y" is a signed promise of future deliveries: X and
  Y are partners, and nothing is supplied yet; what is shipped under such an agreement
  is read by the shipping verb ("sells all of its hydroxide to Y under an offtake
  agreement" is a supply).
- "kits shipped from China" names where the kits come from: a country supplies no firm.
- Production at a country is no second plant when the sentence names the site ("In
  Kazakhstan, X mines tungsten at Y"); a region is no site ("sa propre usine en Russie,
  dans la région de ...").
- "the sale of its plant at Y to Z", "la vente de son usine de Y à Z": the seller runs
  the plant no more, and the buyer acquires its town.
- "started assembling X's Voyah SUVs in Y": X owns the goods, not the plant; "built at
  X's plant in Y": X runs it.

The firms are invented and the sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations as relations


@pytest.mark.parametrize(
    ("lang", "sentence", "a", "b"),
    [
        (
            "en",
            "Borsk Nickel has signed a ten-year offtake agreement with Varkon Cobalt for "
            "all the hydroxide from its future mine.",
            "Borsk Nickel",
            "Varkon Cobalt",
        ),
        (
            "fr",
            "La société Tuul Metals a signé en mars un contrat d'enlèvement de cinq ans "
            "avec le chinois Hunan Leiyang Magnets, fabricant d'aimants.",
            "Tuul Metals",
            "Hunan Leiyang Magnets",
        ),
    ],
)
def test_an_offtake_agreement_makes_partners_not_a_supply(lang, sentence, a, b) -> None:
    found = relations(sentence, lang)
    assert {(a, b, "partnership"), (b, a, "partnership")} & found
    assert not {r for r in found if r[2] == "supply"}


def test_goods_shipped_under_an_offtake_agreement_are_a_supply() -> None:
    found = relations(
        "Borsk Nickel sells all of its hydroxide to Varkon Cobalt under an offtake "
        "agreement that runs until 2030.",
        "en",
    )
    assert ("Borsk Nickel", "Varkon Cobalt", "supply") in found


@pytest.mark.parametrize(
    ("lang", "sentence", "firm"),
    [
        (
            "en",
            "Tarvel Auto, whose plant in Kostroma turns out Quellon vehicles from kits "
            "shipped from China, produced 48,000 vehicles last year.",
            "Tarvel Auto",
        ),
        (
            "en",
            "Tarvel Motors has restarted its line at Kaluga with crossovers put together "
            "from kits that arrive by rail from China.",
            "Tarvel Motors",
        ),
        (
            "fr",
            "Kestrel Auto assemble à Tver des berlines à partir de kits expédiés de Chine.",
            "Kestrel Auto",
        ),
    ],
)
def test_a_country_of_origin_supplies_no_firm(lang, sentence, firm) -> None:
    found = relations(sentence, lang)
    assert not {r for r in found if r[2] == "supply" and r[0] == "China"}
    assert not {r for r in found if r[2] == "supply" and r[1] != firm}


def test_a_country_beside_the_named_site_is_no_second_plant() -> None:
    found = relations(
        "In Kazakhstan, Quellon Resources mines tungsten at Aktogay and ships its "
        "concentrate to Xiamen.",
        "en",
    )
    assert ("Quellon Resources", "Kazakhstan", "production") not in found


def test_a_country_beside_a_region_stands() -> None:
    found = relations(
        "Seule Varkon Motors possédait déjà sa propre usine en Russie, dans la région de Toula.",
        "fr",
    )
    assert ("Varkon Motors", "Russia", "production") in found


@pytest.mark.parametrize(
    ("lang", "sentence", "seller", "town", "buyer"),
    [
        (
            "en",
            "Finland's Nordvik Cathode Oy said it had completed the sale of its precursor "
            "plant at Monchegorsk to Kola Tarvel and had left Russia.",
            "Nordvik Cathode Oy",
            "Monchegorsk",
            "Kola Tarvel",
        ),
        (
            "fr",
            "Le suédois Skarvik a finalisé en novembre la vente de son usine de Tver à "
            "Quellon Avto, et a quitté la Russie.",
            "Skarvik",
            "Tver",
            "Quellon Avto",
        ),
    ],
)
def test_a_plant_sold_is_no_production_of_its_seller(lang, sentence, seller, town, buyer):
    found = relations(sentence, lang)
    assert (seller, town, "production") not in found
    assert (buyer, town, "acquisition") in found


def test_the_possessor_of_goods_assembled_is_not_their_maker() -> None:
    found = relations(
        "Iset Motors LLC, a sister company in the Uralinvestmash group, started "
        "assembling Varkon Motor Group Co.'s Voyah electric SUVs in Yekaterinburg last "
        "month.",
        "en",
    )
    assert ("Iset Motors LLC", "Yekaterinburg", "production") in found
    assert ("Varkon Motor Group Co.", "Yekaterinburg", "production") not in found


def test_the_possessor_of_a_plant_still_runs_it() -> None:
    found = relations("Quellon cars are built at Tarvel Holding's plant in Kostroma.", "en")
    assert ("Tarvel Holding", "Kostroma", "production") in found


def test_a_stake_sold_is_no_acquisition_of_its_seller() -> None:
    found = relations(
        "En 2022, Skarvik a quitté la Russie en cédant sa participation majoritaire dans "
        "Tarvel Avto à l'institut public Quellon pour un rouble symbolique.",
        "fr",
    )
    assert ("Skarvik", "Tarvel Avto", "acquisition") not in found
