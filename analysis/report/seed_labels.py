"""Short readable labels of the seeds, for charts: "pifauto.com, 2022-08-26".

A chart that names its seeds by file id ("000_1a0e151e3db47431") names nothing a reader
recognises. Each seed gets one label, unique in the book, from what is known of it:

1. the publisher (or, when the provenance sidecar names none, the host of its address)
   and the date of the events it reports, from ``sources.csv``;
2. else its headline, shortened at a word to :data:`MAX_TITLE` characters;
3. else its file id.

Two seeds with the same label are told apart by " (2)", " (3)"… in file order. Labels
are data for the charts (drawn as text); the file id stays in tables, tooltips and CSVs.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd

from analysis.report.wording import shorten

#: Longest headline kept in a label.
MAX_TITLE = 36


def _cell(row: pd.Series | None, column: str) -> str:
    if row is None or column not in row.index:
        return ""
    value = row[column]
    return "" if pd.isna(value) else " ".join(str(value).split())


def _host(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def publisher(source: pd.Series | None) -> str:
    """The publisher the provenance sidecar names, else the host of the seed's address."""
    return _cell(source, "publisher") or _host(_cell(source, "url"))


def seed_label(document: str, title: str, source: pd.Series | None) -> str:
    """One seed's label, before uniqueness (see the module's text)."""
    publisher_ = publisher(source)
    date = _cell(source, "events_date")
    if publisher_:
        return f"{publisher_}, {date}" if date else publisher_
    return shorten(title, MAX_TITLE) if title and not pd.isna(title) else document


def seed_labels(documents: pd.DataFrame, sources: pd.DataFrame) -> dict[str, str]:
    """Every seed's label, unique in the book, by file id."""
    by_id = {str(r["document"]): r for _, r in sources.iterrows()} if len(sources) else {}
    labels: dict[str, str] = {}
    used: dict[str, int] = {}
    for document, title in sorted(
        zip(documents["document"].astype(str), documents["title"], strict=True)
    ):
        label = seed_label(document, title, by_id.get(document))
        used[label] = used.get(label, 0) + 1
        labels[document] = label if used[label] == 1 else f"{label} ({used[label]})"
    return labels
