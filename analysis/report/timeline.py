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


MEASURE_KIND = "Sanctions, export-control or market measure"


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


def timeline(
    seeds: pd.DataFrame, events: pd.DataFrame, measures: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Seeds (their events' dates), context events and measures in one table for the
    chart; a measure's lane is the one who took it ("Measures: EU")."""
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
        "same_date_seeds",
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
    measure_rows = pd.DataFrame(columns=columns)
    if measures is not None and not measures.empty:
        measure_rows = pd.DataFrame(
            {
                "date": measures["date"],
                "date_text": measures["date"].dt.strftime("%Y-%m-%d"),
                "precision": "day",
                "lane": [f"Measures: {a}" for a in measures["actor"]],
                "kind": MEASURE_KIND,
                "country": measures["actor"],
                "what": [
                    f"{m} ({i})"
                    for m, i in zip(measures["measure"], measures["instrument"], strict=True)
                ],
                "document": "",
                "source_key": measures["source_key"],
                "secondary": measures["secondary"].astype(bool),
            },
            columns=columns,
        )
    frames = [f for f in (seed_rows, event_rows, measure_rows) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(frames, ignore_index=True)
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.sort_values(["date", "lane", "what"], kind="stable").reset_index(drop=True)
    # the number each point carries in the chart and in the table (print has no tooltip)
    frame["number"] = [str(i) for i in range(1, len(frame) + 1)]
    frame["same_date_seeds"] = same_date_seeds(frame)
    return frame


def _period(date: pd.Timestamp, precision: str) -> str:
    """The date at a seed's precision ("2023-08" for a month, uncertain or not)."""
    unit = str(precision).split("-")[0].split(" ")[0]
    return {"year": f"{date:%Y}", "month": f"{date:%Y-%m}"}.get(unit, f"{date:%Y-%m-%d}")


def same_date_seeds(frame: pd.DataFrame) -> list[str]:
    """For each context event, the seeds ("; "-joined ids) whose events are dated to the
    same day, month or year, at the seed's own precision. Such an event may be the very
    report a seed retells: it dates the seed's events, it does not confirm them."""
    seeds = frame[frame["kind"] == SEED_KIND]
    # seeds by (precision, period), built once: thousands of seeds, dozens of events
    by_period: dict[tuple[str, str], list[str]] = {}
    for document, seed_date, precision in zip(
        seeds["document"], seeds["date"], seeds["precision"], strict=True
    ):
        key = (str(precision), _period(seed_date, precision))
        by_period.setdefault(key, []).append(str(document))
    precisions = sorted({p for p, _ in by_period})
    out = []
    for date, kind in zip(frame["date"], frame["kind"], strict=True):
        if kind not in (PRIMARY_KIND, SECONDARY_KIND):  # a measure retells no seed
            out.append("")
            continue
        same = sorted(d for p in precisions for d in by_period.get((p, _period(date, p)), []))
        out.append("; ".join(same))
    return out


#: Seeds the timeline draws one by one; more are drawn as one point per month.
TIMELINE_SEEDS = 40


#: The chart draws measures from this many days before its first seed or event.
MEASURES_LEAD_DAYS = 365


def early_measures(frame: pd.DataFrame) -> pd.DataFrame:
    """Measures dated more than :data:`MEASURES_LEAD_DAYS` before the first seed or
    context event: the table lists them, the chart does not stretch its axis for them."""
    others = frame[frame["kind"] != MEASURE_KIND]
    measures = frame[frame["kind"] == MEASURE_KIND]
    if others.empty:
        return measures.iloc[0:0]
    start = pd.to_datetime(others["date"]).min() - pd.Timedelta(days=MEASURES_LEAD_DAYS)
    return measures[pd.to_datetime(measures["date"]) < start]


def timeline_points(frame: pd.DataFrame, limit: int = TIMELINE_SEEDS) -> pd.DataFrame:
    """The timeline's rows as drawn: measures from a year before the first seed or event
    (:func:`early_measures` are left to the table); with more than ``limit`` dated seeds,
    one point per month of events, saying how many seeds it stands for (context events
    stay one each)."""
    frame = frame.drop(index=early_measures(frame).index)
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


#: Width of the timeline's plot in pixels, and the font size of its point numbers: the
#: labels are placed so that no two overlap at this width.
TIMELINE_WIDTH = 460
LABEL_FONT_SIZE = 9
#: Approximate width of a digit, comma or dash at that font size, in pixels.
_CHAR_PX = 0.7 * LABEL_FONT_SIZE


def _numbers_text(numbers: list[str]) -> str:
    """``["3"]`` -> ``"3"``, ``["1", "2"]`` -> ``"1, 2"``, ``["4", "5", "6"]`` -> ``"4–6"``."""
    values = [int(n) for n in numbers]
    if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}–{values[-1]}"
    return ", ".join(numbers)


def point_labels(points: pd.DataFrame, width: int = TIMELINE_WIDTH) -> pd.DataFrame:
    """One label per group of points too close to carry their numbers apart: within a
    lane, points whose labels would overlap at ``width`` pixels share one label ("1, 2",
    "4–6") at the middle of the group. Returns columns date, lane and label."""
    numbered = points[points["number"].astype(str) != ""]
    if numbered.empty:
        return pd.DataFrame(columns=["date", "lane", "label"])
    dates = pd.to_datetime(numbered["date"])
    # the axis runs from the first year's start to the end of the last (nice="year")
    start = pd.Timestamp(year=dates.min().year, month=1, day=1)
    end = pd.Timestamp(year=dates.max().year + 1, month=1, day=1)
    per_day = width / max((end - start).days, 1)
    rows = []
    for lane, group in numbered.assign(date=dates).groupby("lane", sort=False):
        clusters: list[list[tuple[float, str, pd.Timestamp]]] = []
        pairs = zip(group["date"], group["number"].astype(str), strict=True)
        for date, number in sorted(pairs, key=lambda p: (p[0], int(p[1]))):
            x = (date - start).days * per_day
            # a label that would touch the previous one joins it ("1, 2" over both points)
            if clusters and x - len(number) * _CHAR_PX / 2 < _right_edge(clusters[-1]) + 4:
                clusters[-1].append((x, number, date))
            else:
                clusters.append([(x, number, date)])
        for cluster in clusters:
            dates_in = [d for _, _, d in cluster]
            middle = dates_in[0] + (dates_in[-1] - dates_in[0]) / 2
            rows.append({"date": middle, "lane": lane, "label": _cluster_text(cluster)})
    return pd.DataFrame(rows, columns=["date", "lane", "label"])


def _cluster_text(cluster: list[tuple[float, str, pd.Timestamp]]) -> str:
    return _numbers_text([n for _, n, _ in cluster])


def _right_edge(cluster: list[tuple[float, str, pd.Timestamp]]) -> float:
    middle = (cluster[0][0] + cluster[-1][0]) / 2
    return middle + len(_cluster_text(cluster)) * _CHAR_PX / 2
