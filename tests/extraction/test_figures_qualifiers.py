"""Qualifiers that look like hedges ("selon le modèle") and lower bounds ("plus de").

The sentences were written for these tests; none is copied from the seeds or other tests.
"""

from __future__ import annotations

import pytest

from analysis.extraction.figures import extract_figures

# --------------------------------------------------------------------- qualifiers

QUALIFIERS = [
    ("fr", "Les prix s'échelonnent de 2,1 à 3,4 millions de roubles selon les finitions."),
    ("fr", "Selon le modèle, la garantie couvre 150 000 km."),
    ("fr", "La remise atteint 15 % selon que le client reprend ou non son ancien véhicule."),
    ("fr", "La prime varie selon qu'il s'agit d'un hybride : jusqu'ici 4 000 euros."),
    ("fr", "Selon la version, le Tank 300 embarque une batterie de 37 kWh."),
    ("fr", "L'aide atteint 25 % du prix selon les différentes catégories de véhicules."),
    ("fr", "Le délai dépasse 90 jours, et le prix 2 millions de roubles selon la région."),
    ("en", "Range varies from 400 to 520 km according to trim level."),
    ("en", "Subsidies cover 25% of the price according to vehicle category."),
    ("en", "According to the model, the pack stores 60 kWh."),
    ("en", "Output will rise to 90,000 units according to schedule."),
]


def test_energy_source_is_not_hearsay() -> None:
    sentence = "Le site couvre 40 % de ses besoins avec de l'électricité de source solaire."
    (figure,) = extract_figures(sentence, "fr")
    assert not figure.hedged


@pytest.mark.parametrize(("lang", "sentence"), QUALIFIERS)
def test_qualifiers_are_not_hedges(lang: str, sentence: str) -> None:
    figures = extract_figures(sentence, lang)
    assert figures
    for figure in figures:
        assert "selon" not in figure.hedges
        assert "according to" not in figure.hedges
        assert figure.attribution == ""


SOURCES = [
    ("fr", "Selon Autostat, les ventes ont atteint 1,6 million de voitures.", "selon", "Autostat"),
    ("fr", "Selon lui, 100 000 voitures chinoises sont bloquées en douane.", "selon", ""),
    ("fr", "Selon les estimations du cabinet Autostat, 40 000 voitures ont été importées.",
     "selon", "Autostat"),
    ("fr", "Selon la marque, les ventes ont bondi de 20 %.", "selon", ""),
    ("fr", "De source sûre, Avtovaz assemblera 300 000 voitures.", "de source sûre", ""),
    ("en", "According to Interfax, output fell 20%.", "according to", "Interfax"),
    ("en", "According to the ministry, 70,000 EVs were registered.", "according to", ""),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "cue", "source"), SOURCES)
def test_sources_stay_hedges(lang: str, sentence: str, cue: str, source: str) -> None:
    (figure,) = extract_figures(sentence, lang)
    assert figure.hedged and cue in figure.hedges
    assert figure.attribution == source


# --------------------------------------------------------------------- lower bounds
# Figure has no "bound" field: lower bounds are recorded as their approximator cue
# (hedged=True, hedges holds the cue) and the value is the bound itself.

BOUNDS = [
    ("fr", "Chery a écoulé plus d'un million et demi de véhicules hors de Chine.", 1.5e6,
     "vehicles", "plus d'"),
    ("fr", "Au moins 40 000 salariés ont été placés en chômage partiel.", 40_000, "employees",
     "au moins"),
    ("fr", "Le parc dépasse désormais plus de 2,5 millions de voitures chinoises.", 2.5e6,
     "vehicles", "plus de"),
    ("en", "China shipped more than 1.5 million cars to Russia.", 1.5e6, "vehicles",
     "more than"),
    ("en", "At least 40,000 workers were furloughed.", 40_000, "employees", "at least"),
    ("en", "The site employs over 3,000 people.", 3_000, "", "over"),
    ("en", "The fleet counts 12,000 buses or more.", 12_000, "vehicles", "or more"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "value", "unit", "cue"), BOUNDS)
def test_lower_bounds(lang: str, sentence: str, value: float, unit: str, cue: str) -> None:
    (figure,) = extract_figures(sentence, lang)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)
    # a bound is the figure's bound, not a hedge (issue 13)
    assert figure.bound == "lower"
    assert cue not in figure.hedges
