"""Building ``events.csv`` from the extraction's tables (see :mod:`analysis.events.model`).

Reads ``relations_detail`` (pairs, types, cues), ``sentences``, ``attributions``,
``mentions``, ``entities``, ``documents`` and ``sources``; writes nothing itself.
Evidence comes three ways, each row kept with its sentence:

1. each relation's sentence, at the stage its words state near the relation's cue;
2. a sentence of the same seed that names both actors of a deal without stating the
   relation, when it speaks of rumour, talks or a denial (hedged: a co-mention is weak
   evidence, so it can make a deal doubtful but never advance it);
3. a seed's known flaw with a stage cap ("talks-only: Xiaomi, BAIC"): that seed's events
   between the named actors are at most at the cap, and hedged.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from analysis.events import flags as seed_flags_module
from analysis.events.model import (
    DEAL_TYPES,
    NEGATIVE_STAGES,
    REPORTED_POSSIBILITY,
    UNSTATED,
    pair,
    rank,
    sentence_order,
)
from analysis.events.stages import stage_of, stage_words
from analysis.extraction import hedges
from analysis.extraction.reporting import mention_places, relation_reporting, relation_scope
from analysis.tables import EVENT_COLUMNS, read_csv, write_csv

#: Stages a co-mention may add: doubt, never progress.
COMENTION_STAGES = frozenset({"rumour", "talks", "denied"})
#: Types whose target may be the place of the event.
PLACED_TYPES = frozenset({"production", "investment", "exit"})
EVIDENCE_COLUMNS = [
    "source",
    "target",
    "type",
    "stage",
    "hedged",
    "attributed_to",
    "document",
    "sentence_id",
]


def _read(data_dir: Path, name: str) -> pd.DataFrame:
    path = Path(data_dir) / f"{name}.csv"
    return read_csv(path, text=True) if path.exists() else pd.DataFrame()


def evidence(data_dir: Path) -> pd.DataFrame:
    """One row per (event, sentence): the three kinds of evidence above."""
    relations = _read(data_dir, "relations_detail")
    sentences = _read(data_dir, "sentences")
    if relations.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    attributions = _read(data_dir, "attributions")
    if attributions.empty:
        attributions = pd.DataFrame(columns=["sentence_id", "cue", "source", "entity"])
    # (columns as lists first: pandas string columns are slow to iterate value by value)
    sids = sentences["sentence_id"].tolist()
    text = dict(zip(sids, sentences["text"].tolist(), strict=True))
    language = dict(zip(sids, sentences["language"].tolist(), strict=True))
    # each relation's own clause: a hedge of another pair in its sentence is not its own
    reporting = relation_reporting(
        relations, sentences, attributions, _read(data_dir, "mentions_detail")
    )
    cues_of = _grouped(relations["sentence_id"], relations["cue"], list)
    rows = []
    for row, said in zip(
        relations.itertuples(index=False), reporting.itertuples(index=False), strict=True
    ):
        sid = row.sentence_id
        a, b = pair(row.source, row.target, row.relation)
        stage = UNSTATED
        if row.relation in DEAL_TYPES:
            stage, _ = stage_of(
                text.get(sid, ""),
                row.cue,
                language.get(sid, "en"),
                cues_of.get(sid, []),
                row.relation,
            )
            if stage == UNSTATED and said.attributed_to and _possibility(said.hedges):
                # "selon Reuters, l'usine pourrait être fréquentée par Xiaomi": a report of
                # a possibility, with no stage word, is a rumour
                stage = REPORTED_POSSIBILITY
        rows.append(
            [a, b, row.relation, stage, bool(said.reported), said.attributed_to, row.document,
             sid]
        )  # fmt: skip
    found = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    found = pd.concat([found, _comentions(data_dir, found, text, language)], ignore_index=True)
    return _capped(found, _read(data_dir, "sources"))


@cache
def _modal_words() -> frozenset[str]:
    """The modal hedges of ``hedges.yaml`` (pourrait, could, may…), every language."""
    return frozenset(str(w).lower() for ws in hedges.raw()["modal_hedges"].values() for w in ws)


def _possibility(cues: str) -> bool:
    return any(c.strip().lower() in _modal_words() for c in str(cues).split(";"))


def _grouped(keys: pd.Series, values: pd.Series, kind: type) -> dict:
    """``{key: kind(values of that key)}`` (``list`` keeps their order, ``set`` does not)."""
    out: dict = {}
    add = "append" if kind is list else "add"
    for key, value in zip(keys.tolist(), values.tolist(), strict=True):
        if key not in out:
            out[key] = kind()
        getattr(out[key], add)(value)
    return out


def _comentions(data_dir: Path, found: pd.DataFrame, text: dict, language: dict) -> pd.DataFrame:
    mentions = _read(data_dir, "mentions")
    if mentions.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    named = _grouped(mentions["sentence_id"], mentions["entity"], set)
    by_document = {
        d: sorted(sids)
        for d, sids in _grouped(mentions["document"], mentions["sentence_id"], set).items()
    }
    stated = set(
        zip(found["source"], found["target"], found["type"], found["sentence_id"], strict=True)
    )
    deals = found[found["type"].isin(DEAL_TYPES)]
    places = mention_places(_read(data_dir, "mentions_detail"))
    rows = []
    for (a, b, kind, document), _ in deals.groupby(["source", "target", "type", "document"]):
        for sid in by_document.get(document, []):
            if (a, b, kind, sid) in stated or not {a, b} <= named.get(sid, set()):
                continue
            sentence = str(text.get(sid, ""))
            # only the stage words of the clause the two actors are in: "la bouche cousue
            # chez Xiaomi et BAIC, tandis que les sources Hyundai ont nié" denies nothing
            # between Xiaomi and BAIC
            left, right = _scope(sentence, places.get((sid, a), []), places.get((sid, b), []))
            words = [
                w
                for w in stage_words(sentence, language.get(sid, "en"))
                if left <= w[0] and w[1] <= right
            ]
            for stage in sorted({w[2] for w in words} & COMENTION_STAGES, key=rank):
                rows.append([a, b, kind, stage, True, "", document, sid])
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def _scope(sentence: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause two actors share (:func:`relation_scope` of their nearest mentions)."""
    if not a or not b:
        return 0, len(sentence)
    first, second = min(((x, y) for x in a for y in b), key=lambda p: abs(p[0][0] - p[1][0]))
    return relation_scope(sentence, [first, second])


def _capped(found: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Apply the known flaws' stage caps (step 3)."""
    found = found.copy()
    for document, flaws in seed_flags_module.known_flaws(sources).items():
        for flaw in flaws:
            if not flaw.stage_cap:
                continue
            named = set(flaw.actors)
            hit = (
                (found["document"] == document)
                & found["source"].isin(named)
                & found["target"].isin(named)
                & found["type"].isin(DEAL_TYPES)
                & ~found["stage"].isin(NEGATIVE_STAGES)
            )
            cap = rank(flaw.stage_cap)
            over = hit & found["stage"].map(lambda s, cap=cap: s == UNSTATED or rank(s) > cap)
            found.loc[over, "stage"] = flaw.stage_cap
            found.loc[hit, "hedged"] = True
    return found


def build_events(data_dir: Path) -> pd.DataFrame:
    """The event table of the build whose tables are in ``data_dir``."""
    found = evidence(data_dir)
    if found.empty:
        return pd.DataFrame(columns=list(EVENT_COLUMNS))
    sources = _read(data_dir, "sources")
    dates = dict(zip(sources.get("document", []), sources.get("events_date", []), strict=True))
    flagged = seed_flags_module.seed_flags(_read(data_dir, "documents"), sources, "relations")
    capped = {
        (doc, flaw.label): set(flaw.actors)
        for doc, flaws in seed_flags_module.known_flaws(sources).items()
        for flaw in flaws
        if flaw.stage_cap
    }
    entities = _read(data_dir, "entities")
    kinds = dict(zip(entities.get("entity", []), entities.get("type", []), strict=True))
    rows = []
    keys = ["source", "target", "type", "stage"]
    for (a, b, kind, stage), group in found.groupby(keys, sort=False):
        documents = sorted(set(group["document"]))
        known = sorted(d for d in (dates.get(doc, "") for doc in documents) if d)
        attributed = [x for cell in group["attributed_to"] for x in str(cell).split("; ") if x]
        place = b if kind in PLACED_TYPES and kinds.get(b) in ("country", "place") else ""
        labels = {doc: list(flagged.get(doc, [])) for doc in documents}
        for (doc, label), actors in capped.items():
            if doc in labels and {a, b} <= actors:
                labels[doc].append(label)
        event_flags = ""
        if all(labels.values()):
            event_flags = "; ".join(f"{doc}: {', '.join(labels[doc])}" for doc in documents)
        rows.append(
            {
                "source": a,
                "target": b,
                "type": kind,
                "stage": stage,
                "hedged": bool(group["hedged"].all()),
                "attributed_to": "; ".join(dict.fromkeys(attributed)),
                "place": place,
                "first_date": known[0] if known else "",
                "last_date": known[-1] if known else "",
                "documents": "; ".join(documents),
                "sentence_ids": "; ".join(sorted(set(group["sentence_id"]), key=sentence_order)),
                "flags": event_flags,
            }
        )
    events = pd.DataFrame(rows)
    events["_rank"] = events["stage"].map(rank)
    events = events.sort_values(["type", "source", "target", "_rank"], kind="stable")
    events = events.drop(columns="_rank").reset_index(drop=True)
    events.insert(0, "event", [f"E{i + 1:03d}" for i in range(len(events))])
    return events[list(EVENT_COLUMNS)]


def write_events(data_dir: Path) -> Path:
    """Write ``events.csv`` beside the tables it is built from."""
    return write_csv(build_events(data_dir), Path(data_dir) / "events.csv")
