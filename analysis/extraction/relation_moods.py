"""Moods that take a whole clause out of the facts: a sentence opening with a condition
("If completed, the deal would make X ...") and the "that" clause of a negated finding
("The Court is not satisfied that X supplied ..."); and the near future that makes a
verb a plan ("va produire", "is going to assemble").

Pure functions of a parsed sentence, read by ``relation_modality``; the words are
``relations.yaml``'s grammar (``conditionals``, ``findings``, ``negations``,
``complementizers``, ``clause_breaks``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.figures_lexicon import near_future_auxiliaries
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import CLAUSE_BREAKS, RELATIVE, Cue

NEGATIONS = GRAMMAR["negations"]
#: Conjunctions that open the clause a modal, a denial or a negated finding governs.
THAT = GRAMMAR["complementizers"]
#: Negations that negate alone: not the French "ne" of a restriction ("n'est qu'un JAC
#: JS4 rebaptisé", "ne ... que" is "only").
FULL_NEGATIONS = frozenset(NEGATIONS) - {"n'", "n’", "ne"}
#: Words of a finding whose negation takes its "that" clause out of the facts.
FINDINGS = frozenset(GRAMMAR["findings"])
#: How far before a finding its negation may stand ("is not yet satisfied that").
NEGATED_THAT_REACH = 3
#: Words that open a sentence with a condition ("If completed, ...").
CONDITIONALS = frozenset(GRAMMAR["conditionals"])
#: How far after its cue a sentence without parsed boundaries is searched for a modal.
CONDITIONAL_REACH = 15


def _clause_break(doc: Doc, start: int, end: int) -> bool:
    """Does a clause break (";", ":", "but", "mais", ...) stand in ``doc[start:end]``?"""
    return any(t.lower_ in CLAUSE_BREAKS or t.text in (";", ":") for t in doc[start:end])


def conditional(doc: Doc, cue: Cue, start: int) -> bool:
    """Does the cue stand in a sentence that opens with a condition and speaks through an
    English modal ("If completed, the deal would make X the owner of a plant in Y", "If
    the board approves it, X will buy Y", "Should the deal close, X would ...")? Not past
    a clause break ("If approved, the deal would close in May; X already owns 20% of
    Y"), nor in a relative clause of its own after a comma ("..., which runs a plant in
    Y"), which states a fact. Only English: French "si" and Russian "если" also open a
    contrast of stated facts ("Si Renault est parti, Chery est resté", "Если раньше ...,
    то теперь ..."), and a modal's tag (``MD``) is the English parser's."""
    first = next((t for t in doc[start : cue.start] if not t.is_punct), None)
    if first is None or first.lower_ not in CONDITIONALS or _clause_break(doc, start, cue.start):
        return False
    relatives = [
        i
        for i in range(start + 1, cue.start)
        if doc[i].lower_ in RELATIVE and doc[i - 1].text == ","
    ]
    if relatives and not any(t.text == "," for t in doc[relatives[-1] + 1 : cue.start]):
        return False  # (the cue's own relative clause: "..., which runs a plant in Y")
    end = doc[cue.start].sent.end if doc.has_annotation("SENT_START") else len(doc)
    end = min(end, cue.end + CONDITIONAL_REACH)
    return any(t.tag_ == "MD" for t in doc[start:end])


def negated_that(doc: Doc, cue: Cue, start: int) -> bool:
    """Does the cue stand in the "that" clause of a negated finding ("The Court is not
    satisfied that X supplied ...", "il n'est pas établi que X ...", "did not confirm
    that")? Only a finding of ``findings``: other negated heads affirm or leave the
    clause stated ("It is not surprising that X bought Y", "Il n'est pas contesté que X
    détient 40 %"); nor a French restriction ("n'est qu'un JAC"), nor past a clause
    break."""
    for t in reversed(doc[start : cue.start]):
        if t.text in (".", ";", ":") or t.lower_ in CLAUSE_BREAKS:
            return False
        if t.lower_ not in THAT or t.i - 1 <= start:
            continue
        head = t.i - 1 if doc[t.i - 1].text != "," else t.i - 2
        if head > start and doc[head].lower_ in FINDINGS:
            before = doc[max(start, head - NEGATED_THAT_REACH) : head]
            return any(u.lower_ in FULL_NEGATIONS for u in before)
    return False


#: "va", "vont", "allait", "going", "будет" (``figures.yaml``'s ``near_future_aux``).
NEAR_FUTURE = near_future_auxiliaries()


def near_future(token) -> bool:
    """Is ``token`` the auxiliary of a near future, an infinitive right after it (or after
    one adverb): "Chery va produire", "qu'il allait bientôt produire", "X is going to
    assemble", "будет выпускать"? Lower-case only: a capitalised "Va" may open a name."""
    doc, i = token.doc, token.i
    if token.text not in NEAR_FUTURE:
        return False
    if token.text == "going":
        return i + 2 < len(doc) and doc[i + 1].lower_ == "to" and doc[i + 2].tag_ == "VB"
    return any(
        "Inf" in doc[k].morph.get("VerbForm") and doc[k].pos_ in ("VERB", "AUX")
        for k in range(i + 1, min(i + 3, len(doc)))
    )
