"""A holder and what it holds, on sentences written for these tests.

Firms named here are invented ("Norvik Metals", "Talvera Nickel", "Brixon Cells"), places
and a few customers are real; no sentence is taken from a seed or a test folder. Written
before the rules they check.
"""

from __future__ import annotations

import pytest

from tests.extraction.test_relations_open import check_relations, relations


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        # The subsidiary named after "whose subsidiary" is the clause's agent; its holder
        # owns it and makes nothing there.
        (
            "en",
            "Norvik Metals, whose subsidiary Talvera Nickel builds cells in Kaunas, is "
            "listed in Oslo.",
            {
                ("Norvik Metals", "Talvera Nickel", "ownership"),
                ("Talvera Nickel", "Kaunas", "production"),
            },
            {("Norvik Metals", "Kaunas", "production")},
        ),
        (
            "fr",
            "Le groupe Norvik Metals, dont la filiale Brixon Cells produit des cellules à "
            "Kaunas, est coté à Oslo.",
            {
                ("Norvik Metals", "Brixon Cells", "ownership"),
                ("Brixon Cells", "Kaunas", "production"),
            },
            {("Norvik Metals", "Kaunas", "production")},
        ),
        # "its subsidiary Y" after a reporting verb: Y produces, its holder owns it.
        (
            "en",
            "Kestrel Holdings said its subsidiary Brixon Cells produces cells in Kaunas.",
            {
                ("Kestrel Holdings", "Brixon Cells", "ownership"),
                ("Brixon Cells", "Kaunas", "production"),
            },
            {("Kestrel Holdings", "Kaunas", "production")},
        ),
        (
            "fr",
            "Kestrel Holdings indique que sa filiale Brixon Cells assemble des packs à "
            "Kaunas depuis 2024.",
            {
                ("Kestrel Holdings", "Brixon Cells", "ownership"),
                ("Brixon Cells", "Kaunas", "production"),
            },
            {("Kestrel Holdings", "Kaunas", "production")},
        ),
        # A supply by the subsidiary is the subsidiary's.
        (
            "en",
            "Norvik Metals, whose subsidiary Talvera Nickel supplies cathode to Brixon "
            "Cells, reported a loss.",
            {("Talvera Nickel", "Brixon Cells", "supply")},
            {("Norvik Metals", "Brixon Cells", "supply")},
        ),
        # Without a holder's noun the first firm stays the agent.
        (
            "en",
            "Norvik Metals, which bought Talvera Nickel in 2021, builds cells in Kaunas.",
            {("Norvik Metals", "Kaunas", "production")},
            {("Talvera Nickel", "Kaunas", "production")},
        ),
    ],
)
def test_a_subsidiary_named_after_its_holder_is_the_agent(lang, sentence, wanted, unwanted):
    check_relations(sentence, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # An active sale with nothing named between the verb and its buyer sells goods:
        # the seller is not bought.
        ("en", "Norvik Metals sells to Umicore and Glencore."),
        ("fr", "Norvik Metals vend à Umicore l'essentiel de son nickel."),
    ],
)
def test_a_seller_in_the_active_is_not_what_is_bought(lang, sentence):
    found = relations(sentence, lang)
    assert not [r for r in found if r[2] == "acquisition"], found


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted"),
    [
        # A passive sale: what was sold is bought by the agent.
        (
            "en",
            "Talvera Nickel was sold to Norvik Metals in 2023.",
            {("Norvik Metals", "Talvera Nickel", "acquisition")},
        ),
        (
            "fr",
            # (not at the sentence's start, where the tagger reads "Talvera" as a verb
            # and discovery leaves the name out)
            "En 2023, Talvera Nickel a été vendue à Norvik Metals.",
            {("Norvik Metals", "Talvera Nickel", "acquisition")},
        ),
    ],
)
def test_a_passive_sale_is_an_acquisition_of_its_subject(lang, sentence, wanted):
    check_relations(sentence, lang, wanted, set())


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        # "ainsi que", "as well as" join a list as "et"/"and" do; "et sa filiale Y" adds Y
        # to the list, and "sa" is the item's right before it.
        (
            "fr",
            "Valeo, Norvik Metals et sa filiale Brixon Cells ainsi que Kestrel Holdings ont "
            "quitté la Russie.",
            {
                ("Valeo", "Russia", "exit"),
                ("Norvik Metals", "Russia", "exit"),
                ("Brixon Cells", "Russia", "exit"),
                ("Kestrel Holdings", "Russia", "exit"),
            },
            {
                ("Valeo", "Brixon Cells", "ownership"),
                ("Norvik Metals", "Valeo", "ownership"),
            },
        ),
        (
            "en",
            "Renault as well as Quellon Motors left Russia in 2022.",
            {("Renault", "Russia", "exit"), ("Quellon Motors", "Russia", "exit")},
            set(),
        ),
    ],
)
def test_a_list_joined_by_ainsi_que_or_a_held_firm_leaves_as_one(lang, sentence, wanted, unwanted):
    check_relations(sentence, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted", "unwanted"),
    [
        # Premises sold are named by their place; a brand that qualifies them is not sold.
        (
            "en",
            "In 2024 Quellon Motors sold its former Lada assembly hall in Shymkent to "
            "Varkon Industries, which uses it as a warehouse.",
            {("Varkon Industries", "Shymkent", "acquisition")},
            {("Varkon Industries", "Lada", "acquisition")},
        ),
        # A kit-assembly or licence agreement with Y: Y supplies; no partnership. A year
        # after "In" does not make the subject a complement.
        (
            "en",
            "In 2017 Quellon Motors signed a kit-assembly agreement with JAC Motors.",
            {("JAC", "Quellon Motors", "supply")},
            {("Quellon Motors", "JAC", "partnership")},
        ),
        (
            "en",
            "Quellon Motors signed a licence agreement with Chery in 2023.",
            {("Chery", "Quellon Motors", "supply")},
            {("Quellon Motors", "Chery", "partnership")},
        ),
    ],
)
def test_premises_and_contracts_name_what_changes_hands(lang, sentence, wanted, unwanted):
    check_relations(sentence, lang, wanted, unwanted)


@pytest.mark.parametrize(
    ("text", "lang", "wanted"),
    [
        # "belongs to" and "appartient au" are ownership, the owner after the verb
        (
            "Brixon Cells belongs to the Chinese battery maker Talvera Energy.",
            "en",
            {("Talvera Energy", "Brixon Cells", "ownership")},
        ),
        (
            "Brixon Cells appartient au groupe chinois Talvera Energy.",
            "fr",
            {("Talvera Energy", "Brixon Cells", "ownership")},
        ),
        # a verb the tagger takes for a noun after an apposition, and a past participle
        (
            "Brixon Cells, la filiale du groupe, produit à Tver des cellules.",
            "fr",
            {("Brixon Cells", "Tver", "production")},
        ),
    ],
)
def test_ownership_and_production_verbs(text, lang, wanted) -> None:
    check_relations(text, lang, wanted, set())


def test_a_repeated_to_coordinates_recipients() -> None:
    """ "to A, to B and to C": each is a recipient, as "à A et à B" already were."""
    check_relations(
        "Brixon Cells has delivered packs to Talvera Motors, to Quorra Buses and to Elsen Trucks.",
        "en",
        {
            ("Brixon Cells", "Talvera Motors", "supply"),
            ("Brixon Cells", "Quorra Buses", "supply"),
            ("Brixon Cells", "Elsen Trucks", "supply"),
        },
        set(),
    )


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # the plant's possessor runs it, past a few lower-case words; the shipper does not
        (
            "Brixon Graphite ships its concentrate to Talvera Carbon's spherical-graphite "
            "plant at Ombrask.",
            "en",
            {("Talvera Carbon", "Ombrask", "production")},
            {("Brixon Graphite", "Ombrask", "production")},
        ),
        # "assembly" qualifies the plant: it is no cue of its own for the sentence's subject
        (
            "Brixon Cells ships its packs to Talvera Motors's assembly plant at Ombrask.",
            "en",
            {("Talvera Motors", "Ombrask", "production")},
            {("Brixon Cells", "Ombrask", "production")},
        ),
    ],
)
def test_a_plant_named_with_its_possessor_is_the_possessors(text, lang, wanted, unwanted):
    check_relations(text, lang, wanted, unwanted)
