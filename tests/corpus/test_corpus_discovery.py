"""Requirement 1 (discovery) and the errors that do raise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from corpus_samples import article

from analysis.corpus import load_corpus


def by_id(corpus):
    return {d.id: d for d in corpus.documents}


def test_supported_types_are_read_and_others_skipped(seeds: Path, write) -> None:
    write("a.txt", article())
    write("b.md", "# " + article())
    write(
        "c.html",
        f"<html><body><article><p>{' '.join(article().split())}</p></article></body></html>",
    )
    write("d.htm", f"<html><body><p>{' '.join(article().split())}</p></body></html>")
    write("e.pdf", b"%PDF-1.4 not really")
    write("f.docx", b"PK\x03\x04")
    write("noext", "texte")
    write("provenance.csv", "seed,publisher\n")
    write("README.md", "Ce dossier contient les articles.")
    write(".hidden.txt", article())
    (seeds / "sub").mkdir()
    (seeds / "sub" / "nested.txt").write_text(article(), encoding="utf-8")

    corpus = load_corpus(seeds)
    docs = by_id(corpus)
    # Not recursive; sidecar, README and hidden files are not seeds.
    assert sorted(docs) == ["a", "b", "c", "d", "e", "f", "noext"]
    assert docs["e"].status == "skipped: unsupported file type .pdf"
    assert docs["f"].status == "skipped: unsupported file type .docx"
    assert docs["noext"].status == "skipped: unsupported file type (no suffix)"
    assert "seeds/e.pdf: skipped: unsupported file type .pdf" in corpus.messages
    # a, b, c, d are the same article: the later ids are flagged or skipped as duplicates,
    # but all four were read.
    assert docs["a"].status == "ok"
    assert all(docs[i].words > 0 for i in "abcd")
    assert [d.id for d in corpus.documents] == sorted(docs)


def test_symlink_outside_is_not_followed(tmp_path: Path, seeds: Path, write) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(article(), encoding="utf-8")
    os.symlink(secret, seeds / "outside.txt")
    os.symlink(tmp_path / "missing.txt", seeds / "broken.txt")
    write("inside.txt", article())
    os.symlink(seeds / "inside.txt", seeds / "zlink.txt")

    docs = by_id(load_corpus(seeds))
    assert docs["outside"].status.startswith("skipped: symbolic link pointing outside")
    assert docs["outside"].paragraphs == [] and docs["outside"].sha256 == ""
    assert docs["broken"].status == "skipped: broken symbolic link"
    assert docs["inside"].status == "ok"
    # A link inside the folder is read, and is then a copy of its target.
    assert docs["zlink"].status == "skipped: exact duplicate of inside"


def test_names_with_spaces_and_accents(seeds: Path, write) -> None:
    write("Éditorial de l'été 2024.txt", article())
    docs = by_id(load_corpus(seeds))
    assert list(docs) == ["Éditorial de l'été 2024"]
    assert docs["Éditorial de l'été 2024"].status == "ok"


def test_same_stem_gets_a_distinct_id(seeds: Path, write) -> None:
    write("x.txt", article())
    write(
        "x.md",
        article(body=["Un tout autre texte, écrit pour ce test et assez long pour être lu."]),
    )
    docs = by_id(load_corpus(seeds))
    assert docs["x"].path.name == "x.md"
    assert docs["x.txt"].status == "skipped: same id as x.md"


def test_missing_or_not_a_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    file = tmp_path / "file.txt"
    file.write_text("x")
    with pytest.raises(ValueError, match="not a folder"):
        load_corpus(file)


def test_empty_folder(seeds: Path) -> None:
    corpus = load_corpus(seeds)
    assert corpus.documents == [] and corpus.messages == []
