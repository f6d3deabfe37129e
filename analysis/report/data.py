"""Load a build's tables (``<data_dir>/*.csv``) and its run manifest for the chapters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import manifest
from analysis.corpus.model import usable_status
from analysis.report.seed_labels import seed_labels
from analysis.tables import empty as empty_table
from analysis.tables import read_csv

TABLES = ("documents", "entities", "mentions", "relations", "figures", "candidates", "sources")


@dataclass
class ReportData:
    data_dir: Path
    documents: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    relations: pd.DataFrame
    figures: pd.DataFrame
    candidates: pd.DataFrame
    #: What the provenance sidecar says of each seed (publisher, url, events_date…).
    sources: pd.DataFrame
    run: dict
    #: Frames derived from the tables, computed once per chapter (see :meth:`derived`).
    _derived: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False, compare=False)
    _labels: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """``compute()``, computed on the first call for ``key`` and remembered; callers get
        a copy, so changing it cannot change what the next caller sees. On 10,000 articles,
        recomputing the relation table in every section cost minutes per chapter."""
        if key not in self._derived:
            self._derived[key] = compute()
        value = self._derived[key]
        # frames are copied; an immutable value (a frozen dataclass) is shared as it is
        return value.copy() if isinstance(value, pd.DataFrame) else value

    @property
    def seed_labels(self) -> dict[str, str]:
        """Each seed's short readable label for charts (:mod:`seed_labels`), by file id."""
        if "seed_labels" not in self._labels:
            self._labels["seed_labels"] = seed_labels(self.documents, self.sources)
        return self._labels["seed_labels"]

    @property
    def usable_documents(self) -> pd.DataFrame:
        status = self.documents["status"].astype(str)
        return self.documents[status.map(usable_status).astype(bool)]


def read_table(data_dir: Path, name: str) -> pd.DataFrame:
    path = Path(data_dir) / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make book` (or analysis.build) first")
    return read_csv(path)


def load(data_dir: str | Path) -> ReportData:
    data_dir = Path(data_dir)
    tables = {name: read_table(data_dir, name) for name in TABLES}
    # Provenance is all text (dates such as "2023-05" included), even when a column is empty.
    tables["sources"] = read_csv(data_dir / "sources.csv", text=True)
    return ReportData(data_dir=data_dir, run=manifest.read_manifest(data_dir), **tables)


def detail_table(data: ReportData, name: str) -> pd.DataFrame:
    """A detail table of the build (``sentences``, ``figures_detail``…), empty if absent."""
    path = Path(data.data_dir) / f"{name}.csv"
    if not path.exists():
        return empty_table(name)
    return data.derived(f"detail:{name}", lambda: read_table(data.data_dir, name))
