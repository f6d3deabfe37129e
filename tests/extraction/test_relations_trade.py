"""Trade in goods (``relation_trade``): goods sold or bought make a supply from the
seller to the buyer; a stake, a plant or a firm sold stays an acquisition.

Firms named here are invented; the sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from tests.extraction.test_relations_open import check_relations


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # goods sold: the seller supplies the buyer
        ("Brixon Minerals sells its spodumene concentrate to Talvera Lithium under a "
         "five-year offtake.", "en",
         {("Brixon Minerals", "Talvera Lithium", "supply")},
         {("Talvera Lithium", "Brixon Minerals", "acquisition")}),
        ("Last year Quorra Motors sold 4,000 electric vans to Kestrel Leasing.", "en",
         {("Quorra Motors", "Kestrel Leasing", "supply")}, set()),
        ("Varkon Trucks builds its tractors in Kimry and sells them to Delmont Logistics.",
         "en", {("Varkon Trucks", "Delmont Logistics", "supply")}, set()),
        ("Varkon Minerals vend son concentré de graphite à la société Talvera Carbon.", "fr",
         {("Varkon Minerals", "Talvera Carbon", "supply")}, set()),
        ("Brixon Trucks a vendu 2 000 camions à Kestrel Transports en 2025.", "fr",
         {("Brixon Trucks", "Kestrel Transports", "supply")}, set()),
        # goods bought in French: "achète ... à/auprès de Y" names the seller
        ("Quorra Auto achète à Delmont Motors des voitures assemblées en Ouzbékistan.", "fr",
         {("Delmont Motors", "Quorra Auto", "supply")},
         {("Quorra Auto", "Uzbekistan", "production")}),
        ("Kestrel Batteries achète ses cellules auprès de Talvera Energy.", "fr",
         {("Talvera Energy", "Kestrel Batteries", "supply")}, set()),
        # the buyer is the subject, not the parent its apposition names
        ("Kestrel Energy, la filiale batteries de Brixon Holding, achète ses cellules auprès "
         "de Talvera Power.", "fr",
         {("Talvera Power", "Kestrel Energy", "supply")},
         {("Talvera Power", "Brixon Holding", "supply")}),
    ],
)  # fmt: skip
def test_goods_sold_or_bought_are_a_supply_from_seller_to_buyer(text, lang, wanted, unwanted):
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # a stake, a subsidiary or a plant sold is no supply
        ("Brixon Holding sold its stake in Quorra Motors to Kestrel Capital.", "en",
         {("Kestrel Capital", "Quorra Motors", "acquisition")},
         {("Brixon Holding", "Kestrel Capital", "supply")}),
        ("Le groupe Brixon a vendu sa filiale Quorra Auto à Kestrel Invest.", "fr",
         {("Kestrel Invest", "Quorra Auto", "acquisition")},
         {("Brixon", "Kestrel Invest", "supply")}),
        ("Kestrel Invest a acheté à Brixon Holding sa participation de 30 % dans Quorra Auto.",
         "fr", set(), {("Brixon Holding", "Kestrel Invest", "supply")}),
        # goods sold in a plan or denied are not sold
        ("Varkon Minerals could sell its concentrate to Talvera Carbon from 2028.", "en",
         set(), {("Varkon Minerals", "Talvera Carbon", "supply")}),
        ("Varkon Minerals n'a jamais vendu de concentré à Talvera Carbon.", "fr",
         set(), {("Varkon Minerals", "Talvera Carbon", "supply")}),
    ],
)  # fmt: skip
def test_assets_sold_and_unrealised_sales_are_no_supply(text, lang, wanted, unwanted):
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # Makers listed before the kit word, after "from", each supply the assembler, even
        # when one of them is named again after the cue.
        (
            "Brixon Auto, Quorra Motors and Kestrel Auto are Chinese carmakers. Delmont "
            "Motors says it assembled 21,400 cars at its Tver plant last year, from Brixon "
            "Auto, Quorra Motors and Kestrel Auto kits, and plans to add the Kestrel Auto "
            "K3 next year.",
            "en",
            {
                ("Brixon Auto", "Delmont Motors", "supply"),
                ("Quorra Motors", "Delmont Motors", "supply"),
                ("Kestrel Auto", "Delmont Motors", "supply"),
            },
            {("Delmont Motors", "Kestrel Auto", "supply")},
        ),
    ],
)
def test_kit_makers_after_from_supply_the_assembler(text, lang, wanted, unwanted):
    check_relations(text, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # Output named first, then a share of it "sold to" a buyer: goods, not the firm.
        (
            "Delmont Metals says output at its mine rose to 3,100 tonnes of concentrate in "
            "2025, all of it sold to Quorra Group.",
            "en",
            {("Delmont Metals", "Quorra Group", "supply")},
            {("Quorra Group", "Delmont Metals", "acquisition")},
        ),
        (
            "Talvera Lithium produced 900 tonnes of carbonate last year, most of which was "
            "sold to Varkon Industries.",
            "en",
            {("Talvera Lithium", "Varkon Industries", "supply")},
            {("Varkon Industries", "Talvera Lithium", "acquisition")},
        ),
        # A firm sold is still bought.
        (
            "Brixon Holdings owned Kestrel Cells until 2024, when it was sold to Quorra Group.",
            "en",
            set(),
            {("Brixon Holdings", "Quorra Group", "supply")},
        ),
    ],
)
def test_a_share_of_goods_sold_to_a_buyer_is_a_supply(text, lang, wanted, unwanted):
    check_relations(text, lang, wanted, unwanted)
