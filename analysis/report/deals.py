"""Events and deals (``events.csv``): the frames behind the deal tracker and the findings
that count events. No chart and no prose here.

An event is one actor pair, relation type and stage; a deal is one pair and type, at the
stage :func:`analysis.events.deal_stage` gives (see :mod:`analysis.events.model`).
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from analysis.context import citation
from analysis.events import UNSTATED, deal_stage, rank, sentence_order
from analysis.events.model import DEAL_TYPES, NEGATIVE_STAGES
from analysis.events.stages import stage_words
from analysis.extraction.actors import load_knowledge_base
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
    "origin",
    "source",
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


def tracker(data: ReportData, context_events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event of a deal: its stage, how it is drawn (hedged, flagged,
    outcome), its date, and the first sentence stating it; then the context events that
    date the same deals (``origin`` "context", see :func:`context_marks`)."""
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
                "origin": "seed",
                "source": "",
            }
        )
    out = pd.DataFrame(rows, columns=TRACKER_COLUMNS)
    out = pd.concat([out, context_marks(out, frame, context_events)], ignore_index=True)
    return out.sort_values(["deal", "date", "stage_order"], kind="stable").reset_index(drop=True)


def context_marks(
    track: pd.DataFrame, frame: pd.DataFrame, context_events: pd.DataFrame | None
) -> pd.DataFrame:
    """The context events (``analysis/data/context/events.csv``) that name both actors of
    a tracked deal, each as a stage of that deal dated by its source: the furthest stage
    its first stage word names (English stage lexicon), else "stated". They date the deal; they are
    not seed evidence and never change its stage."""
    if context_events is None or context_events.empty or frame.empty:
        return pd.DataFrame(columns=TRACKER_COLUMNS)
    rows = []
    events = list(context_events.itertuples(index=False))  # once, not once per deal
    for source, kind, target in (
        frame[["source", "type", "target"]].drop_duplicates().itertuples(index=False)
    ):
        for event in events:
            text = str(event.event)
            if not (_names(text, source) and _names(text, target)):
                continue
            # an event line opens with what happened ("X and Y sign an agreement covering
            # ... manufacturing"): its first stage word, not the furthest
            found = [w[2] for w in stage_words(text, "en") if w[2] not in NEGATIVE_STAGES]
            stage = found[0] if found else UNSTATED
            rows.append(
                {
                    "deal": link_label(source, kind, target),
                    "stage": stage,
                    "stage_order": rank(stage),
                    "hedged": False,
                    "flagged": False,
                    "outcome": False,
                    "date": parse_date(_day(event.date)),
                    "date_text": _day(event.date),
                    "documents": "",
                    "sentence_ids": "",
                    "sentence": text,
                    "flags": "",
                    "origin": "context",
                    "source": citation(str(event.source_key), bool(event.secondary)),
                }
            )
    return pd.DataFrame(rows, columns=TRACKER_COLUMNS)


def _day(value: object) -> str:
    """A context date as written in the CSV (``2024-05-20``), also when read as a Timestamp."""
    return value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else str(value)


def _names(text: str, actor: str) -> bool:
    """Whether ``text`` names ``actor`` by its name or a knowledge-base alias."""
    # (a substring test first: on 10,000 seeds this runs for every deal and context event)
    return any(f in text and pattern.search(text) for f, pattern in _forms(actor))


@functools.cache
def _forms(actor: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The actor's name and aliases (over two characters), each with its word pattern."""
    known = load_knowledge_base().actors.get(actor)
    forms = sorted({actor, *(known.aliases if known else ())})
    return tuple((f, re.compile(rf"(?<!\w){re.escape(f)}(?!\w)")) for f in forms if len(f) > 2)


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
