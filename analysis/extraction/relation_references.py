"""Relations read through a reference word: kept only where the text also states them
with both names.

"La société a aussi signé un partenariat avec Forvia" relates Forvia to the firm that
``coreference`` judged "la société" takes up. That judgement is the weakest step of the
relation rules: on the first runs of sixteen blind folders (``folder_br`` to
``folder_bu`` and ``folder_ch`` to ``folder_cs``, judged by hand before any of their
errors was fixed), a row with an end read through a reference word was right 23 times
out of 61 (0.38), against 406 of 542 (0.75) for rows whose ends are both named. Most
wrong ones take up the wrong firm: the paragraph's topic rather than the last subject,
a venture for its parent, a customer for its supplier.

So such a row is set aside (listed in ``relations_set_aside.csv`` with the reason
:data:`REFERENCE`, in no chapter), unless the folder also states the same relation
between the same two actors with both named: then it is one more sentence for a relation
the text states outright, and stays. On the 97 annotated folders, with the rules and the
model (before it was retrained on the rows kept), pooled relation pairs went from 0.921 /
0.655 to 0.934 / 0.638: 155 fewer pairs, 94 of them in a gold and 61 not.

Reads
    the settled rule rows (``rule``, which the pipeline ends with :data:`REFERENCE_MARK`
    when an end was read through a reference word; ``source``, ``target``,
    ``relation``).
Writes
    nothing: :func:`split_references` returns the rows kept and the rows set aside.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TypeVar

from analysis.extraction.relation_context import SYMMETRIC

#: What the pipeline appends to a rule's name when it read an end through a reference
#: word ("production (anaphora)").
REFERENCE_MARK = " (anaphora)"
#: The reason a row set aside this way carries in ``relations_set_aside.csv``.
REFERENCE = "reference word"

R = TypeVar("R")


def marked(relations: list[R], implied: set[str]) -> list[R]:
    """``relations`` (the rules' ``Relation`` objects of one sentence), each whose source
    or target the sentence names only through a reference word (``implied``) with
    :data:`REFERENCE_MARK` appended to its rule."""
    return [
        replace(r, rule=r.rule + REFERENCE_MARK) if implied & {r.source, r.target} else r
        for r in relations
    ]


def through_reference(row: Mapping) -> bool:
    """Whether an end of ``row`` was read through a reference word."""
    return str(row.get("rule") or "").endswith(REFERENCE_MARK)


def _relation_key(row: Mapping) -> tuple:
    ends = (row["source"], row["target"])
    return (row["relation"], frozenset(ends) if row["relation"] in SYMMETRIC else ends)


def split_references(relations: Iterable[Mapping]) -> tuple[list[dict], list[dict]]:
    """(kept, set aside): every row read through a reference word whose relation (type,
    and ends in their direction) no row with both ends named states is set aside, with
    ``reason`` :data:`REFERENCE`; every other row is kept, in the given order."""
    relations = [dict(r) for r in relations]
    stated = {_relation_key(r) for r in relations if not through_reference(r)}
    kept, set_aside = [], []
    for row in relations:
        if through_reference(row) and _relation_key(row) not in stated:
            set_aside.append({**row, "reason": REFERENCE})
        else:
            kept.append(row)
    return kept, set_aside
