"""Sites NER misses, named by their context (``site_names``), on invented sentences."""

from __future__ import annotations

import pytest

from analysis.extraction.nlp import load_model
from analysis.extraction.site_names import site_names


def names(text: str, lang: str) -> list[str]:
    doc = load_model(lang)(text)
    return [s.text for s in site_names(doc, [-1] * len(doc))]


@pytest.mark.parametrize(
    ("lang", "text", "wanted"),
    [
        ("en", "Quellon Resources mines lithium at the Zhartas deposit.", ["Zhartas"]),
        ("en", "It operates the Borlyk graphite mine near the border.", ["Borlyk"]),
        ("fr", "Elle extrait le minerai de la mine de Dolgaïa depuis 2019.", ["Dolgaïa"]),
        ("fr", "Varkon Motors produit à Assaka, dans la région d'Andijan.", ["Assaka"]),
        ("en", "Belarus — Site : Mogilev ; Operator : Varkon Industries.", ["Mogilev"]),
    ],
)
def test_a_sites_context_names_it(lang, text, wanted) -> None:
    assert names(text, lang) == wanted


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a firm before the verb "mines" is its subject, not a site
        ("en", "Quellon Resources mines lithium in the north."),
        # a place after a locative with no region after it is left to NER
        ("fr", "Varkon Motors produit à Assaka des camions."),
        # a cell under another header than a place's
        ("en", "Belarus — Operator : Varkon Industries ; Status : Producing."),
    ],
)
def test_no_site_without_its_context(lang, text) -> None:
    assert names(text, lang) == []
