"""The Corpus and sources chapter: one row per seed, its provenance and its quality.

The quality measures and flags are in :mod:`~analysis.report.seed_quality`.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from analysis import charts, myst
from analysis.events.flags import known_flaws
from analysis.report import seed_labels
from analysis.report.data import ReportData
from analysis.report.seed_quality import (
    LOW_SPECIFICITY_RATIO,
    REPETITIVE_SHARE,
    all_seed_citations,
    flagged_summary,
    language_name,
    percent_cells,
    quality_frame,
    summary,
)

__all__ = [
    "LOW_SPECIFICITY_RATIO",
    "REPETITIVE_SHARE",
    "all_seed_citations",
    "flagged_summary",
    "quality_frame",
    "summary",
]


def source_table(data: ReportData) -> pd.DataFrame:
    """Per source: title, publisher, date of the events and language."""
    docs = data.documents.sort_values("document")
    sources = data.sources.set_index("document") if len(data.sources) else pd.DataFrame()

    def provenance(doc: str, column: str) -> str:
        if doc in sources.index and column in sources.columns:
            return str(sources.at[doc, column])
        return ""

    def events_date(doc: str) -> str:
        date, precision = provenance(doc, "events_date"), provenance(doc, "date_precision")
        return f"{date} ({precision})" if date and precision and precision != "day" else date

    return pd.DataFrame(
        {
            "Seed": [myst.cite(myst.seed_key(d)) for d in docs["document"]],
            "Title": docs["title"],
            # the publisher, else the site of the address: what the charts' labels name
            "Publisher or site": [
                seed_labels.publisher(sources.loc[d] if d in sources.index else None)
                for d in docs["document"]
            ],
            "Events dated": [events_date(d) for d in docs["document"]],
            "Language": [language_name(x) for x in docs["language"]],
        }
    )


def measures_order(data: ReportData) -> str:
    """How :func:`measures_table` sorts its rows ("" in file-name order, a small corpus)."""
    if len(data.documents) <= myst.HTML_ROWS:
        return ""
    return "flagged seeds first, least specific first"


def measures_table(data: ReportData) -> pd.DataFrame:
    """Per source: words, boilerplate and repeated shares, specificity and the flags they give.

    Rows are in file-name order; when the table is too long for the book
    (:data:`myst.HTML_ROWS`), flagged and least specific seeds come first
    (:func:`measures_order`), so that the rows shown are the ones worth reading.
    """
    quality = quality_frame(data).set_index("document")
    docs = data.documents.sort_values("document")
    if measures_order(data):
        flags = quality["flags"].astype(str)
        flagged = docs["document"].map(lambda d: bool(flags.get(d, ""))).astype(bool)
        docs = docs.assign(_flagged=~flagged, _spec=docs["specificity"].astype(float))
        docs = docs.sort_values(["_flagged", "_spec", "document"], kind="stable")

    def flags(doc: str) -> str:
        return str(quality.at[doc, "flags"]) if doc in quality.index else ""

    return pd.DataFrame(
        {
            "Seed": [myst.cite(myst.seed_key(d)) for d in docs["document"]],
            "Words": docs["words"].fillna(0).astype(int),
            "Boilerplate": percent_cells(docs["boilerplate_share"]),
            "Repeated": percent_cells(docs["repetition_share"]),
            "Specificity": docs["specificity"].map(lambda x: "" if pd.isna(x) else f"{x:.1f}"),
            "Flags": [flags(d) for d in docs["document"]],
        }
    )


def per_seed(frame: pd.DataFrame) -> bool:
    """Whether the corpus charts draw one bar per seed (up to :data:`charts.TOP_N` seeds)."""
    return len(frame) <= charts.TOP_N


def histogram_frame(frame: pd.DataFrame, column: str, group: str, bins: int = 20) -> pd.DataFrame:
    """Seeds per bin of ``column`` and per value of ``group`` (the data of a histogram).

    Bins are of equal width over the observed range, with "nice" edges; each row has the
    bin's ``start`` and ``end``, the group and the number of ``seeds``.
    """
    values = frame[column].astype(float)
    columns = ["start", "end", group, "seeds"]
    if values.empty:
        return pd.DataFrame(columns=columns)
    low, high = float(values.min()), float(values.max())
    step = _nice_step((high - low) / bins if high > low else 1.0)
    start = math.floor(low / step) * step
    count = max(1, math.floor((high - start) / step) + 1)
    index = ((values - start) // step).clip(0, count - 1).astype(int)
    counted = frame.assign(_bin=index.to_numpy()).groupby(["_bin", group]).size()
    rows = [
        {
            "start": round(start + b * step, 6),
            "end": round(start + (b + 1) * step, 6),
            group: g,
            "seeds": int(n),
        }
        for (b, g), n in counted.items()
    ]
    return pd.DataFrame(rows, columns=columns)


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``."""
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def _histogram(
    bins: pd.DataFrame, *, title: str, x_title: str, group: str, legend: str, color: alt.Color
) -> alt.Chart:
    return (
        alt.Chart(bins, title=title)
        .mark_bar()
        .encode(
            x=alt.X("start:Q", title=x_title, bin="binned"),
            x2="end:Q",
            y=alt.Y("sum(seeds):Q", title="Seeds (count)", axis=alt.Axis(tickMinStep=1)),
            color=color,
            tooltip=[
                alt.Tooltip("start:Q", title="From", format=",.4~g"),
                alt.Tooltip("end:Q", title="To (excluded)", format=",.4~g"),
                alt.Tooltip(f"{group}:N", title=legend),
                alt.Tooltip("seeds:Q", title="Seeds (count)"),
            ],
        )
        .properties(width=460, height=220)
    )


def _flagged(frame: pd.DataFrame) -> pd.Series:
    return frame["flags"].map(lambda f: "flagged" if f else "not flagged")


def _quality_colour() -> alt.Color:
    return alt.Color(
        "flagged:N",
        title="Quality",
        scale=alt.Scale(
            domain=["flagged", "not flagged"], range=[charts.PALETTE[3], charts.PALETTE[0]]
        ),
    )


def quality_chart(frame: pd.DataFrame) -> alt.Chart:
    """Specificity per seed, the flagged ones marked; a histogram for a large corpus."""
    plotted = frame.assign(flagged=_flagged(frame))
    if not per_seed(frame):
        return _histogram(
            histogram_frame(plotted, "specificity", "flagged"),
            title=f"Specificity of the {len(frame):,} seeds (distribution)",
            x_title="Actors, figures and dates per 100 words (bins)",
            group="flagged",
            legend="Quality",
            color=_quality_colour(),
        )
    return (
        alt.Chart(plotted, title="Specificity of each seed")
        .mark_bar()
        .encode(
            y=alt.Y("seed:N", title="Seed (publisher and date, or headline)", sort=None),
            x=alt.X(
                "specificity:Q",
                title="Actors, figures and dates per 100 words (count)",
            ),
            color=_quality_colour(),
            tooltip=[
                alt.Tooltip("seed:N", title="Seed"),
                alt.Tooltip("document:N", title="File"),
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("words:Q", title="Words"),
                alt.Tooltip("specificity:Q", title="Specificity", format=".1f"),
                alt.Tooltip("repetition_share:Q", title="Repeated share", format=".0%"),
                alt.Tooltip("boilerplate_share:Q", title="Boilerplate share", format=".0%"),
                alt.Tooltip("flags:N", title="Flags"),
            ],
        )
        .properties(width=460, height=alt.Step(26))
    )


def words_chart(frame: pd.DataFrame) -> alt.Chart:
    """Words per seed, coloured by language; a histogram for a large corpus."""
    if not per_seed(frame):
        return _histogram(
            histogram_frame(frame, "words", "language"),
            title=f"Length of the {len(frame):,} seeds after cleaning (distribution)",
            x_title="Words after boilerplate removal (bins)",
            group="language",
            legend="Language",
            color=alt.Color("language:N", title="Language"),
        )
    return (
        alt.Chart(frame, title="Length of each seed after cleaning")
        .mark_bar()
        .encode(
            y=alt.Y("seed:N", title="Seed (publisher and date, or headline)", sort=None),
            x=alt.X("words:Q", title="Words after boilerplate removal (count)"),
            color=alt.Color("language:N", title="Language"),
            tooltip=[
                alt.Tooltip("seed:N", title="Seed"),
                alt.Tooltip("document:N", title="File"),
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("words:Q", title="Words"),
                alt.Tooltip("boilerplate_share:Q", title="Boilerplate share", format=".0%"),
                alt.Tooltip("repetition_share:Q", title="Repeated share", format=".0%"),
            ],
        )
        .properties(width=460, height=alt.Step(26))
    )


def chart_scope(frame: pd.DataFrame) -> str:
    """What the corpus charts show, for their captions ("" when one bar per seed)."""
    if per_seed(frame):
        return ""
    return (
        f"With {len(frame):,} seeds, the chart shows how many seeds fall in each bin rather "
        "than one bar per seed; every seed's figures are in the CSV. "
    )


def known_problems(data: ReportData) -> pd.DataFrame:
    """Flaws of specific seeds known from outside the text: the provenance sidecar's
    ``known_flaws`` column (codes of ``seed_flaws.yaml``), for seeds present."""
    flaws = known_flaws(data.sources)
    present = [d for d in sorted(flaws) if d in set(data.documents["document"])]
    return pd.DataFrame(
        {
            "Seed": [myst.cite(myst.seed_key(d)) for d in present],
            "Known problem": [" ".join(f.note for f in flaws[d]) for d in present],
        },
        columns=["Seed", "Known problem"],
    )


def skipped_table(data: ReportData) -> pd.DataFrame:
    """Seeds that were skipped or flagged by the reader, with the reason."""
    docs = data.documents[data.documents["status"] != "ok"].sort_values("document")
    return pd.DataFrame({"File": docs["document"], "Status": docs["status"]})


def messages(data: ReportData) -> list[str]:
    path = data.data_dir / "messages.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []
