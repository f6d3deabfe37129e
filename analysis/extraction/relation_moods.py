"""Moods that take a whole clause out of the facts: a sentence opening with a condition
("If completed, the deal would make X ...") and the "that" clause of a negated finding
("The Court is not satisfied that X supplied ..."); the near future that makes a verb a
plan ("va produire", "is going to assemble"); negations before a cue ("has not bought")
or around it ("ne détient aucune"), and talks said to have concluded nothing ("sans
avoir rien signé").

Pure functions of a parsed sentence, read by ``relation_modality``; the words are
``relations.yaml``'s grammar (``conditionals``, ``findings``, ``negations``,
``weak_negations``, ``negative_particles``, ``unconcluded``, ``complementizers``,
``clause_breaks``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.figures_lexicon import near_future_auxiliaries
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import CLAUSE_BREAKS, RELATIVE, Cue

NEGATIONS = frozenset(GRAMMAR["negations"])
#: The negations that deny (``relation_modality.denies``).
STRONG_NEGATIONS = NEGATIONS - frozenset(GRAMMAR["weak_negations"])
#: The words of a French negation after its verb ("ne détient aucune", "ne livre plus").
NEGATIVE_PARTICLES = frozenset(GRAMMAR["negative_particles"])
#: How far before a cue the "ne" of a split negation may stand ("ne lui en livre pas").
NE_REACH = 3
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


#: Words of a noun phrase that do not count toward ``negation_before``'s three words ("does not
#: run a single factory"), and how far back the window may then reach.
_PHRASE_POS = frozenset({"DET", "ADJ", "NUM"})
NEGATION_REACH = 6


def negation_before(doc: Doc, cue: Cue, start: int, words: frozenset[str] = NEGATIONS) -> bool:
    """A negation (of ``words``) within 3 words before the cue, determiners, adjectives
    and numbers aside, in the same stretch of text ("no plans to invest", "n'a pas
    investi", "does not run a single factory")."""
    counted = 0
    for t in reversed(doc[max(start, cue.start - NEGATION_REACH) : cue.start]):
        if t.is_punct or counted == 3:
            return False
        if t.lower_ in words:
            return True
        counted += t.pos_ not in _PHRASE_POS
    return False


def split_negation(doc: Doc, cue: Cue, start: int) -> bool:
    """A French negation around the cue: "ne" or "n'" among the words before it and a
    negative particle right after it ("X ne détient aucune participation dans Y", "ne
    livre plus"); "ne ... que" restricts and is no negation ("ne détient que 10 %")."""
    before = doc[max(start, cue.start - NE_REACH) : cue.start]
    return (
        cue.end < len(doc)
        and doc[cue.end].lower_ in NEGATIVE_PARTICLES
        and any(t.lower_ in ("ne", "n'", "n’") for t in before)
    )


#: Phrases saying nothing was concluded, as lower-case word strings.
UNCONCLUDED = tuple(p.lower() for p in GRAMMAR["unconcluded"])


def unconcluded(doc: Doc, cue: Cue) -> bool:
    """A phrase of ``unconcluded`` after the cue, in its sentence ("discute avec X sans
    avoir rien signé", "négocie avec X ; rien n'est signé")."""
    end = doc[cue.start].sent.end
    words = [t.lower_.replace("’", "'") for t in doc[cue.end : end]]
    text = " " + " ".join(words).replace("' ", "'") + " "
    return any(f" {phrase} " in text for phrase in UNCONCLUDED)


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
