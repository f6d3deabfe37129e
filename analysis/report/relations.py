"""The seeds' relations between actors, with each side's country and the sentence's hedges.

Read from the build's tables (``entities``, ``mentions``, ``relations`` and the detail
tables ``sentences`` and ``attributions``). Shared by the actors chapter, the pivot
chapter and the key findings. No chart and no prose here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.events import pair, rank, seed_flags
from analysis.events.model import DEAL_TYPES
from analysis.extraction.actors import DISCOVERED, KNOWN
from analysis.extraction.reporting import relation_reporting, sentence_reporting
from analysis.report import network
from analysis.report.data import ReportData, detail_table
from analysis.report.wording import country_name
from analysis.tables import read_csv


def entity_info(data: ReportData) -> pd.DataFrame:
    """Entities indexed by name, with ``country_name`` added."""
    entities = data.entities.copy()
    entities["country"] = entities["country"].astype(str)
    entities["country_name"] = entities["country"].map(country_name)
    entities["mentions"] = pd.to_numeric(entities["mentions"], errors="coerce").fillna(0)
    entities["mentions"] = entities["mentions"].astype(int)
    if "provenance" not in entities:  # tables written before actors were discovered
        entities["provenance"] = KNOWN
    entities["provenance"] = entities["provenance"].replace("", KNOWN)
    return entities.drop_duplicates("entity").set_index("entity")


def _lookup(info: pd.DataFrame, names: pd.Series, column: str, default: object) -> list:
    values = info[column].to_dict()
    return [values.get(n, default) for n in names]


def reporting(data: ReportData, sentence_ids: Iterable[str]) -> pd.DataFrame:
    """For each sentence: who it is attributed to, its hedge cues, and ``reported``
    (:func:`analysis.extraction.reporting.sentence_reporting` on this build's tables)."""
    return sentence_reporting(
        detail_table(data, "sentences"), detail_table(data, "attributions"), sentence_ids
    )


def relations(data: ReportData) -> pd.DataFrame:
    """relations.csv with each side's type, country, country name, and the hedges."""
    return data.derived("relations", lambda: _relations(data))


def _relations(data: ReportData) -> pd.DataFrame:
    rel = data.relations.copy().reset_index(drop=True)
    info = entity_info(data)
    for side in ("source", "target"):
        rel[f"{side}_type"] = _lookup(info, rel[side], "type", "")
        rel[f"{side}_country"] = _lookup(info, rel[side], "country", "")
        rel[f"{side}_country_name"] = [country_name(c) for c in rel[f"{side}_country"]]
    if rel.empty:
        for column in ("attributed_to", "hedges", "stage", "language"):
            rel[column] = pd.Series(dtype=object)
        rel["reported"] = pd.Series(dtype=bool)
        return rel
    said = relation_reporting(
        rel,
        detail_table(data, "sentences"),
        detail_table(data, "attributions"),
        detail_table(data, "mentions_detail"),
    )
    for column in ("attributed_to", "hedges", "reported"):
        rel[column] = said[column].to_numpy()
    rel["stage"] = _stages(data, rel)
    language = dict(zip(data.documents["document"], data.documents["language"], strict=False))
    rel["language"] = [str(language.get(d, "")) for d in rel["document"]]
    return rel


def _stages(data: ReportData, rel: pd.DataFrame) -> list[str]:
    """Each relation's stage, from the event its sentence supports (``events.csv``); ""
    for a type that has no stage (an exit) or a build without events."""
    path = data.data_dir / "events.csv"
    if not path.exists():
        return [""] * len(rel)
    events = read_csv(path, text=True)
    stage_of: dict[tuple[str, str, str, str], str] = {}
    for row in events.itertuples(index=False):
        for sid in str(row.sentence_ids).split("; "):
            key = (row.source, row.target, row.type, sid)
            # a sentence supporting two stages of one pair gives the further one
            if key not in stage_of or rank(row.stage) > rank(stage_of[key]):
                stage_of[key] = row.stage
    out = []
    for s, t, r, sid in zip(
        rel["source"], rel["target"], rel["relation"], rel["sentence_id"], strict=True
    ):
        stage = stage_of.get((*pair(s, t, r), r, str(sid)), "")
        out.append(stage if r in DEAL_TYPES else "")
    return out


def relation_counts(rel: pd.DataFrame) -> pd.Series:
    """Relations per type, most frequent first (ties in alphabetical order)."""
    counts = rel["relation"].astype(str).value_counts()
    order = sorted(counts.index, key=lambda r: (-int(counts[r]), r))
    return counts.reindex(order)


def network_frames(data: ReportData, min_mentions: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (actors with ≥ ``min_mentions`` mentions in a relation) and edges, laid out.

    Edges group the relations of one (source, target, relation) triple: ``sentences`` is
    the number of supporting sentences, ``sentence_ids`` their ids.
    """
    rel = relations(data)
    info = entity_info(data)
    names = sorted(set(rel["source"]) | set(rel["target"]))
    keep = [n for n in names if n in info.index and info.at[n, "mentions"] >= min_mentions]
    rel = rel[rel["source"].isin(keep) & rel["target"].isin(keep)]
    keep = sorted(set(rel["source"]) | set(rel["target"]))
    nodes = pd.DataFrame(
        {
            "node": keep,
            "type": [str(info.at[n, "type"]) for n in keep],
            "country": [str(info.at[n, "country"]) for n in keep],
            "country_name": [str(info.at[n, "country_name"]) for n in keep],
            "mentions": [int(info.at[n, "mentions"]) for n in keep],
            "provenance": [str(info.at[n, "provenance"]) for n in keep],
        }
    )
    if rel.empty:
        edges = pd.DataFrame(
            columns=["source", "target", "relation", "sentences", "sentence_ids", "documents"]
        )
    else:
        edges = (
            rel.groupby(["source", "target", "relation"], sort=True)
            .agg(
                sentences=("sentence_id", "nunique"),
                sentence_ids=("sentence_id", lambda s: ", ".join(sorted(set(s)))),
                documents=("document", lambda s: ";".join(sorted(set(s)))),
            )
            .reset_index()
        )
    flagged = set(seed_flags(data.documents, data.sources, "relations"))
    edges["evidence"] = [
        FLAGGED_ONLY if docs and set(docs.split(";")) <= flagged else "other seeds"
        for docs in edges["documents"].astype(str)
    ]
    positions = network.layout(keep, list(zip(edges["source"], edges["target"], strict=True)))
    return network.node_frame(nodes, positions), network.edge_frame(edges, positions)


#: How a link whose every supporting seed is flagged reads in charts.
FLAGGED_ONLY = "flagged seeds only"


def country_matrix(data: ReportData) -> pd.DataFrame:
    """Relations per (source country, target country), with the relation types.

    A relation without direction (partnership, joint venture) counts once, under its two
    countries in alphabetical order, so that China–Russia and Russia–China are one pair.
    ``relations`` counts relation rows, ``sentences`` the distinct sentences behind them.
    """
    rel = relations(data)
    columns = ["source_country", "target_country", "relations", "sentences", "types", "documents"]
    if rel.empty:
        return pd.DataFrame(columns=columns)
    rel = rel.copy()
    sides = [
        pair(s, t, r)
        for s, t, r in zip(
            rel["source_country_name"], rel["target_country_name"], rel["relation"], strict=True
        )
    ]
    rel["source_country_name"] = [s for s, _ in sides]
    rel["target_country_name"] = [t for _, t in sides]
    grouped = []
    for (src, tgt), group in rel.groupby(["source_country_name", "target_country_name"]):
        counts = relation_counts(group)
        grouped.append(
            {
                "source_country": src,
                "target_country": tgt,
                "relations": len(group),
                "sentences": group["sentence_id"].nunique(),
                "types": ", ".join(f"{t} ({n})" for t, n in counts.items()),
                "documents": ";".join(sorted(set(group["document"]))),
            }
        )
    return pd.DataFrame(grouped, columns=columns)


def top_actors(data: ReportData, n: int = 15) -> pd.DataFrame:
    """The ``n`` most-mentioned linked actors with type, country and documents."""
    info = entity_info(data).reset_index()
    info["documents"] = pd.to_numeric(info["documents"], errors="coerce").fillna(0).astype(int)
    info = info.sort_values(["mentions", "entity"], ascending=[False, True]).head(n)
    return pd.DataFrame(
        {
            "actor": [
                f"{name} (discovered)" if source == DISCOVERED else name
                for name, source in zip(info["entity"], info["provenance"], strict=True)
            ],
            "type": info["type"],
            "country": info["country_name"],
            "mentions": info["mentions"],
            "documents": info["documents"],
        }
    ).reset_index(drop=True)


def mention_documents(data: ReportData, actors: Iterable[str]) -> list[str]:
    wanted = {a.removesuffix(" (discovered)") for a in actors}
    mentions = data.mentions
    return sorted(set(mentions.loc[mentions["entity"].isin(wanted), "document"].astype(str)))
