"""Requirement 8: the real headline, or a derived and marked title."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import ENGLISH_BODY, FRENCH_BODY, FRENCH_TITLE

from analysis.corpus import load_corpus
from analysis.corpus.titles import choose_title, derive_title, truncate


def test_junk_first_line_is_not_the_title(seeds: Path, write) -> None:
    write("a.txt", "\n\n".join(["x", FRENCH_TITLE, *FRENCH_BODY]))
    (doc,) = load_corpus(seeds).documents
    assert doc.title == FRENCH_TITLE and not doc.title_derived


def test_repeated_headline_is_preferred() -> None:
    paragraphs = ["Accueil Auto Asie", FRENCH_TITLE, *FRENCH_BODY[:1], FRENCH_TITLE, *FRENCH_BODY]
    assert choose_title(paragraphs) == (FRENCH_TITLE, False)


def test_first_headline_like_line_when_none_repeats() -> None:
    paragraphs = [FRENCH_TITLE, "Un second intertitre sans point", *FRENCH_BODY]
    assert choose_title(paragraphs) == (FRENCH_TITLE, False)


def test_section_heading_after_body_is_not_a_headline() -> None:
    paragraphs = [
        ENGLISH_BODY[0] + " " + ENGLISH_BODY[1],
        "A section heading here",
        ENGLISH_BODY[2],
    ]
    title, derived = choose_title(paragraphs)
    assert derived and title.startswith("China's Geely opened")


def test_derived_title_skips_greetings_and_is_short() -> None:
    paragraphs = [
        "Bonjour à tous et bienvenue ! " + FRENCH_BODY[0],
        *FRENCH_BODY[1:],
    ]
    title = derive_title(paragraphs)
    assert title.startswith("Le groupe chinois Geely a inauguré")
    assert len(title) <= 100 and title.endswith("…")
    assert FRENCH_BODY[0].startswith(title[:-1])


def test_truncate_at_word_boundary() -> None:
    assert truncate("court") == "court"
    text = "mot " * 40
    cut = truncate(text, 30)
    assert len(cut) <= 30 and cut.endswith("mot…")


def test_html_title_wins() -> None:
    assert choose_title(["Autre chose ici"], "  Titre   de la page ") == ("Titre de la page", False)


def test_derived_flag_in_corpus(seeds: Path, write) -> None:
    write("a.txt", "Hello everyone and welcome! " + " ".join(ENGLISH_BODY))
    (doc,) = load_corpus(seeds).documents
    assert doc.title_derived
    assert doc.title.startswith("China's Geely opened an electric car assembly plant")
