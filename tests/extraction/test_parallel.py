"""Extraction on local worker processes: the same tables as the serial path."""

from __future__ import annotations

import os

import pytest
from test_cache import same_tables

from analysis.corpus import load_corpus
from analysis.extraction import extract
from analysis.extraction.parallel import (
    PARALLEL_MIN_DOCUMENTS,
    _worker_environment,
    choose_n_process,
    chunks,
    progress_bar,
)
from tests.fixtures.extraction_shared import ARTICLES, SEEDS


def test_two_processes_give_the_serial_tables_and_fill_the_cache(tmp_path):
    # French and English documents, so that chunks mix languages.
    docs = load_corpus(SEEDS).documents + load_corpus(ARTICLES).documents
    serial = extract(docs, n_process=1, progress=False)
    parallel = extract(docs, n_process=2, cache_dir=tmp_path / "cache", progress=False)
    assert serial.stats.where == "serial" and parallel.stats.where == "2 processes"
    assert parallel.stats.misses == len(docs)
    same_tables(parallel, serial, tmp_path)
    # What the workers extracted serves a later serial run.
    cached = extract(docs, n_process=1, cache_dir=tmp_path / "cache", progress=False)
    assert (cached.stats.hits, cached.stats.misses) == (len(docs), 0)
    same_tables(cached, serial, tmp_path)


def test_n_process_is_chosen_by_size_unless_forced():
    assert choose_n_process(None, PARALLEL_MIN_DOCUMENTS - 1) == 1
    assert choose_n_process(None, PARALLEL_MIN_DOCUMENTS) >= 1
    assert choose_n_process(2, 3) == 2
    with pytest.raises(ValueError):
        choose_n_process(0, 10)


def test_chunks_cover_every_document_once_in_order():
    docs = list(range(1000))
    parts = chunks(docs, 2)  # type: ignore[arg-type]
    assert [d for part in parts for d in part] == docs
    assert len(parts) >= 16 and max(len(p) for p in parts) <= 64
    assert chunks(docs[:3], 2) == [[0], [1], [2]]  # type: ignore[arg-type]


def test_progress_bar_is_off_when_asked_or_not_a_terminal():
    with progress_bar(10, 0, enabled=False) as bar:
        assert bar.disable
    with progress_bar(10, 0, enabled=True) as bar:  # pytest captures stderr: not a TTY
        assert bar.disable


def test_workers_get_one_blas_thread_and_a_users_setting_stands(monkeypatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with _worker_environment():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "3"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert os.environ["OMP_NUM_THREADS"] == "3"
