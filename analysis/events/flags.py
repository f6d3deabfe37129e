"""Which seeds are flagged, and why: the numbers' flags and the sidecar's known flaws.

Two sources, one home. The numbers of ``documents.csv`` flag a seed as low in specificity,
repetitive or mostly boilerplate (thresholds below); the provenance sidecar's
``known_flaws`` column names what is known from outside the text ("unverified-partner:
X"), with the codes of ``analysis/data/seed_flaws.yaml``. The corpus chapter shows both;
the event table carries them with the evidence (``flags``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.corpus.model import usable_status

FLAWS_PATH = Path(__file__).resolve().parents[1] / "data" / "seed_flaws.yaml"

#: A seed is flagged "low specificity" below this fraction of the corpus median.
LOW_SPECIFICITY_RATIO = 0.5
#: …"repetitive" when at least this share of its words repeats other text.
REPETITIVE_SHARE = 0.2
#: …"mostly boilerplate" when at least this share of its words was web furniture.
BOILERPLATE_SHARE = 0.3


@cache
def vocabulary() -> dict[str, dict[str, Any]]:
    """The flaw codes of ``seed_flaws.yaml``: code → label, clause, stage_cap."""
    with FLAWS_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class Flaw:
    """One known flaw of a seed: its code (``seed_flaws.yaml``) and detail."""

    code: str
    detail: str = ""

    @property
    def label(self) -> str:
        return str(vocabulary()[self.code]["label"])

    @property
    def note(self) -> str:
        """The flaw as a sentence (seed text inside is *not* escaped)."""
        return str(vocabulary()[self.code]["note"]).format(detail=self.detail or "unnamed")

    @property
    def clause(self) -> str:
        """Completes "all from one seed ..." (seed text inside is *not* escaped)."""
        return str(vocabulary()[self.code]["clause"]).format(detail=self.detail or "unnamed")

    def weakens(self, evidence: str) -> bool:
        """Whether the flaw weakens this kind of evidence ("relations", "figures")."""
        return evidence in vocabulary()[self.code].get("evidence", ["relations", "figures"])

    @property
    def stage_cap(self) -> str:
        return str(vocabulary()[self.code].get("stage_cap") or "")

    @property
    def actors(self) -> tuple[str, ...]:
        """The actors the detail names (for a flaw that caps a stage)."""
        return tuple(a.strip() for a in self.detail.split(",") if a.strip())


def parse_flaws(cell: str) -> tuple[list[Flaw], list[str]]:
    """The flaws of a ``known_flaws`` cell, and one message per code not in the vocabulary."""
    flaws, problems = [], []
    for part in str(cell or "").split(";"):
        code, _, detail = part.partition(":")
        code = code.strip()
        if not code:
            continue
        if code not in vocabulary():
            problems.append(f"unknown flaw code {code!r} (known: {', '.join(vocabulary())})")
            continue
        flaws.append(Flaw(code, detail.strip()))
    return flaws, problems


def known_flaws(sources: pd.DataFrame) -> dict[str, list[Flaw]]:
    """Seed → its known flaws, from ``sources.csv`` (unknown codes are left out)."""
    if "known_flaws" not in sources:
        return {}
    cells = zip(sources["document"], sources["known_flaws"], strict=True)
    return {str(d): parse_flaws(cell)[0] for d, cell in cells if parse_flaws(cell)[0]}


def quality_flags(frame: pd.DataFrame) -> list[str]:
    """Flags from the numbers alone (thresholds above), "" for an unremarkable seed.

    ``frame`` has ``specificity``, ``repetition_share`` and ``boilerplate_share``.
    """
    median = frame["specificity"].median() if len(frame) else 0.0
    flags = []
    for row in frame.itertuples(index=False):
        found = []
        if len(frame) > 1 and row.specificity < LOW_SPECIFICITY_RATIO * median:
            found.append("low specificity")
        if row.repetition_share >= REPETITIVE_SHARE:
            found.append("repetitive")
        if row.boilerplate_share >= BOILERPLATE_SHARE:
            found.append("mostly boilerplate")
        flags.append(", ".join(found))
    return flags


def seed_flags(
    documents: pd.DataFrame, sources: pd.DataFrame, evidence: str = ""
) -> dict[str, list[str]]:
    """Usable seed → its flag labels: the numbers' flags, then the known flaws' labels
    (with ``evidence``, only the flaws that weaken it, and none that caps a stage: such
    a flaw concerns the events of the actors it names, see ``analysis.events.merge``)."""
    usable = documents[documents["status"].astype(str).map(usable_status).astype(bool)]
    numbers = pd.DataFrame(
        {
            "specificity": pd.to_numeric(usable["specificity"], errors="coerce").fillna(0.0),
            "repetition_share": pd.to_numeric(usable["repetition_share"], errors="coerce"),
            "boilerplate_share": pd.to_numeric(usable["boilerplate_share"], errors="coerce"),
        }
    ).fillna(0.0)
    flags: dict[str, list[str]] = {}
    known = known_flaws(sources)
    for document, found in zip(usable["document"], quality_flags(numbers), strict=True):
        labels = [f for f in found.split(", ") if f]
        for flaw in known.get(str(document), []):
            if evidence and (not flaw.weakens(evidence) or flaw.stage_cap):
                continue
            if flaw.label not in labels:
                labels.append(flaw.label)
        if labels:
            flags[str(document)] = labels
    return flags
