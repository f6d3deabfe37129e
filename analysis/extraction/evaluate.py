"""Precision, recall and F1 of the extraction tables against the hand-made gold standard.

Gold files (``analysis/data/gold/``), annotated by reading the seeds, not by running the code:

- ``actors.csv`` (document, entity, country, note): every actor mentioned in each seed
  after boilerplate removal; a country counts as mentioned when named or referred to by
  an adjective or demonym ("le constructeur japonais" mentions Japan).
- ``relations.csv`` (document, source, target, relation, sentence, note).
- ``figures.csv`` (document, value, unit, year, kind, hedged, sentence, ...).

Matching:

- **actors**: set of (document, entity) pairs; predictions are the distinct pairs of
  ``mentions``. ``actor countries`` reports, over matched pairs, how often the
  knowledge base's country equals the gold country (precision = recall = accuracy).
- **relations** (strict): set of (document, source, target, relation); partnership is
  symmetric, so its pair is compared unordered. **relations (lenient)**: set of
  (document, {source, target}), ignoring type and direction.
- **figures**: one-to-one matching of (document, unit) with values within 0.5 %.

Scores are micro-averaged over documents; with no prediction and no gold the score is 1.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.extraction.relations import SYMMETRIC
from analysis.tables import read_csv

FIGURE_TOLERANCE = 0.005
SCORE_COLUMNS = ("table", "precision", "recall", "f1", "gold", "predicted")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float(not n_gold)
    r = tp / n_gold if n_gold else float(not n_pred)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def _row(table: str, tp: int, n_pred: int, n_gold: int) -> dict:
    p, r, f1 = prf(tp, n_pred, n_gold)
    return dict(
        table=table,
        precision=round(p, 4),
        recall=round(r, 4),
        f1=round(f1, 4),
        gold=n_gold,
        predicted=n_pred,
    )


def _read(path: Path) -> pd.DataFrame:
    return read_csv(path, text=True)


def actor_sets(mentions: pd.DataFrame, gold: pd.DataFrame) -> tuple[set, set]:
    pred = set(zip(mentions["document"], mentions["entity"], strict=True))
    return pred, set(zip(gold["document"], gold["entity"], strict=True))


def _relation_key(doc: str, source: str, target: str, relation: str) -> tuple:
    if relation in SYMMETRIC:
        source, target = sorted((source, target))
    return (doc, source, target, relation)


def relation_sets(relations: pd.DataFrame, gold: pd.DataFrame) -> tuple[set, set, set, set]:
    """(strict predicted, strict gold, lenient predicted, lenient gold)."""
    cols = ["document", "source", "target", "relation"]
    pred = {_relation_key(*r) for r in relations[cols].itertuples(index=False, name=None)}
    ref = {_relation_key(*r) for r in gold[cols].itertuples(index=False, name=None)}

    def lenient(keys: set) -> set:
        return {(k[0], frozenset(k[1:3])) for k in keys}

    return pred, ref, lenient(pred), lenient(ref)


def match_figures(pred: list[tuple[str, str, float]], gold: list[tuple[str, str, float]]) -> int:
    """Number of one-to-one matches on document and unit with values within 0.5 %."""
    used = [False] * len(pred)
    tp = 0
    for doc, unit, value in gold:
        for i, (pdoc, punit, pvalue) in enumerate(pred):
            if used[i] or pdoc != doc or punit != unit:
                continue
            if abs(pvalue - value) <= FIGURE_TOLERANCE * abs(value):
                used[i] = True
                tp += 1
                break
    return tp


def evaluate(tables, gold_dir: Path) -> pd.DataFrame:
    """Scores per table: ``DataFrame(table, precision, recall, f1, gold, predicted)``.

    Only documents present in ``tables.documents`` with a usable status are scored, so the
    seeds' gold is not held against a run over other documents.
    """
    gold_dir = Path(gold_dir)
    docs = set(tables.documents["document"])
    rows = []

    actors = _read(gold_dir / "actors.csv")
    actors = actors[actors["document"].isin(docs)]
    pred, ref = actor_sets(tables.mentions, actors)
    rows.append(_row("actors", len(pred & ref), len(pred), len(ref)))
    countries = dict(zip(tables.entities["entity"], tables.entities["country"], strict=True))
    matched = [
        (d, e, c)
        for d, e, c in actors[["document", "entity", "country"]].itertuples(index=False, name=None)
        if (d, e) in pred
    ]
    agree = sum(countries.get(e) == c for _, e, c in matched)
    rows.append(_row("actor countries", agree, len(matched), len(matched)))

    rel_gold = _read(gold_dir / "relations.csv")
    rel_gold = rel_gold[rel_gold["document"].isin(docs)]
    sp, sg, lp, lg = relation_sets(tables.relations, rel_gold)
    rows.append(_row("relations", len(sp & sg), len(sp), len(sg)))
    rows.append(_row("relations (lenient)", len(lp & lg), len(lp), len(lg)))

    fig_path = gold_dir / "figures.csv"
    if fig_path.exists():
        fig_gold = _read(fig_path)
        fig_gold = fig_gold[fig_gold["document"].isin(docs)]
        g = [
            (d, u, float(v))
            for d, u, v in fig_gold[["document", "unit", "value"]].itertuples(
                index=False, name=None
            )
        ]
        f = tables.figures
        p = [
            (d, u, float(v))
            for d, u, v in f[["document", "unit", "value"]].itertuples(index=False, name=None)
        ]
        rows.append(_row("figures", match_figures(p, g), len(p), len(g)))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def errors(tables, gold_dir: Path) -> dict[str, pd.DataFrame]:
    """False positives and false negatives per table, for the methods appendix."""
    gold_dir = Path(gold_dir)
    docs = set(tables.documents["document"])
    actors = _read(gold_dir / "actors.csv")
    pred, ref = actor_sets(tables.mentions, actors[actors["document"].isin(docs)])
    rel_gold = _read(gold_dir / "relations.csv")
    sp, sg, _, _ = relation_sets(tables.relations, rel_gold[rel_gold["document"].isin(docs)])

    def frame(items: set, kind: str, cols: list[str]) -> pd.DataFrame:
        df = pd.DataFrame(sorted(items), columns=cols)
        df.insert(0, "error", kind)
        return df

    acols = ["document", "entity"]
    rcols = ["document", "source", "target", "relation"]
    return {
        "actors": pd.concat(
            [
                frame(pred - ref, "false positive", acols),
                frame(ref - pred, "false negative", acols),
            ],
            ignore_index=True,
        ),
        "relations": pd.concat(
            [frame(sp - sg, "false positive", rcols), frame(sg - sp, "false negative", rcols)],
            ignore_index=True,
        ),
    }
