"""Requirement 9: paragraphs, word counts and file hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus_samples import ENGLISH_BODY, FRENCH_BODY, FRENCH_TITLE

from analysis.corpus import load_corpus
from analysis.corpus.text import word_count


def load_one(seeds: Path):
    (doc,) = load_corpus(seeds).documents
    return doc


def test_blank_lines_and_single_newlines(seeds: Path, write) -> None:
    text = (
        FRENCH_TITLE
        + "\n\n  "
        + FRENCH_BODY[0]
        + "  \n"
        + FRENCH_BODY[1]
        + "\n\n\n"
        + FRENCH_BODY[2]
    )
    write("a.txt", text)
    doc = load_one(seeds)
    assert [p.text for p in doc.paragraphs] == [FRENCH_TITLE, *FRENCH_BODY]
    assert [p.index for p in doc.paragraphs] == [0, 1, 2, 3]
    assert (
        doc.words
        == word_count(doc.text)
        == sum(word_count(t) for t in [FRENCH_TITLE, *FRENCH_BODY])
    )
    assert doc.sha256 == hashlib.sha256((seeds / "a.txt").read_bytes()).hexdigest()


def test_index_counts_kept_paragraphs(seeds: Path, write) -> None:
    write("a.txt", "\n\n".join(["Partager sur Facebook", FRENCH_TITLE, "Newsletter", *FRENCH_BODY]))
    doc = load_one(seeds)
    assert [p.index for p in doc.paragraphs] == [0, 1, 2, 3]
    assert doc.paragraphs[0].text == FRENCH_TITLE


def test_hard_wrapped_lines_are_joined(seeds: Path, write) -> None:
    wrapped = "China's Geely opened an electric car\nassembly plant in Jizzakh on Tuesday."
    write("a.txt", "\n\n".join(["Geely opens a plant in Uzbekistan", wrapped, *ENGLISH_BODY[1:]]))
    doc = load_one(seeds)
    assert doc.paragraphs[1].text == wrapped.replace("\n", " ")


def test_markdown(seeds: Path, write) -> None:
    md = (
        f"# {FRENCH_TITLE}\n\n![photo](usine.jpg)\n\n"
        "Le groupe **Geely** a inauguré mardi une usine\nd'assemblage à [Djizak](https://ex.org).\n\n"
        + "\n\n".join(FRENCH_BODY[1:])
    )
    write("a.md", md)
    doc = load_one(seeds)
    assert doc.title == FRENCH_TITLE and doc.paragraphs[0].heading
    assert (
        doc.paragraphs[1].text
        == "Le groupe Geely a inauguré mardi une usine d'assemblage à Djizak."
    )
