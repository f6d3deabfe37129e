"""Noun phrases that take up an actor of an earlier sentence, and the direction fixes
that came with them, on sentences written for these tests (invented firms: "Varkon
Industries", "Quellon Motors", "Ostrava Cells"; well-known ones otherwise). None is taken
from a seed or a test folder."""

from __future__ import annotations

import pytest

from analysis.extraction.coreference import anaphoric_phrases, lexicon
from analysis.extraction.nlp import load_model
from analysis.extraction.relations import cue_matcher_for
from tests.fixtures.extraction_shared import read_rows, tables_for


def relations(text: str, lang: str) -> dict[tuple[str, str, str], str]:
    """(source, target, relation) -> rule, through the whole extraction, with the rows
    set aside because an end was read through a reference word (``relation_references``):
    these tests check how the rules read the reference words."""
    rel = read_rows(tables_for({"t": (text, lang)}))
    return {
        (s, t, r): rule
        for s, t, r, rule in zip(rel.source, rel.target, rel.relation, rel.rule, strict=True)
    }


@pytest.mark.parametrize(
    ("text", "lang", "wanted"),
    [
        # The subject of the next sentence takes up the firm the last one opened with.
        (
            "Quellon Motors assemble des camions à Kalouga. L'entreprise, contrôlée par "
            "Rostec, emploie 2 000 personnes.",
            "fr",
            ("Rostec", "Quellon Motors", "ownership"),
        ),
        (
            "Varkon Industries makes battery packs in Tver. The company is owned by Sollers.",
            "en",
            ("Sollers", "Varkon Industries", "ownership"),
        ),
        # A sector noun passes over a firm of another sector ("le constructeur": a carmaker).
        (
            "Nornickel et Avtotor ont présenté leurs comptes. Le constructeur a investi "
            "3 milliards de roubles à Kaliningrad.",
            "fr",
            ("Avtotor", "Kaliningrad", "investment"),
        ),
    ],
)
def test_anaphor_takes_up_an_earlier_actor(text: str, lang: str, wanted: tuple) -> None:
    found = relations(text, lang)
    assert wanted in found, found
    assert found[wanted].endswith("(anaphora)")  # the table says how it was read


@pytest.mark.parametrize(
    ("text", "lang", "unwanted"),
    [
        # A firm named before the phrase in its sentence: "the company" may be another one.
        (
            "Varkon Industries makes battery packs in Tver. Sollers now owns the company "
            "outright after buying Quellon Motors.",
            "en",
            ("Sollers", "Varkon Industries", "ownership"),
        ),
        # A name after the noun is what the noun describes, not an anaphor.
        (
            "Quellon Motors assemble des camions à Kalouga. Le constructeur chinois Chery "
            "fournit des kits à Avtotor.",
            "fr",
            ("Quellon Motors", "Avtotor", "supply"),
        ),
        # A nationality must agree ("the Chinese partner" is no Russian firm).
        (
            "Sollers signed with Ostrava Cells. The Chinese partner supplies engines to Avtotor.",
            "en",
            ("Sollers", "Avtotor", "supply"),
        ),
    ],
)
def test_anaphor_left_unread(text: str, lang: str, unwanted: tuple) -> None:
    assert unwanted not in relations(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # An article after a supply verb is no "from" ("fournit des moteurs à Y").
        (
            "BAIC fournit des moteurs à Avtotor.",
            "fr",
            ("BAIC", "Avtotor", "supply"),
            ("Avtotor", "BAIC", "supply"),
        ),
        # "kits to Y": Y receives the kits ("kits Chery": Chery supplies them).
        (
            "BAIC supplies kits to Avtotor.",
            "en",
            ("BAIC", "Avtotor", "supply"),
            ("Avtotor", "BAIC", "supply"),
        ),
    ],
)
def test_supply_direction(text: str, lang: str, wanted: tuple, unwanted: tuple) -> None:
    found = relations(text, lang)
    assert wanted in found, found
    assert unwanted not in found, found


@pytest.mark.parametrize(
    ("text", "lang", "unwanted"),
    [
        (
            "Avtotor, qui produisait des BMW et des Kia avant 2022, a investi à Kaliningrad.",
            "fr",
            ("BMW", "Avtotor", "supply"),
        ),
        ("BAIC supplied kits to Avtotor until 2021.", "en", ("BAIC", "Avtotor", "supply")),
        # ... or by a relative past ("until last year", "jusqu'à l'an dernier")
        (
            "Avtotor bought its cells from CATL until last year.",
            "en",
            ("CATL", "Avtotor", "supply"),
        ),
        (
            "BAIC a fourni des kits à Avtotor jusqu'à l'an dernier.",
            "fr",
            ("BAIC", "Avtotor", "supply"),
        ),
        ("BAIC supplied kits to Avtotor until recently.", "en", ("BAIC", "Avtotor", "supply")),
    ],
)
def test_relation_ended_by_a_year(text: str, lang: str, unwanted: tuple) -> None:
    assert unwanted not in relations(text, lang)


def test_running_contract_is_kept() -> None:
    """A present verb with "until" is a contract that runs, not one that ended."""
    found = relations("BAIC fournit des kits à Avtotor jusqu'en 2030.", "fr")
    assert ("BAIC", "Avtotor", "supply") in found, found


def test_lexicon_phrases() -> None:
    lex = lexicon()
    assert lex.phrases[("l'", "entreprise")] == frozenset({"company"})
    assert lex.phrases[("the", "venture")] == frozenset({"company"})
    assert lex.roles["coentreprise"] == "joint_venture"
    assert lex.roles["filiale"] == "subsidiary"
    assert ("ce", "dernier") in lex.latter
    assert lex.sectors["constructeur"] == "automaker"


def test_figures_read_the_same_anaphors() -> None:
    """The figures' anaphoric subjects are this lexicon's phrases (one home)."""
    phrases = set(anaphoric_phrases())
    assert {"il", "l'entreprise", "the company", "ce dernier", "компания"} <= phrases


def test_speaker_label_is_tagged_apart() -> None:
    """A transcript's speaker label is a sentence of its own, tagged apart from its turn:
    with it, the tagger took the turn's first verb for a noun."""
    text = "PAVEL ZORINE : Avtotor assemble à Kaliningrad des voitures chinoises."
    tables = tables_for({"t": (text, "fr")})
    sentences = tables.details["sentences"]
    turn = sentences[sentences.text.str.startswith("Avtotor")]
    assert len(turn) == 1, list(sentences.text)
    assert ("Avtotor", "Kaliningrad", "production") in relations(text, "fr")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # The tagger reads "produit" after a name as a noun ("Avtotor product").
        ("Avtotor produit des voitures à Kaliningrad.", True),
        ("Magnitika produit dans son usine d'Iekaterinbourg des aimants.", True),
        ("Le produit d'Avtotor est vendu à Kaliningrad.", False),
        ("Un produit chinois est vendu à Kaliningrad.", False),
    ],
)
def test_verb_after_a_name(text: str, wanted: bool) -> None:
    nlp = load_model("fr")
    cues = cue_matcher_for(nlp).cues(nlp(text))
    assert any(c.text == "produit" for c in cues) is wanted


def test_the_year_of_another_clause_ends_nothing() -> None:
    """ "jusqu'en 2022" after a semicolon ends the next clause's supply, not the exit."""
    found = relations("BASF a quitté la Russie ; il livrait des précurseurs jusqu'en 2022.", "fr")
    assert ("BASF", "Russia", "exit") in found, found


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # "La coentreprise" takes up the firm the document called a joint venture, not a
        # parent or a customer named since.
        (
            "Ostrava Cells est une coentreprise de Varkon Industries et de Quellon Motors. "
            "Ses packs équipent les bus de Sollers. La coentreprise a investi 30 millions "
            "d'euros à Tver.",
            "fr",
            ("Ostrava Cells", "Tver", "investment"),
            ("Sollers", "Tver", "investment"),
        ),
        (
            "Quellon Motors and Varkon Industries set up Ostrava Cells, a joint venture, in "
            "2023. Its packs go to Sollers and Avtotor. The joint venture has invested $40 "
            "million in Tver.",
            "en",
            ("Ostrava Cells", "Tver", "investment"),
            ("Sollers", "Tver", "investment"),
        ),
        # "La filiale" takes up only a firm called a subsidiary; with none, nothing.
        (
            "Varkon Components, filiale de Varkon Industries, fournit des câbles à Sollers. "
            "La filiale a investi 5 millions d'euros à Kazan.",
            "fr",
            ("Varkon Components", "Kazan", "investment"),
            ("Sollers", "Kazan", "investment"),
        ),
    ],
)
def test_a_noun_of_role_takes_up_the_actor_called_so(text, lang, wanted, unwanted) -> None:
    found = relations(text, lang)
    assert wanted in found, found
    assert unwanted not in found, found


def test_a_noun_of_role_with_no_actor_called_so_takes_up_the_nearest_firm() -> None:
    found = relations(
        "Varkon Motors assemble des bus à Tver. Cette coentreprise, détenue à 60 % par "
        "Sollers, emploie 500 personnes.",
        "fr",
    )
    assert ("Sollers", "Varkon Motors", "ownership") in found, found


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # An issuer's own document: "the Company" (capitalised) is the issuer, the firm the
        # document names most, even after a customer was named.
        (
            "Varkon Minerals plc - Annual Report 2025\n\nVarkon Minerals mines nickel at "
            "Tver. Quellon Motors buys its ore from Varkon Minerals. The Company also refines "
            "cobalt at its plant in Kazan.\n\nKelmar Cells, a wholly-owned subsidiary of the "
            "Company, makes cells in Tula.",
            "en",
            [
                ("Varkon Minerals", "Kazan", "production"),
                ("Varkon Minerals", "Kelmar Cells", "ownership"),
            ],
            [("Quellon Motors", "Kazan", "production")],
        ),
        (
            "Varkon Industries SA - Communiqué\n\nVarkon Industries publie ses résultats. "
            "Sollers achète ses câbles à Varkon Industries. Le Groupe a investi 14 millions "
            "d'euros à Tver.",
            "fr",
            [("Varkon Industries", "Tver", "investment")],
            [("Sollers", "Tver", "investment")],
        ),
    ],
)
def test_the_company_capitalised_is_the_documents_issuer(text, lang, wanted, unwanted) -> None:
    # (the issuer's name may keep its title's designator: "Varkon Minerals plc")
    found = {
        (*(n.removesuffix(" plc").removesuffix(" SA") for n in (s, t)), r)
        for s, t, r in relations(text, lang)
    }
    for triple in wanted:
        assert triple in found, found
    for triple in unwanted:
        assert triple not in found, found


@pytest.mark.parametrize(
    ("text", "lang", "wanted"),
    [
        # A pronoun opening a sentence, before its verb, takes up the firm the sentence
        # before opened with.
        (
            "Brantell Motors a racheté une usine à Kovrov en 2023. Elle y assemble des "
            "camions à partir de kits fournis par Zhenlong Trucks.",
            "fr",
            ("Zhenlong Trucks", "Brantell Motors", "supply"),
        ),
        (
            "Varkon Industries opened a cell plant in Almaty in 2024. It buys its cathode "
            "material from Quellon Chemicals.",
            "en",
            ("Quellon Chemicals", "Varkon Industries", "supply"),
        ),
        (
            "Ostrava Cells a présenté ses comptes annuels. Il est détenu à 60 % par "
            "Varkon Industries.",
            "fr",
            ("Varkon Industries", "Ostrava Cells", "ownership"),
        ),
    ],
)
def test_a_pronoun_opening_a_sentence_takes_up_the_firm_before(text, lang, wanted) -> None:
    found = relations(text, lang)
    assert wanted in found, found
    assert found[wanted].endswith("(anaphora)")


@pytest.mark.parametrize(
    ("text", "lang", "unwanted"),
    [
        # Impersonal: "il y a", "it is likely that", "il est possible que".
        (
            "Brantell Motors a présenté ses comptes. Il y a deux ans, Zhenlong Trucks "
            "fournissait des kits à Kovrov Avto.",
            "fr",
            ("Brantell Motors", "Kovrov Avto", "supply"),
        ),
        (
            "Varkon Industries reported its results. It is likely that Quellon Chemicals "
            "will supply the new plant.",
            "en",
            ("Quellon Chemicals", "Varkon Industries", "supply"),
        ),
        # The pronoun is no subject of the sentence: a firm is named before it.
        (
            "Varkon Industries reported its results. Since 2024 Quellon Motors has owned "
            "it outright.",
            "en",
            ("Quellon Motors", "Varkon Industries", "ownership"),
        ),
        # The sentence before names no firm (a country is no antecedent).
        (
            "La Russie a relevé ses droits de douane. Elle achète des kits à Zhenlong Trucks.",
            "fr",
            ("Zhenlong Trucks", "Russia", "supply"),
        ),
        # Not in the middle of a sentence.
        (
            "Varkon Industries reported its results, and analysts said it buys cathode "
            "material from Quellon Chemicals.",
            "en",
            ("Quellon Chemicals", "analysts", "supply"),
        ),
    ],
)
def test_a_pronoun_left_unread(text, lang, unwanted) -> None:
    assert unwanted not in relations(text, lang)


def test_a_pronoun_takes_up_no_plant_named_as_the_subject_before() -> None:
    """The subject before is a plant (a place): "It" is the plant, not the owner named
    after it, and no relation is moved onto the owner."""
    found = relations(
        "Kovrov Assembly Plant is controlled by Brantell Motors. It added a truck line "
        "under a licence contract with Zhenlong Trucks.",
        "en",
    )
    assert ("Zhenlong Trucks", "Brantell Motors", "supply") not in found, found


def test_a_denied_report_states_nothing() -> None:
    found = relations(
        "Zhenlong Trucks a démenti lundi les informations selon lesquelles le groupe "
        "s'apprêterait à fournir des moteurs à Brantell Motors.",
        "fr",
    )
    assert ("Zhenlong Trucks", "Brantell Motors", "supply") not in found, found


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["il", "s'", "agit", "de", "la"], True),
        (["il", "y", "a", "deux", "ans"], True),
        (["it", "is", "likely", "that"], True),
        (["elle", "y", "assemble", "des"], False),
        (["it", "buys", "cathode"], False),
    ],
)
def test_an_impersonal_opening_takes_up_nothing(words, expected) -> None:
    from analysis.extraction.coreference import impersonal

    assert impersonal(words) is expected
