"""Who a sentence is attributed to, and the words that hedge it (``hedges.yaml``).

One home for a sentence's reporting status, read by the event table
(:mod:`analysis.events`) and by the report's relation tables: pure functions of the
``sentences`` and ``attributions`` tables, so a chapter never re-scans sentence text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pandas as pd

from analysis.extraction import hedges

#: Words in a relation's sentence that make it second-hand, uncertain or only intended
#: (``hedges.yaml``). Matched on whole words, case-insensitively (a capitalised word
#: inside a sentence, such as the month "May", is not a cue).
HEDGE_CUES = hedges.SENTENCE_HEDGES
#: Cues that only say the claim is second-hand (dropped when the attribution names a source).
EVIDENTIAL_CUES = hedges.SECOND_HAND
#: Attribution cues that mean an unnamed source.
_ANONYMOUS = re.compile("|".join(map(re.escape, hedges.ANONYMOUS_STEMS)), re.IGNORECASE)
#: The label of an attribution to an unnamed source.
ANONYMOUS = "anonymous sources"
COLUMNS = ["sentence_id", "attributed_to", "hedges", "reported"]


@functools.cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + re.escape(cue) + r"(?![\w'-])", re.IGNORECASE)


def hedge_cues(text: str, language: str) -> list[str]:
    """Hedge, attribution or intention cues of :data:`HEDGE_CUES` found in ``text``."""
    flat = str(text).replace("\u2019", "'")
    lowered = flat.lower()
    cues = HEDGE_CUES.get(language) or HEDGE_CUES["en"]
    found: list[str] = []
    for cue in cues:
        if cue.lower() not in lowered:  # cheap test first: most sentences have few cues
            continue
        for match in _cue_pattern(cue).finditer(flat):
            word = match.group(0)
            starts_sentence = not flat[: match.start()].strip()
            if word[:1].isupper() and cue[:1].islower() and not starts_sentence:
                continue  # "May" (the month), a name…
            found.append(cue)
            break
    return found


def sentence_reporting(
    sentences: pd.DataFrame, attributions: pd.DataFrame, sentence_ids: Iterable[str]
) -> pd.DataFrame:
    """For each sentence id: who it is attributed to, its hedge cues, and ``reported``.

    ``attributed_to``: linked actors named by an attribution cue ("selon Reuters"), or
    "anonymous sources"; ``hedges``: cues of :data:`HEDGE_CUES` (second-hand cues left
    out when a source is named); ``reported``: either. Reads ``sentences`` (sentence_id,
    text, language) and ``attributions`` (sentence_id, cue, source, entity).
    """
    ids = list(dict.fromkeys(str(s) for s in sentence_ids))
    sentences = sentences.drop_duplicates("sentence_id")
    # A dict, not .at per sentence: that is slow on large corpora.
    pairs = zip(sentences["text"], sentences["language"], strict=True)
    text_of = dict(zip(sentences["sentence_id"].astype(str), pairs, strict=True))
    wanted = set(ids)
    by_sentence: dict[str, list] = {}
    for row in attributions.itertuples(index=False):
        if str(row.sentence_id) in wanted:
            by_sentence.setdefault(str(row.sentence_id), []).append(row)
    rows = []
    for sid in ids:
        sources: list[str] = []
        for row in by_sentence.get(sid, []):
            entity = str(row.entity or "").strip()
            label = entity or (ANONYMOUS if _ANONYMOUS.search(f"{row.cue} {row.source}") else "")
            if label and label not in sources:
                sources.append(label)
        cues: list[str] = []
        if sid in text_of:
            text, language = text_of[sid]
            cues = hedge_cues(str(text), str(language))
            if sources:
                cues = [c for c in cues if c not in EVIDENTIAL_CUES]
        rows.append([sid, "; ".join(sources), "; ".join(cues), bool(sources or cues)])
    return pd.DataFrame(rows, columns=COLUMNS).astype({"reported": bool})
