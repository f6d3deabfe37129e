"""Relations the folder denies in another sentence.

A rumour, a report or an earlier version states a relation in words of its own, and
another sentence, often of another document, takes it back: "Shandong Tianheng
Automobile has not bought Iset Motors Group", "Aimantec ne détient aucune participation
dans SRE", "There is no agreement between CATL and Iset Motors Group". The statement has
no negation of its own ("Tianheng bought Iset Motors Group in May, a Telegram channel
wrote"), so the rules read it as stated. The denial is read by the rules too, the same
way, from the cues a negation or a denial governs
(``relations.relations_in_sentence(..., denied=True)``),
and a row of the rules or of the model whose two actors a denial of the same relation
names in another sentence of the folder is set aside, with the reason ``DENIED``.

A denied holding takes back the purchase that would have given it ("Tianheng doesn't
own a single share in Iset"). A denial in the row's own sentence does not set it aside:
"X does not supply Y directly; it supplies Y through Z" states what it denies in part.

Reads
    the settled relation rows and denial rows (``source``, ``target``, ``relation``,
    ``sentence_id``), with the actors' settled names.
Writes
    nothing: :func:`split_denied` returns the rows kept and the rows set aside.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: The reason a row set aside this way carries in ``relations_set_aside.csv``.
DENIED = "denied in another sentence"
#: The relations a denial of each type takes back (itself, if not listed).
TAKES_BACK = {"ownership": ("ownership", "acquisition")}


def _pair(row: Mapping) -> frozenset:
    return frozenset((row["source"], row["target"]))


def denied_relations(denials: Iterable[Mapping]) -> dict[tuple[frozenset, str], set[str]]:
    """The sentences denying each (unordered pair of actors, relation)."""
    out: dict[tuple[frozenset, str], set[str]] = {}
    for d in denials:
        for relation in TAKES_BACK.get(d["relation"], (d["relation"],)):
            out.setdefault((_pair(d), relation), set()).add(d["sentence_id"])
    return out


def split_denied(
    relations: Iterable[Mapping], denials: Iterable[Mapping]
) -> tuple[list[dict], list[dict]]:
    """``relations`` split into the rows kept and those a denial in another sentence
    takes back (with ``reason`` set to ``DENIED``)."""
    denied = denied_relations(denials)
    kept, set_aside = [], []
    for row in relations:
        where = denied.get((_pair(row), row["relation"]), set())
        if where - {row["sentence_id"]}:
            set_aside.append({**row, "reason": DENIED})
        else:
            kept.append(dict(row))
    return kept, set_aside
