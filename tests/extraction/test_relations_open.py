"""Relation rules added for open-world folders, on sentences written for these tests.

Firms named here are invented ("Varkon Industries", "Quellon Motors") or well known; the
sentences are not taken from any seed or test folder.
"""

from __future__ import annotations

import pytest
from fixtures.extraction_shared import tables_for


def relations(text: str, lang: str) -> set[tuple[str, str, str]]:
    """Relations of ``text`` through the whole extraction (discovered actors included)."""
    rel = tables_for({"t": (text, lang)}).relations
    return set(zip(rel["source"], rel["target"], rel["relation"], strict=True))


@pytest.mark.parametrize(
    ("text", "lang", "wanted", "unwanted"),
    [
        # A plant sold: the buyer acquires it, the seller produces nothing there.
        (
            "Le groupe Renault a vendu son usine de Kalouga au distributeur Varkon Industries.",
            "fr",
            {("Varkon Industries", "Kaluga", "acquisition")},
            {("Renault", "Kaluga", "production")},
        ),
        # A stake sold: no ownership by the seller; the buyer acquires what was sold.
        (
            "Renault sold its 68% stake in AvtoVAZ to the state institute NAMI last year.",
            "en",
            {("NAMI", "AvtoVAZ", "acquisition")},
            {("Renault", "AvtoVAZ", "ownership")},
        ),
        # A passive with an adverb: the agent after "by" acquires the sentence's first actor.
        (
            "The Kaluga plant was taken over quickly by Quellon Motors.",
            "en",
            {("Quellon Motors", "Kaluga", "acquisition")},
            set(),
        ),
        # A former plant's owner is no producer there.
        (
            "L'ancienne usine Hyundai de Saint-Pétersbourg produit désormais des voitures "
            "chinoises pour Varkon Industries.",
            "fr",
            set(),
            {("Hyundai", "Saint Petersburg", "production")},
        ),
        # Clauses joined by "while" are apart: the first firm is not made in the second place.
        (
            "Quellon Motors assembles Chery models in Kostanay, while Varkon Industries builds "
            "Kia cars in Almaty.",
            "en",
            {("Varkon Industries", "Almaty", "production")},
            {("Chery", "Almaty", "production"), ("Quellon Motors", "Almaty", "production")},
        ),
        # An apposition is out of reach: Rosatom does not build the plant.
        (
            "Renera, the battery arm of Rosatom, is building a gigafactory in Kaliningrad.",
            "en",
            {("Renera", "Kaliningrad", "production")},
            {("Rosatom", "Kaliningrad", "production")},
        ),
        # A relative clause's agent is its antecedent, not the sentence's first firm.
        (
            "Changan discute avec Avtotor, à Kaliningrad, qui produit déjà des BAIC à partir "
            "de kits.",
            "fr",
            {("BAIC", "Avtotor", "supply")},
            {("BAIC", "Changan", "supply")},
        ),
        # A source of the statement is no party to it.
        (
            "According to estimates by Autostat, many cars were assembled in Belarus.",
            "en",
            set(),
            {("Autostat", "Belarus", "production")},
        ),
        # The plant's owner after the noun produces there.
        (
            "Une usine Hyundai en Chine pourrait servir à Xiaomi.",
            "fr",
            {("Hyundai", "China", "production")},
            set(),
        ),
        # A country adjective is no agent of a supply relation.
        (
            "Les importateurs chinois ont coupé leurs livraisons à Varkon Industries.",
            "fr",
            set(),
            {("China", "Varkon Industries", "supply")},
        ),
        # A joint venture belongs to its parents.
        (
            "Varkon Industries, a joint venture of Geely and Quellon Motors, assembles cars "
            "in Minsk.",
            "en",
            {("Geely", "Varkon Industries", "ownership")},
            set(),
        ),
        # "uses X batteries": X supplies.
        (
            "Quellon Motors uses CATL batteries in its new van.",
            "en",
            {("CATL", "Quellon Motors", "supply")},
            set(),
        ),
        # A memorandum between two firms is a partnership.
        (
            "Un mémorandum d'entente entre Varkon Industries et Changan a été signé.",
            "fr",
            {("Varkon Industries", "Changan", "partnership")},
            set(),
        ),
        # A relative clause after a preposition is out of reach ("in which").
        (
            "Kamaz, in which Rostec holds a stake, has delivered buses to Varkon Industries.",
            "en",
            {("Kamaz", "Varkon Industries", "supply")},
            {("Rostec", "Varkon Industries", "supply")},
        ),
    ],
)
def test_open_world_relation_rules(text, lang, wanted, unwanted) -> None:
    found = relations(text, lang)
    assert wanted <= found, found
    assert not unwanted & found, found
