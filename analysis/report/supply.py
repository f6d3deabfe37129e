"""The supply chain as the seeds tell it: stages, capacities, and the context figures.

:func:`prepare` computes, once from a build's tables, everything the supply-chain chapter
and the key findings show: the stage of each sentence, the actors and countries of each
stage, the capacity figures, and the comparisons with the context. No chart and no prose
here: see ``supply_chain``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analysis import context
from analysis.report import figures, seed_quality
from analysis.report.comparison import compare, comparison_claims
from analysis.report.data import ReportData
from analysis.report.figures import CAPACITY_UNITS
from analysis.report.relevance import relevant_figures
from analysis.report.stages import (
    Lexicon,
    languages,
    load_lexicon,
    stage_countries,
    stage_mentions,
    stage_sentences,
)
from analysis.report.wording import country_name


def capacities(claims: pd.DataFrame) -> pd.DataFrame:
    """Seed claims whose unit is a capacity, an output or a quantity of goods."""
    return claims[claims["unit"].isin(CAPACITY_UNITS)].reset_index(drop=True)


def capacity_bar_frame(caps: pd.DataFrame) -> pd.DataFrame:
    frame = figures.capacity_frame(caps)
    return frame


def context_rows(ctx: pd.DataFrame, dataset: str, *, world: bool = False) -> pd.DataFrame:
    """Rows of one context dataset, with country names; the WORLD row only if asked."""
    rows = ctx[ctx["dataset"] == dataset].copy()
    if not world:
        rows = rows[rows["country"] != "WORLD"]
    rows["country_name"] = [country_name(c, missing="unknown") for c in rows["country"]]
    return rows.reset_index(drop=True)


def share_of_world(frame: pd.DataFrame, world: pd.DataFrame, code: str) -> float | None:
    """A country's share of the WORLD row of the same dataset and year (None if absent)."""
    own = frame[frame["country"] == code]
    if own.empty or world.empty:
        return None
    total = world[(world["year"] == own["year"].iloc[0]) & (world["country"] == "WORLD")]
    if total.empty or not total["value"].iloc[0]:
        return None
    return float(own["value"].iloc[0]) / float(total["value"].iloc[0])


def shares_frame(ctx: pd.DataFrame, code: str) -> pd.DataFrame:
    """A country's shares (unit %) across the context datasets, with their metric."""
    rows = ctx[(ctx["unit"] == "%") & (ctx["country"] == code)].copy()
    rows = rows[~rows["dataset"].str.contains("brand")]
    rows["country_name"] = [country_name(c, missing="unknown") for c in rows["country"]]
    return rows.reset_index(drop=True)


def market_frames(ctx: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Russian new-vehicle sales (vehicles) and Chinese brands' share (%), by year."""
    sales = ctx[ctx["dataset"] == "russia_car_sales"].copy()
    share = ctx[ctx["dataset"] == "russia_chinese_brand_share"].copy()
    for frame in (sales, share):
        frame["unresolved"] = frame["note"].str.contains("unresolved")
    return sales.reset_index(drop=True), share.reset_index(drop=True)


@dataclass
class SupplyChain:
    """Everything the supply-chain notebook shows, computed once from a build's tables."""

    lexicon: Lexicon
    sentences: pd.DataFrame
    matches: pd.DataFrame
    linked: pd.DataFrame
    countries: pd.DataFrame
    claims: pd.DataFrame
    capacities: pd.DataFrame
    context: pd.DataFrame
    comparisons: pd.DataFrame
    focus_countries: tuple[str, ...]
    #: Seed → why its stage evidence is weak (flagged seeds only).
    stage_flags: dict[str, str] = field(default_factory=dict)
    #: Seed → why its figures are weak (flagged seeds only).
    figure_flags: dict[str, str] = field(default_factory=dict)


def prepare(
    data: ReportData,
    focus_countries: list[str] | tuple[str, ...] = (),
    context_figures: pd.DataFrame | None = None,
    lexicon: Lexicon | None = None,
) -> SupplyChain:
    lexicon = lexicon or load_lexicon()
    usable = set(data.usable_documents["document"])
    sentences = figures.detail_table(data, "sentences")
    sentences = sentences[sentences["document"].isin(usable)].reset_index(drop=True)
    matches = stage_sentences(sentences, lexicon)
    linked = stage_mentions(matches, data.mentions, data.entities)
    focus = tuple(focus_countries)
    claims = figures.claims_frame(data)
    claims = claims[claims["document"].isin(usable)].reset_index(drop=True)
    # the context series about what these seeds are about (one rule: report.relevance)
    ctx = relevant_figures(context.figures() if context_figures is None else context_figures, data)
    comparisons = compare(
        claims,
        ctx,
        data.entities,
        data.mentions,
        lexicon,
        languages(data),
        candidates=figures.detail_table(data, "candidate_mentions"),
    )
    return SupplyChain(
        lexicon=lexicon,
        sentences=sentences,
        matches=matches,
        linked=linked,
        countries=stage_countries(matches, linked, lexicon, focus),
        claims=claims,
        capacities=capacities(claims),
        context=ctx,
        comparisons=comparison_claims(claims, comparisons),
        focus_countries=focus,
        stage_flags=seed_quality.flag_notes(data, usable, "stages"),
        figure_flags=seed_quality.flag_notes(data, usable, "figures"),
    )


#: Percentage points from which two sources' shares of the same thing are said to differ.
SHARE_GAP = 2.0


def mining_share_discrepancy(ctx: pd.DataFrame) -> str:
    """Two sources' shares of world rare-earth mining side by side, when they differ: a
    share a source states, and the share its mine production figures give."""
    stated = ctx[(ctx["dataset"] == "rare_earth_share") & ctx["metric"].str.contains("mining")]
    production = context_rows(ctx, "rare_earth_mine_production")
    world = context_rows(ctx, "rare_earth_mine_production", world=True)
    if stated.empty or production.empty:
        return ""
    row = stated.iloc[0]
    share = share_of_world(production, world, str(row["country"]))
    if share is None or abs(100 * share - float(row["value"])) < SHARE_GAP:
        return ""
    year = int(production[production["country"] == row["country"]]["year"].iloc[0])
    name = country_name(str(row["country"]))
    return (
        f"{name}'s share of world rare-earth mining is {row['value']:g}% in {int(row['year'])} "
        f"({context.citation(row['source_key'], bool(row['secondary']))}) and {share:.0%} in "
        f"{year} from the mine production figures "
        f"({context.citations(production.head(1))}): different years and, by the sources' "
        "own notes, not the same measure; the book sets them side by side and does not "
        "reconcile them."
    )
