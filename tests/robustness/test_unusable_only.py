"""A folder whose only seed cannot be analysed still builds a short book, HTML and PDF."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.robustness.conftest import build_seeds
from tests.robustness.seedgen import SeedFolder

# Ukrainian stays unsupported (Russian is read since issue 14): it is skipped, and said so.
UKRAINIAN = (
    "Завод у Калузі збирає автомобілі під брендом Tenet з машинокомплектів Chery. "
    "За даними Автостату, продажі зросли на 20% у 2024 році.\n"
)


def test_one_unsupported_seed_builds_html_and_pdf(tmp_path: Path) -> None:
    seeds, outside = tmp_path / "seeds", tmp_path / "outside"
    seeds.mkdir()
    outside.mkdir()
    (seeds / "uk1.txt").write_text(UKRAINIAN, encoding="utf-8")
    folder = SeedFolder(seeds, outside, outside / "sentinel")
    book = build_seeds(folder, tmp_path / "_build")  # asserts the build succeeded
    assert book.pdf.exists() and book.pdf.stat().st_size > 0
    documents = pd.read_csv(book.data / "documents.csv")
    assert documents["status"].tolist() == ["skipped: unsupported language uk"]
    corpus = (book.html / "chapters" / "corpus.html").read_text(encoding="utf-8")
    assert "unsupported language uk" in corpus  # the reader is told which file and why
    assert book.before == book.after  # the seeds folder is never written to
