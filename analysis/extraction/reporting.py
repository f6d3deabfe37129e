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
    text_of = _texts(sentences)
    by_sentence = _by_sentence(attributions, set(ids))
    rows = []
    for sid in ids:
        sources = _labels(by_sentence.get(sid, []))
        text, language = text_of.get(sid, ("", ""))
        rows.append(_row(sid, sources, str(text), str(language)))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"reported": bool})


def _texts(sentences: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Sentence id → (text, language); a dict, since ``.at`` per sentence is slow."""
    sentences = sentences.drop_duplicates("sentence_id")
    pairs = zip(sentences["text"].tolist(), sentences["language"].tolist(), strict=True)
    return dict(zip(sentences["sentence_id"].astype(str).tolist(), pairs, strict=True))


def _by_sentence(attributions: pd.DataFrame, wanted: set[str] | None = None) -> dict[str, list]:
    """Sentence id → its attribution rows (only the ``wanted`` sentences, if given)."""
    out: dict[str, list] = {}
    for row in attributions.itertuples(index=False):
        if wanted is None or str(row.sentence_id) in wanted:
            out.setdefault(str(row.sentence_id), []).append(row)
    return out


def _anonymous(row) -> bool:
    return _ANONYMOUS.search(f"{row.cue} {row.source}") is not None


def _labels(rows: list) -> list[str]:
    """Who attribution rows name: their linked actor, or "anonymous sources", each once."""
    sources: list[str] = []
    for row in rows:
        label = str(row.entity or "").strip() or (ANONYMOUS if _anonymous(row) else "")
        if label and label not in sources:
            sources.append(label)
    return sources


def _row(sid: str, sources: list[str], text: str, language: str) -> list:
    """A :data:`COLUMNS` row: second-hand cues are dropped when a source is named."""
    cues = hedge_cues(text, language) if text else []
    if sources:
        cues = [c for c in cues if c not in EVIDENTIAL_CUES]
    return [sid, "; ".join(sources), "; ".join(cues), bool(sources or cues)]


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
    text_of = _texts(sentences)
    places = mention_places(mentions)
    by_sentence = _by_sentence(attributions)
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
        said = by_sentence.get(sid, [])
        inside = [
            att
            for att in said
            if (at := _position(text, str(att.cue), str(att.source))) is None or left <= at < right
        ]
        sources = _labels(inside)
        if sources and ANONYMOUS not in sources and any(_anonymous(att) for att in said):
            # "selon Reuters, qui a cité des sources anonymes": how the source knows
            sources.append(ANONYMOUS)
        rows.append(_row(sid, sources, text[left:right], str(language)))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"reported": bool})


def mention_places(detail: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(sentence id, entity) → the character spans of its mentions in the sentence, from
    ``mentions_detail`` (empty when the table has no offsets)."""
    places: dict[tuple[str, str], list[tuple[int, int]]] = {}
    if detail.empty or not {"start", "end"} <= set(detail.columns):
        return places
    # (columns as lists: itertuples over pandas string columns took most of this
    # function's time on 1,000 bench articles)
    columns = [detail[c].tolist() for c in ("sentence_id", "entity", "start", "end")]
    for sid, entity, start, end in zip(*columns, strict=True):
        try:
            span = (int(start), int(end))
        except (TypeError, ValueError):
            continue
        places.setdefault((str(sid), str(entity)), []).append(span)
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
