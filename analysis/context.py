"""Context data from public sources (``analysis/data/context/``), with their citations.

Rows whose ``read_via`` starts with "secondary copy" were read through a copy of the
original, not the original itself: the book cites them as "as reported by".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import myst
from analysis.tables import read_csv

CONTEXT_DIR = Path(__file__).parent / "data" / "context"


def _read(name: str, folder: Path) -> pd.DataFrame:
    frame = read_csv(folder / name)
    frame["secondary"] = frame["read_via"].str.startswith("secondary")
    return frame


def figures(folder: Path = CONTEXT_DIR) -> pd.DataFrame:
    """One published figure a row: dataset, country, metric, value, unit, year, source_key…"""
    return _read("context_figures.csv", folder)


def events(folder: Path = CONTEXT_DIR) -> pd.DataFrame:
    """Dated events the seeds refer to (dates of the events, not of articles), with the
    ``actors`` they are about ("; "-separated canonical names)."""
    frame = _read("events.csv", folder)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    return frame


def measures(folder: Path = CONTEXT_DIR) -> pd.DataFrame:
    """Dated sanctions, export-control and market measures, one a row: date, actor (who
    took it), target (whom it concerns: a country, or "World"), measure, instrument,
    scope ("; "-separated, see ``scopes.yaml``), source (a key of ``references.bib``),
    read_via and note. ``source_key`` repeats ``source`` for the citation helpers."""
    frame = _read("measures.csv", folder)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["source_key"] = frame["source"]
    return frame


def citation(source_key: str, secondary: bool) -> str:
    """A MyST citation, prefixed "as reported by" when read through a secondary copy."""
    return ("as reported by " if secondary else "") + myst.cite(source_key)


def citations(frame: pd.DataFrame) -> str:
    """Citations for every distinct source of ``frame`` (rows with source_key, secondary):
    the sources read in the original in one citation, then those read through a copy in
    another, "as reported by [3, 4]"."""
    pairs = frame[["source_key", "secondary"]].drop_duplicates().sort_values("source_key")
    parts = []
    for secondary in (False, True):
        keys = list(dict.fromkeys(pairs.loc[pairs["secondary"] == secondary, "source_key"]))
        if keys:
            parts.append(("as reported by " if secondary else "") + myst.cite(*keys))
    return "; ".join(parts)
