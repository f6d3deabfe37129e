"""The reproducibility appendix: parameters, package versions and seed hashes of this build."""

from __future__ import annotations

import json

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


def seeds_table(data: ReportData) -> pd.DataFrame:
    seeds = pd.DataFrame(data.run["seeds"])
    if seeds.empty:
        return pd.DataFrame(columns=["File", "SHA-256", "Status"])
    return pd.DataFrame(
        {"File": seeds["file"], "SHA-256": seeds["sha256"], "Status": seeds["status"]}
    )
