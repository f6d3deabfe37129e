"""Small ReportData objects for the report tests, built from rows given in the test.

The tables are written as CSV with the build's own writer and read back with the
chapters' loader (``analysis.report.data.load``), so the tests see the same dtypes as a
real build (``true``/``false`` booleans, empty cells as "" or NaN).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis import tables
from analysis.report import data as report_data

#: Tables the chapters read besides the extraction's (their schemas are in ``analysis.tables``).
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {"sources": tables.SOURCE_COLUMNS}


def columns(name: str) -> tuple[str, ...]:
    return tables.COLUMNS.get(name) or tables.DETAIL_COLUMNS.get(name) or EXTRA_COLUMNS[name]


ALL_TABLES = tuple(
    dict.fromkeys([*tables.COLUMNS, *tables.DETAIL_COLUMNS, *EXTRA_COLUMNS, *report_data.TABLES])
)


def table(name: str, rows: list[dict] | None = None) -> pd.DataFrame:
    """A table with the schema's columns in order; missing cells are empty."""
    cols = columns(name)
    return pd.DataFrame([[r.get(c) for c in cols] for r in rows or []], columns=list(cols))


def make_data(
    folder: Path, run: dict | None = None, **rows: list[dict] | pd.DataFrame
) -> report_data.ReportData:
    """Write every table (core, detail, sources) to ``folder`` and load it as the chapters do.

    ``rows`` maps a table name (``documents``, ``figures_detail``…) to a list of row
    dicts or a DataFrame; tables not given are written empty.
    """
    unknown = set(rows) - set(ALL_TABLES)
    if unknown:
        raise ValueError(f"unknown table(s): {sorted(unknown)}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ALL_TABLES:
        given = rows.get(name)
        if isinstance(given, pd.DataFrame):
            frame = given.reindex(columns=list(columns(name)))
        else:
            frame = table(name, given)
        tables.write_csv(frame, folder / f"{name}.csv")
    manifest = run or {"parameters": {}, "python": "", "packages": {}, "seeds": []}
    (folder / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    return report_data.load(folder)


def document(doc: str, words: int = 300, language: str = "en", **extra: object) -> dict:
    """One documents.csv row with plausible defaults."""
    row = {
        "document": doc,
        "title": f"Title of {doc}",
        "language": language,
        "words": words,
        "boilerplate_share": 0.0,
        "repetition_share": 0.0,
        "specificity": 8.0,
        "status": "ok",
    }
    row.update(extra)
    return row
