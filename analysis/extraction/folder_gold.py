"""Scores against an annotated folder: recall and precision of actors, countries,
relations and figures, from a gold JSON written by reading the articles.

Gold format (one JSON object per folder)::

    {"actors":    [["Great Wall Motor", "Great Wall", "GWM"], ["Tula", "Toula"]],
     "media":     [["Reuters"]],                  # optional: attribution sources
     "countries": ["Russia", "China"],            # English names
     "figures":   [120000, 2.5],                  # every figure stated, as numbers
     "relations": [["Haval", "Tula", "production"], ["BYD", "Uzbekistan"]],
     "not_actors": ["Key figures", "Lire aussi"]}

Each gold actor is a list of the forms the articles use. An extracted entity matches a
gold actor when its name or any of its mentions' texts has the key of one of those
forms (``name_keys.name_key``: case, accents and punctuation folded). Relations are
matched as unordered pairs of gold actors (or countries), whatever their type: a pair
is found when some extracted relation links entities matching its two ends. Figures
are matched one to one within ``FIGURE_TOLERANCE``. Precision counts the extracted
entities (countries and media apart), relations (distinct pairs) and figures that
match something in the gold; the gold is exhaustive, so anything else is an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.extraction.actors import KnowledgeBase, load_knowledge_base
from analysis.extraction.evaluate import FIGURE_TOLERANCE, SCORE_COLUMNS, prf
from analysis.extraction.name_keys import name_key

GOLD_KEYS = {"actors", "media", "countries", "figures", "relations", "not_actors", "description"}


class GoldError(ValueError):
    """The gold file is malformed; the message says where."""


@dataclass(frozen=True)
class FolderGold:
    actors: list[list[str]]
    media: list[list[str]]
    countries: list[str]
    figures: list[float]
    relations: list[tuple[str, str]]
    not_actors: list[str]
    #: The type of each relation (empty when the gold gives none).
    relation_types: tuple[str, ...] = ()


def read_gold(path: Path) -> FolderGold:
    """Read and check a gold JSON file (see the module docstring for its format)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldError(f"{path}: cannot read the gold file ({error})") from error
    if not isinstance(data, dict):
        raise GoldError(f"{path}: the gold file must hold one JSON object")
    unknown = set(data) - GOLD_KEYS
    if unknown:
        raise GoldError(f"{path}: unknown key(s) {sorted(unknown)}; expected {sorted(GOLD_KEYS)}")
    for key in ("actors", "media"):
        for entry in data.get(key, []):
            if (
                not isinstance(entry, list)
                or not entry
                or not all(isinstance(a, str) for a in entry)
            ):
                raise GoldError(f"{path}: each of '{key}' must be a list of names, not {entry!r}")
    relations, types = [], []
    for entry in data.get("relations", []):
        if not isinstance(entry, list) or len(entry) < 2:
            raise GoldError(f"{path}: a relation must be [source, target, ...], not {entry!r}")
        relations.append((str(entry[0]), str(entry[1])))
        types.append(str(entry[2]) if len(entry) > 2 else "")
    return FolderGold(
        actors=data.get("actors", []),
        media=data.get("media", []),
        countries=[str(c) for c in data.get("countries", [])],
        figures=[float(v) for v in data.get("figures", [])],
        relations=relations,
        not_actors=[str(n) for n in data.get("not_actors", [])],
        relation_types=tuple(types),
    )


def _country_keys(kb: KnowledgeBase) -> dict[str, str]:
    """Key of every country alias -> the knowledge base's country entity."""
    return {
        name_key(alias): actor.name
        for actor in kb.actors.values()
        if actor.type == "country"
        for alias in actor.aliases
    }


def _entity_keys(entities: pd.DataFrame, mentions: pd.DataFrame) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {e: {name_key(e)} for e in entities["entity"]}
    for entity, text in zip(mentions["entity"], mentions["text"], strict=True):
        keys.setdefault(entity, set()).add(name_key(text))
    return keys


def score_folder(
    tables: dict[str, pd.DataFrame], gold: FolderGold, kb: KnowledgeBase | None = None
) -> pd.DataFrame:
    """Precision, recall and F1 per table (``SCORE_COLUMNS``) against ``gold``."""
    kb = kb or load_knowledge_base()
    entities, mentions = tables["entities"], tables["mentions"]
    keys = _entity_keys(entities, mentions)
    countries = _country_keys(kb)
    types = dict(zip(entities["entity"], entities["type"], strict=True))
    gold_of = _gold_index(keys, types, gold)
    media = {name_key(f) for forms in gold.media for f in forms}
    rows = []
    actors = [e for e in entities["entity"] if types[e] not in ("country", "media")]
    actors = [e for e in actors if e in gold_of or not keys[e] & media]
    tp_pred = sum(e in gold_of for e in actors)
    found = len(set(gold_of.values()))
    rows.append(_row("actors", tp_pred, len(actors), found, len(gold.actors)))
    gold_countries = {countries.get(name_key(c), c) for c in gold.countries}
    got = {e for e in entities["entity"] if types[e] == "country"}
    rows.append(_row("countries", len(got & gold_countries), len(got), None, len(gold_countries)))
    rows.append(_relations(tables["relations"], gold, gold_of, countries))
    rows.append(_figures(list(tables["figures"]["value"]), gold.figures))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def _gold_index(
    keys: dict[str, set[str]], types: dict[str, str], gold: FolderGold
) -> dict[str, int]:
    """Gold actor index of each extracted entity (the first gold actor its keys match)."""
    gold_of: dict[str, int] = {}
    for i, forms in enumerate(gold.actors):
        wanted = {name_key(f) for f in forms}
        for entity, found in keys.items():
            if types.get(entity) != "country" and found & wanted:
                gold_of.setdefault(entity, i)
    return gold_of


def _row(table: str, tp: int, n_pred: int, tp_gold: int | None, n_gold: int) -> dict:
    p, _, _ = prf(tp, n_pred, n_gold)
    _, r, _ = prf(tp if tp_gold is None else tp_gold, n_pred, n_gold)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return dict(table=table, precision=p, recall=r, f1=f1, gold=n_gold, predicted=n_pred)


def gold_end_of(gold: FolderGold, countries: dict[str, str]):
    """A function from a name the gold writes to its gold end: the index of its gold
    actor, else its country entity, else the name itself."""
    index = {name_key(f): i for i, forms in reversed(list(enumerate(gold.actors))) for f in forms}

    def end(name: str) -> object:
        key = name_key(name)
        return index[key] if key in index else countries.get(key, name)

    return end


def entity_ends(
    entities: pd.DataFrame, mentions: pd.DataFrame, gold: FolderGold
) -> dict[str, object]:
    """The gold end of every extracted entity: its gold actor's index, else itself."""
    keys = _entity_keys(entities, mentions)
    types = dict(zip(entities["entity"], entities["type"], strict=True))
    gold_of = _gold_index(keys, types, gold)
    return {e: gold_of.get(e, e) for e in entities["entity"]}


def _relation_pairs(
    relations: pd.DataFrame, gold: FolderGold, gold_of: dict[str, int], countries: dict[str, str]
) -> tuple[dict[frozenset, tuple[str, str]], dict[frozenset, tuple[str, str]]]:
    """(gold pairs, extracted pairs), each keyed by its unordered pair of gold ends."""

    def gold_end(name: str) -> object:
        key = name_key(name)
        for i, forms in enumerate(gold.actors):
            if key in {name_key(f) for f in forms}:
                return i
        return countries.get(key, name)

    def pred_end(entity: str) -> object:
        return gold_of.get(entity, entity)

    wanted = {frozenset((gold_end(a), gold_end(b))): (a, b) for a, b in gold.relations}
    wanted = {pair: names for pair, names in wanted.items() if len(pair) == 2}
    got = {
        frozenset((pred_end(s), pred_end(t))): (s, t)
        for s, t in zip(relations["source"], relations["target"], strict=True)
    }
    return wanted, got


def _relations(
    relations: pd.DataFrame, gold: FolderGold, gold_of: dict[str, int], countries: dict[str, str]
) -> dict:
    wanted, got = _relation_pairs(relations, gold, gold_of, countries)
    return _row("relations", len(got.keys() & wanted.keys()), len(got), None, len(wanted))


#: Folder golds write figures with their scale word unapplied ("14 milliards" -> 14): a
#: prediction matches a gold value times one of these.
SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def _figures(values: list[float], gold: list[float]) -> dict:
    pool = sorted(gold)
    tp = 0
    for value in sorted(float(v) for v in values):
        match = next(
            (
                g
                for g in pool
                if any(abs(g * k - value) <= FIGURE_TOLERANCE * max(abs(g * k), 1) for k in SCALES)
            ),
            None,
        )
        if match is not None:
            pool.remove(match)
            tp += 1
    return _row("figures", tp, len(values), None, len(gold))


def errors(
    tables: dict[str, pd.DataFrame], gold: FolderGold, kb: KnowledgeBase | None = None
) -> dict[str, list[str]]:
    """What was missed and what was wrong, for reading (not part of the score)."""
    kb = kb or load_knowledge_base()
    entities, mentions = tables["entities"], tables["mentions"]
    keys = _entity_keys(entities, mentions)
    all_keys = set().union(*keys.values()) if keys else set()
    missed = [forms[0] for forms in gold.actors if not {name_key(f) for f in forms} & all_keys]
    known = {name_key(f) for forms in gold.actors + gold.media for f in forms}
    extra = [
        e
        for e in entities["entity"]
        if not keys[e] & known and e not in set(_country_keys(kb).values())
    ]
    types = dict(zip(entities["entity"], entities["type"], strict=True))
    gold_of = _gold_index(keys, types, gold)
    wanted, got = _relation_pairs(tables["relations"], gold, gold_of, _country_keys(kb))
    return {
        "missed actors": missed,
        "extra actors": extra,
        "missed relations": [" – ".join(wanted[p]) for p in wanted.keys() - got.keys()],
        "extra relations": [" – ".join(got[p]) for p in got.keys() - wanted.keys()],
    }
