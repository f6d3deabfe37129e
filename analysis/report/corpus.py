"""The Corpus chapter: one row per seed, and what the cleaning found."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import book
from analysis.report.data import ReportData

LANGUAGE_NAMES = {"fr": "French", "en": "English"}


def seed_table(data: ReportData) -> pd.DataFrame:
    """Title, language, words and status of every seed, each row citing its seed."""
    docs = data.documents.sort_values("document")
    return pd.DataFrame(
        {
            "Seed": [book.cite(book.seed_key(d)) for d in docs["document"]],
            "Title": docs["title"],
            "Language": [LANGUAGE_NAMES.get(x, x) for x in docs["language"]],
            "Words": docs["words"].fillna(0).astype(int),
            "Status": docs["status"],
        }
    )


def words_frame(data: ReportData) -> pd.DataFrame:
    """Words per usable seed after cleaning, with the shares removed or repeated."""
    docs = data.usable_documents.sort_values("document")
    return pd.DataFrame(
        {
            "document": docs["document"],
            "title": docs["title"],
            "language": [LANGUAGE_NAMES.get(x, x) for x in docs["language"]],
            "words": docs["words"].astype(int),
            "boilerplate_share": docs["boilerplate_share"].astype(float).round(3),
            "repetition_share": docs["repetition_share"].astype(float).round(3),
        }
    )


def words_chart(frame: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame, title="Length of each seed after cleaning")
        .mark_bar()
        .encode(
            y=alt.Y("document:N", title="Seed (file name)", sort=None),
            x=alt.X("words:Q", title="Words after boilerplate removal (count)"),
            color=alt.Color("language:N", title="Language"),
            tooltip=[
                alt.Tooltip("document:N", title="Seed"),
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("words:Q", title="Words"),
                alt.Tooltip("boilerplate_share:Q", title="Boilerplate share", format=".0%"),
                alt.Tooltip("repetition_share:Q", title="Repeated share", format=".0%"),
            ],
        )
        .properties(width=480, height=alt.Step(28))
    )


def all_seed_citations(data: ReportData) -> str:
    return book.cite(*(book.seed_key(d) for d in data.usable_documents["document"]))


def summary(data: ReportData) -> str:
    """One paragraph on the corpus, every number from documents.csv."""
    docs = data.documents
    usable = data.usable_documents
    languages = usable["language"].map(lambda x: LANGUAGE_NAMES.get(x, x)).value_counts()
    parts = ", ".join(f"{n} in {lang}" for lang, n in languages.items())
    skipped = len(docs) - len(usable)
    text = (
        f"The seeds folder holds {len(docs)} file(s); {len(usable)} could be read and analysed"
        + (f" ({parts})" if parts else "")
        + (f", and {skipped} were skipped (see the status column)." if skipped else ".")
    )
    if len(usable):
        words = usable["words"].astype(int)
        text += (
            f" After boilerplate removal they total {words.sum():,} words, from "
            f"{words.min():,} to {words.max():,} per article {all_seed_citations(data)}."
        )
    return text
