"""Table rows rendered as sentences: ``Head — label : value ; label : value.``

The label of each cell gives the figure its unit, multiplier, year and kind. The rows
were written for these tests; none is copied from the seeds or other tests.
"""

from __future__ import annotations

import pytest

from analysis.extraction.figures import extract_figures

ROWS = [
    (
        "fr",
        "Tenet — immatriculations 2025 (unités) : 42 300 ; part de marché : 3,1 %.",
        [(42_300, "vehicles", 2025, "fact"), (3.1, "%", None, "fact")],
    ),
    (
        "en",
        "Gotion High-Tech — capacity (GWh): 20; planned capacity 2027 (GWh): 50; staff: 1,200.",
        [
            (20, "GWh", None, "target"),
            (50, "GWh", 2027, "target"),
            (1_200, "employees", None, "fact"),
        ],
    ),
    (
        "fr",
        "Avtovaz — chiffre d'affaires 2023 (milliards de roubles) : 460 ; effectif : 33 000.",
        [(460e9, "RUB", 2023, "fact"), (33_000, "", None, "fact")],
    ),
    (
        "en",
        "Jetour — 2024 sales (vehicles): 98,500; 2025 sales (vehicles): 121,000.",
        [(98_500, "vehicles", 2024, "fact"), (121_000, "vehicles", 2025, "fact")],
    ),
    (
        "fr",
        "2024 — ventes (véhicules) : 170 000 ; part de marché (%) : 10,5.",
        [(170_000, "vehicles", 2024, "fact"), (10.5, "%", 2024, "fact")],
    ),
    (
        "fr",
        "Svolt — capacité (GWh) : 40 ; objectif 2030 (GWh) : 100.",
        [(40, "GWh", None, "target"), (100, "GWh", 2030, "target")],
    ),
    # the value's own unit wins over the label's
    (
        "en",
        "Zeekr — exports (units): 12,000 cars; price: $45,000.",
        [(12_000, "vehicles", None, "fact"), (45_000, "USD", None, "fact")],
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), ROWS)
def test_table_row_labels(lang: str, sentence: str, expected) -> None:
    figures = extract_figures(sentence, lang)
    got = [(f.value, f.unit, f.year, f.kind) for f in figures]
    assert got == [(pytest.approx(v), u, y, k) for v, u, y, k in expected]


def test_row_without_first_cell() -> None:
    sentence = "ventes 2024 (unités) : 98 000 ; capacité (véhicules par an) : 150 000."
    got = [(f.value, f.unit, f.year, f.kind) for f in extract_figures(sentence, "fr")]
    assert got == [(98_000, "vehicles", 2024, "fact"), (150_000, "vehicles/year", None, "target")]


def test_cell_without_label() -> None:
    sentence = "Exeed — 2 400 ; part de marché (%) : 0,2."
    got = [(f.value, f.unit) for f in extract_figures(sentence, "fr")]
    assert got == [(2_400, ""), (0.2, "%")]


def test_numbers_in_labels_are_not_figures() -> None:
    figures = extract_figures("Chery — ventes 2024 des 3 usines (unités) : 650 000.", "fr")
    assert [f.value for f in figures] == [650_000]


def test_prose_with_em_dash_is_not_a_table_row() -> None:
    sentence = "Haval — le constructeur chinois — a vendu 170 000 unités en 2024."
    assert [(f.value, f.unit, f.year) for f in extract_figures(sentence, "fr")] == [
        (170_000, "units", 2024)
    ]
