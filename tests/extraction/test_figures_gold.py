"""Figures extracted from the five seeds, scored against the hand-made gold standard.

The gold (``analysis/data/gold/figures.csv``) was annotated by reading the seeds, not by running
the extractor. A predicted figure matches a gold figure of the same document and unit
whose value is within 0.5 %; matching is one-to-one. Run with ``-s`` to see the table.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.extraction_shared import seed_tables

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "analysis" / "data" / "gold" / "figures.csv"
THRESHOLD = 0.90
TOLERANCE = 0.005


@dataclass(frozen=True)
class Row:
    """A figure as scored: gold row or prediction."""

    document: str
    value: float
    unit: str
    year: int | None
    kind: str
    hedged: bool
    sentence: str
    attribution: str = ""
    bound: str = ""


def prf(predicted: set, gold: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of two sets (1.0 for two empty sets)."""
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else float(not gold)
    r = tp / len(gold) if gold else float(not predicted)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def _load_gold() -> list[Row]:
    with GOLD.open(encoding="utf-8") as handle:
        return [
            Row(
                document=row["document"],
                value=float(row["value"]),
                unit=row["unit"],
                year=int(row["year"]) if row["year"] else None,
                kind=row["kind"],
                hedged=row["hedged"] == "true",
                sentence=row["sentence"],
                attribution=row.get("attribution", ""),
                bound=row.get("bound", ""),
            )
            for row in csv.DictReader(handle)
        ]


@pytest.fixture(scope="module")
def predicted() -> list[Row]:
    """The figures of the seeds as the build extracts them (``figures_detail``): the
    sentence's own figures, plus what the pipeline adds across sentences (an attribution
    carried from the sentence before)."""
    tables = seed_tables()
    detail = tables.details["figures_detail"]
    sentences = tables.details["sentences"]
    text = dict(zip(sentences["sentence_id"], sentences["text"], strict=True))
    return [
        Row(str(r.document), float(r.value), str(r.unit or ""),
            None if r.year is None or r.year != r.year else int(r.year), str(r.kind),
            bool(r.hedged), str(text.get(r.sentence_id, "")), str(r.attribution or ""),
            str(r.bound or ""))
        for r in detail.itertuples(index=False)
    ]  # fmt: skip


def match(predicted: list[Row], gold: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """One-to-one pairs (prediction, gold); None on the side that has no partner.

    Among equal candidates, the gold row whose sentence is in the prediction's sentence
    wins, so two "50 %" of one document pair with the right sentences.
    """
    free = list(gold)
    pairs: list[tuple[Row | None, Row | None]] = []
    for row in predicted:
        candidates = [
            g
            for g in free
            if g.document == row.document
            and g.unit == row.unit
            and abs(row.value - g.value) <= TOLERANCE * abs(g.value)
        ]
        candidates.sort(key=lambda g: _plain(g.sentence) not in _plain(row.sentence))
        partner = candidates[0] if candidates else None
        if partner is not None:
            free.remove(partner)
        pairs.append((row, partner))
    pairs += [(None, g) for g in free]
    return pairs


def _plain(text: str) -> str:
    return text.replace("’", "'")


def _keys(pairs: list[tuple[Row | None, Row | None]]) -> tuple[set, set]:
    """Set keys for prf: a matched prediction takes its gold partner's key."""
    pred_keys, gold_keys = set(), set()
    for index, (pred, gold) in enumerate(pairs):
        if gold is not None:
            gold_keys.add(("gold", index))
        if pred is not None:
            pred_keys.add(("gold", index) if gold is not None else ("pred", index))
    return pred_keys, gold_keys


def test_gold_sentences_exist_in_seeds() -> None:
    """Every gold row points at a real sentence of its seed."""
    for row in _load_gold():
        text = (SEEDS / f"{row.document}.txt").read_text(encoding="utf-8-sig")
        assert _plain(row.sentence) in _plain(text), row


def test_prf() -> None:
    assert prf({1, 2}, {2, 3}) == (0.5, 0.5, 0.5)
    assert prf(set(), set()) == (1.0, 1.0, 1.0)
    assert prf({1}, set())[0] == 0.0


def test_figures_gold_scores(predicted: list[Row]) -> None:
    pairs = match(predicted, _load_gold())
    p, r, f1 = prf(*_keys(pairs))
    for pred, gold in pairs:
        status = "TP" if pred and gold else ("FP" if pred else "FN")
        row = pred or gold
        print(f"{status} {row.document} {row.value:>12g} {row.unit:<14} {row.sentence[:70]!r}")
    print(f"figures gold: P={p:.3f} R={r:.3f} F1={f1:.3f}")
    assert p >= THRESHOLD, f"precision {p:.3f}"
    assert r >= THRESHOLD, f"recall {r:.3f}"
    assert f1 >= THRESHOLD, f"F1 {f1:.3f}"


def test_figures_gold_attributes(predicted: list[Row]) -> None:
    """On matched figures, kind, bound, hedging, year and attribution agree with the gold."""
    matched = [(p, g) for p, g in match(predicted, _load_gold()) if p and g]
    assert matched
    for field in ("kind", "bound", "hedged", "year", "attribution"):
        agree = sum(getattr(p, field) == getattr(g, field) for p, g in matched)
        print(f"{field}: {agree}/{len(matched)}")
        assert agree / len(matched) >= THRESHOLD, field
