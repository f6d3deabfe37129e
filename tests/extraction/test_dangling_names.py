"""A name never ends with a lower-case function word (``name_spans``).

Firms here are invented."""

from __future__ import annotations

from analysis.extraction.name_spans import _without_dangling
from analysis.extraction.nlp import load_model


def test_a_span_run_into_a_preposition_loses_it() -> None:
    nlp = load_model("en")
    doc = nlp("A joint venture with Varkon Motors of Saint Petersburg.")
    assert _without_dangling(doc[4:7]).text == "Varkon Motors"
    assert _without_dangling(doc[6:7]) is None  # ("of" alone)
    # A function word inside a name stays ("Bank of China").
    doc = nlp("Bank of China lends to Varkon Motors.")
    assert _without_dangling(doc[0:3]).text == "Bank of China"


def test_a_french_span_loses_its_dangling_article() -> None:
    nlp = load_model("fr")
    doc = nlp("Une coentreprise avec Varkon Moteurs de Saint-Pétersbourg.")
    assert _without_dangling(doc[3:6]).text == "Varkon Moteurs"
