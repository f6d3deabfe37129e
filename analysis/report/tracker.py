"""The deal tracker as the pivot chapter shows it: a summary, a chart with printed
labels, its caption and the table of stages (frames from :mod:`analysis.report.deals`)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import myst
from analysis.report.timeline import MEASURE_KIND
from analysis.report.wording import cite_documents, plural, shorten, verb

# --- deal tracker ---------------------------------------------------------------------


def tracker_summary(frame: pd.DataFrame, deal_rows: pd.DataFrame) -> str:
    """One paragraph on the deals: how many, at which stage, how many hedged or flagged."""
    if deal_rows.empty:
        return (
            "No relation of a deal type (partnership, acquisition, investment, supply, "
            "production) was extracted, so there is no deal to track."
        )
    stages = deal_rows["stage"].value_counts()
    by_stage = ", ".join(f"{n} {myst.escape(stage)}" for stage, n in stages.items())
    hedged = int(deal_rows["hedged"].sum())
    flagged = int(deal_rows["flagged"].sum())
    context = int((frame["origin"] == "context").sum())
    frame = frame[frame["origin"] != "context"]
    undated = int(frame["date"].isna().sum())
    dated_by = (
        f" The tracker adds {plural(context, 'context event')} that name both actors of a deal: "
        "they date it, but its stage comes from the seeds only."
        if context
        else ""
    )
    return (
        f"The seeds state {plural(len(deal_rows), 'deal')} (an actor pair and a deal type), "
        f"in {plural(len(frame), 'event')}. A deal's stage is the furthest stage a non-hedged "
        f'sentence supports; "stated" means no stage word stands near the relation. By '
        f"stage: {by_stage}. {plural(hedged, 'deal rests', 'deals rest')} only on hedged, "
        "attributed or indirect "
        f"evidence (a co-mention, or a seed's known flaw), "
        f"and {flagged:,} only on flagged seeds (corpus chapter)."
        + (
            f" {plural(undated, 'event has', 'events have')} no date and "
            f"{verb(undated, 'is', 'are')} in the table only."
            if undated
            else ""
        )
        + dated_by
    )


#: The tracker's top row: the measures of the timeline (numbered there; the tooltip and
#: the timeline's table give each one's text).
MEASURE_ROW = "Measures of the timeline"
#: How far before the first dated deal stage the tracker shows measures, in days.
MEASURES_LEAD_DAYS = 365
TRACKER_WIDTH = 360
MEASURE_COLOUR = "#8c2d04"


def tracker_measures(frame: pd.DataFrame, line: pd.DataFrame | None) -> pd.DataFrame:
    """The timeline's measures (``line`` rows of kind ``measure_kind``) dated from a year
    before the first dated stage to the last one: those a reader sets beside the deals."""
    if line is None or line.empty or frame["date"].dropna().empty:
        return pd.DataFrame(columns=["date", "lane", "number"])
    dates = pd.to_datetime(frame["date"].dropna())
    start = dates.min() - pd.Timedelta(days=MEASURES_LEAD_DAYS)
    measures = line[line["kind"] == MEASURE_KIND]
    shown = measures[(measures["date"] >= start) & (measures["date"] <= dates.max())]
    return shown.assign(lane=MEASURE_ROW)[["date", "lane", "number", "what", "country"]]


def tracker_chart(frame: pd.DataFrame, line: pd.DataFrame | None = None) -> alt.LayerChart:
    """One row per deal, its stages on a time axis, each labelled in print: filled marks
    for stages a non-hedged sentence states, open ones for hedged stages, crosses for a
    denial or an end, faded marks for events only flagged seeds state. With the timeline
    (``line``), a top row shows its measures of the same years."""
    dated = frame.dropna(subset=["date"]).copy()
    dated["date"] = pd.to_datetime(dated["date"]).dt.strftime("%Y-%m-%d")
    context = dated["origin"] == "context"
    dated["evidence"] = [
        "context event (not a seed)"
        if c
        else ("hedged" if h else "stated") + (", flagged seed" if f else "")
        for h, f, c in zip(dated["hedged"], dated["flagged"], context, strict=True)
    ]
    dated["label"] = [
        ("context: " if c else "") + s + (" (hedged)" if h else "")
        for s, h, c in zip(dated["stage"], dated["hedged"], context, strict=True)
    ]
    dated["kind"] = [
        "context event" if c else ("denied or ended" if o else "stage of progress")
        for o, c in zip(dated["outcome"], context, strict=True)
    ]
    # seed stages print above their row's centre line, context events below it, so that
    # a context event days before a seed's stage does not print over it
    labels = (
        dated.groupby(["deal", "date", "origin"], sort=False)["label"].agg("; ".join).reset_index()
    )
    measures = tracker_measures(frame, line)
    deals_order = ([MEASURE_ROW] if not measures.empty else []) + sorted(set(dated["deal"]))
    x = alt.X(
        "date:T",
        title="Date of the events (seeds' provenance; a month is drawn on its first day)",
        scale=alt.Scale(type="utc", padding=20),
        axis=alt.Axis(format="%Y-%m", labelAngle=0),
    )
    y = alt.Y("deal:N", title=None, sort=deals_order, axis=alt.Axis(labelLimit=320))
    points = (
        alt.Chart(dated, title="Deals and their stages, as the seeds state them")
        .mark_point(size=120, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "kind:N",
                title="Kind of mark",
                scale=alt.Scale(
                    domain=["stage of progress", "denied or ended", "context event"],
                    range=["circle", "cross", "square"],
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            fill=alt.condition("datum.hedged", alt.value("white"), alt.value("#1f4e79")),
            stroke=alt.value("#1f4e79"),
            opacity=alt.condition("datum.flagged", alt.value(0.45), alt.value(1.0)),
            tooltip=[
                alt.Tooltip("deal:N", title="Deal"),
                alt.Tooltip("stage:N", title="Stage"),
                alt.Tooltip("evidence:N", title="Evidence"),
                alt.Tooltip("date_text:N", title="Date"),
                alt.Tooltip("sentence_ids:N", title="Sentences"),
            ],
        )
    )
    seed_text = (
        alt.Chart(labels[labels["origin"] != "context"])
        .mark_text(align="left", dx=10, dy=-6, fontSize=11)
        .encode(x=x, y=y, text="label:N")
    )
    context_text = (
        alt.Chart(labels[labels["origin"] == "context"])
        .mark_text(align="left", dx=10, dy=8, fontSize=10, color="#555555")
        .encode(x=x, y=y, text="label:N")
    )
    text = seed_text + context_text
    layers = points + text
    if not measures.empty:
        shown = measures.assign(
            deal=MEASURE_ROW, date=pd.to_datetime(measures["date"]).dt.strftime("%Y-%m-%d")
        )
        marks = (
            alt.Chart(shown)
            .mark_point(shape="triangle-down", size=70, filled=True, color=MEASURE_COLOUR)
            .encode(
                x=x,
                y=y,
                tooltip=[
                    alt.Tooltip("number:N", title="No. in the timeline"),
                    alt.Tooltip("date:N", title="Date"),
                    alt.Tooltip("country:N", title="Taken by"),
                    alt.Tooltip("what:N", title="Measure"),
                ],
            )
        )
        layers = layers + marks
    return layers.properties(width=TRACKER_WIDTH, height=alt.Step(34))


def tracker_caption(frame: pd.DataFrame, line: pd.DataFrame | None = None) -> str:
    measures = tracker_measures(frame, line)
    top = (
        f"The top row marks the {plural(len(measures), 'measure')} of the timeline dated "
        "from a year before the first stage to the last (the timeline numbers them, and its "
        "table gives their text and sources); the order in time is all it shows. "
        if not measures.empty
        else ""
    )
    return top + (
        "Each row is a deal; each mark a stage the seeds state, dated by the seeds folder's "
        "provenance table (the date of the events a seed reports). Filled marks: a non-hedged "
        "sentence states the stage; open marks: only hedged, attributed or indirect evidence "
        "(a co-mention, or a seed's known flaw); crosses: a denial or an end; faded marks: "
        "only flagged seeds state it; squares: a dated context event that names both actors "
        "of the deal (it dates the deal, it is not seed evidence and does not set its stage). "
        "Labels print each stage. Sources: the seeds "
        f"{cite_documents(d for cell in frame['documents'] for d in cell.split('; ') if d)}"
        + (
            f"; context: {'; '.join(sorted(set(context)))}."
            if (context := _context_sources(frame))
            else "."
        )
    )


def _context_sources(frame: pd.DataFrame) -> list[str]:
    return [s for s, o in zip(frame["source"], frame["origin"], strict=True) if o == "context"]


def tracker_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Each stage of each deal with the first sentence that states it."""
    return pd.DataFrame(
        {
            "Deal": frame["deal"],
            "Stage": frame["stage"],
            "Evidence": [
                "context event" if o == "context" else "hedged" if h else "not hedged"
                for h, o in zip(frame["hedged"], frame["origin"], strict=True)
            ],
            "Date": frame["date_text"],
            "Source": [
                s if o == "context" else cite_documents(c.split("; "))
                for c, o, s in zip(
                    frame["documents"], frame["origin"], frame["source"], strict=True
                )
            ],
            "Sentence": [shorten(t, 150) for t in frame["sentence"]],
            # The seed is cited beside; the flags alone, without its id.
            "Flags": [
                "; ".join(part.split(": ", 1)[-1] for part in str(f).split("; ") if part)
                for f in frame["flags"]
            ],
        }
    )
