"""Unit tests of the figures extractor on sentences written for the tests (FR and EN).

None of these sentences comes from the seeds: they cover other firms and countries to
check that the lexicon rules generalise.
"""

from __future__ import annotations

import pytest

from analysis.extraction.figures import (
    Figure,
    assign_subject,
    extract_figures,
    find_vague_quantities,
)

NBSP, NNBSP = "\u00a0", "\u202f"


def only(sentence: str, lang: str, hint: int | None = None) -> Figure:
    figures = extract_figures(sentence, lang, hint)
    assert len(figures) == 1, figures
    return figures[0]


# --------------------------------------------------------------------- value and unit

VALUE_UNIT = [
    # thousands separators: space, no-break space, narrow no-break space, comma, dot
    ("fr", "Le groupe a vendu 100 000 voitures.", 100_000, "vehicles"),
    ("fr", f"Le groupe a vendu 100{NBSP}000 voitures.", 100_000, "vehicles"),
    ("fr", f"Le groupe a vendu 2{NNBSP}350{NNBSP}000 véhicules.", 2_350_000, "vehicles"),
    ("fr", "Le site a expédié 1.250.000 unités.", 1_250_000, "units"),
    ("fr", "Le port a traité 1.234,5 tonnes de cobalt.", 1_234.5, "t"),
    ("en", "Albemarle shipped 270,000 tonnes of lithium.", 270_000, "t"),
    ("en", "The group sold 1,250,000 vehicles.", 1_250_000, "vehicles"),
    # decimals: comma in French, point in English
    ("fr", "La part de marché de Geely atteint 58,7 % en Russie.", 58.7, "%"),
    ("en", "Chery's market share reached 12.5% in Kazakhstan.", 12.5, "%"),
    ("fr", "Le chiffre d'affaires a progressé de 3,5 pour cent.", 3.5, "%"),
    ("en", "Output rose 7 percent.", 7, "%"),
    # multipliers
    (
        "fr",
        "Stellantis a produit 1,2 million de véhicules en Italie en 2023.",
        1_200_000,
        "vehicles",
    ),
    ("en", "BYD sold 1.5 million electric cars.", 1_500_000, "vehicles"),
    ("fr", "Le projet coûtera 2 milliards d'euros.", 2e9, "EUR"),
    ("fr", "Le fonds pèse 1 billion de dollars.", 1e12, "USD"),  # French billion = 10^12
    ("en", "The fund is worth 1 billion dollars.", 1e9, "USD"),  # English billion = 10^9
    ("en", "CATL will invest $2 billion in Hungary.", 2e9, "USD"),
    ("en", "Northvolt raised €3bn from lenders.", 3e9, "EUR"),
    (
        "fr",
        "Toyota produit un million et demi de voitures par an au Japon.",
        1_500_000,
        "vehicles/year",
    ),
    (
        "fr",
        "Le marché chinois dépasse deux millions de bornes de recharge.",
        2e6,
        "charging points",
    ),
    ("en", "Ford plans one and a half million cars a year.", 1_500_000, "vehicles/year"),
    ("en", "The plant can make half a million cars.", 500_000, "vehicles"),
    ("fr", "Le budget atteint 500 millions de roubles.", 5e8, "RUB"),
    ("fr", "L'usine a coûté 80 milliards de tenge.", 8e10, "KZT"),
    ("fr", "Le contrat porte sur 3 milliards de yuans.", 3e9, "CNY"),
    # energy, rates, jobs
    ("fr", "La centrale d'EDF délivre 350 mégawatts.", 350, "MW"),
    ("en", "The Gotion gigafactory has a capacity of 20 GWh.", 20, "GWh"),
    ("en", "The battery stores 75 kWh.", 75, "kWh"),
    ("fr", "Le parc éolien produit 1,2 GW.", 1.2, "GW"),
    ("fr", "Hyundai fabrique 300 000 unités par an en Turquie.", 300_000, "units/year"),
    ("en", "Tata makes 400,000 vehicles annually in India.", 400_000, "vehicles/year"),
    ("fr", "Le projet créera 3 000 emplois en Serbie.", 3_000, "jobs"),
    ("en", "The factory employs 1,200 workers.", 1_200, "employees"),
    ("fr", "Renault va couvrir la moitié de ses besoins en Espagne.", 50, "%"),
    ("en", "Sales fell below one million this year.", 1e6, "vehicles"),  # a count of sales
]


@pytest.mark.parametrize(("lang", "sentence", "value", "unit"), VALUE_UNIT)
def test_value_and_unit(lang: str, sentence: str, value: float, unit: str) -> None:
    figure = only(sentence, lang)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert sentence[figure.start : figure.end] == figure.text


# --------------------------------------------------------------------- not figures

NOT_FIGURES = [
    ("fr", "Depuis la dissolution de l'URSS en 1991, la Russie a changé."),
    ("fr", "Le groupe a annoncé mercredi 7 septembre un accord avec Hyundai."),
    ("en", "Ford announced the deal on September 7 in Detroit."),
    ("fr", "Xiaomi a présenté le scooter électrique C30 à Pékin."),
    ("en", "Tesla's Model 3 remains popular in Norway."),
    ("fr", "Le lithium est stratégique au XXIe siècle."),
    ("fr", "Rosatom lance sa DEUXIÈME gigafactory, la 2e usine du groupe."),
    ("fr", "La commercialisation pourrait débuter dès 2025."),
    ("fr", "Le projet durera 3 ans selon le ministère."),
    ("fr", "On parle de MILLIARDS de roubles et de milliers d'emplois."),
    ("en", "The project will create thousands of jobs and cost billions of dollars."),
    ("en", "The 4x4 version arrives in 2026 with COVID-19 rules lifted."),
    ("fr", "La réunion est prévue à 14h30 le 3/9."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_FIGURES)
def test_not_figures(lang: str, sentence: str) -> None:
    assert extract_figures(sentence, lang) == []


def test_vague_quantities_are_reported_apart() -> None:
    sentence = "On parle de MILLIARDS de roubles et de 3 millions de voitures."
    vague = [text for text, _, _ in find_vague_quantities(sentence, "fr")]
    assert vague == ["MILLIARDS"]
    assert [f.value for f in extract_figures(sentence, "fr")] == [3e6]


# --------------------------------------------------------------------- hedges

HEDGES = [
    ("fr", "Lada a produit environ 600 voitures.", "environ"),
    ("fr", "Geely vend près de 20 000 voitures en Biélorussie.", "près de"),
    ("fr", "Les ventes pourraient chuter à 800 000 véhicules.", "pourraient"),
    ("fr", "Selon des sources anonymes, Avtovaz produira 400 000 voitures.", "sources anonymes"),
    ("en", "Rivian could deliver 50,000 trucks.", "could"),
    ("en", "Sales may reach about 2 million units.", "about"),
    ("en", "According to Reuters, Lucid sold 8,000 cars.", "according to"),
]


# A bound is not a hedge (issue 13: "plus d'un million et demi" is a lower bound).
BOUNDS = [
    ("fr", "Le contrat couvre jusqu'à 50% de la consommation d'Orange.", "upper", False),
    ("fr", "Haval vend plus d'un million de SUV.", "lower", False),
    ("en", "Rivian could deliver up to 50,000 trucks.", "upper", True),  # hedged by "could"
]


@pytest.mark.parametrize(("lang", "sentence", "bound", "hedged"), BOUNDS)
def test_bounds(lang: str, sentence: str, bound: str, hedged: bool) -> None:
    figure = only(sentence, lang)
    assert (figure.bound, figure.hedged) == (bound, hedged)


@pytest.mark.parametrize(("lang", "sentence", "cue"), HEDGES)
def test_hedges(lang: str, sentence: str, cue: str) -> None:
    figure = only(sentence, lang)
    assert figure.hedged
    assert cue in figure.hedges


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "Volkswagen a livré 9,2 millions de véhicules en 2023."),
        ("en", "The May 2024 report shows Kia sold 300,000 cars."),  # "May" is a month here
    ],
)
def test_not_hedged(lang: str, sentence: str) -> None:
    assert not only(sentence, lang).hedged


# --------------------------------------------------------------------- attribution

ATTRIBUTION = [
    ("fr", "Kamaz a déclaré qu'il s'attendait à produire environ 600 camions.", "Kamaz"),
    ("fr", "Les ventes atteindraient 900 000 voitures, selon l'agence Reuters.", "Reuters"),
    (
        "fr",
        "Cette puissance représente « jusqu'à 40% de sa consommation », a indiqué Engie.",
        "Engie",
    ),
    ("fr", "Les ventes pourraient chuter sous 700 000 unités, a rapporté Interfax.", "Interfax"),
    (
        "en",
        "Tesla could build 500,000 cars a year in Mexico by 2027, according to Bloomberg.",
        "Bloomberg",
    ),
    ("en", "Hyundai said it would hire 2,000 workers in Georgia.", "Hyundai"),
    (
        "en",
        "Output will reach 4 GWh, according to people familiar with the matter.",
        "anonymous sources",
    ),
    ("fr", "Renault a vendu 2 millions de voitures en 2023.", ""),
]


@pytest.mark.parametrize(("lang", "sentence", "source"), ATTRIBUTION)
def test_attribution(lang: str, sentence: str, source: str) -> None:
    assert only(sentence, lang).attribution == source


# --------------------------------------------------------------------- kind and year

KIND_YEAR = [
    (
        "fr",
        "Il espère augmenter la production à 100 000 véhicules par an en 2024.",
        None,
        "target",
        2024,
    ),
    ("fr", "Stellantis a produit 1,2 million de véhicules en Italie en 2023.", None, "fact", 2023),
    ("fr", "En 2023, Chery a exporté 937 000 voitures.", None, "fact", 2023),
    (
        "fr",
        "La société prévoit, d'ici 2030, de produire 1 million de voitures.",
        None,
        "target",
        2030,
    ),
    ("fr", "BYD produira 300 000 voitures en Hongrie.", None, "target", None),
    ("fr", "Avtovaz va fabriquer 500 000 voitures l'an prochain.", 2023, "target", 2024),
    ("fr", "Le groupe vise 20 % de part de marché.", None, "target", None),
    ("fr", "L'usine de Tianjin a une capacité de 150 000 unités par an.", None, "target", None),
    ("en", "Tesla could build 500,000 cars a year in Mexico by 2027.", None, "forecast", 2027),
    ("en", "Kia sold 300,000 cars in Europe in 2022.", None, "fact", 2022),
    ("en", "VinFast expects to deliver 50,000 cars this year.", 2023, "forecast", 2023),
    ("en", "Exports rose 10% from last year.", 2023, "fact", None),
    ("en", "Sales will reach 2 million units in 2030.", 2024, "target", 2030),
    ("en", "Sales reached 2 million units in 2035.", 2036, "fact", 2035),
    ("en", "The company, which plans to expand, sold 300,000 cars last year.", 2024, "fact", 2023),
]


@pytest.mark.parametrize(("lang", "sentence", "hint", "kind", "year"), KIND_YEAR)
def test_kind_and_year(lang: str, sentence: str, hint: int | None, kind: str, year: int | None):
    figure = only(sentence, lang, hint)
    assert (figure.kind, figure.year) == (kind, year)


def test_later_year_than_document_is_a_target() -> None:
    figure = only("Sales reached 2 million units in 2035.", "en", 2024)
    assert figure.kind == "target"


def test_fact_and_target_in_one_sentence() -> None:
    sentence = "Geely a vendu 1,5 million de voitures en 2022 et prévoit 2 millions en 2025."
    first, second = extract_figures(sentence, "fr")
    assert (first.value, first.kind, first.year) == (1.5e6, "fact", 2022)
    assert (second.value, second.kind, second.year) == (2e6, "target", 2025)
    # The elliptic "2 millions" keeps no unit: the text does not repeat it.
    assert second.unit == ""


def test_comparison_base_year() -> None:
    sentence = "Chinese brands took 49% of the Russian market in 2023, up from 9% in 2021."
    assert [(f.value, f.year) for f in extract_figures(sentence, "en")] == [(49, 2023), (9, 2021)]
    sentence = "Le Kazakhstan a produit 100 000 voitures en 2023, soit 20 % de plus qu'en 2022."
    assert [(f.value, f.year) for f in extract_figures(sentence, "fr")] == [(1e5, 2023), (20, 2023)]


def test_range_shares_unit() -> None:
    figures = extract_figures("Le site produira entre 2 et 3 millions de batteries.", "fr")
    assert [(f.value, f.unit) for f in figures] == [(2e6, "batteries"), (3e6, "batteries")]


def test_unsupported_language_gives_nothing() -> None:
    assert extract_figures("Das Werk baut 100.000 Autos pro Jahr.", "de") == []


def test_language_code_with_region() -> None:
    assert only("Ford sold 10,000 cars.", "en-GB").value == 10_000


# --------------------------------------------------------------------- subject

SUBJECT = [
    (
        "fr",
        "En tout cas, Xiaomi a avancé, avec sa première usine à Pékin avec la capacité "
        "de 300 000 unités par an.",
        [("Xiaomi", "Xiaomi"), ("Beijing", "Pékin")],
        "Xiaomi",
    ),
    (
        "fr",
        "Cette puissance représente pour Renault « jusqu'à 50% de la consommation », "
        "a indiqué Voltalia.",
        [("Renault", "Renault"), ("Voltalia", "Voltalia")],
        "Renault",
    ),
    (
        "fr",
        "Selon Reuters, Kamaz, qui a signé un accord avec Renault, produit 600 voitures.",
        [("Reuters", "Reuters"), ("Kamaz", "Kamaz"), ("Renault", "Renault")],
        "Kamaz",
    ),
    (
        "en",
        "In Mexico, 500,000 cars a year could be built by Tesla, according to Bloomberg.",
        [("Mexico", "Mexico"), ("Tesla", "Tesla"), ("Bloomberg", "Bloomberg")],
        "Tesla",
    ),
    (
        "fr",
        "En Russie, les ventes ont atteint 600 000 voitures, selon l'AEB.",
        [("Russia", "Russie"), ("AEB", "AEB")],
        "Russia",
    ),
    ("en", "Sales reached 2 million units.", [], ""),
]


@pytest.mark.parametrize(("lang", "sentence", "actors", "subject"), SUBJECT)
def test_assign_subject(lang: str, sentence: str, actors, subject: str) -> None:
    spans = [
        (name, sentence.index(text), sentence.index(text) + len(text)) for name, text in actors
    ]
    figure = extract_figures(sentence, lang)[0]
    assert assign_subject(figure, sentence, spans) == subject
