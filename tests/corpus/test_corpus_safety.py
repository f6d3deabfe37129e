"""Requirements 10 and 11: deterministic, read-only, and fast enough for big corpora."""

from __future__ import annotations

import os
import time
from pathlib import Path

from corpus_samples import ENGLISH_BODY, FRENCH_BODY, FRENCH_TITLE, article, tree_digest

from analysis.corpus import load_corpus


def make_mixed_folder(seeds: Path, write) -> None:
    write("a.txt", article())
    write("b.md", "# " + article(body=ENGLISH_BODY))
    write("c.html", f"<html><body><h1>{FRENCH_TITLE}</h1><p>{FRENCH_BODY[0]}</p></body></html>")
    write("d.txt", article().encode("utf-16"))
    write("e.bin", os.urandom(100))
    write("f.txt", b"")
    write("provenance.csv", "seed,publisher\na,Journal\n")


def test_deterministic(seeds: Path, write) -> None:
    make_mixed_folder(seeds, write)
    first, second = load_corpus(seeds), load_corpus(seeds)
    assert first == second
    assert [d.id for d in first.documents] == sorted(d.id for d in first.documents)


def test_seeds_folder_is_never_written(seeds: Path, write) -> None:
    make_mixed_folder(seeds, write)
    before = tree_digest(seeds)
    mtimes = {p.name: p.stat().st_mtime_ns for p in seeds.iterdir()}
    load_corpus(seeds)
    assert tree_digest(seeds) == before
    assert {p.name: p.stat().st_mtime_ns for p in seeds.iterdir()} == mtimes


def test_thousands_of_documents(seeds: Path) -> None:
    sentences = [s for p in FRENCH_BODY + ENGLISH_BODY for s in p.split(", ")]
    for n in range(2000):
        # Distinct documents built from shared sentences: a worst case for the shingle index.
        lines = [f"Article numéro {n} sur l'usine {n % 97}"] + [
            f"{sentences[(n + k) % len(sentences)]} ({n}, {k})." for k in range(6)
        ]
        (seeds / f"{n:05d}.txt").write_text("\n\n".join(lines), encoding="utf-8")
    start = time.perf_counter()
    corpus = load_corpus(seeds)
    elapsed = time.perf_counter() - start
    assert len(corpus.documents) == 2000
    assert elapsed < 120, f"{elapsed:.1f}s for 2000 documents"


def test_reading_steps_are_timed(seeds: Path, write) -> None:
    make_mixed_folder(seeds, write)
    corpus = load_corpus(seeds)
    assert list(corpus.timings) == ["read", "clean", "duplicates", "finish"]
    assert all(seconds >= 0 for seconds in corpus.timings.values())
    assert corpus.timing_summary().startswith("read ")
