"""How one quantitative claim reads and draws, wherever a chapter shows it.

Shared by the Claims register and the supply-chain chapter: a claim's sentence, its
qualifier and normalised value, the tooltips of a mark per claim, and the distribution
chart used when there are too many claims to draw one by one.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import charts, myst
from analysis.report.figures import (
    CAPACITY_UNITS_SHOWN,
    per_claim,
    quantity,
)

KIND_WORDS = {
    "target": "a target, plan or capacity, not an achieved figure",
    "forecast": "a forecast (what someone expects), not a target or an achieved figure",
    "fact": "reported as a fact",
}
#: How a bound reads before its number ("at least 1,500,000 vehicles a year").
BOUND_WORDS = {"lower": "at least", "upper": "at most"}
BOUND_NAMES = {"lower": "a lower bound", "upper": "an upper bound"}


def claim_tooltips() -> list[alt.Tooltip]:
    """Tooltips of a chart with one mark per claim (columns of :func:`capacity_frame`)."""
    return [
        alt.Tooltip("label:N", title="Claim"),
        alt.Tooltip("document:N", title="Seed"),
        alt.Tooltip("value:Q", title="Value", format=",.4~g"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("bound:N", title="Bound"),
        alt.Tooltip("hedge:N", title="Hedge"),
    ]


def hedge_words(hedges: list[str]) -> str:
    """Hedge words quoted and escaped, for prose: “environ”, “s'attendait”."""
    return ", ".join(f"“{myst.escape(h)}”" for h in hedges)


def claim_sentence(row: pd.Series) -> str:
    """One generated sentence stating a claim with its kind, hedge, attribution and citation."""
    subject = myst.escape(row["subject"]) if row["subject"] else "A figure with no named subject"
    quoted = row.get("phrase") or row.get("text")
    written = f" (“{myst.escape(quoted)}”)" if quoted else ""
    year = f" in {row['year']}" if row["year"] is not None else ""
    parts = [KIND_WORDS.get(row["kind"], myst.escape(row["kind"]))]
    if row.get("bound") in BOUND_WORDS:
        parts.append(f"{BOUND_NAMES[row['bound']]}, not an exact figure")
    if row["hedges"]:
        parts.append(f"hedged in the seed by {hedge_words(row['hedges'])}")
    elif row["hedged"]:
        parts.append("hedged in the seed")
    if row["attribution"]:
        parts.append(f"attributed to {myst.escape(row['attribution'])}")
    if _count(row.get("sentences")) > 1:
        parts.append(f"stated in {_count(row['sentences'])} sentences of the seed")
    if row.get("scope"):
        parts.append(f"scope (from the seed's provenance): {myst.escape(row['scope'])}")
    return (
        f"{subject}: {myst.escape(bounded(row))}{year}{written}, "
        f"{'; '.join(parts)} {row['citation']}."
    )


def bounded(row: object) -> str:
    """The claim's quantity with its bound: ``at least 1,500,000 vehicles a year``."""
    get = row.get if isinstance(row, dict | pd.Series) else lambda k, d=None: getattr(row, k, d)
    words = BOUND_WORDS.get(str(get("bound", "") or ""), "")
    text = quantity(get("value"), get("unit"))
    return f"{words} {text}" if words else text


def _count(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def qualifier(row: object) -> str:
    """Kind, hedge words and attribution of a claim in a few words (seed words unescaped)."""
    parts = [str(row.kind)]  # type: ignore[attr-defined]
    if getattr(row, "bound", "") in BOUND_WORDS:
        parts.append(f"{row.bound} bound")  # type: ignore[attr-defined]
    if row.hedges:  # type: ignore[attr-defined]
        parts.append("hedge: " + "; ".join(row.hedges))  # type: ignore[attr-defined]
    elif row.hedged:  # type: ignore[attr-defined]
        parts.append("hedged")
    if row.attribution:  # type: ignore[attr-defined]
        parts.append("per " + str(row.attribution))  # type: ignore[attr-defined]
    if _count(getattr(row, "sentences", 0)) > 1:
        parts.append(f"in {_count(row.sentences)} sentences")  # type: ignore[attr-defined]
    if getattr(row, "scope", ""):
        parts.append("scope: " + str(row.scope))  # type: ignore[attr-defined]
    return ", ".join(parts)


def normalised(row: object) -> str:
    """``Kamaz: 600 vehicles (2022)``: subject, normalised quantity and year."""
    year = f" ({row.year})" if row.year is not None else ""  # type: ignore[attr-defined]
    subject = f"{row.subject}: " if row.subject else ""  # type: ignore[attr-defined]
    return f"{subject}{bounded(row)}{year}"


def distribution_chart(summary: pd.DataFrame, title: str) -> alt.FacetChart:
    """Range (line), quartiles (box) and median (tick) of the claims of each unit and kind,
    on a log scale, one facet row per unit with its own axis (units never mixed)."""
    kind_scale = charts.KIND_SCALE
    x = alt.X(
        "min:Q",
        title="Value (log scale; unit in the row title)",
        scale=alt.Scale(type="log", padding=14),
        axis=charts.log_axis(),
    )
    y = alt.Y("kind:N", title=None, sort=list(charts.KINDS))
    tooltip = [
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("claims:Q", title="Claims (count)"),
        alt.Tooltip("seeds:Q", title="Seeds (count)"),
        alt.Tooltip("min:Q", title="Smallest", format=",.4~g"),
        alt.Tooltip("q1:Q", title="Lower quartile", format=",.4~g"),
        alt.Tooltip("median:Q", title="Median", format=",.4~g"),
        alt.Tooltip("q3:Q", title="Upper quartile", format=",.4~g"),
        alt.Tooltip("max:Q", title="Largest", format=",.4~g"),
    ]
    colour = alt.Color("kind:N", title="Kind", scale=kind_scale)
    base = alt.Chart().encode(y=y, tooltip=tooltip)
    line = base.mark_rule(strokeWidth=1.5).encode(x=x, x2="max:Q", color=colour)
    box = base.mark_bar(size=14, opacity=0.55).encode(x="q1:Q", x2="q3:Q", color=colour)
    median = base.mark_tick(thickness=2.5, size=18, color="#000000").encode(x="median:Q")
    layered = alt.layer(line, box, median, data=summary).properties(width=380, height=alt.Step(26))
    return charts.facet_by_unit(layered, title, order=list(dict.fromkeys(summary["unit"])))


def capacity_scope(frame: pd.DataFrame) -> str:
    """A sentence saying what a capacity chart of ``frame`` shows ("" when each claim)."""
    if per_claim(frame):
        return ""
    units = frame["unit"].nunique()
    shown = min(units, CAPACITY_UNITS_SHOWN)
    which = f"the {shown} units with most claims" if shown < units else "each unit"
    return (
        f"With {len(frame):,} such claims in {plural_units(units)}, the chart shows their "
        f"distribution for {which} and each kind: the line runs from the smallest to the "
        "largest claim, the box from the lower to the upper quartile, and the black tick is "
        "the median (the HTML book's tooltips give the counts); every claim is in the CSV."
    )


def plural_units(count: int) -> str:
    return f"{count} unit" if count == 1 else f"{count} units"
