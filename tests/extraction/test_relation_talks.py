"""Relations that talks or a memorandum are about are not done, nor are those a
conditional governs or that are denied or unconfirmed after; a memorandum's signatories
stay partners. A statement credited to a named source ("selon X, Y ...")
keeps Y as its subject, and one credited to people familiar with the matter is kept and
reported as second-hand, not dropped.

The firms are invented and the sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest

from analysis.extraction.reporting import relation_reporting
from tests.fixtures.extraction_shared import extracted_relations as relations
from tests.fixtures.extraction_shared import tables_for


@pytest.mark.parametrize(
    ("lang", "sentence", "unwanted"),
    [
        (
            "en",
            "Varkon Industries and Quellon Motors are in talks about building sedans in "
            "Tver with battery cells from Brantell Group.",
            {
                ("Varkon Industries", "Tver", "production"),
                ("Quellon Motors", "Tver", "production"),
                ("Brantell Group", "Varkon Industries", "supply"),
                ("Brantell Group", "Quellon Motors", "supply"),
            },
        ),
        (
            "fr",
            "Varkon Industries mène des négociations avec Quellon Motors sur l'assemblage "
            "de camions à Kostanaï.",
            {
                ("Varkon Industries", "Kostanay", "production"),
                ("Quellon Motors", "Kostanay", "production"),
            },
        ),
        (
            "en",
            "Delmont Mining signed a memorandum of understanding on deliveries of "
            "rare-earth oxides to Talvera Metals next year.",
            {("Delmont Mining", "Talvera Metals", "supply")},
        ),
        (
            "en",
            "Varkon Industries builds sedans in Tver, two sources familiar with the matter said.",
            {("Varkon Industries", "Tver", "supply"), ("Tver", "Varkon Industries", "supply")},
        ),
        # A conditional auxiliary governs its clause; a denial or "n'a confirmé" after
        # the cue says nothing was done.
        (
            "fr",
            "Selon la presse, Varkon Industries aurait envisagé en 2024 de partager une "
            "plateforme avec Quellon Motors ; l'entreprise a démenti.",
            {
                ("Quellon Motors", "Varkon Industries", "supply"),
                ("Varkon Industries", "Quellon Motors", "supply"),
            },
        ),
        (
            "fr",
            "Quellon Motors assemblerait des berlines à Kaliningrad à partir de kits de "
            "Varkon Industries ; aucun des deux groupes n'a confirmé.",
            {
                ("Quellon Motors", "Kaliningrad", "production"),
                ("Varkon Industries", "Quellon Motors", "supply"),
            },
        ),
    ],
)
def test_what_talks_are_about_is_no_relation(lang, sentence, unwanted) -> None:
    found = relations(sentence, lang)
    assert not found & unwanted, found & unwanted


@pytest.mark.parametrize(
    ("lang", "sentence", "wanted"),
    [
        # A named source's statement keeps its subject.
        (
            "fr",
            "Selon Quellon Motors, Varkon Industries assemble des camions à Kostanaï.",
            {("Varkon Industries", "Kostanay", "production")},
        ),
        (
            "fr",
            "D'après Quellon Motors, Varkon Industries assemble des camions à Kostanaï.",
            {("Varkon Industries", "Kostanay", "production")},
        ),
        # "sources" is a supply only as a verb.
        (
            "en",
            "Varkon Industries sources its cells from Quellon Motors, two sources said.",
            {("Quellon Motors", "Varkon Industries", "supply")},
        ),
        # What talks led to is done.
        (
            "en",
            "After two years of talks, Kestrel Auto started assembling crossovers in Tver.",
            {("Kestrel Auto", "Tver", "production")},
        ),
        # A memorandum's signatories are partners, whatever it is about.
        (
            "en",
            "Delmont Mining signed a memorandum of understanding with Talvera Metals on "
            "deliveries of rare-earth oxides.",
            {("Delmont Mining", "Talvera Metals", "partnership")},
        ),
    ],
)
def test_stated_relations_beside_talks_and_sources_stay(lang, sentence, wanted) -> None:
    found = relations(sentence, lang)
    assert wanted <= found, found


def test_a_relation_from_unnamed_sources_is_kept_as_reported() -> None:
    tables = tables_for(
        {
            "t": (
                "Kestrel Auto has started assembling crossovers in Tver, two people "
                "familiar with the matter said.",
                "en",
            )
        }
    )
    rel = tables.details["relations_detail"]
    said = relation_reporting(
        rel,
        tables.details["sentences"],
        tables.details["attributions"],
        tables.details["mentions_detail"],
    )
    row = [
        bool(r)
        for s, t, k, r in zip(rel.source, rel.target, rel.relation, said["reported"], strict=True)
        if (s, t, k) == ("Kestrel Auto", "Tver", "production")
    ]
    assert row == [True]
