"""Moods that take a whole clause out of the facts: a sentence opening with a condition
("If completed, the deal would make X ...") and the "that" clause of a negated finding
("The Court is not satisfied that X supplied ...").

Pure functions of a parsed sentence, read by ``relation_modality``; the words are
``relations.yaml``'s grammar (``conditionals``, ``negations``, ``disputes``,
``complementizers``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import RELATIVE, Cue

NEGATIONS = GRAMMAR["negations"]
THAT = GRAMMAR["complementizers"]

#: How far before the verb of a "that" clause its negation may stand ("is not yet
#: satisfied that").
NEGATED_THAT_REACH = 3
#: Negations that negate alone: not the French "ne" of a restriction ("n'est qu'un JAC
#: JS4 rebaptisé", "ne ... que" is "only").
FULL_NEGATIONS = frozenset(NEGATIONS) - {"n'", "n’", "ne"}
#: Verbs and nouns whose negation affirms their "that" clause.
DISPUTES = frozenset(GRAMMAR["disputes"])
#: Words that open a sentence with a condition ("If completed, ...").
CONDITIONALS = frozenset(GRAMMAR["conditionals"])
#: How far after its cue a sentence without parsed boundaries is searched for a modal.
CONDITIONAL_REACH = 15


def conditional(doc: Doc, cue: Cue, start: int) -> bool:
    """Does the cue stand in a sentence that opens with a condition and speaks through an
    English modal ("If completed, the deal would make X the owner of a plant in Y", "If
    the board approves it, X will buy Y", "Should the deal close, X would ...")? Not in
    a relative clause after a comma, which states a fact of its own. Only
    English: French "si" and Russian "если" also open a contrast of stated facts ("Si
    Renault est parti, Chery est resté", "Если раньше ..., то теперь ..."), and a modal's
    tag (``MD``) is the English parser's."""
    first = next((t for t in doc[start : cue.start] if not t.is_punct), None)
    if first is None or first.lower_ not in CONDITIONALS:
        return False
    # (not into a relative clause: "..., which runs a plant in Y" is stated)
    if any(
        doc[i].lower_ in RELATIVE and doc[i - 1].text == "," for i in range(start + 1, cue.start)
    ):
        return False
    end = doc[cue.start].sent.end if doc.has_annotation("SENT_START") else len(doc)
    end = min(end, cue.end + CONDITIONAL_REACH)
    return any(t.tag_ == "MD" for t in doc[start:end])


def negated_that(doc: Doc, cue: Cue, start: int) -> bool:
    """Does the cue stand in the "that" clause of a negated verb or adjective ("The Court
    is not satisfied that X supplied ...", "il n'est pas établi que X ...")? Not a
    relative "that" after a noun ("not the only firm that supplies Y"), not a French
    restriction ("n'est qu'un JAC"), and not a dispute or doubt denied ("Il n'est pas
    contesté que X détient 40 %", "There is no doubt that"), which affirms."""
    for t in reversed(doc[start : cue.start]):
        if t.text in (".", ";", ":"):
            return False
        if t.lower_ not in THAT or t.i - 1 <= start:
            continue
        head = t.i - 1 if doc[t.i - 1].text != "," else t.i - 2
        if head <= start or doc[head].pos_ not in ("VERB", "ADJ", "AUX", "NOUN"):
            continue
        if doc[head].lower_ in DISPUTES:
            return False  # "Il n'est pas contesté que X détient ...": affirmed
        before = doc[max(start, head - NEGATED_THAT_REACH) : head]
        if doc[head].pos_ != "NOUN" and any(u.lower_ in FULL_NEGATIONS for u in before):
            return True
    return False
