"""Supply-chain stages: which sentences speak of which stage, and whose actors they name.

Sentences (``sentences.csv``) are assigned to supply-chain stages with the lexicon in
``analysis/data/lexicons/supply_chain.yaml``; the actors and countries of a stage are
those mentioned in its sentences. The same lexicon holds the vocabulary of
:mod:`analysis.report.comparison`. No chart and no prose here: see ``supply_chain``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.report.data import ReportData
from analysis.report.lexicon import Matcher, for_language, text_words
from analysis.report.wording import country_name

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "supply_chain.yaml"


#: Entity types that are not actors of a supply chain (sources, not participants).
NOT_ACTORS = frozenset({"media"})


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
    rare = tuple(str(t).lower() for t in raw.get("rare_earth_terms") or ())
    return Lexicon(
        stages=stages,
        measures={str(k): _by_language(v) for k, v in (raw.get("measures") or {}).items()},
        rare_earth_terms=rare,
        shares=_by_language(raw.get("shares")),
        products={str(k): _by_language(v) for k, v in (raw.get("products") or {}).items()},
        firm_words=_by_language(raw.get("firm_words")),
        vehicle_words=_by_language(raw.get("vehicle_words")),
        source_cues=_by_language(raw.get("source_cues")),
    )


STAGE_COLUMNS = ["sentence_id", "document", "stage", "label", "order", "terms"]


def stage_sentences(sentences: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """One row per (sentence, stage) whose terms occur in the sentence."""
    rows = []
    # Per language, each stage's matcher: its regex only runs on a sentence that holds the
    # first word of one of its terms (see ``lexicon``).
    per_stage: dict[str, list[tuple[Stage, Matcher]]] = {}
    columns = ("sentence_id", "document", "language", "text")
    for sid, doc, language, text in zip(*(sentences[c].tolist() for c in columns), strict=True):
        language, text = str(language), str(text)
        if language not in per_stage:
            per_stage[language] = [
                (stage, Matcher.of(terms))
                for stage in lexicon.stages
                if (terms := for_language(stage.terms, language))
            ]
        if not text:
            continue
        words = text_words(text)
        for stage, matcher in per_stage[language]:
            if found := matcher.find(text, words):
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
                "country_name": country_name(code, missing="unknown"),
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


def rare_earth_sentences(matches: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Raw-material sentences whose terms name rare earths (not lithium, nickel…)."""
    terms = set(lexicon.rare_earth_terms)
    raw = matches[matches["stage"] == "raw_materials"]
    keep = pd.Series([bool(set(t.split("; ")) & terms) for t in raw["terms"]], dtype=bool)
    # A boolean Series, not a list: an empty list would select no *columns*.
    return raw[keep.to_numpy()]


def languages(data: ReportData) -> dict[str, str]:
    return dict(zip(data.documents["document"], data.documents["language"], strict=False))
