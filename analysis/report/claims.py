"""The Claims register: every quantitative claim of the seeds, with its hedge and attribution.

Targets (plans, forecasts, capacities) are kept apart from figures reported as facts,
and hedged claims keep their hedge words. The claims themselves are shaped in
:mod:`~analysis.report.figures`; how one claim reads is in
:mod:`~analysis.report.claim_views`. This module words, tables and draws them.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import charts, myst
from analysis.report.claim_views import (
    capacity_scope,
    claim_sentence,
    claim_tooltips,
    distribution_chart,
    normalised,
    qualifier,
)
from analysis.report.figures import (
    capacity_distribution,
    capacity_frame,
    claims_frame,
    kind_counts,
    per_claim,
)
from analysis.report.wording import plural

__all__ = ["capacity_frame", "claims_frame", "kind_counts"]


def claim_list(claims: pd.DataFrame, limit: int = myst.HTML_ROWS) -> str:
    """The claims as a bullet list of :func:`claim_sentence`, the first ``limit`` of them.

    A longer register is cut, with a note pointing to the register's CSV
    (``claims-register``, written by the register table above).
    """
    if claims.empty:
        return "No claim."
    items = [claim_sentence(row) for _, row in claims.iterrows()]
    register = myst.DATA_FOLDER / "claims-register.csv"
    where = "the register's CSV, " + myst.download_link(register, register.name)
    return myst.capped_list(
        items, limit, what="claims", where=where, order="in seed and sentence order"
    )


def register_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The register shown in the chapter (seed text is escaped by ``myst.show_table``).

    The CSV (:func:`register_data`) has every field in its own column.
    """
    rows = list(claims.itertuples(index=False))
    return pd.DataFrame(
        {
            "Seed": claims["citation"],
            "As written": [p or t for p, t in zip(claims["phrase"], claims["text"], strict=True)],
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
    order = list(dict.fromkeys(counts.set_index("document").loc[keep, "seed"]))
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
            y=alt.Y(
                "seed:N",
                title="Seed (publisher and date, or headline)",
                sort=order if cut else None,
            ),
            x=alt.X(
                "sum(claims):Q", title="Quantitative claims (count)", axis=alt.Axis(tickMinStep=1)
            ),
            color=charts.kind_color(),
            tooltip=[
                alt.Tooltip("seed:N", title="Seed"),
                alt.Tooltip("document:N", title="File"),
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
        "Quantitative claims per seed, split into targets (plans, capacities), forecasts "
        "(expectations) and figures reported as fact; a figure a seed repeats counts once; "
        "the CSV (and the HTML book's tooltip) gives how many are hedged."
    )
    if len(keep) < len(docs):
        totals = counts.groupby("document")["claims"].sum()
        without = int((totals == 0).sum())
        text += (
            f" The chart shows the {len(keep)} seeds with most claims; all {len(docs):,} "
            f"seeds are in the CSV ({without:,} of them state no figure)."
            f" Sources: {myst.cite_documents(keep)}."
        )
    else:
        text += f" Seeds with no bar state no figure. Sources: {myst.cite_documents(docs)}."
    return text


def summary(claims: pd.DataFrame, documents: pd.DataFrame) -> str:
    """A paragraph counting claims by kind and hedge, with the seeds that carry none."""
    docs = list(documents["document"].astype(str))
    if claims.empty:
        return (
            f"The extractor found no quantitative claim in the {plural(len(docs), 'usable seed')}: "
            "this build has no figure to register."
        )
    with_claims = sorted(set(claims["document"]))
    n = len(claims)
    targets = int((claims["kind"] == "target").sum())
    forecasts = int((claims["kind"] == "forecast").sum())
    facts = int((claims["kind"] == "fact").sum())
    bounds = int(claims["bound"].isin(["lower", "upper"]).sum())
    repeated = int((claims["sentences"] > 1).sum())
    hedged = int(claims["hedged"].sum())
    attributed = int((claims["attribution"] != "").sum())
    cites = myst.cite_documents(with_claims)
    text = (
        f"The extractor found {plural(n, 'quantitative claim')} in {len(with_claims):,} of the "
        f"{plural(len(docs), 'usable seed')} {cites}: "
        f"{plural(targets, 'target, plan or capacity', 'targets, plans or capacities')}, "
        f"{plural(forecasts, 'forecast')} and {plural(facts, 'figure')} reported as fact. "
        f"{hedged:,} of the {n:,} are hedged (an approximation, a modal verb or hearsay), "
        f"{bounds:,} are bounds (“more than”, “up to”) rather than exact figures, and "
        f"{attributed:,} are attributed to a named source in their sentence."
    )
    if repeated:
        text += (
            f" {plural(repeated, 'claim is', 'claims are')} stated in more than one sentence "
            "of their seed; each counts once, with the hedges of all its sentences."
        )
    present = set(with_claims)
    without = [d for d in docs if d not in present]
    if without:
        states = plural(len(without), "seed states", "seeds state")
        text += f" {states} no figure at all {myst.cite_documents(without)}."
    if n < 10:
        text += " With so few figures, the register describes these articles, not a market."
    return text


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
                axis=charts.log_axis(),
            ),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            color=charts.kind_color(),
            shape=alt.Shape(
                "kind:N",
                title="Kind",
                scale=charts.KIND_SHAPES,
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
        "targets, plans or capacities, triangles forecasts, circles figures reported as fact; "
        "bounds and hedges are in the register above. "
    )
    if scope:
        what = (
            "Claims on a logarithmic scale; each row has one unit and its own axis, so values "
            "in different units are never compared on one axis. Orange: targets, plans or "
            f"capacities; purple: forecasts; blue: figures reported as fact. {scope} "
        )
    return what + f"Sources: {myst.cite_documents(docs)}."


def cite_documents(documents: object) -> str:
    """Citations of the seeds in ``documents`` (ids), sorted, unique, at most ten inline."""
    return myst.cite_documents(documents)  # type: ignore[arg-type]
