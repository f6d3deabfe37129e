"""The chapters' data object: derived tables are computed once and handed out as copies."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.fixtures.report_data import make_data


def test_derived_tables_are_computed_once_and_copied(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    calls = []

    def compute() -> pd.DataFrame:
        calls.append(1)
        return pd.DataFrame({"x": [1, 2]})

    first = data.derived("example", compute)
    first.loc[0, "x"] = 99  # a caller changing its copy
    second = data.derived("example", compute)
    assert len(calls) == 1
    assert second["x"].tolist() == [1, 2]
