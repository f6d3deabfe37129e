"""One claim per figure a seed states, however often it states it; scope notes beside it.

A seed that writes "la moitié" in its headline and "jusqu'à 50%" in its body makes one
claim, not two of opposite kinds: :func:`merge_repeats` keeps one row per (seed,
subject, value, unit, year), with the most cautious kind, the bound, every hedge and
attribution, and every sentence. :func:`scope_notes` puts the provenance sidecar's scope
flaw ("scope: the 50% concerns Renault's French sites") beside the claims it is about.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.events import known_flaws, sentence_order

#: A merged claim takes the most cautious kind of its sentences, in this order.
CAUTION = ("fact", "target", "forecast")
#: The flaw code whose detail is a claim's scope (``analysis/data/seed_flaws.yaml``).
SCOPE_CODE = "scope"

_KEY = ["document", "subject", "value", "unit", "year"]


def merge_repeats(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (document, subject, value, unit, year), in the order of first statement.

    ``sentence_ids`` lists the sentences that state it (``; ``), ``sentences`` counts
    them; ``text`` and ``phrase`` join the ways it is written (`` / ``); the kind is the
    most cautious of :data:`CAUTION`; the bound is the first one stated; hedges and
    attributions are merged, each once.
    """
    if claims.empty:
        return claims.assign(sentence_ids=pd.Series(dtype=object), sentences=0)
    keys = [
        tuple("" if v is None or (isinstance(v, float) and v != v) else v for v in row)
        for row in claims[_KEY].itertuples(index=False)
    ]
    groups: dict[tuple, list[int]] = {}
    for index, key in enumerate(keys):
        groups.setdefault(key, []).append(index)
    # Plain records, not a pandas row per group: on 10,000 seeds, row-wise pandas
    # assignment here was most of three chapters' time.
    records = claims.to_dict("records")
    rows, years = [], []
    for members in groups.values():
        part = [records[i] for i in members]
        first = dict(part[0])
        first["kind"] = max((p["kind"] for p in part), key=_caution)
        first["bound"] = next((p["bound"] for p in part if p["bound"]), "")
        first["hedges"] = list(dict.fromkeys(h for p in part for h in p["hedges"]))
        first["hedged"] = bool(any(p["hedged"] for p in part)) or bool(first["hedges"])
        first["attribution"] = "; ".join(
            dict.fromkeys(p["attribution"] for p in part if p["attribution"])
        )
        first["text"] = " / ".join(dict.fromkeys(p["text"] for p in part if p["text"]))
        first["phrase"] = " / ".join(dict.fromkeys(p["phrase"] for p in part if p["phrase"]))
        ids = sorted(dict.fromkeys(p["sentence_id"] for p in part), key=sentence_order)
        first["sentence_ids"] = "; ".join(ids)
        first["sentences"] = len(ids)
        rows.append(first)
        years.append(part[0]["year"])
    merged = pd.DataFrame(rows).reset_index(drop=True)
    merged["year"] = pd.Series(years, dtype=object)  # None stays None, not NaN
    return merged


def _caution(kind: str) -> int:
    return CAUTION.index(kind) if kind in CAUTION else -1


def scope_notes(claims: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """For each claim, its seed's scope note ("" when none applies).

    A scope note that names a figure ("the 50% concerns ...") applies to the claims of
    that value only; one that names none applies to every claim of its seed.
    """
    flaws = known_flaws(sources)
    notes = []
    for document, value in zip(claims["document"], claims["value"], strict=True):
        scopes = [f.detail for f in flaws.get(str(document), []) if f.code == SCOPE_CODE]
        notes.append("; ".join(s for s in scopes if _about(s, value)))
    return notes


_NUMBER = re.compile(r"\d[\d,\u00a0\u202f]*(?:\.\d+)?")
_THOUSANDS = re.compile(r"[,\u00a0\u202f](?=\d{3}(?!\d))")


def _about(note: str, value: float) -> bool:
    """Whether a scope note is about this figure: it names no number, or names this one."""
    found = (_THOUSANDS.sub("", n).rstrip(",").replace(",", ".") for n in _NUMBER.findall(note))
    numbers = [float(n) for n in found]
    if not numbers:
        return True
    return any(abs(n - float(value)) <= 1e-9 * max(1.0, abs(float(value))) for n in numbers)
