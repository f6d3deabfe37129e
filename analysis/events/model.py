"""The contract of the event table (``events.csv``; columns in ``tables.EVENT_COLUMNS``).

An **event** is one actor pair, relation type and stage: every sentence that states the
same thing, within a seed and across seeds, is merged into it. A **deal** is one pair and
type; its stage is the furthest stage a non-hedged event supports (:func:`deal_stage`).
``relations.csv`` stays the sentence-level evidence.

* ``source``/``target``: for a relation without direction (partnership), the two actors
  in alphabetical order; otherwise as extracted.
* ``stage``: one of :data:`STAGES`, or :data:`UNSTATED` when no sentence of the event
  names a stage. ``hedged``: every sentence of the event is hedged, attributed to a
  source, or only evidence by co-mention or a seed's known flaw.
* ``attributed_to``: sources the sentences name ("Reuters", "anonymous sources").
* ``place``: the country or place of a production, investment or exit.
* ``first_date``/``last_date``: the provenance dates of the event's seeds (the seeds
  carry no dates of their own), empty when the sidecar gives none.
* ``documents``, ``sentence_ids``: ``;``-separated; ids in numeric order.
* ``flags``: when *every* seed of the event is flagged, the flags (``"seed: flag"``);
  empty when one unflagged seed states the event.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from analysis.extraction.relation_context import SYMMETRIC

STAGES_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "stages.yaml"


@cache
def lexicon() -> dict[str, Any]:
    with STAGES_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


#: Stages from rumour to operation, then the two outcomes, in the order "furthest" reads.
STAGES: tuple[str, ...] = tuple(lexicon()["order"])
#: The stage of a relation stated with no stage word.
UNSTATED: str = lexicon()["unstated"]
#: The stage of a relation a named source reports as a possibility, with no stage word.
REPORTED_POSSIBILITY: str = lexicon()["reported_possibility"]
#: Relation types that are deals (an exit has no stage).
DEAL_TYPES = frozenset(lexicon()["deal_types"])
#: Relation types without direction: counted once per unordered pair.
UNDIRECTED = SYMMETRIC
#: Stages that say the deal did not happen (drawn apart in the tracker).
NEGATIVE_STAGES = frozenset({"denied", "suspended or ended"})


def rank(stage: str) -> int:
    """A stage's place in :data:`STAGES`; :data:`UNSTATED` comes before every stage."""
    return STAGES.index(stage) if stage in STAGES else -1


def pair(source: str, target: str, relation: str) -> tuple[str, str]:
    """The event's two ends: sorted when the relation has no direction."""
    if relation in UNDIRECTED:
        first, second = sorted((source, target))
        return first, second
    return source, target


def sentence_order(sentence_id: str) -> tuple:
    """Sort key of a sentence id ``document:paragraph:sentence``: numbers as numbers."""
    document, _, rest = str(sentence_id).partition(":")
    numbers = tuple(int(p) if p.isdigit() else 0 for p in rest.split(":"))
    return (document, numbers)


def deal_stage(stages: list[tuple[str, bool]]) -> tuple[str, bool]:
    """A deal's stage from its events' (stage, hedged), and whether it is hedged.

    The furthest non-hedged stage, an outcome (denied, ended) included. When every staged
    event is hedged, the furthest hedged stage of progress, shown hedged: a hedged denial
    makes a deal doubtful (the tracker draws it) but is not its stage. :data:`UNSTATED`
    when no event names a stage.
    """
    firm = [s for s, hedged in stages if not hedged and s in STAGES]
    if firm:
        return max(firm, key=rank), False
    soft = [s for s, _ in stages if s in STAGES and s not in NEGATIVE_STAGES]
    soft = soft or [s for s, _ in stages if s in STAGES]
    if soft:
        return max(soft, key=rank), True
    return UNSTATED, bool(stages) and all(h for _, h in stages)
