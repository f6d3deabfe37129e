"""Dates and times are not figures; measurement units are kept (FR and EN).

The sentences were written for these tests; none is copied from the seeds or other tests.
"""

from __future__ import annotations

import pytest

from analysis.extraction.figures import controlled_units, extract_figures

# --------------------------------------------------------------------- dates and times

NOT_FIGURES = [
    # month names, abbreviated with a dot or not, before or after the day
    ("en", "MOSCOW, Oct. 4 (Reuters) - Avtovaz halted its main assembly line."),
    ("en", "The tender closes on Sept. 30 at noon."),
    ("en", "Deliveries began March 3 and ended on April 18."),
    ("en", "Talks in Minsk ran from August 22-25 without a deal."),
    ("fr", "Les pourparlers ont repris le 4 octobre à Minsk."),
    ("fr", "Le décret a été publié le 12 mars 2024 au Journal officiel."),
    ("fr", "Le salon automobile se tiendra du 22 au 25 août à Moscou."),
    ("fr", "Les négociations ont eu lieu les 4 et 5 novembre à Astana."),
    ("fr", "Les 4-5 décembre, le forum réunira les équipementiers."),
    ("en", "The plant was inaugurated on the 4th of October."),
    # numeric dates
    ("fr", "Le contrat, daté du 03/04/2024, prévoit une livraison rapide."),
    ("en", "The filing dated 2024-03-01 lists the shareholders."),
    ("fr", "L'arrêté du 14.10.2024 encadre les importations."),
    # quarters and halves
    ("en", "Haval's Q3 2024 results beat forecasts."),
    ("fr", "Au T3 2024, les ventes ont reculé."),
    ("en", "In H1 2025 the market shrank."),
    ("fr", "Les résultats du S1 ont déçu les analystes."),
    # years alone
    ("fr", "Depuis 2022, le marché russe s'est tourné vers la Chine."),
    ("en", "The 2023-2024 period was turbulent for importers."),
    ("en", "Between 2019 and 2021 the brand vanished from showrooms."),
    # times
    ("fr", "La conférence débutera à 10h30 heure de Moscou."),
    ("fr", "Le point presse est fixé à 9 h 45 au siège."),
    ("fr", "La séance reprend à 14 h au ministère."),
    ("en", "The call starts at 10:30 a.m. Beijing time."),
    ("en", "The briefing starts at 9 am in Shanghai."),
    ("en", "Trading halted at 3 p.m. local time."),
    # codes that look like units
    ("en", "Huawei supplies the 5G modem for the cockpit."),
    # note markers
    ("en", "The buyer stopped ordering that spring and has not come back.[3]"),
    ("en", "[4] Statement by the ministry, published in the spring."),
    ("fr", "[^2]: Le groupe commercialise aussi des Tenet au Kazakhstan."),
]


@pytest.mark.parametrize(("lang", "sentence"), NOT_FIGURES)
def test_dates_and_times_are_not_figures(lang: str, sentence: str) -> None:
    assert extract_figures(sentence, lang) == []


DATE_AND_FIGURE = [
    ("fr", "Le 4 octobre, Haval a annoncé 12 000 ventes.", 12_000),
    ("en", "On Oct. 4, Haval said it sold 12,000 cars.", 12_000),
    ("en", "Sept. 30, 2024 — Haval delivered 5,000 cars.", 5_000),
    ("fr", "Le 14/10/2024 à 11 h, Kamaz a présenté 3 camions.", 3),
]


@pytest.mark.parametrize(("lang", "sentence", "value"), DATE_AND_FIGURE)
def test_only_the_figure_next_to_a_date(lang: str, sentence: str, value: float) -> None:
    assert [f.value for f in extract_figures(sentence, lang)] == [value]


# --------------------------------------------------------------------- units

UNITS = [
    ("fr", "Le pack de la Voyah Free pèse 450 kg.", 450, "kg"),
    ("fr", "La batterie pèse 500 kilogrammes.", 500, "kg"),
    ("en", "Each pack contains 8 kg of lithium.", 8, "kg"),
    ("en", "Each cell holds 12 g of lithium carbonate.", 12, "g"),
    ("fr", "Chaque aimant renferme 60 grammes de dysprosium.", 60, "g"),
    ("fr", "La mine a extrait 2 300 t de concentré de tungstène.", 2_300, "t"),
    ("en", "The refinery processed 900 t of neodymium oxide.", 900, "t"),
    ("fr", "L'autonomie WLTP atteint 410 km.", 410, "km"),
    ("en", "The EV covers 300 miles on a charge.", 300, "mi"),
    ("fr", "La chaîne de montage mesure 600 m.", 600, "m"),
    ("en", "The test track is 800 m long.", 800, "m"),
    ("en", "The new plant sits on a 25,000 m² plot near Tolyatti.", 25_000, "m²"),
    ("fr", "L'entrepôt couvre 18 000 m2 à Elabouga.", 18_000, "m²"),
    ("fr", "Le site s'étend sur 120 000 mètres carrés.", 120_000, "m²"),
    ("en", "The complex covers 40,000 square metres.", 40_000, "m²"),
    ("fr", "La zone franche couvre 3 km² au sud de la ville.", 3, "km²"),
    ("en", "The battery site occupies 40 ha outside Kazan.", 40, "ha"),
    ("fr", "Le domaine industriel compte 75 hectares.", 75, "ha"),
    ("fr", "Le pack de 77 kWh se recharge en 30 minutes.", 77, "kWh"),
    ("en", "The pack reaches an energy density of 190 Wh/kg.", 190, "Wh/kg"),
    ("fr", "Les cellules LFP atteignent 160 Wh/kg.", 160, "Wh/kg"),
    ("fr", "Le camion plafonne à 90 km/h.", 90, "km/h"),
    ("en", "The sedan tops out at 200 km/h.", 200, "km/h"),
    ("fr", "La consommation annoncée est de 16,8 kWh/100 km.", 16.8, "kWh/100 km"),
    ("en", "Cell prices fell to $115/kWh.", 115, "USD/kWh"),
    ("fr", "Le prix moyen des packs est tombé à 120 €/kWh.", 120, "EUR/kWh"),
    ("fr", "Le lithium cote 10 500 dollars la tonne.", 10_500, "USD/t"),
    ("en", "Lithium traded at $10,500 per tonne.", 10_500, "USD/t"),
    ("fr", "L'usine produira 40 000 t/an de cathodes.", 40_000, "t/year"),
    ("fr", "Le SUV thermique consomme 7,9 l/100 km.", 7.9, "l/100 km"),
    # a spaced "m" before a unit is a multiplier, not metres
    ("en", "Geely shipped 1.1 m vehicles abroad.", 1.1e6, "vehicles"),
]


@pytest.mark.parametrize(("lang", "sentence", "value", "unit"), UNITS)
def test_units(lang: str, sentence: str, value: float, unit: str) -> None:
    figures = extract_figures(sentence, lang)
    assert [(f.value, f.unit) for f in figures] == [(pytest.approx(value), unit)]
    figure = figures[0]
    assert sentence[figure.start : figure.end] == figure.text


def test_units_are_controlled_names() -> None:
    """Every unit comes from figures.yaml (no free text)."""
    names = controlled_units()
    periods = {"year", "month", "day"}
    for _, _, _, unit in UNITS:
        assert unit in names or all(p in names | periods for p in unit.split("/")), unit


def test_spaced_million_after_currency() -> None:
    figure = extract_figures("Avtotor raised $5 m from a regional fund.", "en")[0]
    assert (figure.value, figure.unit) == (5e6, "USD")
