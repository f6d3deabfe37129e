"""Extraction engine: actors, relations and figures from cleaned documents.

Public API::

    tables = extract(documents)            # Tables of pandas DataFrames
    tables = extract(documents, cache_dir=Path("_build/cache/extraction"),
                     n_process=None, progress=True, scheduler=None)
    tables.stats.summary()                 # "extraction cache: 4 hits, 1 miss"
    paths = write_tables(tables, out_dir)  # CSV files, byte-identical across runs
    scores = evaluate(tables, gold_dir)    # precision / recall / F1 per table
    tables = read_tables(out_dir)          # the CSVs read back (e.g. in a chapter)

Column meanings are documented in ``analysis/tables.py``; the method of each step in the
docstrings of ``actors``, ``countries``, ``relations``, ``sentences`` and ``figures``;
per-document results and their aggregation in ``pipeline``; the cache in ``cache``; local
processes and Dask clusters in ``parallel``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.corpus.model import Document
from analysis.extraction.cache import EXTRACTOR_VERSION, ExtractionStats
from analysis.extraction.nlp import FRENCH_MODEL
from analysis.tables import COLUMNS, DETAIL_COLUMNS, read_csv, write_csv

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractionStats",
    "Tables",
    "evaluate",
    "extract",
    "read_tables",
    "write_tables",
]


@dataclass
class Tables:
    """The six core tables (columns as in ``analysis.tables.COLUMNS``) and detail tables."""

    documents: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    relations: pd.DataFrame
    figures: pd.DataFrame
    candidates: pd.DataFrame
    details: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: What the extraction run did: cache hits and misses, time, where it ran.
    stats: ExtractionStats = field(default_factory=ExtractionStats)


def extract(
    documents: list[Document],
    *,
    model: str = FRENCH_MODEL,
    n_process: int | None = None,
    cache_dir: Path | None = None,
    progress: bool = True,
    scheduler: str | Client | None = None,
) -> Tables:
    """Run the extraction over ``documents`` (usable ones; others are listed with status).

    ``cache_dir``: a folder of per-document results (e.g. ``_build/cache/extraction``);
    only documents not in it are extracted. ``n_process``: worker processes for the
    documents to extract (None: serial below 50 documents, else one per core).
    ``progress``: a progress bar on stderr when it is a terminal. ``scheduler``: a Dask
    scheduler address (``tcp://host:8786``) or ``distributed.Client`` to extract on
    instead of local processes (see ``parallel``). The tables are the same in every case.
    """
    from analysis.extraction.assemble import combine
    from analysis.extraction.parallel import run

    results, stats = run(
        documents,
        model=model,
        n_process=n_process,
        cache_dir=cache_dir,
        progress=progress,
        scheduler=scheduler,
    )
    built = combine(documents, results)
    core = {name: built.pop(name) for name in COLUMNS}
    return Tables(**core, details={n: built[n] for n in DETAIL_COLUMNS}, stats=stats)


def write_tables(tables: Tables, out_dir: Path) -> list[Path]:
    """Write every table as ``<name>.csv`` in ``out_dir``; return the paths written."""
    out_dir = Path(out_dir)
    paths = [write_csv(getattr(tables, name), out_dir / f"{name}.csv") for name in COLUMNS]
    for name in DETAIL_COLUMNS:
        if name in tables.details:
            paths.append(write_csv(tables.details[name], out_dir / f"{name}.csv"))
    return paths


def evaluate(tables: Tables, gold_dir: Path) -> pd.DataFrame:
    """Precision, recall and F1 of ``tables`` against the gold CSVs in ``gold_dir``."""
    from analysis.extraction.evaluate import evaluate as _evaluate

    return _evaluate(tables, gold_dir)


def read_tables(out_dir: Path) -> Tables:
    """Read tables written by ``write_tables`` (cells as strings, ``value`` as float)."""
    out_dir = Path(out_dir)

    def read(name: str) -> pd.DataFrame:
        df = read_csv(out_dir / f"{name}.csv", text=True)
        if name == "figures":
            df["value"] = df["value"].astype(float)
        return df

    details = {n: read(n) for n in DETAIL_COLUMNS if (out_dir / f"{n}.csv").exists()}
    return Tables(**{n: read(n) for n in COLUMNS}, details=details)
