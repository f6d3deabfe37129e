"""The Claims register: every quantitative claim of the seeds, with its hedge and attribution.

A claim is one row of ``figures_detail.csv`` (the figure as written, its hedge words and
attribution) with the sentence it comes from. Targets (plans, forecasts, capacities) are
kept apart from figures reported as facts, and hedged claims keep their hedge words.
"""

from __future__ import annotations

import math
from pathlib import Path

import altair as alt
import pandas as pd

from analysis import book, charts, tables
from analysis.report.data import ReportData, read_table

#: Units read as a capacity, an output or a quantity of goods (for the capacity charts).
CAPACITY_UNITS: frozenset[str] = frozenset(
    {
        "kWh",
        "MWh",
        "GWh",
        "TWh",
        "kW",
        "MW",
        "GW",
        "vehicles",
        "vehicles/year",
        "units",
        "units/year",
        "batteries",
        "plants",
        "charging points",
        "t",
        "kt",
        "t/year",
        "kt/year",
        "t REO",
    }
)

#: How a unit reads in a sentence; units not listed read as written.
UNIT_WORDS: dict[str, str] = {
    "vehicles/year": "vehicles a year",
    "units/year": "units a year",
    "t/year": "t a year",
    "kt/year": "kt a year",
    "": "",
}

NO_UNIT = "no unit (bare number)"

KIND_WORDS = {
    "target": "a target, plan or forecast, not an achieved figure",
    "fact": "reported as a fact",
}


def detail_table(data: ReportData, name: str) -> pd.DataFrame:
    """A detail table of the build (``sentences``, ``figures_detail``…), empty if absent."""
    path = Path(data.data_dir) / f"{name}.csv"
    if not path.exists():
        return tables.empty(name)
    return data.derived(f"detail:{name}", lambda: read_table(data.data_dir, name))


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


def _sentence_order(sentence_id: str) -> tuple[int, int]:
    parts = str(sentence_id).rsplit(":", 2)
    try:
        return int(parts[-2]), int(parts[-1])
    except (ValueError, IndexError):
        return (0, 0)


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
    "hedged",
    "hedges",
    "attribution",
    "sentence",
    "citation",
    "start",
    "end",
)


def claim_tooltips() -> list[alt.Tooltip]:
    """Tooltips of a chart with one mark per claim (columns of :func:`capacity_frame`)."""
    return [
        alt.Tooltip("label:N", title="Claim"),
        alt.Tooltip("document:N", title="Seed"),
        alt.Tooltip("value:Q", title="Value", format=",.4~g"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("hedge:N", title="Hedge"),
    ]


def claims_frame(data: ReportData) -> pd.DataFrame:
    """One row per claim: figures_detail (or figures) with the quoted sentence and citation.

    ``hedges`` is a list of hedge words as written; ``year`` is an integer or None.
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
            "hedged": [_bool(h) for h in detail["hedged"]],
            "hedges": [[h for h in x.split(";") if h.strip()] for x in _text(detail["hedges"])],
            "attribution": _text(detail["attribution"]),
        }
    )
    for column in ("start", "end"):
        frame[column] = pd.to_numeric(detail[column], errors="coerce").to_numpy()
    frame.index = range(len(frame))
    frame["sentence"] = [sentences.get(s, "") for s in frame["sentence_id"]]
    frame["citation"] = [book.cite(book.seed_key(d)) for d in frame["document"]]
    order = [
        (d, *_sentence_order(s), p)
        for d, s, p in frame[["document", "sentence_id", "position"]].itertuples(index=False)
    ]
    frame = frame.iloc[sorted(range(len(frame)), key=lambda i: order[i])].reset_index(drop=True)
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


def hedge_words(hedges: list[str]) -> str:
    """Hedge words quoted and escaped, for prose: “environ”, “s'attendait”."""
    return ", ".join(f"“{book.escape(h)}”" for h in hedges)


def claim_sentence(row: pd.Series) -> str:
    """One generated sentence stating a claim with its kind, hedge, attribution and citation."""
    subject = book.escape(row["subject"]) if row["subject"] else "A figure with no named subject"
    written = f" (“{book.escape(row['text'])}”)" if row.get("text") else ""
    year = f" in {row['year']}" if row["year"] is not None else ""
    parts = [KIND_WORDS.get(row["kind"], book.escape(row["kind"]))]
    if row["hedges"]:
        parts.append(f"hedged in the seed by {hedge_words(row['hedges'])}")
    elif row["hedged"]:
        parts.append("hedged in the seed")
    if row["attribution"]:
        parts.append(f"attributed to {book.escape(row['attribution'])}")
    return (
        f"{subject}: {book.escape(quantity(row['value'], row['unit']))}{year}{written}, "
        f"{'; '.join(parts)} {row['citation']}."
    )


def claim_list(claims: pd.DataFrame, limit: int = book.HTML_ROWS) -> str:
    """The claims as a bullet list of :func:`claim_sentence`, the first ``limit`` of them.

    A longer register is cut, with a note pointing to the register's CSV
    (``claims-register``, written by the register table above).
    """
    if claims.empty:
        return "No claim."
    items = [claim_sentence(row) for _, row in claims.iterrows()]
    where = "the register's " + book.download_link(book.DATA_FOLDER / "claims-register.csv", "CSV")
    return book.capped_list(
        items, limit, what="claims", where=where, order="in seed and sentence order"
    )


def qualifier(row: object) -> str:
    """Kind, hedge words and attribution of a claim in a few words (seed words unescaped)."""
    parts = [str(row.kind)]  # type: ignore[attr-defined]
    if row.hedges:  # type: ignore[attr-defined]
        parts.append("hedge: " + "; ".join(row.hedges))  # type: ignore[attr-defined]
    elif row.hedged:  # type: ignore[attr-defined]
        parts.append("hedged")
    if row.attribution:  # type: ignore[attr-defined]
        parts.append("per " + str(row.attribution))  # type: ignore[attr-defined]
    return ", ".join(parts)


def normalised(row: object) -> str:
    """``Kamaz: 600 vehicles (2022)``: subject, normalised quantity and year."""
    year = f" ({row.year})" if row.year is not None else ""  # type: ignore[attr-defined]
    subject = f"{row.subject}: " if row.subject else ""  # type: ignore[attr-defined]
    return f"{subject}{quantity(row.value, row.unit)}{year}"  # type: ignore[attr-defined]


def register_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The register shown in the chapter (seed text is escaped by ``book.show_table``).

    The CSV (:func:`register_data`) has every field in its own column.
    """
    rows = list(claims.itertuples(index=False))
    return pd.DataFrame(
        {
            "Seed": claims["citation"],
            "As written": claims["text"],
            "Normalised (subject, value, year)": [normalised(r) for r in rows],
            "Kind, hedge, source": [qualifier(r) for r in rows],
            "Sentence": claims["sentence"],
        }
    )


def register_data(claims: pd.DataFrame) -> pd.DataFrame:
    """The register as CSV data (plain columns, hedges joined with ``;``)."""
    out = claims.drop(columns=["citation", "start", "end"]).copy()
    out["hedges"] = ["; ".join(h) for h in out["hedges"]]
    out["year"] = out["year"].astype("Int64")
    return out


def kind_counts(claims: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Claims per usable document and kind, with zero rows for documents without claims."""
    docs = list(documents["document"].astype(str))
    kinds = sorted(set(claims["kind"]) | {"target", "fact"})
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
    return frame


def top_documents(counts: pd.DataFrame, top: int = charts.TOP_N) -> list[str]:
    """The ``top`` documents with most claims (ties by name), or all when there are fewer."""
    totals = counts.groupby("document", sort=False)["claims"].sum()
    if len(totals) <= top:
        return list(totals.index)
    ranked = sorted(totals.items(), key=lambda item: (-int(item[1]), str(item[0])))
    return [d for d, _ in ranked[:top]]


def kind_chart(counts: pd.DataFrame, top: int = charts.TOP_N) -> alt.Chart:
    """Claims per seed and kind; with more than ``top`` seeds, the ``top`` with most claims."""
    keep = top_documents(counts, top)
    cut = counts["document"].nunique() > len(keep)
    shown = counts[counts["document"].isin(keep)] if cut else counts
    title = (
        f"Targets and reported facts: the {len(keep)} seeds with most claims"
        if cut
        else "Targets and reported facts per seed"
    )
    return (
        alt.Chart(shown, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("document:N", title="Seed (file name)", sort=keep if cut else None),
            x=alt.X(
                "sum(claims):Q", title="Quantitative claims (count)", axis=alt.Axis(tickMinStep=1)
            ),
            color=charts.kind_color(),
            tooltip=[
                alt.Tooltip("document:N", title="Seed"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("claims:Q", title="Claims"),
                alt.Tooltip("hedged:Q", title="Of which hedged"),
            ],
        )
        .properties(width=420, height=alt.Step(28))
    )


def kind_caption(counts: pd.DataFrame, top: int = charts.TOP_N) -> str:
    """The caption of :func:`kind_chart`, saying which seeds it shows and citing them."""
    docs = list(dict.fromkeys(counts["document"].astype(str)))
    keep = top_documents(counts, top)
    text = (
        "Quantitative claims per seed, split into targets (plans, forecasts, capacities) and "
        "figures reported as fact; the tooltip gives how many are hedged."
    )
    if len(keep) < len(docs):
        totals = counts.groupby("document")["claims"].sum()
        without = int((totals == 0).sum())
        text += (
            f" The chart shows the {len(keep)} seeds with most claims; all {len(docs):,} "
            f"seeds are in the CSV ({without:,} of them state no figure)."
            f" Sources: {book.cite_documents(keep)}."
        )
    else:
        text += f" Seeds with no bar state no figure. Sources: {book.cite_documents(docs)}."
    return text


def summary(claims: pd.DataFrame, documents: pd.DataFrame) -> str:
    """A paragraph counting claims by kind and hedge, with the seeds that carry none."""
    docs = list(documents["document"].astype(str))
    if claims.empty:
        return (
            f"The extractor found no quantitative claim in the {len(docs)} usable seed(s): "
            "this build has no figure to register."
        )
    with_claims = sorted(set(claims["document"]))
    n = len(claims)
    targets = int((claims["kind"] == "target").sum())
    facts = int((claims["kind"] == "fact").sum())
    hedged = int(claims["hedged"].sum())
    attributed = int((claims["attribution"] != "").sum())
    cites = book.cite_documents(with_claims)
    text = (
        f"The extractor found {n:,} quantitative claim(s) in {len(with_claims):,} of the "
        f"{len(docs):,} usable seed(s) {cites}: {targets:,} target(s), plan(s) or forecast(s) "
        f"and {facts:,} figure(s) reported as fact. {hedged:,} of the {n:,} are hedged (an "
        f"approximation, a bound, a modal verb or hearsay) and {attributed:,} are attributed "
        "to a named source in their sentence."
    )
    present = set(with_claims)
    without = [d for d in docs if d not in present]
    if without:
        text += f" {len(without):,} seed(s) state no figure at all {book.cite_documents(without)}."
    if n < 10:
        text += " With so few figures, the register describes these articles, not a market."
    return text


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
    """Announced capacities and targets with a positive value, for the log-scale chart.

    A claim is kept when its unit is capacity-like or when it is a target; the ``unit``
    column keeps the unit exactly, so that the chart never puts two units on one axis.
    """
    keep = claims[
        (claims["value"] > 0) & (claims["unit"].isin(CAPACITY_UNITS) | (claims["kind"] == "target"))
    ].copy()
    if keep.empty:
        return pd.DataFrame(
            columns=[
                "label",
                "document",
                "value",
                "unit",
                "kind",
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


def distribution_chart(summary: pd.DataFrame, title: str) -> alt.FacetChart:
    """Range (line), quartiles (box) and median (tick) of the claims of each unit and kind,
    on a log scale, one facet row per unit with its own axis (units never mixed)."""
    kind_scale = charts.KIND_SCALE
    x = alt.X(
        "min:Q",
        title="Value (log scale; unit in the row title)",
        scale=alt.Scale(type="log", padding=14),
    )
    y = alt.Y("kind:N", title=None, sort=["target", "fact"])
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
        "the median (the tooltip gives the counts); every claim is in the CSV."
    )


def plural_units(count: int) -> str:
    return f"{count} unit" if count == 1 else f"{count} units"


def capacity_view(frame: pd.DataFrame, title: str = "Announced capacities and targets"):
    """The capacity chart of ``frame``: each claim as a dot, or the distribution when long."""
    if per_claim(frame):
        return capacity_chart(frame, title)
    return distribution_chart(capacity_distribution(frame), f"{title} (distribution per unit)")


def capacity_chart(
    frame: pd.DataFrame, title: str = "Announced capacities and targets"
) -> alt.FacetChart:
    """Dots on a log scale, one facet row per unit with its own x axis (units never mixed)."""
    base = (
        alt.Chart(frame)
        .mark_point(filled=True, size=90)
        .encode(
            x=alt.X(
                "value:Q",
                title="Value (log scale; unit in the row title)",
                scale=alt.Scale(type="log", padding=14),
            ),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            color=charts.kind_color(),
            shape=alt.Shape(
                "kind:N",
                title="Kind",
                scale=alt.Scale(domain=["target", "fact"], range=["diamond", "circle"]),
            ),
            tooltip=[*claim_tooltips(), alt.Tooltip("attribution:N", title="Attributed to")],
        )
        .properties(width=240, height=alt.Step(24))
    )
    return charts.facet_by_unit(base, title)


def capacity_caption(frame: pd.DataFrame) -> str:
    """Caption of :func:`capacity_view` for ``frame``."""
    scope = capacity_scope(frame)
    docs = sorted(set(frame["document"]))
    what = (
        "Each dot is one claim, on a logarithmic scale; each row has one unit and its own "
        "axis, so values in different units are never compared on one axis. Diamonds are "
        "targets, plans or forecasts, circles figures reported as fact; hedges are in the "
        "tooltips and in the register above. "
    )
    if scope:
        what = (
            "Claims on a logarithmic scale; each row has one unit and its own axis, so values "
            "in different units are never compared on one axis. Orange: targets, plans or "
            f"forecasts; blue: figures reported as fact. {scope} "
        )
    return what + f"Sources: {book.cite_documents(docs)}."


def cite_documents(documents: object) -> str:
    """Citations of the seeds in ``documents`` (ids), sorted, unique, at most ten inline."""
    return book.cite_documents(documents)  # type: ignore[arg-type]
