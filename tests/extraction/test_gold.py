"""Scores of the extraction tables against the hand-made gold standard of the five seeds.

Thresholds from the issue: F1 >= 0.90 for actors and figures, >= 0.75 for relations.
Run with ``-s`` to print the table (the methods appendix prints the same from the build).
"""

from __future__ import annotations

from analysis.extraction import evaluate
from tests.fixtures.extraction_shared import GOLD, seed_tables

THRESHOLDS = {"actors": 0.90, "figures": 0.90, "relations": 0.75}


def test_gold_scores() -> None:
    scores = evaluate(seed_tables(), GOLD)
    print("\n" + scores.to_string(index=False))
    assert list(scores.columns) == ["table", "precision", "recall", "f1", "gold", "predicted"]
    by_table = scores.set_index("table")["f1"]
    for table, threshold in THRESHOLDS.items():
        assert by_table[table] >= threshold, (table, by_table[table])


def test_gold_files_are_hand_annotations_of_the_seeds() -> None:
    import pandas as pd

    actors = pd.read_csv(GOLD / "actors.csv", dtype=str, keep_default_na=False)
    relations = pd.read_csv(GOLD / "relations.csv", dtype=str, keep_default_na=False)
    assert actors["document"].nunique() == 5
    from analysis.extraction.relations import RELATION_TYPES

    assert set(relations["relation"]) <= set(RELATION_TYPES)
    # Every gold relation quotes words of its seed.
    from tests.fixtures.extraction_shared import SEEDS

    for row in relations.itertuples():
        text = next(SEEDS.glob(f"{row.document}*")).read_text(encoding="utf-8")
        norm = " ".join(text.replace("’", "'").split())
        assert " ".join(row.sentence.replace("’", "'").split()) in norm, row.sentence
