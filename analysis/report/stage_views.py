"""The supply-chain stages as the chapter words them: a table and a summary per stage.

Which sentences name which stage is computed in :mod:`analysis.report.stages`; this module
says how many, from which seeds, and which stages rest mostly on flagged seeds.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis import myst
from analysis.report.stages import Lexicon
from analysis.report.wording import country_name, join_and, plural, verb


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
                "Seeds": myst.cite_documents(docs, limit=5) if docs else "none",
                "Terms found": ", ".join(terms),
                "Actors (sentences)": ", ".join(named),
                "Countries": ", ".join(country_name(c) for c in codes),
            }
        )
    return pd.DataFrame(rows)


def stage_summary(
    matches: pd.DataFrame,
    sentences: pd.DataFrame,
    lexicon: Lexicon,
    flagged: Mapping[str, str] | None = None,
) -> str:
    """How many sentences each stage has, which stages are thin or absent, with citations.

    ``flagged`` (seed → why its stage evidence is weak, from
    :func:`~analysis.report.seed_quality.flag_notes`) names the stages that rest mostly
    on flagged seeds, and why.
    """
    flagged = flagged or {}
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
            f"{stage.label.lower()}: {plural(len(rows), 'sentence')} in "
            f"{plural(len(docs), 'seed')} "
            f"{myst.cite_documents(docs)}"
        )
    text = (
        f"Of the {total:,} sentences of the usable seeds, {covered:,} name at least one stage of "
        "the supply chain (a sentence can name several)"
    )
    text += ": " + "; ".join(parts) + "." if parts else "."
    if absent:
        # stage names hold "and" themselves: several are listed with semicolons
        text += (
            f" No sentence of the seeds names the {absent[0]} stage."
            if len(absent) == 1
            else f" No sentence of the seeds names these stages: {'; '.join(absent)}."
        )
    thin = [s.label.lower() for s in lexicon.stages if 0 < (matches["stage"] == s.id).sum() < 3]
    if thin:
        text += (
            f" The {thin[0]} stage rests on fewer than three sentences: read it as mentions,"
            " not as evidence of activity."
            if len(thin) == 1
            else f" These stages rest on fewer than three sentences: {'; '.join(thin)}. Read "
            "them as mentions, not as evidence of activity."
        )
    return text + flagged_stages(matches, lexicon, flagged)


def flagged_stages(matches: pd.DataFrame, lexicon: Lexicon, flagged: Mapping[str, str]) -> str:
    """ " The X stage rests mostly on flagged seeds (k of n sentences): [cite] why." or ""."""
    weak, seeds = [], set()
    for stage in lexicon.stages:
        rows = matches[matches["stage"] == stage.id]
        from_flagged = rows[rows["document"].isin(list(flagged))]
        if rows.empty or 2 * len(from_flagged) < len(rows):
            continue
        weak.append(f"{stage.label.lower()} ({len(from_flagged)} of {len(rows)} sentences)")
        seeds |= set(from_flagged["document"])
    if not weak:
        return ""
    why = " ".join(
        f"{myst.cite(myst.seed_key(d))} {myst.escape(flagged[d])}" for d in sorted(seeds)
    )
    return (
        f" {verb(len(weak), 'This stage rests', 'These stages rest')} mostly on flagged "
        f"seeds, so read {verb(len(weak), 'it', 'them')} with the seeds' problems in mind: "
        f"{join_and(weak)}. {why}"
    )
