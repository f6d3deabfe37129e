"""Which context rows a book shows: those about what its seeds are about.

The context data (``analysis/data/context/``) covers more than any one folder of seeds.
One rule decides what enters a book, for events, measures and figure series alike:

1. **Actors.** The seeds must name what the row is about: every actor of an event
   (its ``actors`` column, canonical names); the target of a measure (the country it
   concerns), or, for a measure on the whole world, the country that took it; at least
   one country of a figure series other than the world total.
2. **Scope.** A row with a ``scope`` enters only when the seeds use a word of one of its
   scopes (``scopes.yaml``); a general scope (dual-use goods, circumvention, finance)
   is matched when the seeds use sanctions language.

Reads ``entities`` (the actors the seeds name) and the usable seeds' ``sentences``;
returns filtered copies, never changes its input.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis.context import CONTEXT_DIR
from analysis.report import sanctions
from analysis.report.data import ReportData, detail_table

SCOPES_PATH = CONTEXT_DIR / "scopes.yaml"
#: Rows that concern the whole world ("World" target, "WORLD" country code).
WORLD = frozenset({"World", "WORLD"})


@dataclass(frozen=True)
class SeedTopics:
    """What a folder of seeds is about, as far as the context rule needs to know."""

    names: frozenset[str]
    countries: frozenset[str]
    scopes: frozenset[str]


@functools.cache
def scope_words(path: Path = SCOPES_PATH) -> tuple[dict[str, tuple[str, ...]], frozenset]:
    """Each specific scope's words (lower case, "*" for a stem), and the general scopes."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {scope: tuple(w.lower() for w in ws) for scope, ws in raw["specific"].items()}
    return words, frozenset(raw["general"])


@functools.cache
def scope_patterns(path: Path = SCOPES_PATH) -> tuple[dict[str, re.Pattern[str]], frozenset]:
    """Each specific scope's word pattern, and the general scopes."""
    words, general = scope_words(path)
    patterns = {}
    for scope, ws in words.items():
        forms = [
            re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"(?!\w)" for w in ws
        ]
        patterns[scope] = re.compile(r"(?<!\w)(?:" + "|".join(forms) + ")")
    return patterns, general


def used_scopes(text: str) -> set[str]:
    """The specific scopes whose words ``text`` uses. A substring test first: on 10,000
    articles a scope the text never names is ruled out in milliseconds, and the word
    pattern only runs from the first place a word of its scope occurs."""
    lower = text.lower()
    words, _ = scope_words()
    patterns, _ = scope_patterns()
    found = set()
    for scope, ws in words.items():
        starts = [i for w in ws if (i := lower.find(w.rstrip("*"))) >= 0]
        if starts and patterns[scope].search(lower, max(0, min(starts) - 1)):
            found.add(scope)
    return found


def seed_topics(data: ReportData) -> SeedTopics:
    """The names, countries and scopes of ``data``'s usable seeds."""
    return data.derived("seed_topics", lambda: _seed_topics(data))


def _seed_topics(data: ReportData) -> SeedTopics:
    entities = data.entities
    countries = entities.loc[entities["type"] == "country", "country"].astype(str)
    sentences = detail_table(data, "sentences")
    usable = set(data.usable_documents["document"].astype(str))
    text = "\n".join(sentences.loc[sentences["document"].astype(str).isin(usable), "text"])
    _, general = scope_words()
    scopes = used_scopes(text)
    if not sanctions.sanction_sentences(data).empty:
        scopes |= general
    return SeedTopics(
        names=frozenset(entities["entity"].astype(str)),
        countries=frozenset(countries),
        scopes=frozenset(scopes),
    )


def split(cell: object) -> list[str]:
    """``"a; b"`` -> ``["a", "b"]`` (empty for a blank cell)."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return []
    return [part.strip() for part in str(cell).split(";") if part.strip()]


def in_scope(cell: object, topics: SeedTopics) -> bool:
    """Rule 2: a row without scope is in scope; one with scopes needs one of them."""
    scopes = split(cell)
    return not scopes or any(scope in topics.scopes for scope in scopes)


def relevant_events(events: pd.DataFrame, data: ReportData) -> pd.DataFrame:
    """The context events whose every actor the seeds name, within the seeds' scope."""
    if events.empty:
        return events.reset_index(drop=True)
    topics = seed_topics(data)
    keep = [
        bool(split(actors)) and set(split(actors)) <= topics.names and in_scope(scope, topics)
        for actors, scope in zip(
            events["actors"], events.get("scope", [""] * len(events)), strict=True
        )
    ]
    return events[keep].reset_index(drop=True)


def relevant_measures(measures: pd.DataFrame, data: ReportData) -> pd.DataFrame:
    """The measures whose target (or, for a measure on the world, whose actor) the seeds
    name, within the seeds' scope."""
    if measures.empty:
        return measures.reset_index(drop=True)
    topics = seed_topics(data)
    keep = [
        (actor if target in WORLD else target) in topics.names and in_scope(scope, topics)
        for actor, target, scope in zip(
            measures["actor"], measures["target"], measures["scope"], strict=True
        )
    ]
    return measures[keep].reset_index(drop=True)


def relevant_figures(figures: pd.DataFrame, data: ReportData) -> pd.DataFrame:
    """The context series (``dataset``) with a country the seeds name, within their scope."""
    if figures.empty:
        return figures.reset_index(drop=True)
    topics = seed_topics(data)
    keep = set()
    for dataset, rows in figures.groupby("dataset", sort=False):
        named = set(rows["country"].astype(str)) - WORLD
        scope = rows["scope"].iloc[0] if "scope" in rows else ""
        if named & topics.countries and in_scope(scope, topics):
            keep.add(dataset)
    return figures[figures["dataset"].isin(keep)].reset_index(drop=True)
