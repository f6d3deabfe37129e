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


#: Where a clause that a relation's actors do not reach begins: a semicolon, a dash, a
#: relative pronoun after a comma (", qui selon Reuters pourrait ...": the hedge is the
#: relative clause's, not that of the plant named before it) or a contrast (", tandis
#: que ...").
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?:qui|que|qu'|dont|où|lequel|laquelle|which|who|whom|whose|where"
    r"|tandis que|alors que|whereas|while)\b",
    re.IGNORECASE,
)


def relation_scope(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The part of ``text`` a relation whose actors sit at ``spans`` speaks in: from the
    clause break before its first actor to the one after its last (the whole sentence
    when ``spans`` is empty)."""
    if not spans:
        return 0, len(text)
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    left = max((b for _, b in breaks if b <= start), default=0)
    right = min((a for a, _ in breaks if a >= end), default=len(text))
    return left, right


def relation_reporting(
    relations: pd.DataFrame,
    sentences: pd.DataFrame,
    attributions: pd.DataFrame,
    mentions: pd.DataFrame,
) -> pd.DataFrame:
    """:func:`sentence_reporting` for each relation row, scoped to the relation's clause.

    A hedge or an attribution counts for a relation only when it lies in the part of the
    sentence its two actors speak in (:func:`relation_scope`): in "l'usine Hyundai en
    Chine, qui selon Reuters pourrait être fréquentée par Xiaomi", Reuters and
    "pourrait" hedge Xiaomi's use of the plant, not Hyundai's plant in China. The actors'
    places come from ``mentions`` (``mentions_detail``: entity, sentence_id, start,
    end); a relation whose actors cannot be placed gets its whole sentence's reporting.
    Rows come back in the order of ``relations``, with :data:`COLUMNS`.
    """
    whole = sentence_reporting(sentences, attributions, relations["sentence_id"])
    whole = whole.set_index("sentence_id")
    sentences = sentences.drop_duplicates("sentence_id")
    pairs = zip(sentences["text"], sentences["language"], strict=True)
    text_of = dict(zip(sentences["sentence_id"].astype(str), pairs, strict=True))
    places = mention_places(mentions)
    by_sentence: dict[str, list] = {}
    for row in attributions.itertuples(index=False):
        by_sentence.setdefault(str(row.sentence_id), []).append(row)
    rows = []
    for source, target, sid in zip(
        relations["source"],
        relations["target"],
        relations["sentence_id"].astype(str),
        strict=True,
    ):
        a, b = places.get((sid, str(source))), places.get((sid, str(target)))
        if sid not in text_of or not a or not b:
            found = whole.loc[sid] if sid in whole.index else None
            rows.append([sid, *(list(found) if found is not None else ["", "", False])])
            continue
        text, language = text_of[sid]
        text = str(text)
        first, second = min(((x, y) for x in a for y in b), key=lambda p: _gap(*p))
        left, right = relation_scope(text, [first, second])
        scoped = text[left:right]
        sources = []
        for att in by_sentence.get(sid, []):
            at = _position(text, str(att.cue), str(att.source))
            if at is not None and not left <= at < right:
                continue
            entity = str(att.entity or "").strip()
            label = entity or (ANONYMOUS if _ANONYMOUS.search(f"{att.cue} {att.source}") else "")
            if label and label not in sources:
                sources.append(label)
        if (
            sources
            and ANONYMOUS not in sources
            and any(
                _ANONYMOUS.search(f"{att.cue} {att.source}") for att in by_sentence.get(sid, [])
            )
        ):
            # "selon Reuters, qui a cité des sources anonymes": how the source knows
            sources.append(ANONYMOUS)
        cues = hedge_cues(scoped, str(language))
        if sources:
            cues = [c for c in cues if c not in EVIDENTIAL_CUES]
        rows.append([sid, "; ".join(sources), "; ".join(cues), bool(sources or cues)])
    return pd.DataFrame(rows, columns=COLUMNS).astype({"reported": bool})


def mention_places(detail: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(sentence id, entity) → the character spans of its mentions in the sentence, from
    ``mentions_detail`` (empty when the table has no offsets)."""
    places: dict[tuple[str, str], list[tuple[int, int]]] = {}
    if detail.empty or not {"start", "end"} <= set(detail.columns):
        return places
    for row in detail.itertuples(index=False):
        try:
            span = (int(row.start), int(row.end))
        except (TypeError, ValueError):
            continue
        places.setdefault((str(row.sentence_id), str(row.entity)), []).append(span)
    return places


def _gap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(x[0], y[0]) - min(x[1], y[1])


def _position(text: str, cue: str, source: str) -> int | None:
    """Where an attribution ("selon" … "Reuters") sits in its sentence (None if not found)."""
    flat = text.replace("\u2019", "'").lower()
    for needle in (source.lower(), cue.lower()):
        if needle and (at := flat.find(needle.replace("\u2019", "'"))) >= 0:
            return at
    return None
