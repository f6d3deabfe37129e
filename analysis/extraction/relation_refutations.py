"""Statements a document takes back in its next sentence.

Corrections, hearings and replies refute a claim right after stating it: "Last week's
roundup said that X held a stake in Y. It does not.", "nous écrivions que X livrait Y.
C'est inexact.", "В посте мы написали, что X купило Y. Это не так: ...". The claim's
sentence has no negation of its own, so the rules read it as stated. A sentence that
opens with a refutation (the grammar's ``refutations``: "That is wrong", "C'est faux",
"Это не так", followed by a stop, a colon, a dash or the sentence's end) sets aside the rows of
the sentence before it in its document; its own rows (the corrected facts, "Это не так:
у Y — 49 процентов") stand. So do the refuted sentence's production rows: a plant's
place is what the claim presupposes, not what it is about ("nous avons écrit que l'usine
QTA de Kostanaï appartenait au groupe Allur. C'est inexact." takes back the owner, not
the plant at Kostanay; a misplaced plant is corrected in other words, "an earlier
version said ...", which ``relation_modality`` reads).

On the 117 annotated folders, such a pair of sentences occurs 14 times, in corrections,
hearings, replies and newsletters; a partial correction ("Not quite:") is no refutation.

Reads
    the settled sentence rows, in reading order (``sentence_id``, ``document``,
    ``text``), and rule rows (``sentence_id``).
Writes
    nothing: :func:`split_refuted` returns the rows kept and the rows set aside.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise

from analysis.extraction.grammar import GRAMMAR

#: The reason a row set aside this way carries in ``relations_set_aside.csv``.
REFUTED = "refuted by the next sentence"
#: Relations a refuted sentence presupposes rather than claims.
PRESUPPOSED = frozenset({"production"})
#: Lower-case opening phrases that take back the sentence before.
REFUTATIONS = tuple(sorted((p.lower() for p in GRAMMAR["refutations"]), key=len, reverse=True))
#: What may follow a refutation phrase: a stop, a colon, a dash (or nothing); not a
#: comma ("It does not, however, disclose the price" goes on with a fact of its own).
_AFTER = frozenset(".;:!—–-)")
#: What may open a sentence before its words (quotes, markup, a dash).
_OPENING = " \t\"'«»“”‘’*_-—–(["


def refutes(text: str) -> bool:
    """Whether a sentence of ``text`` opens by taking back the sentence before it."""
    words = text.lstrip(_OPENING).replace("’", "'").lower()
    for phrase in REFUTATIONS:
        if words.startswith(phrase):
            rest = words[len(phrase) :].lstrip()
            return not rest or rest[0] in _AFTER
    return False


def refuted_sentences(sentences: Iterable[Mapping]) -> set[str]:
    """The ids of the sentences whose next sentence in their document refutes them
    (``sentences`` in reading order)."""
    by_document: dict[str, list[Mapping]] = {}
    for s in sentences:
        by_document.setdefault(s["document"], []).append(s)
    out: set[str] = set()
    for rows in by_document.values():
        out |= {a["sentence_id"] for a, b in pairwise(rows) if refutes(str(b["text"]))}
    return out


def split_refuted(
    relations: Iterable[Mapping], sentences: Iterable[Mapping]
) -> tuple[list[dict], list[dict]]:
    """(kept, set aside): every row of a refuted sentence (``refuted_sentences``) but a
    production is set aside with ``reason`` :data:`REFUTED`; every other row is kept, in
    the given order."""
    refuted = refuted_sentences(sentences)
    kept, set_aside = [], []
    for row in relations:
        if row["sentence_id"] in refuted and row["relation"] not in PRESUPPOSED:
            set_aside.append({**row, "reason": REFUTED})
        else:
            kept.append(dict(row))
    return kept, set_aside
