"""The seeds' quantitative claims as a table: values, units, kinds, hedges and sentences.

A claim is one row of ``figures_detail.csv`` (the figure as written, its hedge words and
attribution) with the sentence it comes from. This module shapes them; the Claims
register and the supply-chain chapter word and draw them.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis import myst
from analysis.events import sentence_order
from analysis.extraction.units import CAPACITY_UNITS, UNIT_WORDS
from analysis.report.claim_merge import merge_repeats, scope_notes
from analysis.report.data import ReportData, detail_table

NO_UNIT = "no unit (bare number)"


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() == "true"
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def _text(series: pd.Series) -> pd.Series:
    """A text column with missing cells as "" (an all-empty CSV column reads as NaN floats)."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _year(value: object) -> int | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else int(number)


CLAIM_COLUMNS = (
    "document",
    "sentence_id",
    "position",
    "text",
    "value",
    "unit",
    "year",
    "subject",
    "kind",
    "bound",
    "hedged",
    "hedges",
    "attribution",
    "sentence",
    "citation",
    "start",
    "end",
    "sentence_ids",
    "sentences",
    "scope",
    "phrase",
)


def claims_frame(data: ReportData) -> pd.DataFrame:
    """One row per claim: figures_detail (or figures) with the quoted sentence and citation.

    ``hedges`` is a list of hedge words as written; ``year`` is an integer or None. A
    figure a seed states in several sentences is one claim (see
    :func:`~analysis.report.claim_merge.merge_repeats`); ``scope`` is its seed's scope
    note, if any.
    """
    detail = detail_table(data, "figures_detail")
    figures = data.figures
    if detail.empty and not figures.empty:
        detail = figures.assign(
            position=0, text="", hedges="", attribution="", start=math.nan, end=math.nan
        )
    if detail.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in CLAIM_COLUMNS})
    sentences = dict(zip(figures["sentence_id"], figures["sentence"], strict=False))
    extra = detail_table(data, "sentences")
    for sid, text in zip(extra["sentence_id"], extra["text"], strict=False):
        sentences.setdefault(sid, text)
    frame = pd.DataFrame(
        {
            "document": _text(detail["document"]),
            "sentence_id": _text(detail["sentence_id"]),
            "position": pd.to_numeric(detail["position"], errors="coerce").fillna(0).astype(int),
            "text": _text(detail["text"]),
            "value": pd.to_numeric(detail["value"], errors="coerce"),
            "unit": _text(detail["unit"]),
            "year": pd.Series([_year(y) for y in detail["year"]], dtype=object),
            "subject": _text(detail["subject"]),
            "kind": _text(detail["kind"]),
            "bound": _text(detail["bound"]) if "bound" in detail else "",
            "hedged": [_bool(h) for h in detail["hedged"]],
            "hedges": [[h for h in x.split(";") if h.strip()] for x in _text(detail["hedges"])],
            "attribution": _text(detail["attribution"]),
            # the figure's clause as written (older builds: the figure alone)
            "phrase": _text(detail["phrase"]) if "phrase" in detail else _text(detail["text"]),
        }
    )
    for column in ("start", "end"):
        frame[column] = pd.to_numeric(detail[column], errors="coerce").to_numpy()
    frame.index = range(len(frame))
    frame["sentence"] = [sentences.get(s, "") for s in frame["sentence_id"]]
    frame["citation"] = [myst.cite(myst.seed_key(d)) for d in frame["document"]]
    order = [
        (d, sentence_order(s), p)
        for d, s, p in frame[["document", "sentence_id", "position"]].itertuples(index=False)
    ]
    frame = frame.iloc[sorted(range(len(frame)), key=lambda i: order[i])].reset_index(drop=True)
    frame = merge_repeats(frame)
    frame["scope"] = scope_notes(frame, data.sources)
    return frame[list(CLAIM_COLUMNS)]


def format_value(value: float) -> str:
    """A number as a reader expects it: 1,500,000; 58.7; 0.35."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.1f}"


def quantity(value: float, unit: str) -> str:
    """``1,500,000 vehicles a year``, ``50%``, ``350 MW``."""
    number = format_value(value)
    if unit == "%":
        return f"{number}%"
    words = UNIT_WORDS.get(unit, unit)
    return f"{number} {words}".strip()


def kind_counts(
    claims: pd.DataFrame, documents: pd.DataFrame, labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Claims per usable document and kind, with zero rows for documents without claims;
    ``seed`` is each document's readable label (``labels``, else its file id)."""
    docs = list(documents["document"].astype(str))
    kinds = sorted(set(claims["kind"]) | {"target", "fact"})  # forecasts when there are any
    counted = claims.groupby(["document", "kind"]).size()
    rows = [
        {"document": d, "kind": k, "claims": int(counted.get((d, k), 0))}
        for d in docs
        for k in kinds
    ]
    frame = pd.DataFrame(rows, columns=["document", "kind", "claims"])
    hedged = claims[claims["hedged"].astype(bool)].groupby(["document", "kind"]).size()
    frame["hedged"] = [
        int(hedged.get((d, k), 0)) for d, k in frame[["document", "kind"]].itertuples(index=False)
    ]
    frame["seed"] = [(labels or {}).get(d, d) for d in frame["document"]]
    return frame


def label_claims(claims: pd.DataFrame) -> list[str]:
    """A short, unique label per claim: subject and the figure as written."""
    labels: list[str] = []
    used: set[str] = set()
    next_number: dict[str, int] = {}  # per base, the first "(k)" not known to be taken
    for subject, text, value, unit in claims[["subject", "text", "value", "unit"]].itertuples(
        index=False
    ):
        base = f"{subject or 'no subject'}: {text or quantity(value, unit)}"
        label = base
        if label in used:
            k = next_number.get(base, 2)
            label = f"{base} ({k})"
            while label in used:
                k += 1
                label = f"{base} ({k})"
            next_number[base] = k + 1
        used.add(label)
        labels.append(label)
    return labels


def capacity_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """Announced capacities, targets and forecasts with a positive value, for the log chart.

    A claim is kept when its unit is capacity-like or when it is not a fact; the ``unit``
    column keeps the unit exactly, so that the chart never puts two units on one axis.
    """
    keep = claims[
        (claims["value"] > 0) & (claims["unit"].isin(CAPACITY_UNITS) | (claims["kind"] != "fact"))
    ].copy()
    if keep.empty:
        return pd.DataFrame(
            columns=[
                "label",
                "document",
                "value",
                "unit",
                "kind",
                "bound",
                "year",
                "hedge",
                "attribution",
                "text",
            ]
        )
    return pd.DataFrame(
        {
            "label": label_claims(keep),
            "document": keep["document"].to_numpy(),
            "value": keep["value"].astype(float).to_numpy(),
            "unit": [u or NO_UNIT for u in keep["unit"]],
            "kind": keep["kind"].to_numpy(),
            "bound": keep["bound"].to_numpy(),
            "year": pd.array(keep["year"].to_list(), dtype="Int64"),
            "hedge": [
                "; ".join(h) if h else ("yes" if d else "no")
                for h, d in zip(keep["hedges"], keep["hedged"], strict=True)
            ],
            "attribution": keep["attribution"].to_numpy(),
            "text": keep["text"].to_numpy(),
        }
    )


#: Claims a capacity chart draws one by one; beyond, their distribution per unit and kind.
CAPACITY_ROWS = 40


#: Units (facet rows) a distribution chart shows at most: those with most claims.
CAPACITY_UNITS_SHOWN = 10


def per_claim(frame: pd.DataFrame, rows: int = CAPACITY_ROWS) -> bool:
    """Whether a capacity chart draws each claim (up to ``rows`` claims)."""
    return len(frame) <= rows


def capacity_distribution(frame: pd.DataFrame, units: int = CAPACITY_UNITS_SHOWN) -> pd.DataFrame:
    """Per unit and kind (for the ``units`` units with most claims): how many claims, from
    how many seeds, and the smallest, lower-quartile, median, upper-quartile and largest
    value. The data of :func:`distribution_chart`."""
    columns = ["unit", "kind", "claims", "seeds", "min", "q1", "median", "q3", "max"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    counts = frame["unit"].value_counts()
    ranked = sorted(counts.index, key=lambda u: (-int(counts[u]), str(u)))[:units]
    rows = []
    for unit in ranked:
        for kind, group in frame[frame["unit"] == unit].groupby("kind", sort=True):
            values = group["value"].astype(float)
            rows.append(
                {
                    "unit": unit,
                    "kind": kind,
                    "claims": len(group),
                    "seeds": group["document"].nunique(),
                    "min": values.min(),
                    "q1": values.quantile(0.25),
                    "median": values.median(),
                    "q3": values.quantile(0.75),
                    "max": values.max(),
                }
            )
    return pd.DataFrame(rows, columns=columns)
