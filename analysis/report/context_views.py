"""What the chapters show of the context data besides their charts: the other series
about these seeds, and what the relevance rule left out (cited, so that a reader sees
every source the project holds and why it is not used here).

Reads context frames (:mod:`analysis.context`) and their relevant subsets
(:mod:`analysis.report.relevance`); returns tables and MyST text.
"""

from __future__ import annotations

import pandas as pd

from analysis import context
from analysis.report import figures
from analysis.report.wording import country_name, plural

#: Context series a chart of the supply-chain chapter draws: the table of other series
#: shows the rest.
CHARTED_DATASETS = frozenset(
    {
        "rare_earth_mine_production",
        "rare_earth_share",
        "battery_cell_capacity_share",
        "ev_battery_demand",
        "russia_car_sales",
        "russia_chinese_brand_share",
    }
)


def _value(value: float, unit: str) -> str:
    """``15.20 bn USD`` for a currency in billions, else :func:`figures.quantity`."""
    if unit == "USD" and value >= 1e9:
        return f"{value / 1e9:,.2f} bn USD"
    return figures.quantity(value, unit)


def other_series(ctx: pd.DataFrame) -> pd.DataFrame:
    """The relevant context figures no chart draws, as a table with their citations."""
    rows = ctx[~ctx["dataset"].isin(CHARTED_DATASETS)].sort_values(["dataset", "year"])
    return pd.DataFrame(
        {
            "Country": [country_name(c, missing="unknown") for c in rows["country"]],
            # plain text: the table escapes every column but Source (trusted, our citations)
            "Figure": list(rows["metric"]),
            "Year": rows["year"].astype(str),
            "Value": [_value(v, u) for v, u in zip(rows["value"], rows["unit"], strict=True)],
            "Note": ["" if pd.isna(n) else str(n) for n in rows["note"]],
            "Source": [
                context.citation(k, bool(s))
                for k, s in zip(rows["source_key"], rows["secondary"], strict=True)
            ],
        }
    )


def left_out(what: str, every: pd.DataFrame, kept: pd.DataFrame) -> str:
    """ "The context data holds 4 measures that these seeds are not about …", citing
    their sources ("" when the rule kept every row). ``kept`` is a subset of ``every``
    (the relevance rule's result)."""
    columns = [c for c in every.columns if c in kept.columns]
    marked = every.merge(kept[columns].drop_duplicates(), how="left", indicator=True)
    dropped = marked[marked["_merge"] == "left_only"]
    if dropped.empty:
        return ""
    return (
        f"The context data holds {plural(len(dropped), what)} that these seeds are not "
        "about (the seeds name none of their actors, or never speak of their subject), "
        "left out here by the rule of the methods appendix; their sources: "
        f"{context.citations(dropped)}."
    )
