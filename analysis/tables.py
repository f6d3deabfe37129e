"""Schemas of the extraction tables and their CSV writer.

Every build writes these tables to ``_build/data/`` (UTF-8, ``\\n`` line ends, rows in a
fixed order, floats in a fixed format), so two builds over the same seeds give
byte-identical files. Sentence ids are ``document:paragraph:sentence`` (see
``analysis/extraction/sentences.py``). Booleans are written ``true``/``false`` and missing
values as empty cells.

Core tables (columns kept stable; the README copies this list):

``documents.csv`` - one row per seed file, usable or not.
    document: file name without suffix. title: headline. language: ISO 639-1 code.
    words: words of the cleaned text. boilerplate_share: share of the raw lines removed as
    boilerplate. repetition_share: share of the words repeating other text.
    specificity: (actor mentions + figures + date expressions) per 100 words, over
    non-duplicate paragraphs. status: ``ok``, ``flagged: <reason>`` or ``skipped:
    <reason>``; skipped documents have empty numbers.
``entities.csv`` - one row per actor mentioned at least once, known or discovered, or
    named only as a relation's end (the country a firm leaves when only the city of its
    plant is named; the city of a named plant): those have 0 mentions.
    entity: canonical name (knowledge base, or the most frequent form found). type:
    company, brand, government body, organisation, person, country, place or media.
    country: ISO 3166 alpha-2 code (SU for the USSR), empty when the text does not say.
    sector: controlled sector, empty for countries and places or when unknown.
    mentions: number of mentions (names and, for countries, adjectives). documents:
    number of documents that mention it or hold a relation with it. provenance:
    ``knowledge base`` or ``discovered`` (found by NER and typed from the text: see
    ``actor_evidence.csv``). parent: owner or operator.
``mentions.csv`` - one row per linked mention.
    entity, document, sentence_id, text (the words as written: "Moscou", "chinoise").
``relations.csv`` - one row per typed relation and supporting sentence.
    source, target: canonical names. relation: partnership, acquisition, exit,
    production, investment or supply (partnership is symmetric: source is the actor read
    first). document, sentence_id, sentence: the supporting sentence.
``figures.csv`` - one row per quantitative claim.
    document; value: normalised number (e.g. 100000, 1500000, 58.7); unit: controlled
    unit (vehicles, vehicles/year, %, MW, RUB, ...), empty for a bare count; year: year
    the figure refers to, empty if none; subject: actor the figure concerns, empty if
    not told; kind: ``target`` (plan, forecast, capacity) or ``fact``; hedged: hedge or
    attribution present; sentence_id, sentence.
``candidates.csv`` - names found by NER that the knowledge base lacks, for review.
    text; label: NER label (PER, ORG, LOC, MISC; English labels mapped to these), the
    most frequent one for the text; count: occurrences; documents: number of documents;
    actor: the discovered actor it became, empty if it failed the name filters.

``events.csv`` - one row per actor pair, relation type and stage, merging the sentences
    that state it (columns ``EVENT_COLUMNS``; the contract is ``analysis/events/model.py``).

Detail tables (extra files; may grow):

``sentences.csv``: sentence_id, document, paragraph, sentence, language, text.
``mentions_detail.csv``: entity, document, sentence_id, start, end (character offsets in
    the sentence), text, kind (name / adjective), role (participant / attribute: an
    adjective qualifying a firm or actor, not a relation participant).
``relations_detail.csv``: source, target, relation, document, sentence_id, cue (the cue
    phrase as written), rule (the window rule applied), directed (false for partnership).
``relations_set_aside.csv``: the rules' rows left out of every other table: source,
    target, relation, document, sentence_id, cue, rule, reason ("learned model": the
    learned model judged the pair unrelated, ``analysis/extraction/relation_model.py``;
    "reference word": an end was read through a reference word such as "la société" and
    no sentence naming both ends states the relation,
    ``analysis/extraction/relation_references.py``; "refuted by the next sentence": the
    next sentence takes the statement back, "It does not.", "C'est inexact.",
    ``analysis/extraction/relation_refutations.py``; "denied in another sentence": a sentence
    of the folder denies the same relation between the same two actors, "X has not bought
    Y", ``analysis/extraction/relation_denials.py``; "a region, not a site": a production at a
    region, ``analysis/extraction/relation_consolidate.py``), p_none (the model's probability of
    no relation; empty for a reference word), sentence.
``figures_detail.csv``: document, sentence_id, position (order in the sentence), text,
    value, unit, year, kind, hedged, hedges (``;``-separated cues), attribution, subject,
    start, end (character offsets in the sentence).
``candidate_mentions.csv``: text, label, actor, document, sentence_id.
``actor_evidence.csv``: entity, attribute (type, sector, country, parent, short form),
    value, basis (descriptor, apposition, parent, locative, name, NER label, definition:
    a short form the article defines in brackets), document, sentence_id,
    text (the words it rests on) - what the text says of each discovered actor.
``attributions.csv``: document, sentence_id, cue ("selon", "a rapporté", "sources
    anonymes"...), source (words as written), entity (linked actor, if any).
``documents_detail.csv``: document, sentences, mentions, figures, dates, attributions,
    candidates - the counts behind ``specificity``.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd

from analysis.corpus.metadata import COLUMNS as PROVENANCE_COLUMNS

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "document",
        "title",
        "language",
        "words",
        "boilerplate_share",
        "repetition_share",
        "specificity",
        "status",
    ),
    "entities": (
        "entity",
        "type",
        "country",
        "sector",
        "mentions",
        "documents",
        "provenance",
        "parent",
    ),
    "mentions": ("entity", "document", "sentence_id", "text"),
    "relations": ("source", "target", "relation", "document", "sentence_id", "sentence"),
    "figures": (
        "document",
        "value",
        "unit",
        "year",
        "subject",
        "kind",
        "bound",
        "hedged",
        "sentence_id",
        "sentence",
    ),
    "candidates": ("text", "label", "count", "documents", "actor"),
}

DETAIL_COLUMNS: dict[str, tuple[str, ...]] = {
    "sentences": ("sentence_id", "document", "paragraph", "sentence", "language", "text"),
    "mentions_detail": (
        "entity",
        "document",
        "sentence_id",
        "start",
        "end",
        "text",
        "kind",
        "role",
        "provenance",
    ),
    "relations_detail": (
        "source",
        "target",
        "relation",
        "document",
        "sentence_id",
        "cue",
        "rule",
        "directed",
    ),
    "relations_set_aside": (
        "source",
        "target",
        "relation",
        "document",
        "sentence_id",
        "cue",
        "rule",
        "reason",
        "p_none",
        "sentence",
    ),
    "figures_detail": (
        "document",
        "sentence_id",
        "position",
        "text",
        "value",
        "unit",
        "year",
        "kind",
        "bound",
        "hedged",
        "hedges",
        "attribution",
        "subject",
        "start",
        "end",
        "phrase",
    ),
    "candidate_mentions": ("text", "label", "actor", "document", "sentence_id"),
    "actor_evidence": (
        "entity",
        "attribute",
        "value",
        "basis",
        "document",
        "sentence_id",
        "text",
    ),
    "attributions": ("document", "sentence_id", "cue", "source", "entity"),
    "documents_detail": (
        "document",
        "sentences",
        "mentions",
        "figures",
        "dates",
        "attributions",
        "candidates",
    ),
}


#: ``sources.csv``: what the provenance sidecar says of each seed ("" where it says nothing).
SOURCE_COLUMNS: tuple[str, ...] = ("document", *PROVENANCE_COLUMNS[1:])


#: ``events.csv``: one row per actor pair, relation type and stage (``analysis.events``).
EVENT_COLUMNS: tuple[str, ...] = (
    "event",
    "source",
    "target",
    "type",
    "stage",
    "hedged",
    "attributed_to",
    "place",
    "first_date",
    "last_date",
    "documents",
    "sentence_ids",
    "flags",
)


def read_csv(path: Path, *, text: bool = False) -> pd.DataFrame:
    """The one CSV reader of the project's tables and data files.

    Only empty cells are missing ("NA" or "None" in a seed's text stay text). With
    ``text``, every cell is read as a string and a missing one is ""; otherwise numbers
    are parsed, a missing number is NaN and a missing text is "".
    """
    if text:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""], encoding="utf-8")
    text_columns = frame.select_dtypes(include=["object", "string"]).columns
    frame[text_columns] = frame[text_columns].fillna("")
    return frame


def empty(name: str) -> pd.DataFrame:
    cols = COLUMNS.get(name) or DETAIL_COLUMNS[name]
    return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """DataFrame with the schema's columns in order (object dtype: values kept as given)."""
    cols = COLUMNS.get(name) or DETAIL_COLUMNS[name]
    if not rows:
        return empty(name)
    return pd.DataFrame([[r.get(c) for c in cols] for r in rows], columns=list(cols), dtype=object)


def format_value(value: object) -> str:
    """Fixed text form of a cell: integers plain, floats to 10 significant digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".10g")
    if isinstance(value, int):
        return str(value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(df.columns))
        for row in df.itertuples(index=False, name=None):
            writer.writerow([format_value(v) for v in row])
    return path
