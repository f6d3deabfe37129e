"""Sanctions language in the seeds: which sentences use it, per seed, and with which actors.

The terms are in ``analysis/data/lexicons/sanctions.yaml`` and are matched with the
report's one matcher (:class:`~analysis.report.lexicon.Matcher`). No chart and no prose
here: the pivot chapter and the key findings word them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from analysis import myst
from analysis.report.data import ReportData, detail_table
from analysis.report.lexicon import Matcher, for_language
from analysis.report.relations import entity_info
from analysis.report.wording import NO_COUNTRY

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "sanctions.yaml"


@cache
def sanctions_lexicon(path: Path = LEXICON_PATH) -> dict[str, tuple[str, ...]]:
    """Terms by language from ``sanctions.yaml``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(lang): tuple(str(t) for t in terms or ()) for lang, terms in raw.items()}


def sanction_terms(text: str, language: str, lexicon: dict[str, tuple[str, ...]]) -> list[str]:
    """Lexicon terms found in ``text`` (lower-case, in order, each once); a term counts
    inside a hyphenated compound ("anti-sanctions")."""
    terms = lexicon.get(language) or for_language(lexicon, "")
    return _matcher(tuple(terms)).find(str(text))


@cache  # one matcher per lexicon and language, not one per sentence
def _matcher(terms: tuple[str, ...]) -> Matcher:
    return Matcher.of(terms, in_compounds=True)


def sanction_sentences(
    data: ReportData, lexicon: dict[str, tuple[str, ...]] | None = None
) -> pd.DataFrame:
    """Sentences of usable seeds with sanctions language (a repeated sentence counts once)."""
    if lexicon is None:
        lexicon = sanctions_lexicon()
        return data.derived("sanction_sentences", lambda: _sanction_sentences(data, lexicon))
    return _sanction_sentences(data, lexicon)


def _sanction_sentences(data: ReportData, lexicon: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    sentences = detail_table(data, "sentences")
    usable = set(data.usable_documents["document"].astype(str))
    sentences = sentences[sentences["document"].astype(str).isin(usable)]
    sentences = sentences.drop_duplicates(["document", "text"])
    rows = []
    columns = ("document", "sentence_id", "text", "language")
    # Plain lists: iterating pandas string columns row by row is slow on large corpora.
    for document, sentence_id, text, language in zip(
        *(sentences[c].tolist() for c in columns), strict=True
    ):
        terms = sanction_terms(text, str(language), lexicon)
        if terms:
            rows.append(
                {
                    "document": document,
                    "sentence_id": sentence_id,
                    "terms": "; ".join(terms),
                    "text": text,
                    "language": str(language),
                }
            )
    return pd.DataFrame(rows, columns=["document", "sentence_id", "terms", "text", "language"])


def sanctions_per_document(data: ReportData, found: pd.DataFrame) -> pd.DataFrame:
    """Per usable seed: sentences, sentences with sanctions language, the terms used.

    In file-name order, or most sentences with sanctions language first when the table is
    longer than the book shows (:func:`sanctions_order`).
    """
    sentences = detail_table(data, "sentences").drop_duplicates(["document", "text"])
    totals = sentences.groupby("document").size()
    found_in: dict[str, int] = {}
    terms_in: dict[str, set[str]] = {}
    for doc, value in zip(found["document"].astype(str), found["terms"], strict=True):
        found_in[doc] = found_in.get(doc, 0) + 1
        terms_in.setdefault(doc, set()).update(t for t in str(value).split("; ") if t)
    rows = []
    for doc in sorted(data.usable_documents["document"].astype(str)):
        rows.append(
            {
                "Seed": myst.cite(myst.seed_key(doc)),
                "Sentences (distinct)": int(totals.get(doc, 0)),
                "With sanctions language": found_in.get(doc, 0),
                "Terms found": ", ".join(sorted(terms_in.get(doc, ()))),
            }
        )
    frame = pd.DataFrame(
        rows, columns=["Seed", "Sentences (distinct)", "With sanctions language", "Terms found"]
    )
    if len(frame) > myst.HTML_ROWS:
        frame = frame.sort_values(
            "With sanctions language", ascending=False, kind="stable"
        ).reset_index(drop=True)
    return frame


def cooccurring_actors(data: ReportData, found: pd.DataFrame) -> pd.DataFrame:
    """Actors mentioned in the sentences with sanctions language, with their country."""
    columns = ["actor", "type", "country", "sentences", "seeds", "documents"]
    mentions = data.mentions[data.mentions["sentence_id"].isin(set(found["sentence_id"]))]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    info = entity_info(data)
    grouped = (
        mentions.groupby("entity")
        .agg(
            sentences=("sentence_id", "nunique"),
            seeds=("document", "nunique"),
            documents=("document", lambda s: ";".join(sorted(set(s)))),
        )
        .reset_index()
        .rename(columns={"entity": "actor"})
    )
    grouped["type"] = [info.at[a, "type"] if a in info.index else "" for a in grouped["actor"]]
    grouped["country"] = [
        info.at[a, "country_name"] if a in info.index else NO_COUNTRY for a in grouped["actor"]
    ]
    grouped = grouped.sort_values(["sentences", "actor"], ascending=[False, True])
    return grouped.reindex(columns=columns).reset_index(drop=True)
