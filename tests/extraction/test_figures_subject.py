"""Subject of a figure: context fallback for pronoun subjects, coordination, table rows.

The sentences were written for these tests (FR and EN, wire / analysis / table styles);
none is copied from the seeds or from the other test files.
"""

from __future__ import annotations

import inspect

import pytest

from analysis.extraction.figures import assign_subject, extract_figures


def spans(sentence: str, actors: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """(canonical, start, end) of each (canonical, surface) pair, first occurrence."""
    out = []
    for name, text in actors:
        start = sentence.index(text)
        out.append((name, start, start + len(text)))
    return out


def subjects(sentence: str, lang: str, actors, context=()) -> list[str]:
    found = spans(sentence, actors)
    return [
        assign_subject(f, sentence, found, context=context) for f in extract_figures(sentence, lang)
    ]


def test_signature_keeps_positional_arguments_and_adds_context() -> None:
    parameters = inspect.signature(assign_subject).parameters
    assert list(parameters)[:3] == ["figure", "sentence", "actors"]
    assert parameters["context"].default == ()
    assert parameters["context"].kind is inspect.Parameter.KEYWORD_ONLY


# --------------------------------------------------------------------- context fallback

FALLBACK = [
    # pronoun subjects
    ("fr", "Il espère porter sa production à 120 000 camions d'ici 2027.", [], "Kamaz"),
    ("fr", "Elle compte assembler 30 000 véhicules par an à Kaliningrad.",
     [("Kaliningrad", "Kaliningrad")], "Kamaz"),
    ("fr", "Celui-ci a livré 8 500 bus électriques à la municipalité.", [], "Kamaz"),
    ("en", "It expects deliveries of 60,000 units in 2025.", [], "Kamaz"),
    ("en", "They shipped 4,000 trucks to Uzbekistan last year.",
     [("Uzbekistan", "Uzbekistan")], "Kamaz"),
    # descriptive noun phrases standing for the company
    ("fr", "Le constructeur table sur 45 000 ventes l'an prochain.", [], "Kamaz"),
    ("fr", "Par ailleurs, le groupe a investi 12 milliards de roubles.", [], "Kamaz"),
    ("en", "The company shipped 2.1 GWh of cells to Tesla last quarter.",
     [("Tesla", "Tesla")], "Kamaz"),
    ("en", "In 2024, the automaker built 150,000 SUVs in Kazakhstan.",
     [("Kazakhstan", "Kazakhstan")], "Kamaz"),
    # possessive determiners
    ("fr", "Ses ventes ont bondi à 310 000 unités en 2024.", [], "Kamaz"),
    ("en", "Its output rose to 80,000 vehicles.", [], "Kamaz"),
    # an actor after "avec" / "with" is a partner, not the subject
    ("fr", "Le groupe a signé avec Chery pour assembler 50 000 voitures par an.",
     [("Chery", "Chery")], "Kamaz"),
    ("fr", "Il a commandé 300 bus chez Yutong.", [("Yutong", "Yutong")], "Kamaz"),
    # no subject at all
    ("fr", "Objectif : 100 000 véhicules par an d'ici 2030.", [], "Kamaz"),
    ("en", "Annual capacity: 20 GWh.", [], "Kamaz"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "actors", "subject"), FALLBACK)
def test_context_fallback(lang: str, sentence: str, actors, subject: str) -> None:
    assert subjects(sentence, lang, actors, context=("Kamaz", "Avtovaz")) == [subject]


NO_FALLBACK = [
    # the sentence names an actor that can be the subject
    ("fr", "Selon Autostat, Haval a écoulé 170 000 voitures.",
     [("Autostat", "Autostat"), ("Haval", "Haval")], "Haval"),
    ("en", "It said Chery would supply 40,000 kits.", [("Chery", "Chery")], "Chery"),
    ("en", "The company said 5,000 cars were assembled by Avtotor.",
     [("Avtotor", "Avtotor")], "Avtotor"),
    # a real non-actor subject
    ("fr", "Le marché a progressé de 48 % en un an.", [], ""),
    ("en", "New-car sales reached 1.6 million units in Russia.", [("Russia", "Russia")], "Russia"),
    # a pronoun inside a relative clause is not the subject
    ("fr", "Le marché, qu'il juge prometteur, a atteint 1,6 million de voitures.", [], ""),
    # impersonal "il" / "it" is no anaphora
    ("fr", "Il y a 4 000 bornes de recharge en Russie.", [("Russia", "Russie")], "Russia"),
    ("en", "It is estimated that 30,000 EVs were imported.", [], ""),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "actors", "subject"), NO_FALLBACK)
def test_no_context_fallback(lang: str, sentence: str, actors, subject: str) -> None:
    assert subjects(sentence, lang, actors, context=("Geely",)) == [subject]


def test_actor_beyond_a_strong_boundary_is_not_the_subject() -> None:
    sentence = "Elle a vendu 40 000 voitures, contre 30 000 pour Chery."
    actors = [("Chery", "Chery")]
    assert subjects(sentence, "fr", actors, context=("Haval",)) == ["Haval", "Chery"]
    assert subjects(sentence, "fr", actors) == ["", "Chery"]


def test_without_context_nothing_changes() -> None:
    assert subjects("Il espère produire 100 000 véhicules.", "fr", []) == [""]
    sentence = "Elle compte assembler 30 000 véhicules par an à Kaliningrad."
    assert subjects(sentence, "fr", [("Kaliningrad", "Kaliningrad")]) == ["Kaliningrad"]


def test_first_context_subject_wins() -> None:
    got = subjects("It plans to hire 2,500 workers.", "en", [], context=("JAC", "Kamaz"))
    assert got == ["JAC"]


# --------------------------------------------------------------------- coordination

COORDINATION = [
    ("fr", "Geely, Haval et Changan ont écoulé respectivement 95 000, 170 000 et 60 000 "
     "voitures en Russie l'an dernier.",
     [("Geely", "Geely"), ("Haval", "Haval"), ("Changan", "Changan"), ("Russia", "Russie")],
     ["Geely", "Haval", "Changan"]),
    ("en", "Gotion and EVE Energy will add 20 GWh and 12 GWh of capacity respectively.",
     [("Gotion", "Gotion"), ("EVE Energy", "EVE Energy")], ["Gotion", "EVE Energy"]),
    ("en", "CATL and BYD hold respectively 37% and 16% of the global battery market.",
     [("CATL", "CATL"), ("BYD", "BYD")], ["CATL", "BYD"]),
    ("fr", "Selon Autostat, Tenet et Jetour détiennent respectivement 3,1 % et 2,4 % du marché.",
     [("Autostat", "Autostat"), ("Tenet", "Tenet"), ("Jetour", "Jetour")], ["Tenet", "Jetour"]),
    # counts that do not match: the ordinary rule (nearest actor before)
    ("fr", "Haval et Chery ont vendu respectivement 100 000 voitures.",
     [("Haval", "Haval"), ("Chery", "Chery")], ["Chery"]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "actors", "expected"), COORDINATION)
def test_coordinated_subjects(lang: str, sentence: str, actors, expected: list[str]) -> None:
    assert subjects(sentence, lang, actors, context=("Kamaz",)) == expected


# --------------------------------------------------------------------- table rows

TABLE_SUBJECTS = [
    ("fr", "Tenet — immatriculations 2025 (unités) : 42 300 ; part de marché : 3,1 %.",
     [("Tenet", "Tenet")], (), ["Tenet", "Tenet"]),
    ("en", "Gotion High-Tech — capacity (GWh): 20; planned capacity 2027 (GWh): 50; "
     "staff: 1,200.", [("Gotion", "Gotion High-Tech")], (), ["Gotion"] * 3),
    # an actor inside a label is not the row's subject
    ("fr", "Haval — part de marché en Russie : 10,5 % ; ventes chez Avilon : 9 000.",
     [("Haval", "Haval"), ("Russia", "Russie"), ("Avilon", "Avilon")], (), ["Haval", "Haval"]),
    # a row headed by a year: the table's actor comes from the context
    ("fr", "2024 — ventes (unités) : 170 000 ; part de marché : 10,5 %.", [], ("Haval",),
     ["Haval", "Haval"]),
    # a row written without its (empty) first cell
    ("en", "2024 sales (units) : 61,000 ; market share (%) : 3.8.", [], ("Jetour",),
     ["Jetour", "Jetour"]),
    # a row headed by a non-actor: no fallback
    ("fr", "Autres marques — ventes 2024 (unités) : 95 000.", [], ("Haval",), [""]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "actors", "context", "expected"), TABLE_SUBJECTS)
def test_table_row_subjects(lang, sentence, actors, context, expected) -> None:
    assert subjects(sentence, lang, actors, context=context) == expected
