"""Requirement 7: language per document; other languages reported, not misparsed."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import ENGLISH_BODY, ENGLISH_TITLE, article

from analysis.corpus import load_corpus
from analysis.corpus.language import identify_language

GERMAN = (
    "Der chinesische Autohersteller Geely hat am Dienstag in Usbekistan ein neues Werk "
    "eröffnet. Nach Angaben des Ministeriums sollen dort jährlich vierzigtausend Fahrzeuge "
    "gebaut werden, von denen ein Teil nach Kasachstan exportiert wird."
)


def test_french_english_and_other(seeds: Path, write) -> None:
    write("fr.txt", article())
    write("en.txt", article(ENGLISH_TITLE, ENGLISH_BODY))
    write("de.txt", "Geely eröffnet ein Werk in Usbekistan\n\n" + GERMAN)
    write("short.txt", "Kamaz, JAC")
    corpus = load_corpus(seeds)
    docs = {d.id: d for d in corpus.documents}
    assert (docs["fr"].language, docs["fr"].status) == ("fr", "ok")
    assert (docs["en"].language, docs["en"].status) == ("en", "ok")
    assert docs["de"].status == "skipped: unsupported language de"
    assert docs["de"].language == "de"
    assert docs["short"].status.startswith("skipped: too little text to identify the language")
    assert "seeds/de.txt: skipped: unsupported language de" in corpus.messages


def test_identify_language_is_robust() -> None:
    assert identify_language("").problem.startswith("too little text")
    assert identify_language("Renault Nissan Kamaz JAC Moskvich Lada").language in {"", "fr", "en"}
    # Mostly French with an English caption still comes out French.
    mixed = article() + "\n\nRussia is reviving the Moskvich brand. © Getty Images"
    assert identify_language(mixed).language == "fr"
