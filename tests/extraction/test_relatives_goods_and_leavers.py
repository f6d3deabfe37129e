"""An object relative opened by "that" with a name after it, "X's own brand" as an
adjective, goods of a firm sold in a passive, an infinitive coordinated with a negated
plan, goods of a maker bought, and a common-noun subject with a country adjective
leaving. Sentences written for these tests, with invented firms; each test fails before
its change."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations as relations


def test_that_before_a_name_opens_an_object_relative() -> None:
    found = relations(
        "Hubei Wanshan Automobile ships kits for the Zima hatchbacks that Kestrel Motors "
        "assembles in Kaluga.",
        "en",
    )
    assert ("Kestrel Motors", "Kaluga", "production") in found, found
    assert ("Hubei Wanshan Automobile", "Kaluga", "production") not in found, found


def test_own_after_a_possessive_is_an_adjective() -> None:
    found = relations(
        "The i-Van wears the badge of Zarion, Kestrel Motors's own EV brand, and Kestrel "
        "Motors assembles it at its plant in Kaluga.",
        "en",
    )
    assert ("Kestrel Motors", "Zarion", "ownership") in found, found
    assert ("Zarion", "Kestrel Motors", "ownership") not in found, found


def test_goods_of_a_firm_sold_in_a_passive_are_a_supply() -> None:
    found = relations(
        "All the concentrate of Sarysu Lithium LLP is sold to Hubei Wanshan Materials for "
        "conversion.",
        "en",
    )
    assert ("Sarysu Lithium LLP", "Hubei Wanshan Materials", "supply") in found, found
    assert not {r for r in found if r[2] == "acquisition"}, found


def test_a_coordinated_infinitive_takes_the_first_ones_negation() -> None:
    found = relations(
        'Kestrel Motors said it "has no plans to sell its stake in Sarmat Avto LLC or to '
        'exit the Russian market".',
        "en",
    )
    assert not {r for r in found if r[2] == "exit"}, found


def test_goods_of_a_maker_bought_are_no_acquisition() -> None:
    found = relations("Sarmat Avto LLC buys Wanshan Power cells from a Hong Kong trader.", "en")
    assert not {r for r in found if r[2] == "acquisition"}, found


def test_a_common_noun_leaver_is_the_firm_of_its_country() -> None:
    found = relations(
        "The plant belonged to Brekke Aksel AS of Norway until Kestrel Motors bought it "
        "in 2022, when the Norwegian company left Russia.",
        "en",
    )
    assert ("Kestrel Motors", "Russia", "exit") not in found, found


def test_kits_shipped_from_the_senders_own_plant_go_to_the_firm_after_to() -> None:
    found = relations(
        "The train moves the kits that Hubei Wanshan Automobile ships from its Xiaogan plant "
        "to Kestrel Motors.",
        "en",
    )
    assert ("Hubei Wanshan Automobile", "Kestrel Motors", "supply") in found, found
    assert ("Kestrel Motors", "Hubei Wanshan Automobile", "supply") not in found, found


def test_a_conditional_purchase_is_no_acquisition() -> None:
    found = relations(
        "Wanshan International Limited has conditionally agreed to acquire 60% of Sarysu "
        "Lithium LLP from Ertis Minerals JSC.",
        "en",
    )
    assert not {r for r in found if r[2] == "acquisition"}, found


def test_a_headlines_verb_is_no_word_of_the_name_before_it() -> None:
    found = relations(
        "Wanshan Power Cell Completes Acquisition of 40% Equity of Kazakhstan's Sarysu "
        "Lithium, Extends LFP Cell Supply to Russian Partner Energomodul\n\n"
        "YIBIN, China, May 12, 2026 /PRNewswire/ -- Wanshan Power Cell Co., Ltd. today "
        "announced that it has completed the acquisition of 40% equity of Sarysu Lithium LLP.",
        "en",
    )
    assert not any("Completes" in end for r in found for end in r[:2]), found


@pytest.mark.parametrize(
    "sentence",
    [
        "The other is Belkar in Minsk, which buys Tarvel cells directly and builds packs.",
        "Quellon Motors has bought Luqiao kits since March 2025 on purchase orders.",
    ],
)
def test_goods_named_by_a_maker_that_is_also_a_place_are_no_acquisition(sentence) -> None:
    """ "buys Tarvel cells": a name before goods is their maker, even one that also names
    a town (or is read as one); it is not bought."""
    found = relations(sentence, "en")
    assert not {r for r in found if r[2] == "acquisition"}, found
