"""The seeds and the context events on one time axis.

A seed's date comes from the provenance table (``sources.csv``) when the folder has one;
context events are those of ``analysis/data/context/events.csv`` that concern the seeds'
actors or countries. No chart and no prose here: see the pivot chapter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis import myst
from analysis.corpus import read_metadata
from analysis.report.data import ReportData
from analysis.report.wording import country_name, plural

SEED_LANE = "Seeds (date of the events they report)"


SEED_KIND = "Seed article"


PRIMARY_KIND = "Context event (primary source)"


SECONDARY_KIND = "Context event (as reported by a secondary copy)"


def _parse_partial_date(text: str) -> tuple[pd.Timestamp | None, str]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → (first day of the period, precision)."""
    text = str(text).strip()
    for pattern, precision, fmt in (
        (r"\d{4}-\d{2}-\d{2}", "day", "%Y-%m-%d"),
        (r"\d{4}-\d{2}", "month", "%Y-%m"),
        (r"\d{4}", "year", "%Y"),
    ):
        if re.fullmatch(pattern, text):
            try:
                return pd.Timestamp(pd.to_datetime(text, format=fmt)), precision
            except ValueError:
                return None, ""
    return None, ""


def seed_dates(data: ReportData, seeds_dir: str | Path) -> tuple[pd.DataFrame, list[str], bool]:
    """Dates of the events each usable seed reports, from ``<seeds_dir>/provenance.csv``.

    Returns (rows, messages about the sidecar, whether the sidecar exists).
    """
    path = Path(seeds_dir) / "provenance.csv"
    columns = ["document", "date", "date_text", "precision", "title"]
    if not path.exists():
        return pd.DataFrame(columns=columns), [], False
    rows, messages = read_metadata(path)
    docs = data.usable_documents.set_index("document")
    out = []
    for doc in sorted(docs.index.astype(str)):
        row = rows.get(doc)
        if not row or not row.get("events_date"):
            continue
        date, precision = _parse_partial_date(row["events_date"])
        if date is None:
            continue
        out.append(
            {
                "document": doc,
                "date": date,
                "date_text": row["events_date"],
                "precision": row.get("date_precision") or precision,
                "title": str(docs.at[doc, "title"]),
            }
        )
    return pd.DataFrame(out, columns=columns), messages, True


def relevant_events(events: pd.DataFrame, data: ReportData) -> pd.DataFrame:
    """Context events that name an actor the seeds name (others say nothing of these seeds).

    Matching is on the knowledge base's canonical (English) names, as whole words: "China
    imposes export controls" is kept when the seeds mention China, an event about a firm
    only when the seeds mention that firm.
    """
    names = sorted(set(data.entities["entity"]), key=len, reverse=True)
    if not names or events.empty:
        return events.iloc[0:0].reset_index(drop=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    keep = events["event"].map(lambda text: bool(pattern.search(str(text))))
    return events[keep.to_numpy(dtype=bool)].reset_index(drop=True)


def timeline(seeds: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Seeds (their events' dates) and context events in one table for the chart."""
    columns = [
        "date",
        "date_text",
        "precision",
        "lane",
        "kind",
        "country",
        "what",
        "document",
        "source_key",
        "secondary",
    ]
    seed_rows = pd.DataFrame(
        {
            "date": seeds["date"],
            "date_text": seeds["date_text"],
            "precision": seeds["precision"],
            "lane": SEED_LANE,
            "kind": SEED_KIND,
            "country": "",
            "what": seeds["title"],
            "document": seeds["document"],
            "source_key": [myst.seed_key(d) for d in seeds["document"]],
            "secondary": False,
        },
        columns=columns,
    )
    event_rows = pd.DataFrame(
        {
            "date": events["date"],
            "date_text": events["date"].dt.strftime("%Y-%m-%d"),
            "precision": events["precision"],
            "lane": [f"Context: {country_name(c)}" for c in events["country"]],
            "kind": [SECONDARY_KIND if s else PRIMARY_KIND for s in events["secondary"]],
            "country": [country_name(c) for c in events["country"]],
            "what": events["event"],
            "document": "",
            "source_key": events["source_key"],
            "secondary": events["secondary"].astype(bool),
        },
        columns=columns,
    )
    frames = [f for f in (seed_rows, event_rows) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(frames, ignore_index=True)
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.sort_values(["date", "lane", "what"], kind="stable").reset_index(drop=True)
    # the number each point carries in the chart and in the table (print has no tooltip)
    frame["number"] = [str(i) for i in range(1, len(frame) + 1)]
    return frame


#: Seeds the timeline draws one by one; more are drawn as one point per month.
TIMELINE_SEEDS = 40


def timeline_points(frame: pd.DataFrame, limit: int = TIMELINE_SEEDS) -> pd.DataFrame:
    """The timeline's rows as drawn: with more than ``limit`` dated seeds, one point per
    month of events, saying how many seeds it stands for (context events stay one each)."""
    seeds = frame[frame["kind"] == SEED_KIND]
    if len(seeds) <= limit:
        return frame
    month = seeds["date"].dt.to_period("M").dt.to_timestamp()
    rows = []
    for start, group in seeds.groupby(month, sort=True):
        rows.append(
            {
                "date": start,
                "date_text": f"{start:%Y-%m}",
                "precision": "month (seeds grouped)",
                "lane": SEED_LANE,
                "kind": SEED_KIND,
                "country": "",
                "what": f"{plural(len(group), 'seed')} dated this month",
                "document": "",
                "source_key": "",
                "secondary": False,
                "number": "",  # a month of seeds: the table numbers each seed
            }
        )
    grouped = pd.DataFrame(rows, columns=frame.columns)
    return pd.concat([grouped, frame[frame["kind"] != SEED_KIND]], ignore_index=True)
