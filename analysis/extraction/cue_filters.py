"""Tests that set a matched cue aside: what its words say is not what a firm did.

Read by ``relations.CueMatcher.cues`` and ``relations_in_sentence``: a cue noun that
qualifies a descriptor's head ("the investment firm X"), a kit word an ownership cue
holds ("holds a licence from X"), outlets a production verb runs ("operates 14
showrooms in Y"), a purpose phrase after a purchase ("buys cathode
material for its plant at Y"), a share or firm bought from a seller ("bought the
remaining 30% from X"), and a supply read both ways.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from analysis.extraction.descriptor_lexicon import load_lexicon as load_descriptor_lexicon
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.hedges import REPORTING_VERBS
from analysis.extraction.relation_context import PLANT_NOUNS, PRODUCTS
from analysis.extraction.relation_places import OBJECT_REACH, PREMISES

#: Kinds of descriptor head a cue noun may qualify ("investment firm", "société
#: d'investissement"): then it says what the firm is, not what it did.
_FIRM_KINDS = frozenset({"company", "organisation", "government body", "person"})


def describes_a_firm(doc: Doc, start: int, end: int) -> bool:
    """Does the cue ``doc[start:end]`` qualify a descriptor's head noun: before it in
    English ("the Almaty investment firm", "kit assembler"), after it and "de" in French
    ("la société d'investissement", "l'assembleur de kits")? Not a verb's cue."""
    if doc[start].pos_ != "NOUN" or doc[end - 1].pos_ != "NOUN":
        return False  # (a verb's cue, or one ending with its preposition: "marque du")
    heads = load_descriptor_lexicon().heads
    if end < len(doc) and heads.get((doc[end].lower_,), ("",))[0] in _FIRM_KINDS:
        return doc[end].pos_ == "NOUN"
    if start >= 2 and doc[start - 1].lower_ in GRAMMAR["of_complement"] - {"of"}:
        return heads.get((doc[start - 2].lower_,), ("",))[0] in _FIRM_KINDS
    return False


#: Prepositions of purpose ("for its plant", "pour son usine").
PURPOSE = GRAMMAR["purpose"]


def purpose_of(doc: Doc, start: int, end: int) -> int | None:
    """The index of a purpose preposition after ``start`` whose object, within four
    words, is a plant noun ("for its cell plant at Y"), if any."""
    for i in range(start, end):
        if doc[i].lower_ in PURPOSE and any(
            t.lower_ in PLANT_NOUNS for t in doc[i + 1 : min(end, i + 5)]
        ):
            return i
    return None


def holds_licence(doc: Doc, end: int) -> bool:
    """A kit word (licence, platform) is what an ownership cue holds ("holds a licence
    from X", "détient une licence"): it is no stake."""
    words = [t for t in doc[end : end + 3] if t.pos_ != "DET" and t.lower_ not in ("a", "an")]
    return bool(words) and words[0].lower_ in GRAMMAR["kit_words"]


#: Premises that make nothing (showrooms, dealerships, offices).
OUTLETS = frozenset(GRAMMAR["outlets"])


def runs_outlets(doc: Doc, end: int) -> bool:
    """Is the object of a production verb premises that make nothing ("operates 14
    showrooms in Samara", "runs a dealership", "exploite trois concessions", "operates
    19 car dealerships": the nouns of one compound)?"""
    nouns = False
    for t in doc[end : end + OBJECT_REACH]:
        if t.pos_ in ("NOUN", "PROPN"):
            if t.lower_ in OUTLETS:
                return True
            nouns = True
        elif nouns or (t.pos_ not in ("DET", "NUM", "ADJ") and not t.like_num):
            return False
    return False


def object_says_otherwise(doc: Doc, relation: str, end: int) -> bool:
    """Does what the cue ending at ``end`` takes say it is another thing: a licence an
    ownership cue holds, or outlets a production verb runs?"""
    if relation == "ownership":
        return holds_licence(doc, end)
    return relation == "production" and runs_outlets(doc, end)


def counted_goods(doc: Doc, m) -> bool:
    """Does the name ``m`` qualify goods counted right before it ("the 60 Tulpar buses",
    "45 Minsk e-buses", "40 autobus Tulpar")? Then goods are bought, not a firm or a town."""

    def goods(i: int) -> bool:
        # the whole word, hyphens and all ("e-buses": "e", "-", "buses")
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text != ".":
            j += 1
        return 0 <= i < len(doc) and doc[i : j + 1].text.lower() in PRODUCTS

    if m.start >= 1 and doc[m.start - 1].like_num:
        return goods(m.end)
    return m.start >= 2 and goods(m.start - 1) and doc[m.start - 2].like_num


def bought_before(doc: Doc, cue: int) -> bool:
    """Is what the purchase verb at ``cue`` bought a plant, a stake or a business named
    before it, in a relative clause ("a plant it bought from X", "the stake that Y
    bought from X")? The actor after "from" sold it, and supplies nothing."""
    words = [t for t in doc[max(0, cue - 4) : cue] if t.pos_ != "AUX"]
    if len(words) < 2 or words[-1].pos_ != "PRON":
        return False
    relative = words[-2].lower_ in GRAMMAR["bought_relatives"]
    noun = words[max(0, len(words) - 3)] if relative else words[-2]
    return noun.lower_ in GRAMMAR["assets"] | PREMISES


def gapped_subject(doc: Doc, cue, m) -> bool:
    """Is ``m`` the subject of a second clause whose verb is left out, after the cue's
    goods ("X supplies the motors and Y the packs", "X fournit les moteurs et Y les
    batteries")? It supplies its own goods and receives nothing."""
    if m.start - 1 <= cue.end or doc[m.start - 1].lower_ not in GRAMMAR["coordinators"]:
        return False
    between = doc[cue.end : m.start - 1]
    if any(t.pos_ == "PROPN" for t in between) or not any(t.pos_ == "NOUN" for t in between):
        return False  # ("supplies Avtotor and Kamaz": two recipients)
    return m.end < len(doc) and doc[m.end].pos_ == "DET"


#: Words that open a reported clause ("that", "que", "что").
THAT = frozenset(w.lower() for w in GRAMMAR["complementizers"])


def reporter(doc: Doc, cue, m) -> bool:
    """Is ``m`` who reports the clause the cue stands in ("X сообщал, что ...", "X said
    that ...", "X a indiqué que ...")? Only a reporting verb, with auxiliaries, adverbs
    and a comma, stands between it and the clause's "that"; it is no party to what it
    reports."""
    if m.end > cue.start:
        return False
    that = next((k for k in range(m.end, cue.start) if doc[k].lower_ in THAT), None)
    if that is None:
        return False
    words = [t for t in doc[m.end : that] if not t.is_punct and t.pos_ not in ("ADV", "AUX")]
    # (but "X a confirmé que sa filiale Y produit ...": a possessive in the clause may
    # be the reporter's own)
    own = any(t.lower_ in GRAMMAR["possessives"] for t in doc[that + 1 : cue.end])
    return len(words) == 1 and words[0].lower_ in REPORTING_VERBS and not own


def traders(doc: Doc, cue, here: list) -> list:
    """The mentions of ``here`` that may trade under a supply or purchase cue: not goods
    a name qualifies, nor a second supplier whose verb is left out."""
    return [m for m in here if not counted_goods(doc, m) and not gapped_subject(doc, cue, m)]


def stake_or_firm(doc: Doc, start: int, seller: int, parts: list) -> bool:
    """Is what is bought, ``doc[start:seller]``, a share ("the remaining 30%", "26 %") or
    a named firm ("bought X outright from its founder"; not goods a name qualifies: "the
    60 Tulpar buses")? Then the actor after "from" sold it; it supplies nothing (the
    nouns of a share are ``assets``)."""
    if any(t.text == "%" for t in doc[start:seller]):
        return True
    return any(start <= m.start and m.end <= seller and not counted_goods(doc, m) for m in parts)


#: A reading of a sentence as ``relations`` collects them: (source, target, cue, rule),
#: the cue with ``relation``, ``start`` and ``end``.
Reading = tuple


def one_way(found: list[Reading], parts: Iterable) -> list[Reading]:
    """``found`` minus the supplies read the wrong way. A sentence states a supply
    between two actors one way; when two cues read it both ways ("using a platform ...
    supplied by X", "un contrat de licence et de fourniture de kits avec X", "makes axles
    ... and supplies KAMAZ"), the cue nearest before the later-named actor is the one
    that governs it, and the other reading goes. Equally near cues leave both."""
    first: dict[str, int] = {}
    for m in sorted(parts, key=lambda m: m.start):
        first.setdefault(m.entity, m.start)

    def gap(f: Reading) -> int:
        later = max(first.get(f[0], 0), first.get(f[1], 0))
        return later - f[2].end if later >= f[2].end else len(first) + 10**6

    nearest: dict[tuple[str, str], int] = {}
    for f in found:
        if f[2].relation == "supply":
            nearest[f[0], f[1]] = min(gap(f), nearest.get((f[0], f[1]), 10**9))
    return [
        f
        for f in found
        if f[2].relation != "supply" or nearest.get((f[1], f[0]), 10**9) >= nearest[f[0], f[1]]
    ]


__all__ = [
    "PURPOSE",
    "describes_a_firm",
    "holds_licence",
    "object_says_otherwise",
    "one_way",
    "purpose_of",
    "reporter",
    "runs_outlets",
    "stake_or_firm",
]
