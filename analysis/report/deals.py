"""Events and deals (``events.csv``): the frames behind the deal tracker and the findings
that count events. No chart and no prose here.

An event is one actor pair, relation type and stage; a deal is one pair and type, at the
stage :func:`analysis.events.deal_stage` gives (see :mod:`analysis.events.model`).
"""

from __future__ import annotations

import pandas as pd

from analysis.events import deal_stage, rank, sentence_order
from analysis.events.model import DEAL_TYPES, NEGATIVE_STAGES
from analysis.report.data import ReportData, detail_table
from analysis.report.relations import entity_info
from analysis.report.wording import link_label
from analysis.tables import EVENT_COLUMNS, read_csv

TRACKER_COLUMNS = [
    "deal",
    "stage",
    "stage_order",
    "hedged",
    "flagged",
    "outcome",
    "date",
    "date_text",
    "documents",
    "sentence_ids",
    "sentence",
    "flags",
]


def events(data: ReportData) -> pd.DataFrame:
    """``events.csv`` (``hedged`` as booleans); empty with its columns when absent."""

    def load() -> pd.DataFrame:
        path = data.data_dir / "events.csv"
        if not path.exists():
            return pd.DataFrame(columns=list(EVENT_COLUMNS))
        frame = read_csv(path, text=True)
        frame["hedged"] = frame["hedged"].eq("true")
        return frame

    return data.derived("events", load)


def deals(data: ReportData) -> pd.DataFrame:
    """One row per deal (a pair and a deal type): its stage, whether that stage is
    hedged, and whether every seed stating it is flagged."""
    frame = events(data)
    frame = frame[frame["type"].isin(DEAL_TYPES)]
    rows = []
    for (source, target, kind), group in frame.groupby(["source", "target", "type"], sort=True):
        stage, hedged = deal_stage(list(zip(group["stage"], group["hedged"], strict=True)))
        documents = sorted({d for cell in group["documents"] for d in cell.split("; ") if d})
        rows.append(
            {
                "source": source,
                "target": target,
                "type": kind,
                "stage": stage,
                "hedged": hedged,
                "flagged": bool((group["flags"] != "").all()),
                "events": len(group),
                "documents": "; ".join(documents),
            }
        )
    columns = ["source", "target", "type", "stage", "hedged", "flagged", "events", "documents"]
    return pd.DataFrame(rows, columns=columns)


def parse_date(text: str) -> pd.Timestamp | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first day it may mean."""
    text = str(text or "").strip()
    if not text:
        return None
    parts = [*text.split("-"), "01", "01"]
    return pd.Timestamp(f"{parts[0]}-{parts[1]}-{parts[2]}")


def tracker(data: ReportData) -> pd.DataFrame:
    """One row per event of a deal: its stage, how it is drawn (hedged, flagged,
    outcome), its date, and the first sentence stating it."""
    frame = events(data)
    frame = frame[frame["type"].isin(DEAL_TYPES)]
    sentences = detail_table(data, "sentences")
    text = dict(zip(sentences["sentence_id"].astype(str), sentences["text"], strict=True))
    rows = []
    for row in frame.itertuples(index=False):
        ids = [s for s in str(row.sentence_ids).split("; ") if s]
        first = min(ids, key=sentence_order) if ids else ""
        rows.append(
            {
                "deal": link_label(row.source, row.type, row.target),
                "stage": row.stage,
                "stage_order": rank(row.stage),
                "hedged": bool(row.hedged),
                "flagged": row.flags != "",
                "outcome": row.stage in NEGATIVE_STAGES,
                "date": parse_date(row.first_date),
                "date_text": row.first_date,
                "documents": row.documents,
                "sentence_ids": row.sentence_ids,
                "sentence": str(text.get(first, "")),
                "flags": row.flags,
            }
        )
    out = pd.DataFrame(rows, columns=TRACKER_COLUMNS)
    return out.sort_values(["deal", "stage_order"], kind="stable").reset_index(drop=True)


def foreign_events(data: ReportData, home: str) -> pd.DataFrame:
    """Events with an actor of ``home`` on one side and another country's on the other,
    with the other country's code (``other_country``)."""
    frame = events(data)
    country = entity_info(data)["country"].astype(str).to_dict()
    home = home.upper()
    keep, other = [], []
    for row in frame.itertuples(index=False):
        a, b = country.get(row.source, ""), country.get(row.target, "")
        foreign = b if a == home else a if b == home else ""
        keep.append(foreign not in ("", home))
        if keep[-1]:
            other.append(foreign)
    out = frame.loc[pd.Series(keep, index=frame.index, dtype=bool)].copy()
    out["other_country"] = other
    out["sentences"] = [len([s for s in c.split("; ") if s]) for c in out["sentence_ids"]]
    return out.reset_index(drop=True)
