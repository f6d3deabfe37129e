"""The supply-chain chapter: stages, actors and countries per stage, capacities and context.

Sentences (``sentences.csv``) are assigned to supply-chain stages with the lexicon in
``analysis/data/lexicons/supply_chain.yaml``; the actors and countries of a stage are those
mentioned in its sentences. Seed figures are set against the context figures of
``analysis/data/context/`` by unit, metric, country and year (:func:`compare`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import yaml
from babel import Locale

from analysis import book, charts, context
from analysis.report import claims as claims_module
from analysis.report.data import ReportData
from analysis.report.terms import FirstWords, text_words

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "supply_chain.yaml"

#: Entity types that are not actors of a supply chain (sources, not participants).
NOT_ACTORS = frozenset({"media"})
#: Codes that are not ISO 3166 countries, with the names the book uses for them.
SPECIAL_CODES = {"WORLD": "World", "EU": "European Union", "SU": "USSR", "": "unknown"}

#: Unit → (family, factor to the family's base unit). Units of one family can be compared.
UNIT_FAMILIES: dict[str, tuple[str, float]] = {
    "vehicles": ("vehicles", 1.0),
    "vehicles/year": ("vehicles", 1.0),
    "units": ("units", 1.0),
    "units/year": ("units", 1.0),
    "kWh": ("energy (GWh)", 1e-6),
    "MWh": ("energy (GWh)", 1e-3),
    "GWh": ("energy (GWh)", 1.0),
    "TWh": ("energy (GWh)", 1e3),
    "kW": ("power (MW)", 1e-3),
    "MW": ("power (MW)", 1.0),
    "GW": ("power (MW)", 1e3),
    "t": ("mass (t)", 1.0),
    "kt": ("mass (t)", 1e3),
    "t/year": ("mass (t)", 1.0),
    "kt/year": ("mass (t)", 1e3),
    "t REO": ("mass (t)", 1.0),
    "%": ("percent", 1.0),
}
#: Families a bare number (no unit) may be compared with when its metric matches.
COUNT_FAMILIES = frozenset({"vehicles", "units"})
#: Relative tolerance for "about" figures and for unqualified figures.
ABOUT_TOLERANCE = 0.10
EXACT_TOLERANCE = 0.02


@dataclass(frozen=True)
class Stage:
    id: str
    label: str
    order: int
    terms: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Lexicon:
    stages: tuple[Stage, ...]
    metrics: dict[str, dict[str, tuple[str, ...]]]
    bounds: dict[str, tuple[str, ...]]
    rare_earth_terms: tuple[str, ...] = ()


def load_lexicon(path: Path = LEXICON) -> Lexicon:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    stages = tuple(
        Stage(
            id=str(s["id"]),
            label=str(s["label"]),
            order=i,
            terms={lang: tuple(str(t) for t in terms) for lang, terms in s["terms"].items()},
        )
        for i, s in enumerate(raw["stages"])
    )
    metrics = {
        name: {lang: tuple(str(t) for t in terms) for lang, terms in langs.items()}
        for name, langs in (raw.get("metrics") or {}).items()
    }
    bounds = {
        name: tuple(str(t) for t in terms) for name, terms in (raw.get("bounds") or {}).items()
    }
    rare = tuple(str(t).lower() for t in raw.get("rare_earth_terms") or ())
    return Lexicon(stages=stages, metrics=metrics, bounds=bounds, rare_earth_terms=rare)


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted({t.lower() for t in terms}, key=len, reverse=True)
    body = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _terms_for(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    if language in table:
        return table[language]
    return tuple(t for terms in table.values() for t in terms)


def find_terms(text: str, table: dict[str, tuple[str, ...]], language: str) -> list[str]:
    """The lexicon terms of ``language`` found in ``text`` (lower-cased, in order, unique)."""
    terms = _terms_for(table, language)
    if not terms or not text:
        return []
    return _found(_pattern(terms), text)


_SPACES = re.compile(r"\s+")


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    found: list[str] = []
    for match in pattern.finditer(text):
        word = _SPACES.sub(" ", match.group(0).lower()).replace("’", "'")
        if word not in found:
            found.append(word)
    return found


# Stages -----------------------------------------------------------------------------


STAGE_COLUMNS = ["sentence_id", "document", "stage", "label", "order", "terms"]


def stage_sentences(sentences: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """One row per (sentence, stage) whose terms occur in the sentence."""
    rows = []
    # Per language, each stage's pattern and its terms' first words: a stage's regex only
    # runs on a sentence that holds one of them (see ``terms``).
    per_stage: dict[str, list[tuple[Stage, re.Pattern[str], FirstWords]]] = {}
    columns = ("sentence_id", "document", "language", "text")
    for sid, doc, language, text in zip(*(sentences[c].tolist() for c in columns), strict=True):
        language, text = str(language), str(text)
        if language not in per_stage:
            per_stage[language] = [
                (stage, _pattern(terms), FirstWords.of(terms))
                for stage in lexicon.stages
                if (terms := _terms_for(stage.terms, language))
            ]
        if not text:
            continue
        words = text_words(text)
        for stage, pattern, first in per_stage[language]:
            if first.possible_in(words) and (found := _found(pattern, text)):
                rows.append([sid, doc, stage.id, stage.label, stage.order, "; ".join(found)])
    return pd.DataFrame(rows, columns=STAGE_COLUMNS)


def stage_mentions(
    matches: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame
) -> pd.DataFrame:
    """Actors (and countries) mentioned in each stage's sentences, media excluded."""
    columns = ["stage", "label", "order", "sentence_id", "document", "entity", "type", "country"]
    if matches.empty or mentions.empty:
        return pd.DataFrame(columns=columns)
    merged = matches.merge(mentions[["entity", "sentence_id"]], on="sentence_id").merge(
        entities[["entity", "type", "country"]], on="entity", how="left"
    )
    merged["type"] = merged["type"].fillna("")
    merged["country"] = merged["country"].fillna("")
    merged = merged[~merged["type"].isin(NOT_ACTORS)]
    return merged[columns].drop_duplicates().reset_index(drop=True)


def country_name(code: str) -> str:
    if code in SPECIAL_CODES:
        return SPECIAL_CODES[code]
    name = Locale("en").territories.get(code)
    return str(name).split(" (")[0] if name else code


def stage_countries(
    matches: pd.DataFrame,
    linked: pd.DataFrame,
    lexicon: Lexicon,
    focus_countries: list[str] | tuple[str, ...] = (),
) -> pd.DataFrame:
    """Stage × country: sentences naming the country or one of its actors, and the actors."""
    columns = [
        "stage",
        "country",
        "country_name",
        "sentences",
        "documents",
        "actors",
        "focus",
        "stage_order",
    ]
    linked = linked[linked["country"] != ""]
    if linked.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (label, code), group in linked.groupby(["label", "country"], sort=False):
        actors = sorted(set(group.loc[group["type"] != "country", "entity"]))
        rows.append(
            {
                "stage": label,
                "country": code,
                "country_name": country_name(code),
                "sentences": group["sentence_id"].nunique(),
                "documents": group["document"].nunique(),
                "actors": ", ".join(actors),
                "focus": code in set(focus_countries),
                "stage_order": int(group["order"].iloc[0]),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["stage_order", "sentences"], ascending=[True, False]).reset_index(
        drop=True
    )


def country_order(frame: pd.DataFrame, focus_countries: list[str] | tuple[str, ...]) -> list[str]:
    """Focus countries first (in the given order), then the others by sentences."""
    totals = frame.groupby("country_name")["sentences"].sum().sort_values(ascending=False)
    names = dict(zip(frame["country"], frame["country_name"], strict=False))
    first = [names[c] for c in focus_countries if c in names]
    return first + [n for n in totals.index if n not in first]


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


def stage_table(
    matches: pd.DataFrame, linked: pd.DataFrame, lexicon: Lexicon, top: int = 6
) -> pd.DataFrame:
    """One row per stage: sentences, seeds (cited), actors with mention counts, countries."""
    rows = []
    for stage in lexicon.stages:
        sentences = matches[matches["stage"] == stage.id]
        actors = linked[(linked["stage"] == stage.id) & (linked["type"] != "country")]
        counts = actors.groupby("entity")["sentence_id"].nunique().sort_values(ascending=False)
        counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
        named = [f"{e} ({n})" for e, n in counts.head(top).items()]
        if len(counts) > top:
            named.append(f"and {len(counts) - top} more")
        countries = linked[linked["stage"] == stage.id]["country"]
        codes = sorted({c for c in countries if c})
        docs = sorted(set(sentences["document"]))
        terms = sorted({t for ts in sentences["terms"] for t in ts.split("; ") if t})
        rows.append(
            {
                "Stage": stage.label,
                "Sentences": len(sentences),
                "Seeds": book.cite_documents(docs, limit=5) if docs else "none",
                "Terms found": ", ".join(terms),
                "Actors (sentences)": ", ".join(named),
                "Countries": ", ".join(country_name(c) for c in codes),
            }
        )
    return pd.DataFrame(rows)


def stage_summary(matches: pd.DataFrame, sentences: pd.DataFrame, lexicon: Lexicon) -> str:
    """How many sentences each stage has, which stages are thin or absent, with citations."""
    total = len(sentences)
    if total == 0:
        return "This build has no sentence to assign to a supply-chain stage."
    covered = matches["sentence_id"].nunique()
    parts = []
    absent = []
    for stage in lexicon.stages:
        rows = matches[matches["stage"] == stage.id]
        if rows.empty:
            absent.append(stage.label.lower())
            continue
        docs = sorted(set(rows["document"]))
        parts.append(
            f"{stage.label.lower()}: {len(rows):,} sentence(s) in {len(docs):,} seed(s) "
            f"{book.cite_documents(docs)}"
        )
    text = (
        f"Of the {total:,} sentences of the usable seeds, {covered:,} name at least one stage of "
        "the supply chain (a sentence can name several)"
    )
    text += ": " + "; ".join(parts) + "." if parts else "."
    if absent:
        text += f" No sentence names {'this stage' if len(absent) == 1 else 'these stages'}: "
        text += ", ".join(absent) + "."
    thin = [s.label.lower() for s in lexicon.stages if 0 < (matches["stage"] == s.id).sum() < 3]
    if thin:
        text += (
            f" The {_join(thin)} stage(s) rest on fewer than three sentences: read them as "
            "mentions, not as evidence of activity."
        )
    return text


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# Capacities -------------------------------------------------------------------------


def capacities(claims: pd.DataFrame) -> pd.DataFrame:
    """Seed claims whose unit is a capacity, an output or a quantity of goods."""
    return claims[claims["unit"].isin(claims_module.CAPACITY_UNITS)].reset_index(drop=True)


def capacity_table(caps: pd.DataFrame) -> pd.DataFrame:
    """Seed, claim (subject, figure, year), kind with hedge and attribution, sentence."""
    rows = list(caps.itertuples(index=False))
    return pd.DataFrame(
        {
            "Seed": caps["citation"],
            "Claim": [claims_module.normalised(r) for r in rows],
            "Kind, hedge, source": [claims_module.qualifier(r) for r in rows],
            "Sentence": caps["sentence"],
        }
    )


def capacity_bar_frame(caps: pd.DataFrame) -> pd.DataFrame:
    frame = claims_module.capacity_frame(caps)
    return frame


CAPACITY_TITLE = "Capacities and output figures stated in the seeds"


def capacity_view(frame: pd.DataFrame) -> alt.FacetChart:
    """One bar per figure, or for many figures their distribution per unit (log scale)."""
    if claims_module.per_claim(frame):
        return capacity_bar_chart(frame)
    return claims_module.distribution_chart(
        claims_module.capacity_distribution(frame), f"{CAPACITY_TITLE} (distribution per unit)"
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
            tooltip=claims_module.claim_tooltips(),
        )
        .properties(width=240, height=alt.Step(24))
    )
    return charts.facet_by_unit(base, CAPACITY_TITLE)


# Context figures --------------------------------------------------------------------


def context_rows(ctx: pd.DataFrame, dataset: str, *, world: bool = False) -> pd.DataFrame:
    """Rows of one context dataset, with country names; the WORLD row only if asked."""
    rows = ctx[ctx["dataset"] == dataset].copy()
    if not world:
        rows = rows[rows["country"] != "WORLD"]
    rows["country_name"] = [country_name(c) for c in rows["country"]]
    return rows.reset_index(drop=True)


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


def share_of_world(frame: pd.DataFrame, world: pd.DataFrame, code: str) -> float | None:
    """A country's share of the WORLD row of the same dataset and year (None if absent)."""
    own = frame[frame["country"] == code]
    if own.empty or world.empty:
        return None
    total = world[(world["year"] == own["year"].iloc[0]) & (world["country"] == "WORLD")]
    if total.empty or not total["value"].iloc[0]:
        return None
    return float(own["value"].iloc[0]) / float(total["value"].iloc[0])


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
                f"of {claims_module.format_value(total['value'])} {total['unit']}"
                + (f" ({total['note']})" if total["note"] else "")
                + "."
            )
    return text + f" Source: {context.citations(pd.concat([frame, world]))}."


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
            f" The world total is {claims_module.format_value(row['value'])} {row['unit']}{note}; "
            "the regions shown do not add up to it."
        )
    return text + f" Source: {context.citations(pd.concat([frame, total]))}."


def shares_frame(ctx: pd.DataFrame, code: str) -> pd.DataFrame:
    """A country's shares (unit %) across the context datasets, with their metric."""
    rows = ctx[(ctx["unit"] == "%") & (ctx["country"] == code)].copy()
    rows = rows[~rows["dataset"].str.contains("brand")]
    rows["country_name"] = [country_name(c) for c in rows["country"]]
    return rows.reset_index(drop=True)


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


def shares_caption(frame: pd.DataFrame) -> str:
    parts = []
    for row in frame.itertuples(index=False):
        note = f" (note: {book.escape(row.note)})" if row.note else ""
        parts.append(f"{book.escape(row.metric)} {row.value:g}% in {int(row.year)}{note}")
    return f"Shares of the world total: {'; '.join(parts)}. Sources: {context.citations(frame)}."


def market_frames(ctx: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Russian new-vehicle sales (vehicles) and Chinese brands' share (%), by year."""
    sales = ctx[ctx["dataset"] == "russia_car_sales"].copy()
    share = ctx[ctx["dataset"] == "russia_chinese_brand_share"].copy()
    for frame in (sales, share):
        frame["unresolved"] = frame["note"].str.contains("unresolved")
    return sales.reset_index(drop=True), share.reset_index(drop=True)


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
        spans = "; ".join(f"{book.escape(m)} in {_years(y)}" for m, y in metrics.items())
        text += (
            f" The sales series joins different counts ({spans}), so the change between them is "
            "not like-for-like."
        )
    for row in pd.concat([sales, share]).itertuples(index=False):
        if row.unresolved:
            text += (
                f" The {int(row.year)} figure ({claims_module.format_value(row.value)}, drawn "
                f"paler) is unresolved: the source table notes “{book.escape(row.note)}”."
            )
    return text + f" Sources: {context.citations(pd.concat([sales, share]))}."


def rare_earth_sentences(matches: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Raw-material sentences whose terms name rare earths (not lithium, nickel…)."""
    terms = set(lexicon.rare_earth_terms)
    raw = matches[matches["stage"] == "raw_materials"]
    keep = pd.Series([bool(set(t.split("; ")) & terms) for t in raw["terms"]], dtype=bool)
    # A boolean Series, not a list: an empty list would select no *columns*.
    return raw[keep.to_numpy()]


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
        f"The sentences on rare earths name {_join([country_name(c) for c in codes])} "
        f"{book.cite_documents(docs)}."
    )
    if listed:
        found = production.set_index("country")
        values = "; ".join(
            f"{country_name(c)}, "
            f"{claims_module.quantity(float(found.loc[c, 'value']), str(found.loc[c, 'unit']))}"
            for c in listed
        )
        text += (
            f" The context table gives rare-earth mine production for {values} in {year} "
            f"({context.citations(production)})."
        )
    if missing:
        text += (
            " It lists no rare-earth mine production for "
            f"{_join([country_name(c) for c in missing])} in {year}, so the context cannot "
            "confirm any output there" + ("." if listed else f" ({context.citations(production)}).")
        )
    return text


# Comparing seed figures with the context ---------------------------------------------


def unit_family(unit: str) -> tuple[str, float] | None:
    return UNIT_FAMILIES.get(unit)


def metrics_in(text: str, lexicon: Lexicon, language: str) -> set[str]:
    return {name for name, table in lexicon.metrics.items() if find_terms(text, table, language)}


def bound_of(hedges: list[str], lexicon: Lexicon) -> str:
    """``at_most``, ``at_least``, ``about`` or ``exact`` from a claim's hedge words."""
    lowered = [h.strip().lower().replace("’", "'") for h in hedges]
    for name in ("at_most", "at_least", "about"):
        words = {w.lower() for w in lexicon.bounds.get(name, ())}
        if any(h in words for h in lowered):
            return name
    return "exact"


def _window(sentence: str, start: float, end: float, before: int = 60, after: int = 40) -> str:
    if sentence and not (math.isnan(start) or math.isnan(end)):
        return sentence[max(0, int(start) - before) : int(end) + after]
    return sentence


class ActorCountries:
    """Countries of known actors and the actors named in each sentence, indexed once."""

    def __init__(self, entities: pd.DataFrame, mentions: pd.DataFrame) -> None:
        known = entities.drop_duplicates("entity")
        self.country = dict(zip(known["entity"], known["country"], strict=True))
        self.type = dict(zip(known["entity"], known["type"], strict=True))
        self.named: dict[str, list[str]] = {}
        for sid, entity in zip(mentions["sentence_id"], mentions["entity"], strict=True):
            self.named.setdefault(sid, []).append(entity)

    def of_claim(self, claim: Mapping[str, Any]) -> tuple[list[str], str]:
        """The countries a claim concerns and the subject's type ("" if no subject).

        The subject's country if it is a known actor; otherwise the countries of the
        actors mentioned in the claim's sentence (media excluded).
        """
        subject = claim["subject"]
        if subject and self.country.get(subject):
            return [str(self.country[subject])], str(self.type[subject])
        codes = [
            str(self.country[e])
            for e in self.named.get(claim["sentence_id"], [])
            if self.country.get(e) and self.type[e] not in NOT_ACTORS
        ]
        return sorted(set(codes)), ""


COMPARISON_COLUMNS = [
    "claim",
    "document",
    "sentence_id",
    "verdict",
    "context_index",
    "ratio",
    "scope",
    "partial_index",
]


def compare(
    claims: pd.DataFrame,
    ctx: pd.DataFrame,
    entities: pd.DataFrame,
    mentions: pd.DataFrame,
    lexicon: Lexicon,
    languages: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Match each seed claim with context figures of the same unit family, metric, country, year.

    One row per (claim, matching context row); a claim with no match gets one row with
    verdict ``no context`` and, in ``partial_index``, context rows of the same country and
    unit family but another metric or year (a near miss worth naming). Verdicts:
    ``consistent``, ``disagrees``, ``different scope`` (a firm's figure against a national
    one), ``no year`` (the seed gives none), ``no context``.
    ``claim`` is the claim's index in ``claims``; ``context_index`` the row's index in ``ctx``.
    """
    languages = languages or {}
    ctx_metric = {
        i: metrics_in(str(m), lexicon, "en") for i, m in zip(ctx.index, ctx["metric"], strict=True)
    }
    countries = ActorCountries(entities, mentions)
    ctx_rows = list(zip(ctx.index, ctx.to_dict("records"), strict=True))
    rows = []
    # Plain dicts: iterrows is slow on large corpora.
    for index, claim in zip(claims.index, claims.to_dict("records"), strict=True):
        value = claim["value"]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        family = unit_family(claim["unit"])
        language = languages.get(claim["document"], "")
        window = _window(
            str(claim["sentence"]), claim.get("start", math.nan), claim.get("end", math.nan)
        )
        metrics = metrics_in(window, lexicon, language)
        codes, subject_type = countries.of_claim(claim)
        bound = bound_of(list(claim["hedges"]), lexicon)
        matches, partial = [], []
        for i, row in ctx_rows:
            if row["country"] not in codes:
                continue
            other = unit_family(str(row["unit"]))
            if other is None:
                continue
            if family is None:
                if claim["unit"] or other[0] not in COUNT_FAMILIES or not metrics:
                    continue
                scale = 1.0
            else:
                if family[0] != other[0]:
                    continue
                scale = family[1]
            # A context row with a known measure matches only a seed figure of that measure.
            same_metric = bool(metrics & ctx_metric[i]) if ctx_metric[i] else True
            same_year = claim["year"] is None or int(row["year"]) == int(claim["year"])
            if same_metric and same_year:
                matches.append((i, value * scale, float(row["value"]) * other[1]))
            else:
                partial.append(i)
        base_row = {
            "claim": index,
            "document": claim["document"],
            "sentence_id": claim["sentence_id"],
        }
        if not matches:
            rows.append(
                {
                    **base_row,
                    "verdict": "no context",
                    "context_index": None,
                    "ratio": None,
                    "scope": "",
                    "partial_index": partial,
                }
            )
            continue
        for i, seed_value, ctx_value in matches:
            ratio = seed_value / ctx_value if ctx_value else None
            if subject_type and subject_type != "country":
                verdict = "different scope"
            elif claim["year"] is None:
                verdict = "no year"
            else:
                verdict = _verdict(seed_value, ctx_value, bound)
            scope = "bare number" if not claim["unit"] else ""
            rows.append(
                {
                    **base_row,
                    "verdict": verdict,
                    "context_index": i,
                    "ratio": ratio,
                    "scope": scope,
                    "partial_index": [],
                }
            )
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _verdict(seed: float, ctx: float, bound: str) -> str:
    if bound == "at_most":
        return "consistent" if ctx <= seed else "disagrees"
    if bound == "at_least":
        return "consistent" if ctx >= seed else "disagrees"
    tolerance = ABOUT_TOLERANCE if bound == "about" else EXACT_TOLERANCE
    return "consistent" if abs(seed - ctx) <= tolerance * abs(ctx) else "disagrees"


BOUND_WORDS = {
    "at_most": "an upper bound",
    "at_least": "a lower bound",
    "about": "an approximation",
    "exact": "a figure",
}


def _context_phrase(row: pd.Series) -> str:
    note = f"; the source table notes “{book.escape(row['note'])}”" if row["note"] else ""
    return (
        f"{book.escape(row['metric'])} in {country_name(str(row['country']))} "
        f"in {int(row['year'])}: "
        f"{book.escape(claims_module.quantity(float(row['value']), str(row['unit'])))} "
        f"({context.citations(row.to_frame().T)}{note})"
    )


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
        bound = bound_of(list(claim["hedges"]), lexicon)
        text = claims_module.claim_sentence(claim)
        first = group.iloc[0]
        if first["verdict"] == "no context":
            text += " No context figure with the same unit, metric, country and year can check it."
            near = sorted(
                (ctx.loc[i] for i in first["partial_index"]),
                key=lambda r: abs(int(r["year"]) - (claim["year"] or int(r["year"]))),
            )
            if near:
                text += (
                    " The nearest context rows, for another metric or year, are "
                    + "; ".join(_context_phrase(r) for r in near[:3])
                    + "."
                )
            out.append(text)
            continue
        for row in group.itertuples(index=False):
            entry = ctx.loc[row.context_index]
            text += f" Context: {_context_phrase(entry)}."
            if row.scope == "bare number":
                text += (
                    f" The seed's number has no unit; it is read here as the same count as "
                    f"the context ({book.escape(entry['metric'])})."
                )
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
            elif row.verdict == "different scope":
                text += (
                    f" The two differ in scope: the seed's figure concerns one actor, the "
                    f"context figure a whole country (the seed's is {row.ratio:.0%} of it)."
                )
            elif row.verdict == "no year":
                text += " The seed gives no year, so the two can only be set side by side."
            if claim["kind"] == "target" and row.verdict in {"consistent", "disagrees"}:
                text += " The seed states a forecast; the context gives the outcome."
        out.append(text)
    return out


def comparison_claims(claims: pd.DataFrame, comparisons: pd.DataFrame) -> pd.DataFrame:
    """Comparisons worth a paragraph: capacity-like or bare-number claims, and every match."""
    if comparisons.empty:
        return comparisons
    units = claims["unit"].to_dict()  # a dict: one .loc per row is slow on large corpora
    keep = [
        verdict != "no context" or units[c] in claims_module.CAPACITY_UNITS or not units[c]
        for c, verdict in zip(comparisons["claim"], comparisons["verdict"], strict=True)
    ]
    return comparisons[keep].reset_index(drop=True)


def languages(data: ReportData) -> dict[str, str]:
    return dict(zip(data.documents["document"], data.documents["language"], strict=False))


# The chapter -------------------------------------------------------------------------


@dataclass
class Chapter:
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


def prepare(
    data: ReportData,
    focus_countries: list[str] | tuple[str, ...] = (),
    context_figures: pd.DataFrame | None = None,
    lexicon: Lexicon | None = None,
) -> Chapter:
    lexicon = lexicon or load_lexicon()
    usable = set(data.usable_documents["document"])
    sentences = claims_module.detail_table(data, "sentences")
    sentences = sentences[sentences["document"].isin(usable)].reset_index(drop=True)
    matches = stage_sentences(sentences, lexicon)
    linked = stage_mentions(matches, data.mentions, data.entities)
    focus = tuple(focus_countries)
    claims = claims_module.claims_frame(data)
    claims = claims[claims["document"].isin(usable)].reset_index(drop=True)
    ctx = context.figures() if context_figures is None else context_figures
    comparisons = compare(claims, ctx, data.entities, data.mentions, lexicon, languages(data))
    return Chapter(
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
    )


def cite_documents(documents: object) -> str:
    """Citations of the seeds in ``documents`` (sorted, at most ten inline)."""
    return book.cite_documents(documents)  # type: ignore[arg-type]


def stage_country_caption(chapter: Chapter) -> str:
    return (
        "Number of sentences of each stage that name a country or an actor based in it (an "
        "actor's country comes from the knowledge base). Counts measure how often the articles "
        "talk about a stage and a country, not the size of any industry. Sources: "
        f"{cite_documents(chapter.linked['document'])}."
    )


def capacity_caption(chapter: Chapter) -> str:
    """Caption of :func:`capacity_view` for the chapter's capacity figures."""
    scope = claims_module.capacity_scope(capacity_bar_frame(chapter.capacities))
    what = (
        "Each bar is one figure as stated in a seed; each row has one unit and its own axis. "
        "Orange bars are targets, plans or forecasts, blue bars figures reported as fact; "
        "hedges are in the tooltips and in the table below. "
    )
    if scope:
        what = (
            "Figures as stated in the seeds, on a logarithmic scale; each row has one unit and "
            "its own axis. Orange: targets, plans or forecasts; blue: figures reported as "
            f"fact. {scope} "
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

    When cut, every comparison is written as CSV (``supply-comparisons``) and linked;
    only the paragraphs shown are written.
    """
    comparisons = chapter.comparisons
    if comparisons.empty:
        return "No seed figure has a unit or a measure that the context data covers."
    total = comparisons["claim"].nunique()
    paragraphs = comparison_paragraphs(
        comparisons, chapter.claims, chapter.context, chapter.lexicon, limit=limit
    )
    if total <= limit:
        return "\n\n".join(paragraphs)
    link = book.download_link(book.write_data(comparison_data(chapter), "supply-comparisons"))
    note = (
        f"*First {limit} of {total:,} compared figures (in seed order); every "
        f"comparison is in {link}.*"
    )
    return "\n\n".join([*paragraphs, note])


def capacity_summary(chapter: Chapter) -> str:
    caps = chapter.capacities
    if caps.empty:
        return (
            "No seed states a capacity, an output or a quantity of goods (GWh, MW, vehicles, "
            "units, tonnes): this build has no capacity figure to show."
        )
    targets = int((caps["kind"] == "target").sum())
    hedged = int(caps["hedged"].sum())
    units = sorted(set(caps["unit"]))
    return (
        f"{len(caps):,} figure(s) in {caps['document'].nunique():,} seed(s) state a capacity, an "
        f"output or a quantity of goods ({', '.join(book.escape(u) for u in units)}) "
        f"{cite_documents(caps['document'])}: {targets:,} of them are targets, plans or "
        f"forecasts rather than achieved figures, and {hedged:,} are hedged in the seed."
    )


def rare_earth_note(chapter: Chapter) -> str:
    """:func:`raw_material_note` for the sentences that name rare earths ("" if none)."""
    ids = set(rare_earth_sentences(chapter.matches, chapter.lexicon)["sentence_id"])
    if not ids:
        return ""
    return raw_material_note(chapter.linked, chapter.context, sentence_ids=ids)
