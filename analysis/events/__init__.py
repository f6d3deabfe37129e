"""Events: the sentence-level relations merged into actor pair, relation type and stage.

Public API: :func:`build_events` (the table), :func:`write_events`, and the contract in
:mod:`analysis.events.model` (stages, deal stage, ordering). Seed flags and known flaws
are in :mod:`analysis.events.flags`.
"""

from analysis.events.flags import Flaw, known_flaws, parse_flaws, seed_flags
from analysis.events.merge import build_events, write_events
from analysis.events.model import (
    STAGES,
    UNDIRECTED,
    UNSTATED,
    deal_stage,
    pair,
    rank,
    sentence_order,
)

__all__ = [
    "STAGES",
    "UNDIRECTED",
    "UNSTATED",
    "Flaw",
    "build_events",
    "deal_stage",
    "known_flaws",
    "pair",
    "parse_flaws",
    "rank",
    "seed_flags",
    "sentence_order",
    "write_events",
]
