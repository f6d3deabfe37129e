"""The reproducibility appendix: parameters, package versions and seed hashes of this build."""

from __future__ import annotations

import json
import re

import pandas as pd

from analysis.report.data import ReportData


def parameters_table(data: ReportData) -> pd.DataFrame:
    params = data.run["parameters"]
    return pd.DataFrame(
        {
            "Parameter": list(params),
            "Value": [json.dumps(v, ensure_ascii=False) for v in params.values()],
        }
    )


def packages_table(data: ReportData) -> pd.DataFrame:
    packages = {"python": data.run["python"], **data.run["packages"]}
    return pd.DataFrame({"Package": list(packages), "Version": list(packages.values())})


#: Hex digits of a seed's SHA-256 shown in the book (64 bits: enough to tell a copy
#: apart); the seed-hashes CSV holds all 64.
HASH_SHOWN = 16


def seeds_table(data: ReportData, short: bool = False) -> pd.DataFrame:
    """File, SHA-256 and status of each seed; ``short``: the hash's first
    :data:`HASH_SHOWN` hex digits in monospace (a column the page can hold)."""
    seeds = pd.DataFrame(data.run["seeds"])
    if seeds.empty:
        return pd.DataFrame(columns=["File", "SHA-256", "Status"])
    hashes = seeds["sha256"].astype(str)
    if short:
        # hex digits only (checked), so the code literal is our own markup
        hashes = [f"`{h[:HASH_SHOWN]}…`" if re.fullmatch("[0-9a-f]{64}", h) else "" for h in hashes]
    return pd.DataFrame({"File": seeds["file"], "SHA-256": hashes, "Status": seeds["status"]})
