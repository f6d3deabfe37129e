"""Which plant a production cue's plant noun names, and whose.

A plant noun ("plant", "usine", "завод") is where a firm produces, unless the sentence
says it is where goods go ("supplies seats to the plant of X"; "for X's car plant in Y"),
where they come from ("kits shipped from Lanxing's plant"), or that it changed hands
("the sale of its precursor plant", "l'usine de X, rachetée par Z"). Pure functions of a
parsed sentence, read by ``relation_production``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, KnowledgeBase, Mention
from analysis.extraction.cue_filters import PURPOSE
from analysis.extraction.grammar import one_word_cues
from analysis.extraction.relation_context import (
    BOUGHT,
    FORMER,
    GRAMMAR,
    PLANT_NOUNS,
    PLANT_OF,
    SALE,
    TO,
    UNKNOWN,
    Cue,
    _is_place,
    sold_before,
)
from analysis.extraction.relation_rules import POSSESSIVES

#: Russian prepositions of direction before a plant noun in the accusative ("на завод").
_INTO = frozenset({"на", "в"})


def plant_origin(doc: Doc, cue: Cue) -> bool:
    """Is the plant noun where goods come from ("from its plant", "from Lanxing's plant",
    "с завода")? Articles, possessives and a possessor's name are skipped."""
    for i in range(cue.start - 1, max(cue.start - ORIGIN_REACH, 0) - 1, -1):
        if doc[i].lower_ in ORIGINS:
            return True
        if not (
            doc[i].pos_ in ("DET", "PRON", "PROPN", "ADJ", "PART") or doc[i].text in ("'s", "’s")
        ):
            return False
    return False


#: Prepositions of where goods come from, and how far before the plant noun.
ORIGINS = GRAMMAR["origin"]
ORIGIN_REACH = 5


def plant_destination(doc: Doc, cue: Cue) -> bool:
    """Is the plant noun where goods go ("to the plant", "à l'usine", "на завод" in the
    accusative), or what they are made for when another firm's ("for X's car plant",
    "pour l'usine de X")? Articles, and two lower-case words that qualify the noun, are
    skipped ("to a ferroalloy plant in Y")."""
    i, qualifiers = cue.start - 1, 0
    while i > 0 and (
        doc[i].pos_ == "DET"
        or (qualifiers < 2 and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].is_lower)
    ):
        qualifiers += doc[i].pos_ != "DET"
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in TO or (
        doc[i].lower_ in _INTO and "Acc" in doc[cue.start].morph.get("Case")
    ):
        return True
    # (not "for its plant", "pour son usine": the subject's own)
    owned = any(t.lower_ in POSSESSIVES for t in doc[i + 1 : cue.start])
    possessor = i > 1 and doc[i].text in ("'s", "’s") and doc[i - 1].text[:1].isupper()
    if possessor:  # "for Xingtan's anode plant": back past the possessor's name
        i -= 1
        while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ == "PROPN":
            i -= 1
        i -= 1
    named_after = cue.end + 1 < len(doc) and doc[cue.end].lower_ in PLANT_OF
    return (
        i >= 0
        and doc[i].lower_ in PURPOSE
        and not owned
        and (possessor or (named_after and doc[cue.end + 1].text[:1].isupper()))
    )


#: How far before a place another firm's plant noun may stand ("for X's anode plant at Y").
OWNED_PLANT_REACH = 6


def another_firms_plant(
    doc: Doc, place: Mention, cue: Cue, parts: list[Mention], kb: KnowledgeBase
) -> bool:
    """Is ``place`` the site of a plant noun after the cue that another firm owns ("makes
    cells at Tula for X's car plant in Y", "pour l'usine de X à Y"): X's site, not the
    cue's producer's?"""
    start = max(cue.end, place.start - OWNED_PLANT_REACH)
    for p in range(place.start - 1, start - 1, -1):
        # ("at Renault's former plant in Moscow": a former owner's is anyone's)
        if doc[p].lower_ not in PLANT_NOUNS or doc[p - 1].lower_ in FORMER:
            continue
        for f in parts:
            if f.entity == UNKNOWN or _is_place(f, kb) or f.kind == ADJECTIVE:
                continue
            before = (
                cue.end <= f.start
                and f.end < p
                and plant_possessor(doc, f, Cue("", p, p + 1, "", False))
            )
            after = f.start > p and f.start - p <= 2 and doc[p + 1].lower_ in PLANT_OF
            if before or (after and f.end <= place.start):
                return True
    return False


def plant_possessor(doc: Doc, m: Mention, cue: Cue) -> bool:
    """Does ``m`` stand right before the cue, or as a possessive before its noun phrase
    ("X plant", "X's plant", "X's spherical-graphite plant")?"""
    gap = doc[m.end : cue.start]
    if len(gap) <= 2:
        return True
    return (
        len(gap) <= 6
        and gap[0].text in ("'s", "’s")
        and all(t.text == "-" or (t.is_alpha and t.text.islower()) for t in gap[1:])
    )


def sold_plant(doc: Doc, cue: Cue) -> bool:
    """The plant noun ``cue`` is what a sale word right before it sells ("the sale of its
    precursor plant", "a vendu son usine", not "sells cathode from its plant")."""
    return sold_before(doc, cue.start, 0, 4, PLANT_OF)


#: Words before a plant noun that an investment goes "in" ("invested $35m in the X plant").
_INVESTED_IN = frozenset(GRAMMAR["invested_in"])
INVESTING = one_word_cues("investment")


def invested_plant(doc: Doc, cue: Cue) -> bool:
    """The plant noun ``cue`` is what an investment verb before it puts money in ("has
    invested $35 million in the Ust-Kamenogorsk concentrator"): the investor does not
    run it by that."""
    i = cue.start - 1
    while i >= max(cue.start - 5, 0) and (
        doc[i].pos_ in ("DET", "PROPN", "ADJ", "PRON") or doc[i].text in ("-", "'s", "’s")
    ):
        i -= 1
    if i < 0 or doc[i].lower_ not in _INVESTED_IN:
        return False
    if any(t.lower_ in POSSESSIVES for t in doc[i + 1 : cue.start]):
        return False  # "invested $35m in its concentrator at Y": its own, which it runs
    return any(t.lower_ in INVESTING for t in doc[max(i - 6, 0) : i])


def former_plant_owner(doc: Doc, firm: Mention, cue: Cue) -> bool:
    """``firm`` names a plant that a sale or purchase between it and the cue gave to
    another ("L'usine de X à Tver, rachetée par Z, assemble ...": X assembles nothing)."""
    return (
        firm.start >= 2
        and doc[firm.start - 1].lower_ in PLANT_OF
        and doc[firm.start - 2].lower_ in PLANT_NOUNS
        and any(t.lower_ in SALE | BOUGHT for t in doc[firm.end : cue.start])
    )


def plant_object(doc: Doc, cue: Cue) -> bool:
    """A plant noun is the cue verb's object, a proper name in it ("operates the Borlyk
    graphite mine", "runs its Tula plant"; not "assembles cars at its plant")."""
    if doc[cue.start].pos_ not in ("VERB", "AUX"):
        return False
    for t in doc[cue.end : cue.end + 5]:
        if t.lower_ in PLANT_NOUNS:
            between = doc[cue.end : t.i]
            return any(u.pos_ == "PROPN" or u.text[:1].isupper() for u in between) and all(
                u.pos_ in ("DET", "ADJ", "NUM", "NOUN", "PROPN", "ADV") for u in between
            )
        if t.pos_ in ("ADP", "PUNCT", "VERB", "AUX"):
            return False
    return False


def plant_named_owner(
    doc: Doc, cue: Cue, agents: list[Mention], firms: list[Mention], site: int
) -> Mention | None:
    """The firm a plant noun names as its own, which runs it rather than the sentence's
    subject: its complement before the site ("Les cellules de X viennent de l'usine de Y à
    Z", "the plant of Y in Z"; not in a sentence of a sale or purchase, whose plant
    changes hands), or the firm right before a bracket the plant noun opens ("A (usine de
    X) et B (usine de Y)")."""
    if cue.start > 0 and doc[cue.start - 1].text == "(":
        before = next((m for m in firms if m.end == cue.start - 1), None)
        if before is not None:
            return before
    named = [m for m in agents if m.start < site]
    opening = doc[cue.start].sent.start
    if named and not any(t.lower_ in SALE | BOUGHT for t in doc[opening : cue.start]):
        return named[0]
    return None


#: How many words a role noun's apposition may hold before it ("a vehicle assembler").
APPOSITION_REACH = 5


def apposition_head(
    doc: Doc, cue: Cue, mentions: list[Mention], kb: KnowledgeBase
) -> Mention | None:
    """The firm a production noun's apposition is set off from ("Y (Tarvel), a vehicle
    assembler in Z", "Y, un spécialiste de l'assemblage de camions à Z"): the name right
    before the comma that opens it, a bracketed short form aside. It, not the clause's
    subject, makes things there."""
    if doc[cue.start].pos_ != "NOUN":
        return None
    i = cue.start - 1
    while i >= 0 and cue.start - i <= APPOSITION_REACH and doc[i].text != ",":
        if not (doc[i].is_lower or doc[i].pos_ in ("DET", "ADJ")):
            return None
        i -= 1
    # (an apposition opens with its article: ", a vehicle assembler"; not a verb the
    # tagger takes for a noun after a closing comma or a relative: ", which mines at Z")
    if i < 1 or doc[i].text != "," or doc[i + 1].lower_ not in GRAMMAR["apposition"]:
        return None
    end = i
    if doc[end - 1].text == ")":  # "Azov Motors LLC (Azov Motors),"
        end = next((t.i for t in reversed(doc[: end - 1]) if t.text == "("), end)
    return next(
        (m for m in mentions if m.end == end and m.entity != UNKNOWN and not _is_place(m, kb)),
        None,
    )
