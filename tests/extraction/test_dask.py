"""Extraction on a Dask distributed cluster (a LocalCluster on the loopback interface)."""

from __future__ import annotations

import pytest
from test_cache import same_tables

from analysis.corpus import load_corpus
from analysis.extraction import extract
from tests.fixtures.extraction_shared import SEEDS, seed_tables

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def test_tables_from_the_cluster_equal_the_local_tables(cluster, tmp_path):
    docs = load_corpus(SEEDS).documents
    tables = extract(docs, scheduler=cluster.scheduler_address, progress=False)
    assert tables.stats.where == f"dask {cluster.scheduler_address}"
    assert tables.stats.misses == len(docs)
    same_tables(tables, seed_tables(), tmp_path)


def test_cluster_results_are_cached_locally(cluster, tmp_path):
    docs = load_corpus(SEEDS).documents
    cache = tmp_path / "cache"
    with distributed.Client(cluster) as client:
        first = extract(docs, scheduler=client, cache_dir=cache, progress=False)
    second = extract(docs, cache_dir=cache, progress=False)
    assert (first.stats.misses, second.stats.hits) == (len(docs), len(docs))
    same_tables(second, seed_tables(), tmp_path)
