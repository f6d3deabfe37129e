"""A folder of Russian articles builds a book that reads them (issue 14).

The three articles of ``tests/unseen/folder_s`` (cp1251, UTF-8, KOI8-R) are built into
HTML and PDF: they are read, not skipped; their quotes stay in Cyrillic in both and say
they are Russian; the corpus chapter names the language; the search index has their
words; the seeds folder is never written to.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from tests.robustness.conftest import build_seeds
from tests.robustness.seedgen import SeedFolder
from tests.robustness.test_hostile_seeds import pdf_text

FOLDER = Path(__file__).resolve().parents[1] / "unseen" / "folder_s" / "seeds"


def test_russian_articles_are_read_quoted_in_cyrillic_and_searchable(tmp_path: Path) -> None:
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    shutil.copytree(FOLDER, seeds)
    outside.mkdir()
    book = build_seeds(SeedFolder(seeds, outside, outside / "sentinel"), tmp_path / "_build")
    documents = pd.read_csv(book.data / "documents.csv")
    assert set(documents["language"]) == {"ru"} and set(documents["status"]) == {"ok"}
    corpus = (book.html / "chapters" / "corpus.html").read_text(encoding="utf-8")
    assert "3 in Russian" in corpus
    actors = (book.html / "chapters" / "actors.html").read_text(encoding="utf-8")
    assert "машинокомплектов" in actors and "(Russian)" in actors
    assert "Москвич" in pdf_text(book.pdf)
    raw = (book.html / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(raw[len("Search.setIndex(") : -1])["terms"]
    assert "москвич" in terms and "машинокомплектов" in terms
    assert book.before == book.after  # the seeds folder is never written to
