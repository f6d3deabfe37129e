"""Requirement 4: typography normalised before anything else."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import FRENCH_BODY

from analysis.corpus import load_corpus
from analysis.corpus.text import normalize_typography


def test_normalize_typography() -> None:
    raw = (
        "Bien qu\u2019il soit l\u00e0, l\u2018usine\u2019s \u201cnouvelle\u201d\u00a0: "
        "\u00ab\u202fmonde\u2009russe\u202f\u00bb\u200b co\u0302te\ufeff\r\nfin"
    )
    assert normalize_typography(raw) == (
        "Bien qu'il soit là, l'usine's \"nouvelle\" : « monde russe » côte\nfin"
    )


def test_applied_to_seeds(seeds: Path, write) -> None:
    write(
        "a.txt",
        "Bien qu\u2019il soit tard, l\u2019usine s\u2019agrandit\u00a0!\n\n"
        + "\n\n".join(FRENCH_BODY),
    )
    (doc,) = load_corpus(seeds).documents
    assert doc.title == "Bien qu'il soit tard, l'usine s'agrandit !"
    assert all(c not in doc.text for c in "\u2019\u00a0\u202f\u200b")
