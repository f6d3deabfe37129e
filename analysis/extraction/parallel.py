"""Where per-document extraction runs: serially, on a local process pool, or on Dask.

:func:`run` is what :func:`analysis.extraction.extract` calls: it takes cached results
(``cache``), extracts the misses - in this process, in ``n_process`` worker processes,
or on a Dask cluster - with a progress bar, stores the new results in the cache and
returns every result with an :class:`~analysis.extraction.cache.ExtractionStats`.

Every path runs the same function on each document (``pipeline.extract_documents``),
whose result depends on the document alone, and :func:`~analysis.extraction.assemble.combine`
sorts rows by reading order: the tables are identical whichever path is taken.

Local processes
    A ``ProcessPoolExecutor`` (``spawn``: no fork of a process holding BLAS threads or a
    loaded model) over chunks of documents; each worker loads the model once. It pays
    off above :data:`PARALLEL_MIN_DOCUMENTS` documents to extract (worker start-up and
    model loading take a few seconds), so ``n_process=None`` picks serial below that and
    one process per available core above it.

A Dask cluster (:func:`extract_on_dask`)
    Start a scheduler and workers on the cluster's machines, for example::

        dask scheduler                                   # on the scheduler host, port 8786
        dask worker tcp://host:8786 --nworkers 4 --nthreads 1   # on each worker machine

    Every worker needs this repository on its ``PYTHONPATH`` (the same commit: workers
    read the knowledge base and lexicons from their own checkout) and the packages of
    ``requirements.txt``, the spaCy model included, for example
    ``cd /path/to/repo && python3.11 -m venv .venv && .venv/bin/pip install -r
    requirements.txt`` and then ``PYTHONPATH=/path/to/repo .venv/bin/dask worker ...``.
    Then ``make book DASK_SCHEDULER=tcp://host:8786`` (or ``python -m analysis.build
    --dask-scheduler tcp://host:8786``). Before sending work, the client compares each
    worker's extractor fingerprint (code, knowledge base, lexicons, model versions) with
    its own and refuses mismatched workers, so cluster results equal local ones. Use one
    thread per worker process (``--nthreads 1``): extraction holds the GIL, and a lock
    serialises it within a process anyway. Only the extraction runs on the cluster; the
    cache, the notebooks and the book build stay local.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from analysis.corpus.model import Document
from analysis.extraction.cache import ExtractionStats, ResultCache, extractor_fingerprint
from analysis.extraction.nlp import FRENCH_MODEL
from analysis.extraction.pipeline import DocumentResult, extract_documents, extractable

if TYPE_CHECKING:
    from distributed import Client

#: Below this many documents to extract, ``n_process=None`` means serial.
PARALLEL_MIN_DOCUMENTS = 50
#: Largest chunk of documents sent to a worker at once (one ``nlp.pipe`` per chunk).
MAX_CHUNK = 64
#: Chunks per worker, at least: smaller chunks balance the load and move the progress bar.
CHUNKS_PER_WORKER = 8


class ExtractionError(RuntimeError):
    """Extraction could not run where it was asked to (e.g. a mismatched Dask worker)."""


def available_cores() -> int:
    """Cores this process may use (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def choose_n_process(n_process: int | None, n_documents: int) -> int:
    """``n_process`` if given, else serial below ``PARALLEL_MIN_DOCUMENTS`` documents and
    one process per available core above."""
    if n_process is not None:
        if n_process < 1:
            raise ValueError(f"n_process must be at least 1, not {n_process}")
        return n_process
    return 1 if n_documents < PARALLEL_MIN_DOCUMENTS else available_cores()


def chunks(documents: list[Document], workers: int) -> list[list[Document]]:
    """Consecutive chunks of ``documents``: about ``CHUNKS_PER_WORKER`` per worker."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(documents) / (workers * CHUNKS_PER_WORKER))))
    return [documents[i : i + size] for i in range(0, len(documents), size)]


# --- what a worker runs --------------------------------------------------------------

# One extraction at a time per process: spaCy pipelines and matchers are not meant to be
# shared between threads (a Dask worker may run several tasks in threads).
_LOCK = threading.Lock()


def extract_chunk(documents: list[Document], model: str = FRENCH_MODEL) -> list[DocumentResult]:
    """Extract ``documents`` in this process (the model is loaded once per process, by
    ``nlp.load_model``'s cache); the task run by pool and Dask workers."""
    with _LOCK:
        return list(extract_documents(documents, model))


# --- the three ways to run it ----------------------------------------------------------


def _serial(documents: list[Document], model: str) -> Iterator[DocumentResult]:
    yield from extract_documents(documents, model)


#: What worker processes inherit: one BLAS thread each. The models multiply small
#: matrices; with one worker per core, a BLAS thread pool in each worker only spins and
#: competes for the same cores. A value the user set stands.
WORKER_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextlib.contextmanager
def _worker_environment() -> Iterator[None]:
    """``WORKER_ENVIRONMENT`` for the processes spawned inside (this process's BLAS has
    read its own setting at import: it is left as it was)."""
    added = [k for k in WORKER_ENVIRONMENT if k not in os.environ]
    os.environ.update({k: WORKER_ENVIRONMENT[k] for k in added})
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


def _process_pool(documents: list[Document], model: str, workers: int) -> Iterator[DocumentResult]:
    context = multiprocessing.get_context("spawn")
    with (
        _worker_environment(),
        ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool,
    ):
        futures = [pool.submit(extract_chunk, c, model) for c in chunks(documents, workers)]
        try:
            for future in as_completed(futures):
                yield from future.result()
        finally:
            for future in futures:  # on error or interruption, drop the queued chunks
                future.cancel()


def extract_on_dask(
    documents: list[Document],
    scheduler: str | Client,
    *,
    model: str = FRENCH_MODEL,
    chunk_size: int | None = None,
) -> Iterator[DocumentResult]:
    """Extract ``documents`` on a Dask distributed cluster; yield results as they arrive.

    ``scheduler`` is an address (``tcp://host:8786``) or a connected
    ``distributed.Client``. Documents are sent in chunks (``chunk_size`` documents, by
    default about ``CHUNKS_PER_WORKER`` per worker thread, at most ``MAX_CHUNK``); each
    worker process loads the model once. Workers whose extractor fingerprint differs
    from this process's are refused with :class:`ExtractionError` (see the module
    docstring for setting up workers).
    """
    from distributed import Client, as_completed

    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        _check_workers(client, model)
        threads = sum(client.nthreads().values()) or 1
        if chunk_size is not None:
            parts = [documents[i : i + chunk_size] for i in range(0, len(documents), chunk_size)]
        else:
            parts = chunks(documents, threads)
        futures = client.map(extract_chunk, parts, model=model, pure=False)
        try:
            for _, results in as_completed(futures, with_results=True):
                yield from results
        finally:
            client.cancel(futures)
    finally:
        if isinstance(scheduler, str):
            client.close()


def _check_workers(client: Client, model: str) -> None:
    """Refuse to run on workers that would extract differently (or not at all)."""
    if not client.nthreads():
        raise ExtractionError(f"the Dask cluster at {client.scheduler.address} has no worker")
    try:
        remote = client.run(extractor_fingerprint, model)
    except (ImportError, AttributeError) as error:
        raise ExtractionError(
            f"Dask workers cannot import the extraction code ({error}); start them with this "
            "repository on their PYTHONPATH and the packages of requirements.txt installed"
        ) from None
    local = extractor_fingerprint(model)
    wrong = sorted(addr for addr, fp in remote.items() if fp != local)
    if wrong:
        raise ExtractionError(
            f"{len(wrong)} Dask worker(s) have other extraction code, knowledge base, lexicons "
            f"or model versions than this machine: {', '.join(wrong[:5])}"
        )


# --- the driver --------------------------------------------------------------------------


def progress_bar(total: int, initial: int, enabled: bool) -> tqdm:
    """A progress bar over documents on stderr (counts, docs/s), off unless a terminal."""
    return tqdm(
        total=total,
        initial=initial,
        desc="extraction",
        unit="doc",
        file=sys.stderr,
        disable=not (enabled and sys.stderr.isatty()),
        dynamic_ncols=True,
    )


def run(
    documents: Iterable[Document],
    *,
    model: str = FRENCH_MODEL,
    n_process: int | None = None,
    cache_dir: Path | None = None,
    progress: bool = True,
    scheduler: str | Client | None = None,
) -> tuple[list[DocumentResult], ExtractionStats]:
    """Results of every extractable document of ``documents``, from the cache or extracted."""
    started = time.perf_counter()
    usable = extractable(documents)
    cache = ResultCache(cache_dir, model) if cache_dir is not None else None
    if cache is not None:
        found, misses = cache.partition(usable)
    else:
        found, misses = {}, usable
    stats = ExtractionStats(documents=len(usable), hits=len(found), misses=len(misses))
    results = dict(found)
    if misses:
        if scheduler is not None:
            address = scheduler if isinstance(scheduler, str) else scheduler.scheduler.address
            stats.where = f"dask {address}"
            produced = extract_on_dask(misses, scheduler, model=model)
        else:
            workers = choose_n_process(n_process, len(misses))
            stats.where = "serial" if workers == 1 else f"{workers} processes"
            if workers == 1:
                produced = _serial(misses, model)
            else:
                produced = _process_pool(misses, model, workers)
        by_id = {d.id: d for d in misses}
        words, begun = 0, time.perf_counter()
        with progress_bar(len(usable), len(found), progress) as bar:
            for result in produced:
                results[result.document] = result
                if cache is not None:  # stored as it comes: an interrupted run keeps it
                    cache.put(by_id[result.document], result)
                words += by_id[result.document].words
                if not bar.disable:
                    rate = words / max(time.perf_counter() - begun, 1e-9)
                    bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)
                bar.update(1)
    if cache is not None:
        cache.prune()
    ordered = [results[d.id] for d in usable]
    stats.tokens = sum(r.tokens for r in ordered)
    stats.ner_tokens = sum(r.ner_tokens for r in ordered)
    stats.seconds = time.perf_counter() - started
    return ordered, stats
