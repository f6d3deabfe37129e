"""Clause-level readings of a cue: negation ("no plans to invest"), "dont"/"whose"/"in
which" clauses that name an owner, and appositions that name a joint venture (see
``relations`` for the method)."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, KnowledgeBase, Mention
from analysis.extraction.relation_context import (
    GRAMMAR,
    PREPOSITIONS,
    RELATIVE,
    UNKNOWN,
    Cue,
    _is_place,
)
from analysis.extraction.relation_rules import _passive_owners

JV_WORDS = GRAMMAR["joint_venture"]
NEGATIONS = GRAMMAR["negations"]


def _negated(doc: Doc, cue: Cue, start: int) -> bool:
    """A negation within 3 words before the cue, in the same stretch of text ("no plans
    to invest", "avoided direct investment", "n'a pas investi")."""
    for t in reversed(doc[max(start, cue.start - 3) : cue.start]):
        if t.is_punct:
            return False
        if t.lower_ in NEGATIONS:
            return True
    return False


#: Relative pronouns whose clause states who owns the antecedent ("X, dont Y détient").
OWNER_RELATIVE = frozenset(["dont", "whose"])
#: Object relatives whose inverted subject may own the antecedent ("que détient Y").
OBJECT_RELATIVE = frozenset(["que", "qu'"])


def _owner_clause(doc: Doc, clause: tuple[int, int], cue: Cue) -> int | None:
    """The pronoun opening a "dont"/"whose"/"in which" clause (or such a clause inside
    an apposition: "X, a joint venture in which Y holds a stake") that holds the
    ownership or investment cue ``cue`` after it; ``None`` if there is none. "dont la
    marque" is a cue of its own."""
    if cue.relation not in ("ownership", "investment"):
        return None
    for i in range(clause[0] + 1, cue.start):
        word = doc[i].lower_
        if word in OWNER_RELATIVE or (word in PREPOSITIONS and doc[i + 1].lower_ in RELATIVE):
            return i
        # "X, que détiennent à 50 % Y et Z": an object relative, its subject after the verb.
        if word in OBJECT_RELATIVE and cue.start == i + 1:
            return i
    return None


def _names_joint_venture(doc: Doc, clause: tuple[int, int], cue: Cue) -> bool:
    """Does the apposition ``clause`` open with a joint-venture cue ("X, a joint venture
    ...", "X, la coentreprise ...")?"""
    words = {w.lower() for w in cue.text.split()}
    return cue.relation == "partnership" and cue.start - clause[0] <= 3 and bool(words & JV_WORDS)


def _whose(
    doc: Doc, here: list[Mention], pronoun: int, cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    """(owner, antecedent) of a "dont"/"whose"/"in which" clause holding an ownership cue."""
    firms = [m for m in here if m.entity != UNKNOWN and not _is_place(m, kb)]
    antecedent = [m for m in firms if m.end <= pronoun][-1:]
    owners = [m for m in firms if pronoun < m.start and m.end <= cue.start]
    owners = [m for m in owners if m.kind != ADJECTIVE]
    if not owners and doc[pronoun].lower_ in OBJECT_RELATIVE:
        # The inverted subjects: "que détiennent à 50 % BelAZ et à 32,5 % Geely".
        after = [m for m in firms if m.start >= cue.end and m.kind != ADJECTIVE]
        owners = _passive_owners(doc, after) if after else []
        if not antecedent:
            return []
        owned = antecedent[0].entity
        return [(m.entity, owned) for m in owners if m.entity != owned]
    if not antecedent or not owners:
        return []
    return [(owners[0].entity, antecedent[0].entity)]
