"""A hedge belongs to the clause it is in; a plant's users produce there (issue 13).

In seed 003, "Usine Hyundai en Chine, dans l'orbite BAIC, qui selon Reuters pourrait
être fréquentée par Xiaomi" gave "Hyundai → China (production)" the hedges of Xiaomi's
possible use of the plant, and no Xiaomi link at all. These sentences were written for
this test, with the expected rows, before the rule and the scoping were written.
"""

from __future__ import annotations

import pytest

from analysis.extraction.reporting import relation_reporting, relation_scope
from tests.fixtures.extraction_shared import relations, tables_for

# (lang, sentence, {(source, target, relation): (hedged, attributed_to)})
CASES = [
    (
        "fr",
        "L'usine Volkswagen en Slovaquie, qui pourrait être louée par BYD selon Reuters, "
        "tourne au ralenti.",
        {
            ("Volkswagen", "Slovakia", "production"): (False, ""),
            ("BYD", "Slovakia", "production"): (True, "Reuters"),
        },
    ),
    (
        "en",
        "Ford's plant in Germany, which could be used by Geely, employs 4,000 people.",
        {
            ("Ford", "Germany", "production"): (False, ""),
            ("Geely", "Germany", "production"): (True, ""),
        },
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), CASES)
def test_plant_users_and_clause_hedges(lang, sentence, expected):
    tables = tables_for({"t": (sentence, lang)})
    rel = tables.details["relations_detail"]
    said = relation_reporting(
        rel,
        tables.details["sentences"],
        tables.details["attributions"],
        tables.details["mentions_detail"],
    )
    got = {
        (s, t, r): (bool(reported), attributed)
        for s, t, r, reported, attributed in zip(
            rel["source"], rel["target"], rel["relation"], said["reported"],
            said["attributed_to"], strict=True,
        )
    }  # fmt: skip
    assert got == expected


def test_scope_stops_at_a_relative_clause_and_a_semicolon():
    text = "A's plant in B, which C could use; D said so."
    a, b = text.index("A"), text.index("B")
    left, right = relation_scope(text, [(a, a + 1), (b, b + 1)])
    assert text[left:right] == "A's plant in B"
    c = text.index("C")
    assert text[slice(*relation_scope(text, [(a, a + 1), (c, c + 1)]))].endswith("C could use")
    assert relation_scope(text, []) == (0, len(text))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the seed-004 pattern, in other words: "Chinese companies" taken together
        ("fr", "Le Kazakhstan invite les entreprises chinoises à explorer conjointement les "
         "réserves.", {("Kazakhstan", "China", "partnership")}),
        ("en", "Chile invites Chinese companies to jointly explore its deposits.",
         {("Chile", "China", "partnership")}),
        # role nouns stay attributes; named members are the actors, not China
        ("en", "Chinese suppliers ship kits to plants in Russia.", set()),
        ("en", "Renera held talks with Chinese companies including Gotion High-Tech and SVOLT.",
         set()),
    ],
)  # fmt: skip
def test_a_country_s_firms_taken_together_take_part(lang, sentence, expected):
    found = relations(sentence, lang)
    assert {r for r in found if "China" in r[:2]} == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # issue 13: "une volonté de renforcer ... et de s'engager dans une coopération avec
        # la Chine" is a wish, not a partnership (written for the test, not the seed's words)
        ("fr", "Le ministre a exprimé la volonté du Maroc de développer son industrie et de "
         "coopérer avec la Chine dans les batteries.", set()),
        ("en", "Officials voiced a wish to partner with Hyundai on a new plant in Vietnam.",
         set()),
        # a full stop or a colon ends the intention's reach
        ("fr", "La volonté politique est forte : Renault coopère avec Geely.",
         {("Renault", "Geely", "partnership")}),
    ],
)  # fmt: skip
def test_an_intention_is_not_a_relation(lang, sentence, expected):
    found = {r for r in relations(sentence, lang) if r[2] == "partnership"}
    assert found == expected
