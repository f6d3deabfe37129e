"""The supply-chain chapter: stages, actors and countries per stage, capacities and context.

Sentences (``sentences.csv``) are assigned to supply-chain stages with the lexicon in
``analysis/data/lexicons/supply_chain.yaml``; the actors and countries of a stage are those
mentioned in its sentences. Seed figures are set against the context figures of
``analysis/data/context/`` only when unit, measure, subject and year all agree
(:func:`compare`; the measure and product vocabulary is in the same lexicon).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
#: Families that count goods (the findings group them; a bare number is compared only as
#: vehicles, see :func:`unit_reading`).
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


Terms = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Lexicon:
    stages: tuple[Stage, ...]
    #: Measure → language → terms (what a figure measures: sales, production, mining…).
    measures: dict[str, Terms]
    bounds: dict[str, tuple[str, ...]]
    rare_earth_terms: tuple[str, ...] = ()
    #: Language → words that make a percentage a share of a total.
    shares: Terms = field(default_factory=dict)
    #: Product → language → terms (a raw material, a component, a kind of vehicle).
    products: dict[str, Terms] = field(default_factory=dict)
    #: Language → nouns for firms ("brands", "constructeur").
    firm_words: Terms = field(default_factory=dict)
    #: Language → words that make a bare number (or "units") a count of vehicles.
    vehicle_words: Terms = field(default_factory=dict)
    #: Language → cues before a name that make it a source ("according to").
    source_cues: Terms = field(default_factory=dict)


def _by_language(raw: Mapping[str, Any] | None) -> Terms:
    return {str(lang): tuple(str(t) for t in terms) for lang, terms in (raw or {}).items()}


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
    bounds = {
        name: tuple(str(t) for t in terms) for name, terms in (raw.get("bounds") or {}).items()
    }
    rare = tuple(str(t).lower() for t in raw.get("rare_earth_terms") or ())
    return Lexicon(
        stages=stages,
        measures={str(k): _by_language(v) for k, v in (raw.get("measures") or {}).items()},
        bounds=bounds,
        rare_earth_terms=rare,
        shares=_by_language(raw.get("shares")),
        products={str(k): _by_language(v) for k, v in (raw.get("products") or {}).items()},
        firm_words=_by_language(raw.get("firm_words")),
        vehicle_words=_by_language(raw.get("vehicle_words")),
        source_cues=_by_language(raw.get("source_cues")),
    )


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted({t.lower() for t in terms}, key=len, reverse=True)
    body = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _terms_for(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    if language in table:
        return table[language]
    return tuple(t for terms in table.values() for t in terms)


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

#: Entity types whose figures are a firm's, not a country's.
FIRM_TYPES = frozenset({"company", "brand"})
#: Labels of unlinked names (``candidate_mentions``) that may name a firm.
FIRM_LABELS = frozenset({"ORG", "PROPN", "MISC"})
PERCENT = "percent"
#: Characters before a name searched for a source cue ("according to …").
SOURCE_SPAN = 40
#: What the book says of the matching rules, wherever it says that nothing was compared.
MATCHING_RULE = (
    "figures are only compared when their unit (after conversion), measure (sales, "
    "production, capacity, a mining or refining share…), subject (the same country or "
    "company, and the same material, such as gallium or battery cells) and year all agree"
)


def unit_family(unit: str) -> tuple[str, float] | None:
    return UNIT_FAMILIES.get(unit)


def _normal(term: str) -> str:
    return _SPACES.sub(" ", term.strip().lower()).replace("’", "'")


#: A table's patterns by first word, and its normalised terms → names.
_Compiled = tuple[dict[str, re.Pattern[str]], dict[str, str]]
_WORDS_ONLY = re.compile(r"\w+")


class Vocabulary:
    """The lexicon's comparison terms as patterns, built once per table and language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._built: dict[tuple[str, str], _Compiled] = {}
        self._bounds = {
            name: {_normal(w) for w in lexicon.bounds.get(name, ())}
            for name in ("at_most", "at_least", "about")
        }

    def _compiled(self, key: str, table: Mapping[str, Terms], language: str) -> _Compiled:
        built = self._built.get((key, language))
        if built is None:
            labels: dict[str, str] = {}
            for name, terms in table.items():
                for term in _terms_for(terms, language):
                    labels.setdefault(_normal(term), name)
            by_first: dict[str, list[str]] = {}
            for term in labels:
                # A term not starting with a word character could never match here.
                if first := _WORDS_ONLY.match(term):
                    by_first.setdefault(first.group(0), []).append(term)
            built = self._built[(key, language)] = (
                {first: _pattern(tuple(terms)) for first, terms in by_first.items()},
                labels,
            )
        return built

    def names(self, key: str, table: Mapping[str, Terms], text: str, language: str) -> list[str]:
        """The names of ``table`` whose terms occur in ``text`` (in order, unique).

        All terms are matched together, longest first: "mine production" is found as one
        term, not as "mine" and "production"."""
        patterns, labels = self._compiled(key, table, language)
        found: list[str] = []
        end = 0
        # Every term starts at a word: only the words that begin a term are tried (the
        # terms starting with that word, longest first), as one alternation would.
        for word in _WORDS_ONLY.finditer(text):
            if word.start() < end or (pattern := patterns.get(word.group(0).lower())) is None:
                continue
            match = pattern.match(text, word.start())
            if match is None:
                continue
            end = match.end()
            name = labels.get(_normal(match.group(0)))
            if name and name not in found:
                found.append(name)
        return found

    def measures(self, text: str, language: str) -> list[str]:
        return self.names("measures", self.lexicon.measures, text, language)

    def products(self, text: str, language: str) -> list[str]:
        return self.names("products", self.lexicon.products, text, language)

    def has(self, key: str, text: str, language: str) -> bool:
        """Whether ``text`` holds a term of a one-list table (``shares``, ``firm_words``…)."""
        return bool(self.names(key, {key: getattr(self.lexicon, key)}, text, language))

    def bound(self, hedges: list[str]) -> str:
        """:func:`bound_of` with the lexicon's bound words read once."""
        lowered = {_normal(h) for h in hedges}
        for name, words in self._bounds.items():
            if not lowered.isdisjoint(words):
                return name
        return "exact"

    def is_source(self, window: str, position: int, language: str) -> bool:
        """Whether a source cue ("according to", "selon") shortly precedes ``position``."""
        return self.has("source_cues", window[max(0, position - SOURCE_SPAN) : position], language)

    def qualifies_firm(self, window: str, surface: str, language: str) -> bool:
        """Whether ``surface`` (a country's name or adjective) qualifies a firm noun in
        ``window``: a firm word among the two words before or after it ("Chinese brands",
        "les constructeurs automobiles chinois")."""
        for match in _name_pattern(surface).finditer(window):
            before = _WORDS.findall(window[: match.start()])[-2:]
            after = _WORDS.findall(window[match.end() :])[:2]
            if self.has("firm_words", " ".join([*before, *after]), language):
                return True
        return False


_WORDS = re.compile(r"[\w'’-]+")


@cache
def _name_pattern(surface: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")


def metrics_in(text: str, lexicon: Lexicon, language: str) -> set[str]:
    """The measures (sales, production…) whose terms occur in ``text``."""
    return set(Vocabulary(lexicon).measures(text, language))


def measure_of(
    text: str, family: str | None, vocabulary: Vocabulary, language: str
) -> tuple[str | None, str]:
    """What a figure in unit ``family`` measures, read from ``text``, or None and why.

    One measure must be named (none or two: unknown). A percentage is a share only with
    a share word; it is then the share of its measure (``mining share``; a share of sales
    is a ``market share``)."""
    if family == PERCENT and not vocabulary.has("shares", text, language):
        return None, "a percentage that is not a share (a change or a rate)"
    names = vocabulary.measures(text, language)
    if not names:
        return None, "its sentence names no measure (sales, production, capacity…)"
    if len(names) > 1:
        return None, f"its sentence names several measures ({', '.join(names)})"
    if family == PERCENT:
        return ("market share" if names[0] == "sales" else f"{names[0]} share"), ""
    return names[0], ""


def product_of(text: str, vocabulary: Vocabulary, language: str) -> str | None:
    """The one product (material, component, kind of vehicle) ``text`` names, "" if none,
    None if several."""
    names = vocabulary.products(text, language)
    if len(names) > 1:
        return None
    return names[0] if names else ""


def unit_reading(
    unit: str, sentence: str, vocabulary: Vocabulary, language: str
) -> tuple[tuple[str, float] | None, str]:
    """The unit family of a seed figure and, when its unit is read, how (``scope``).

    A bare number or a count of "units" is a count of vehicles when its sentence names
    vehicles ("les ventes de voitures … un million"); otherwise a bare number has no
    family and is never compared. (Its measure, product and subject, read closer to the
    figure, must still match.)"""
    family = unit_family(unit)
    if (not unit or (family and family[0] == "units")) and vocabulary.has(
        "vehicle_words", sentence, language
    ):
        return UNIT_FAMILIES["vehicles"], "bare number" if not unit else "units as vehicles"
    return family, ""


def bound_of(hedges: list[str], lexicon: Lexicon) -> str:
    """``at_most``, ``at_least``, ``about`` or ``exact`` from a claim's hedge words."""
    lowered = [h.strip().lower().replace("’", "'") for h in hedges]
    for name in ("at_most", "at_least", "about"):
        words = {w.lower() for w in lexicon.bounds.get(name, ())}
        if any(h in words for h in lowered):
            return name
    return "exact"


def _window_bounds(
    sentence: str, start: float, end: float, before: int = 60, after: int = 40
) -> tuple[int, int]:
    """Bounds of a figure's neighbourhood in its sentence, widened to whole words."""
    if not sentence or math.isnan(start) or math.isnan(end):
        return 0, len(sentence)
    low, high = max(0, int(start) - before), min(len(sentence), int(end) + after)
    while low > 0 and sentence[low - 1].isalnum():
        low -= 1
    while high < len(sentence) and sentence[high].isalnum():
        high += 1
    return low, high


def _window(sentence: str, start: float, end: float, before: int = 60, after: int = 40) -> str:
    low, high = _window_bounds(sentence, start, end, before, after)
    return sentence[low:high]


@dataclass(frozen=True)
class Subject:
    """Whom a figure is about: ``kind`` "country" (``key`` its ISO code), an actor type
    ("company", "brand"…; ``key`` its name), or "" when no comparable subject is known
    (``reason`` says why)."""

    kind: str
    key: str
    reason: str = ""
    #: True when a country subject was set aside because of firms near the figure.
    near_firm: bool = False

    def same(self, other: Subject) -> bool:
        return bool(self.kind) and (self.kind, self.key) == (other.kind, other.key)


class ActorCountries:
    """Countries and types of known actors, and the names in each sentence, indexed once."""

    def __init__(
        self,
        entities: pd.DataFrame,
        mentions: pd.DataFrame,
        candidates: pd.DataFrame | None = None,
    ) -> None:
        known = entities.drop_duplicates("entity")
        self.country = dict(zip(known["entity"], known["country"], strict=True))
        self.type = dict(zip(known["entity"], known["type"], strict=True))
        #: Sentence → (entity, surface form) of its actor mentions.
        self.named: dict[str, list[tuple[str, str]]] = {}
        texts = mentions["text"] if "text" in mentions else [""] * len(mentions)
        for sid, entity, text in zip(
            mentions["sentence_id"], mentions["entity"], texts, strict=True
        ):
            self.named.setdefault(sid, []).append((entity, str(text or "")))
        #: Sentence → names found by NER but not linked to an actor, that may be firms.
        self.unlinked: dict[str, list[str]] = {}
        if candidates is not None and not candidates.empty:
            linked = candidates["actor"] if "actor" in candidates else [""] * len(candidates)
            columns = (candidates["sentence_id"], candidates["text"], candidates["label"], linked)
            for sid, text, label, actor in zip(*columns, strict=True):
                if label in FIRM_LABELS and not (isinstance(actor, str) and actor) and text:
                    self.unlinked.setdefault(str(sid), []).append(str(text))

    def subject(
        self,
        claim: Mapping[str, Any],
        window: str,
        vocabulary: Vocabulary,
        language: str,
        percent: bool = False,
    ) -> Subject:
        """The subject of a claim, read from its ``subject`` and its neighbourhood.

        A country subject holds only if nothing near the figure makes it a firm's figure:
        a known firm or an unlinked organisation name (not cited as a source), the
        country's name qualifying a firm noun ("Chinese brands"), or, for a share, any
        firm noun ("les marques chinoises ont représenté 60 %")."""
        name = str(claim["subject"] or "")
        if not name:
            return Subject("", "", "the seed names no subject for it")
        kind = self.type.get(name)
        if kind is None:
            return Subject("", "", f"its subject, {name}, is not a known actor")
        if kind != "country":
            return Subject(str(kind), name)
        code = str(self.country.get(name) or "")
        why = self._firms_near(claim, name, window, vocabulary, language, percent)
        if why:
            return Subject("", "", why(country_name(code)), near_firm=True)
        return Subject("country", code)

    def _firms_near(
        self,
        claim: Mapping[str, Any],
        name: str,
        window: str,
        vocabulary: Vocabulary,
        language: str,
        percent: bool,
    ) -> Callable[[str], str] | None:
        """Why a country's figure may be firms' (a reason, given the country's name), or
        None. Called for every country figure: the country's name is only looked up when
        a reason is written."""
        named = self.named.get(str(claim["sentence_id"]), [])
        for entity, surface in named:
            firm = self.type.get(entity) in FIRM_TYPES and surface
            if firm and self._near(surface, window, vocabulary, language):
                return lambda place: (
                    f"it is next to a firm, {entity}, so it may be the firm's, not {place}'s"
                )
        surfaces = {s for _, s in named if s}
        for text in self.unlinked.get(str(claim["sentence_id"]), []):
            if text not in surfaces and self._near(text, window, vocabulary, language):
                return lambda place: (
                    f"it is next to {text}, possibly a firm, so it may not be {place}'s"
                )
        own = {s for e, s in named if e == name and s}
        if any(vocabulary.qualifies_firm(window, s, language) for s in own):
            return lambda place: f"it concerns firms of {place}, not {place} as a whole"
        if percent and vocabulary.has("firm_words", window, language):
            return lambda place: "it is a share held by firms, not by a country"
        return None

    @staticmethod
    def _near(name: str, window: str, vocabulary: Vocabulary, language: str) -> bool:
        """Whether ``name`` occurs in ``window`` other than as a cited source."""
        return any(
            not vocabulary.is_source(window, m.start(), language)
            for m in _name_pattern(name).finditer(window)
        )


@dataclass(frozen=True)
class ContextFigure:
    """A context row as :func:`compare` reads it."""

    index: Any
    family: tuple[str, float] | None
    measure: str | None
    product: str | None
    subject: Subject
    year: int
    value: float


def context_figure(index: Any, row: Mapping[str, Any], vocabulary: Vocabulary) -> ContextFigure:
    """Unit family, measure, product and subject of a context row, read with the lexicon
    from its dataset name and metric ("rare_earth_share", "share of world mining" →
    mining share of rare earths). A row about firms ("Chinese brands' share") has no
    comparable subject."""
    text = f"{str(row['dataset']).replace('_', ' ')} {row['metric']}"
    family = unit_family(str(row["unit"]))
    measure, _ = measure_of(text, family[0] if family else None, vocabulary, "en")
    if vocabulary.has("firm_words", text, "en"):
        subject = Subject("", "", "a figure of firms")
    else:
        subject = Subject("country", str(row["country"]))
    return ContextFigure(
        index=index,
        family=family,
        measure=measure,
        product=product_of(text, vocabulary, "en"),
        subject=subject,
        year=int(row["year"]),
        value=float(row["value"]),
    )


COMPARISON_COLUMNS = [
    "claim",
    "document",
    "sentence_id",
    "verdict",
    "context_index",
    "ratio",
    "scope",
    "partial_index",
    "measure",
    "reason",
]


def compare(
    claims: pd.DataFrame,
    ctx: pd.DataFrame,
    entities: pd.DataFrame,
    mentions: pd.DataFrame,
    lexicon: Lexicon,
    languages: dict[str, str] | None = None,
    candidates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Match each seed claim with the context figures of the same unit family, measure,
    subject (country or firm, and product) and year (the rules at the top of this section).

    One row per (claim, matching context row), verdict ``consistent`` or ``disagrees``; a
    claim with no match gets one row with verdict ``no context``, in ``reason`` the first
    rule that rules it out ("" when it is only the context that lacks a figure) and, in
    ``partial_index``, context rows that match in everything but the year (near misses
    worth naming; a row of another measure is never named, not to invite the comparison).
    ``candidates`` are the unlinked names of ``candidate_mentions`` (optional). ``claim``
    is the claim's index in ``claims``; ``context_index`` the row's index in ``ctx``;
    ``measure`` the claim's.
    """
    languages = languages or {}
    vocabulary = Vocabulary(lexicon)
    figures = [
        context_figure(i, row, vocabulary)
        for i, row in zip(ctx.index, ctx.to_dict("records"), strict=True)
    ]
    actors = ActorCountries(entities, mentions, candidates)
    rows = []
    # Plain dicts: iterrows is slow on large corpora.
    for index, claim in zip(claims.index, claims.to_dict("records"), strict=True):
        value = claim["value"]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        language = languages.get(claim["document"], "")
        window = _window(
            str(claim["sentence"]), claim.get("start", math.nan), claim.get("end", math.nan)
        )
        family, scope = unit_reading(
            str(claim["unit"]), str(claim["sentence"]), vocabulary, language
        )
        measure, measure_reason = measure_of(
            window, family[0] if family else None, vocabulary, language
        )
        product = product_of(window, vocabulary, language)
        subject = actors.subject(
            claim, window, vocabulary, language, percent=bool(family and family[0] == PERCENT)
        )
        year = _year(claim["year"])
        bound = vocabulary.bound(list(claim["hedges"]))
        matches, partial = [], []
        if subject.kind and family is not None and product is not None:
            for figure in figures:
                if not subject.same(figure.subject) or figure.product != product:
                    continue
                if figure.family is None or figure.family[0] != family[0]:
                    continue
                if measure is None or figure.measure != measure or year is None:
                    continue
                if year == figure.year:
                    matches.append((figure, value * family[1], figure.value * figure.family[1]))
                else:
                    partial.append(figure.index)
        base_row = {
            "claim": index,
            "document": claim["document"],
            "sentence_id": claim["sentence_id"],
            "measure": measure or "",
        }
        if not matches:
            reason = _reason(claim, year, subject, family, measure_reason, product)
            rows.append(
                {
                    **base_row,
                    "verdict": "no context",
                    "context_index": None,
                    "ratio": None,
                    "scope": "",
                    "partial_index": partial,
                    "reason": reason,
                }
            )
            continue
        for figure, seed_value, ctx_value in matches:
            rows.append(
                {
                    **base_row,
                    "verdict": _verdict(seed_value, ctx_value, bound),
                    "context_index": figure.index,
                    "ratio": seed_value / ctx_value if ctx_value else None,
                    "scope": scope,
                    "partial_index": [],
                    "reason": "",
                }
            )
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _year(value: Any) -> int | None:
    """A claim's year as an integer, None when missing (None or NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def _reason(
    claim: Mapping[str, Any],
    year: int | None,
    subject: Subject,
    family: tuple[str, float] | None,
    measure_reason: str,
    product: str | None,
) -> str:
    """The first rule that rules a claim out ("" if none does): the subject when it is not
    a country or unknown, then the year, the unit, the measure, firms near the figure and
    the product."""
    if subject.kind and subject.kind != "country":
        return (
            f"its subject, {subject.key}, is a {subject.kind}, and the context has no figure "
            "of it, only figures of whole countries"
        )
    if not subject.kind and not subject.near_firm:
        return subject.reason
    if year is None:
        return "the seed gives no year"
    if family is None:
        if not claim["unit"]:
            return "the number has no unit and its sentence names no vehicles"
        return f"no context figure is in {claim['unit']} or a unit convertible to it"
    if measure_reason:
        return measure_reason
    if subject.near_firm:
        return subject.reason
    if product is None:
        return "its sentence names several materials or products"
    return ""


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
        bound = bound_of(list(claim["hedges"]), lexicon)
        text = claims_module.claim_sentence(claim)
        first = group.iloc[0]
        if first["verdict"] == "no context":
            reason = str(first.get("reason", "") or "")
            text += " No context figure with the same unit, measure, subject and year can check it"
            text += f" ({book.escape(reason)})." if reason else "."
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
            if claim["kind"] == "target":
                text += " The seed states a forecast; the context gives the outcome."
        out.append(text)
    return out


def checked_claims(comparisons: pd.DataFrame) -> set[Any]:
    """Claims that at least one context figure matches (whatever the verdict)."""
    return set(comparisons.loc[comparisons["verdict"] != "no context", "claim"])


def comparison_claims(claims: pd.DataFrame, comparisons: pd.DataFrame) -> pd.DataFrame:
    """Comparisons worth a paragraph: capacity-like or bare-number claims, and every match;
    claims with a match first, then the others (each in seed order)."""
    if comparisons.empty:
        return comparisons
    units = claims["unit"].to_dict()  # a dict: one .loc per row is slow on large corpora
    keep = [
        verdict != "no context" or units[c] in claims_module.CAPACITY_UNITS or not units[c]
        for c, verdict in zip(comparisons["claim"], comparisons["verdict"], strict=True)
    ]
    kept = comparisons[keep]
    matched = kept["claim"].isin(checked_claims(kept))
    return pd.concat([kept[matched], kept[~matched]]).reset_index(drop=True)


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
    comparisons = compare(
        claims,
        ctx,
        data.entities,
        data.mentions,
        lexicon,
        languages(data),
        candidates=claims_module.detail_table(data, "candidate_mentions"),
    )
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
            f"None of the {total:,} capacity, output, sales or share figure(s) of the seeds "
            f"can be set against a context figure: {MATCHING_RULE}."
        )
    paragraphs = comparison_paragraphs(
        comparisons, chapter.claims, chapter.context, chapter.lexicon, limit=limit
    )
    if total <= limit:
        return "\n\n".join(paragraphs)
    link = book.download_link(book.write_data(comparison_data(chapter), "supply-comparisons"))
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
