"""Relations that talks or a memorandum are about are not done, nor are those a
conditional governs or that are denied or unconfirmed after; a memorandum's signatories
stay partners. A statement credited to a named source ("selon X, Y ...")
keeps Y as its subject and is reported as second-hand; what only unnamed sources say
("two people familiar with the matter said") is not stated, though a description of a
name beside it is.

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


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "Kestrel Auto has started assembling crossovers in Tver, two people familiar "
            "with the matter said.",
        ),
        (
            "en",
            "Kestrel Auto is in talks with Varkon Industries about crossovers, according "
            "to sources close to the company.",
        ),
        (
            "fr",
            "Selon des sources proches du dossier, Kestrel Auto assemble des crossovers à Tver.",
        ),
        ("ru", "По данным источников, «Кестрел Авто» собирает кроссоверы в Твери."),
        (
            "en",
            "According to two people familiar with Varkon's purchasing, the company has been "
            "in talks with Kestrel Auto about cells.",
        ),
    ],
)
def test_what_only_unnamed_sources_say_is_not_stated(lang, sentence) -> None:
    assert relations(sentence, lang) == set()


def test_a_stake_weighed_is_not_taken() -> None:
    assert (
        relations("Varkon Industries is weighing a minority stake in Kestrel Auto.", "en") == set()
    )


def test_a_named_source_citing_unnamed_ones_keeps_its_report() -> None:
    found = relations(
        "Selon le quotidien Vedomosti, qui cite des sources anonymes, Kestrel Auto assemble "
        "des crossovers à Tver.",
        "fr",
    )
    assert found == {("Kestrel Auto", "Tver", "production")}


def test_a_description_beside_unnamed_sources_stays() -> None:
    found = relations(
        "Varkon Industries is in advanced talks to buy 49% of Ladvik Energy LLC, a battery "
        "assembler that supplies Kestrel Auto, according to people familiar with the matter.",
        "en",
    )
    assert found == {("Ladvik Energy LLC", "Kestrel Auto", "supply")}


def test_a_relation_from_a_named_source_is_kept_as_reported() -> None:
    tables = tables_for(
        {
            "t": (
                "Kestrel Auto has started assembling crossovers in Tver, according to Vedomosti.",
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


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "fr",
            "Varkon Conseil recense deux équipementiers français intéressés par une "
            "implantation en Ouzbékistan.",
        ),
        ("en", "Kestrel Auto is interested in assembling crossovers in Tver."),
        ("ru", "«Кестрел Авто» заинтересована в производстве кроссоверов в Твери."),
    ],
)
def test_an_interest_is_no_relation(lang, sentence) -> None:
    """ "intéressés par une implantation", "interested in assembling": an interest, like
    a wish, says nothing is done."""
    assert not {r for r in relations(sentence, lang) if r[2] == "production"}


@pytest.mark.parametrize(
    ("lang", "sentence", "reporter"),
    [
        (
            "ru",
            "Ранее «Вестник Полесья» сообщал, что в 2025 году ОАО «Кестрел» увеличило "
            "поставки стартеров на АвтоВАЗ.",
            "Вестник Полесья",
        ),
        (
            "en",
            "Tarvel Research said that Kestrel Motors supplies engines to Belkar Avto.",
            "Tarvel Research",
        ),
        (
            "fr",
            "Le cabinet Tarvel Conseil a indiqué que Kestrel Motors fournit des moteurs à "
            "Belkar Avto.",
            "Tarvel Conseil",
        ),
    ],
)
def test_who_reports_a_clause_is_no_party_to_it(lang, sentence, reporter) -> None:
    """ "X сообщал, что ...", "X said that ...", "X a indiqué que ...": X reports the
    relation of the clause after it; it takes no part in it."""
    found = relations(sentence, lang)
    assert not {r for r in found if reporter in r[:2]}, found


def test_a_reporter_keeps_what_its_possessive_says_of_it() -> None:
    """ "X a confirmé que sa filiale Y ...": "sa" is X's; X owns Y."""
    found = relations(
        "Kestrel Holding a confirmé que sa filiale Tarvel Metals produit des oxydes à Tver.",
        "fr",
    )
    assert ("Kestrel Holding", "Tarvel Metals", "ownership") in found, found
