"""The supply-chain chapter: its prose, tables and charts.

The analysis is in the topic modules: :mod:`~analysis.report.stages` (which sentences
speak of which stage), :mod:`~analysis.report.comparison` (seed figures against the
context), :mod:`~analysis.report.figures` (the claims) and
:mod:`~analysis.report.supply` (:func:`prepare`, everything the chapter shows, computed
once). This module turns them into text, tables and charts.
"""

from __future__ import annotations

import itertools

import altair as alt
import pandas as pd

from analysis import charts, context, myst
from analysis.report import claim_views, figures
from analysis.report.comparison import (
    MATCHING_RULE,
    bound_of,
    checked_claims,
)
from analysis.report.seed_quality import flag_note
from analysis.report.stage_views import stage_summary, stage_table
from analysis.report.stages import Lexicon, country_order, rare_earth_sentences
from analysis.report.supply import (
    SupplyChain,
    capacity_bar_frame,
    context_rows,
    market_frames,
    mining_share_discrepancy,
    prepare,
    share_of_world,
    shares_frame,
)
from analysis.report.wording import country_name, join_and, plural, verb

#: The chapter's computed content (kept under the name the notebook and tests use).
Chapter = SupplyChain

__all__ = [
    "Chapter",
    "capacity_bar_frame",
    "context_rows",
    "market_frames",
    "prepare",
    "rare_earth_sentences",
    "shares_frame",
    "stage_summary",
    "stage_table",
]


def stage_country_chart(
    frame: pd.DataFrame, lexicon: Lexicon, focus_countries: list[str] | tuple[str, ...]
) -> alt.LayerChart:
    stages = [s.label for s in lexicon.stages]
    order = country_order(frame, focus_countries)
    base = alt.Chart(frame).encode(
        x=alt.X(
            "country_name:N",
            title="Country (named, or home of a named actor)",
            sort=order,
            axis=alt.Axis(labelAngle=-40),
        ),
        y=alt.Y("stage:N", title="Stage", sort=stages, scale=alt.Scale(domain=stages)),
        tooltip=[
            alt.Tooltip("stage:N", title="Stage"),
            alt.Tooltip("country_name:N", title="Country"),
            alt.Tooltip("sentences:Q", title="Sentences"),
            alt.Tooltip("documents:Q", title="Seeds"),
            alt.Tooltip("actors:N", title="Actors of this country"),
        ],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "sentences:Q",
            title="Sentences (count)",
            scale=alt.Scale(range=["#D6EAF8", charts.PALETTE[0]]),
        )
    )
    labels = base.mark_text(fontSize=11).encode(
        text=alt.Text("sentences:Q"),
        color=alt.condition(
            alt.datum.sentences > max(1, int(frame["sentences"].max()) / 2),
            alt.value("white"),
            alt.value("black"),
        ),
    )
    width = min(charts.WIDTH, max(160, 40 * len(order)))
    return (cells + labels).properties(
        title="Countries named in each supply-chain stage", width=width, height=alt.Step(34)
    )


# Capacities -------------------------------------------------------------------------


def capacity_table(caps: pd.DataFrame) -> pd.DataFrame:
    """Seed, claim (subject, figure, year), kind with hedge and attribution, sentence."""
    rows = list(caps.itertuples(index=False))
    return pd.DataFrame(
        {
            "Seed": caps["citation"],
            "Claim": [claim_views.normalised(r) for r in rows],
            "Kind, hedge, source": [claim_views.qualifier(r) for r in rows],
            "Sentence": caps["sentence"],
        }
    )


CAPACITY_TITLE = "Capacities and output figures stated in the seeds"


def capacity_view(frame: pd.DataFrame) -> alt.FacetChart:
    """One bar per figure, or for many figures their distribution per unit (log scale)."""
    if figures.per_claim(frame):
        return capacity_bar_chart(frame)
    return claim_views.distribution_chart(
        figures.capacity_distribution(frame), f"{CAPACITY_TITLE} (distribution per unit)"
    )


def capacity_bar_chart(frame: pd.DataFrame) -> alt.FacetChart:
    """Bars per claim, one facet row per unit with its own linear axis."""
    base = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title="Stated value (unit in the row title)"),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            color=charts.kind_color(),
            tooltip=claim_views.claim_tooltips(),
        )
        .properties(width=240, height=alt.Step(24))
    )
    return charts.facet_by_unit(base, CAPACITY_TITLE)


# Context figures --------------------------------------------------------------------


def _bar(
    frame: pd.DataFrame, title: str, x_title: str, color: str = charts.PALETTE[0]
) -> alt.Chart:
    return (
        alt.Chart(frame, title=title)
        .mark_bar(color=color)
        .encode(
            y=alt.Y("country_name:N", title="Country or region", sort="-x"),
            x=alt.X("value:Q", title=x_title),
            tooltip=[
                alt.Tooltip("country_name:N", title="Country"),
                alt.Tooltip("metric:N", title="Metric"),
                alt.Tooltip("value:Q", title="Value", format=",.4~g"),
                alt.Tooltip("unit:N", title="Unit"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("note:N", title="Note in the source table"),
            ],
        )
        .properties(width=440, height=alt.Step(24))
    )


def rare_earth_chart(frame: pd.DataFrame) -> alt.Chart:
    years = sorted(set(frame["year"]))
    unit = frame["unit"].iloc[0] if len(frame) else ""
    return _bar(
        frame,
        f"Rare-earth mine production by country, {_years(years)}",
        f"Mine production ({unit})",
    )


def _years(years: list[int]) -> str:
    years = sorted({int(y) for y in years})
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _caption_notes(frame: pd.DataFrame) -> str:
    notes = [n for n in frame["note"] if n]
    if not notes:
        return ""
    estimates = sum("estimate" in n for n in notes)
    if estimates == len(frame):
        return " Every value is an estimate according to the source."
    if estimates:
        return f" {estimates} of the {len(frame)} values are estimates according to the source."
    return ""


def rare_earth_caption(frame: pd.DataFrame, world: pd.DataFrame) -> str:
    text = "Rare-earth mine production by country, in tonnes of rare-earth oxide equivalent."
    text += _caption_notes(frame)
    top = frame.sort_values("value", ascending=False).head(1)
    if not top.empty:
        share = share_of_world(frame, world, str(top["country"].iloc[0]))
        if share is not None:
            total = world[world["country"] == "WORLD"].iloc[0]
            text += (
                f" {top['country_name'].iloc[0]} accounts for {share:.0%} of the world total "
                f"of {figures.format_value(total['value'])} {total['unit']}"
                + (f" ({total['note']})" if total["note"] else "")
                + "."
            )
    return text + f" Source: {context.citations(pd.concat([frame, world]))}."


def rare_earth_caption_with_shares(
    frame: pd.DataFrame, world: pd.DataFrame, ctx: pd.DataFrame
) -> str:
    """:func:`rare_earth_caption`, with another source's share beside it when they differ."""
    discrepancy = mining_share_discrepancy(ctx)
    return rare_earth_caption(frame, world) + (f" {discrepancy}" if discrepancy else "")


def battery_demand_chart(frame: pd.DataFrame) -> alt.Chart:
    unit = frame["unit"].iloc[0] if len(frame) else ""
    return _bar(
        frame,
        f"EV battery demand by region, {_years(list(frame['year']))}",
        f"Battery demand ({unit})",
        color=charts.PALETTE[2],
    )


def battery_demand_caption(frame: pd.DataFrame, world: pd.DataFrame) -> str:
    text = "Electric-vehicle battery demand by region."
    total = world[world["country"] == "WORLD"]
    if not total.empty:
        row = total.iloc[0]
        note = f" ({row['note']})" if row["note"] else ""
        text += (
            f" The world total is {figures.format_value(row['value'])} {row['unit']}{note}; "
            "the regions shown do not add up to it."
        )
    return text + f" Source: {context.citations(pd.concat([frame, total]))}."


def shares_chart(frame: pd.DataFrame) -> alt.Chart:
    name = frame["country_name"].iloc[0] if len(frame) else ""
    return (
        alt.Chart(frame, title=f"{name}'s share of the world total, by stage")
        .mark_bar(color=charts.PALETTE[3])
        .encode(
            y=alt.Y("metric:N", title=None, sort="-x", axis=alt.Axis(labelLimit=300)),
            x=alt.X(
                "value:Q", title="Share of the world total (%)", scale=alt.Scale(domain=[0, 100])
            ),
            tooltip=[
                alt.Tooltip("metric:N", title="Metric"),
                alt.Tooltip("value:Q", title="Share (%)"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("note:N", title="Note in the source table"),
            ],
        )
        .properties(width=300, height=alt.Step(30))
    )


def shares_caption(frame: pd.DataFrame, ctx: pd.DataFrame | None = None) -> str:
    parts = []
    for row in frame.itertuples(index=False):
        note = f" (note: {myst.escape(row.note)})" if row.note else ""
        parts.append(f"{myst.escape(row.metric)} {row.value:g}% in {int(row.year)}{note}")
    text = f"Shares of the world total: {'; '.join(parts)}. Sources: {context.citations(frame)}."
    return text + (f" {mining_share_discrepancy(ctx)}" if ctx is not None else "").rstrip()


def market_chart(sales: pd.DataFrame, share: pd.DataFrame) -> alt.HConcatChart:
    tooltip = [
        alt.Tooltip("year:O", title="Year"),
        alt.Tooltip("metric:N", title="Metric"),
        alt.Tooltip("value:Q", title="Value", format=",.4~g"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("note:N", title="Note in the source table"),
    ]
    left = (
        alt.Chart(sales, title="New vehicles sold in Russia")
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("value:Q", title="Vehicles sold (count)"),
            color=alt.Color(
                "metric:N",
                title="What is counted",
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            opacity=alt.condition(alt.datum.unresolved, alt.value(0.45), alt.value(1.0)),
            tooltip=tooltip,
        )
        .properties(width=220, height=200)
    )
    right = (
        alt.Chart(share, title="Chinese brands' share of sales")
        .mark_bar(color=charts.PALETTE[3])
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y(
                "value:Q", title="Share of new car sales (%)", scale=alt.Scale(domain=[0, 100])
            ),
            tooltip=tooltip,
        )
        .properties(width=150, height=200)
    )
    return alt.hconcat(left, right).resolve_scale(color="independent")


def market_caption(sales: pd.DataFrame, share: pd.DataFrame) -> str:
    text = (
        "Left, new vehicles sold in Russia by year; right, the share of Chinese brands in new "
        "car sales (each panel has its own unit)."
    )
    metrics = sales.groupby("metric", sort=False)["year"].apply(list)
    if len(metrics) > 1:
        spans = "; ".join(f"{myst.escape(m)} in {_years(y)}" for m, y in metrics.items())
        text += (
            f" The sales series joins different counts ({spans}), so the change between them is "
            "not like-for-like."
        )
    for row in pd.concat([sales, share]).itertuples(index=False):
        if row.unresolved:
            text += (
                f" The {int(row.year)} figure ({figures.format_value(row.value)}, drawn "
                f"paler) is unresolved: the source table notes “{myst.escape(row.note)}”."
            )
    return text + f" Sources: {context.citations(pd.concat([sales, share]))}."


def raw_material_note(
    linked: pd.DataFrame,
    ctx: pd.DataFrame,
    stage_id: str = "raw_materials",
    sentence_ids: set[str] | None = None,
) -> str:
    """Which countries the seeds' rare-earth sentences name, and whether the context lists them.

    ``sentence_ids`` restricts the note to those sentences (see :func:`rare_earth_sentences`).
    """
    rows = linked[(linked["stage"] == stage_id) & (linked["country"] != "")]
    if sentence_ids is not None:
        rows = rows[rows["sentence_id"].isin(sentence_ids)]
    codes = sorted(set(rows["country"]))
    production = ctx[(ctx["dataset"] == "rare_earth_mine_production") & (ctx["country"] != "WORLD")]
    if not codes or production.empty:
        return ""
    listed = [c for c in codes if c in set(production["country"])]
    missing = [c for c in codes if c not in set(production["country"])]
    year = _years(list(production["year"]))
    docs = sorted(set(rows["document"]))
    text = (
        f"The sentences on rare earths name {join_and([country_name(c) for c in codes])} "
        f"{myst.cite_documents(docs)}."
    )
    if listed:
        found = production.set_index("country")
        values = "; ".join(
            f"{country_name(c)}, "
            f"{figures.quantity(float(found.loc[c, 'value']), str(found.loc[c, 'unit']))}"
            for c in listed
        )
        text += (
            f" The context table gives rare-earth mine production for {values} in {year} "
            f"({context.citations(production)})."
        )
    if missing:
        text += (
            " It lists no rare-earth mine production for "
            f"{join_and([country_name(c) for c in missing])} in {year}, so the context cannot "
            "confirm any output there" + ("." if listed else f" ({context.citations(production)}).")
        )
    return text


# Comparing seed figures with the context ---------------------------------------------
#
# A seed figure is set against a context figure only when all of these agree:
#   1. the unit, within one family after conversion (MWh and GWh; a bare number or a
#      count of "units" is read as vehicles only when its sentence names vehicles);
#   2. the measure (sales, production, capacity, mining, refining, demand, reserves,
#      exports, imports; a percentage is the share of one of them, and only with a
#      share word), read with the lexicon from the figure's neighbourhood in its sentence
#      and from the context row's dataset name and metric (:func:`measure_of`);
#   3. the subject: the same country (or the same firm): a figure whose subject is a
#      firm, names a firm next to it or concerns a country's firms ("Chinese brands") is
#      never set against a country's total; and the same product (rare earths, gallium,
#      battery cells, electric vehicles…) or none on both sides;
#   4. the year; a seed figure without a year is not compared.


BOUND_WORDS = {
    "at_most": "an upper bound",
    "at_least": "a lower bound",
    "about": "an approximation",
    "exact": "a figure",
}


def _context_phrase(row: pd.Series) -> str:
    note = f"; the source table notes “{myst.escape(row['note'])}”" if row["note"] else ""
    return (
        f"{myst.escape(row['metric'])} in {country_name(str(row['country']))} "
        f"in {int(row['year'])}: "
        f"{myst.escape(figures.quantity(float(row['value']), str(row['unit'])))} "
        f"({context.citations(row.to_frame().T)}{note})"
    )


SCOPE_WORDS = {
    "bare number": (
        "The seed's number has no unit; its sentence names vehicles, so it is read as a "
        "count of vehicles, like the context figure."
    ),
    "units as vehicles": (
        "The seed counts units; its sentence names vehicles, so they are read as vehicles."
    ),
}


def comparison_paragraphs(
    comparisons: pd.DataFrame,
    claims: pd.DataFrame,
    ctx: pd.DataFrame,
    lexicon: Lexicon,
    limit: int | None = None,
) -> list[str]:
    """One short paragraph per compared claim (the first ``limit`` claims if given),
    stating the verdict computed by :func:`compare`."""
    out = []
    groups = comparisons.groupby("claim", sort=False)
    for claim_index, group in itertools.islice(groups, limit):
        claim = claims.loc[claim_index]
        bound = bound_of(claim)
        text = claim_views.claim_sentence(claim)
        first = group.iloc[0]
        if first["verdict"] == "no context":
            reason = str(first.get("reason", "") or "")
            text += " No context figure with the same unit, measure, subject and year can check it"
            text += f" ({myst.escape(reason)})." if reason else "."
            near = sorted(
                (ctx.loc[i] for i in first["partial_index"]),
                key=lambda r: abs(int(r["year"]) - (claim["year"] or int(r["year"]))),
            )
            if near:
                text += (
                    " The nearest context rows, for another year, are "
                    + "; ".join(_context_phrase(r) for r in near[:3])
                    + "."
                )
            out.append(text)
            continue
        for row in group.itertuples(index=False):
            entry = ctx.loc[row.context_index]
            text += f" Context: {_context_phrase(entry)}."
            if row.scope in SCOPE_WORDS:
                text += f" {SCOPE_WORDS[row.scope]}"
            if row.verdict == "consistent":
                text += (
                    f" Read as {BOUND_WORDS[bound]}, the seed's figure is consistent with the "
                    "context."
                )
            elif row.verdict == "disagrees":
                text += (
                    f" Read as {BOUND_WORDS[bound]}, the seed's figure does not match the context: "
                    f"it is {row.ratio:.2f} times the context figure."
                )
            if claim["kind"] in ("target", "forecast"):
                text += f" The seed states a {claim['kind']}; the context gives the outcome."
        out.append(text)
    return out


# The chapter -------------------------------------------------------------------------


def cite_documents(documents: object) -> str:
    """Citations of the seeds in ``documents`` (sorted, at most ten inline)."""
    return myst.cite_documents(documents)  # type: ignore[arg-type]


def stage_country_caption(chapter: Chapter) -> str:
    return (
        "Number of sentences of each stage that name a country or an actor based in it (an "
        "actor's country comes from the knowledge base). Counts measure how often the articles "
        "talk about a stage and a country, not the size of any industry. Sources: "
        f"{cite_documents(chapter.linked['document'])}."
    )


def capacity_caption(chapter: Chapter) -> str:
    """Caption of :func:`capacity_view` for the chapter's capacity figures."""
    scope = claim_views.capacity_scope(capacity_bar_frame(chapter.capacities))
    what = (
        "Each bar is one figure as stated in a seed; each row has one unit and its own axis. "
        "Orange bars are targets or plans, purple bars forecasts, blue bars figures reported "
        "as fact; "
        "hedges are in the table below (and the HTML book's tooltips). "
    )
    if scope:
        what = (
            "Figures as stated in the seeds, on a logarithmic scale; each row has one unit and "
            "its own axis. Orange: targets or plans; purple: forecasts; blue: figures "
            f"reported as fact. {scope} "
        )
    return what + f"Sources: {cite_documents(chapter.capacities['document'])}."


#: Comparison paragraphs shown at most (the first, in seed order); the rest are in a CSV.
COMPARISONS_SHOWN = 20


def comparison_data(chapter: Chapter) -> pd.DataFrame:
    """Every comparison of a seed figure with the context, one row per pair, as CSV data."""
    columns = [
        "document",
        "sentence_id",
        "subject",
        "text",
        "value",
        "unit",
        "year",
        "kind",
        "verdict",
        "ratio",
        "scope",
        "measure",
        "reason",
        "context_dataset",
        "context_country",
        "context_year",
        "context_value",
        "context_unit",
        "context_source",
    ]
    rows = []
    # Rows as dicts by index: one .loc per comparison is slow on large corpora.
    claims, ctx = chapter.claims.to_dict("index"), chapter.context.to_dict("index")
    for row in chapter.comparisons.itertuples(index=False):
        claim = claims[row.claim]
        entry = ctx[row.context_index] if pd.notna(row.context_index) else None
        rows.append(
            {
                "document": row.document,
                "sentence_id": row.sentence_id,
                "subject": claim["subject"],
                "text": claim["text"],
                "value": claim["value"],
                "unit": claim["unit"],
                "year": claim["year"],
                "kind": claim["kind"],
                "verdict": row.verdict,
                "ratio": row.ratio,
                "scope": row.scope,
                "measure": row.measure,
                "reason": row.reason,
                **{
                    f"context_{k}": (entry[k] if entry is not None else "")
                    for k in ("dataset", "country", "year", "value", "unit")
                },
                "context_source": entry["source_key"] if entry is not None else "",
            }
        )
    return pd.DataFrame(rows, columns=columns)


def comparisons_text(chapter: Chapter, limit: int = COMPARISONS_SHOWN) -> str:
    """A paragraph per compared claim; beyond ``limit`` claims, the first ones and a note.

    When no claim has a matching context figure, one sentence says so and why (the
    matching rules), and nothing about consistency. When cut, every comparison is written
    as CSV (``supply-comparisons``) and linked; only the paragraphs shown are written.
    """
    comparisons = chapter.comparisons
    if comparisons.empty:
        return f"No seed figure can be set against a context figure: {MATCHING_RULE}."
    total = comparisons["claim"].nunique()
    if not checked_claims(comparisons):
        # Nothing is compared: nothing is said about consistency, only why.
        return (
            f"None of the {plural(total, 'capacity, output, sales or share figure')} of the seeds "
            f"can be set against a context figure: {MATCHING_RULE}."
        )
    paragraphs = comparison_paragraphs(
        comparisons, chapter.claims, chapter.context, chapter.lexicon, limit=limit
    )
    if total <= limit:
        return "\n\n".join(paragraphs)
    link = myst.download_link(myst.write_data(comparison_data(chapter), "supply-comparisons"))
    note = (
        f"*First {limit} of {total:,} figures (those a context figure matches first, then "
        f"the others, in seed order); every one is in {link}.*"
    )
    return "\n\n".join([*paragraphs, note])


def capacity_summary(chapter: Chapter) -> str:
    caps = chapter.capacities
    if caps.empty:
        return (
            "No seed states a capacity, an output or a quantity of goods (GWh, MW, vehicles, "
            "units, tonnes): this build has no capacity figure to show."
        )
    targets = int(caps["kind"].isin(["target", "forecast"]).sum())
    hedged = int(caps["hedged"].sum())
    units = sorted(set(caps["unit"]))
    return (
        f"{plural(len(caps), 'figure')} in {plural(caps['document'].nunique(), 'seed')} "
        f"{verb(len(caps), 'states', 'state')} a capacity, an "
        f"output or a quantity of goods ({', '.join(myst.escape(u) for u in units)}) "
        f"{cite_documents(caps['document'])}: {targets:,} of them are targets, plans or "
        f"forecasts rather than achieved figures, and {hedged:,} are hedged in the seed."
        + flag_note(chapter.figure_flags, caps["document"])
    )


def rare_earth_note(chapter: Chapter) -> str:
    """:func:`raw_material_note` for the sentences that name rare earths ("" if none),
    with the known problems of the seeds they come from."""
    found = rare_earth_sentences(chapter.matches, chapter.lexicon)
    if found.empty:
        return ""
    note = raw_material_note(
        chapter.linked, chapter.context, sentence_ids=set(found["sentence_id"])
    )
    return (note + flag_note(chapter.stage_flags, found["document"])).strip()
