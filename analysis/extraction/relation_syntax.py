"""Small syntactic tests the relation rules share: a purchase's seller, the end of a
phrase opening the sentence, a plant named by its owner or city, objects, reduced
participles and passive agents (see ``relations`` for the method)."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import KnowledgeBase, Mention
from analysis.extraction.relation_context import (
    AGENT,
    GRAMMAR,
    LOCATIVE,
    UNKNOWN,
    Cue,
    _is_place,
    _possessive,
)
from analysis.extraction.russian import QUOTES

#: Words that introduce a purchase's seller ("from X", "auprès de X", "à X").
SELLER_WORDS = GRAMMAR["from_seller"] | {"à", "au", "aux"}
LABEL_DASHES = GRAMMAR["label_dashes"]


def _seller(doc: Doc, m: Mention, cue: Cue, kb: KnowledgeBase) -> bool:
    """A firm after a purchase cue introduced by "from"/"auprès de", or by "à" in
    French ("racheter X à Y"; not "à Kalouga", a place), with at most two lower-case
    words between ("à l'australien X", "from the Australian miner X")."""
    if m.entity != UNKNOWN and _is_place(m, kb):
        return False
    for k in range(max(m.start - 3, cue.end), m.start):
        word = doc[k].lower_
        if word in SELLER_WORDS and all(
            t.is_lower and not t.is_punct and t.pos_ != "VERB" for t in doc[k + 1 : m.start]
        ):
            return True
    return False


def _former_holder(doc: Doc, m: Mention, kb: KnowledgeBase) -> bool:
    """``m`` is named as who held or ran what is bought: after a ``holding`` verb with
    only lower-case words, numbers and agents between ("que détenait X", "qu'exploitait
    jusqu'en 2022 l'équipementier X", "held by X", "had belonged to X"), or before one
    with at most two adverbs or auxiliaries ("that X once ran"). A place is where, not who
    ("que Lear possédait à Kovrov")."""
    if m.entity != UNKNOWN and _is_place(m, kb):
        return False
    sent = doc[m.start].sent
    for k in range(max(m.start - HOLDER_REACH, sent.start), m.start):
        if doc[k].lower_ in HOLDING and all(
            # (a capitalised adjective too: "held by the Belarusian holding X")
            (t.is_lower or t.like_num or t.pos_ == "ADJ" or t.text in ("'", "’")) and not t.is_punct
            for t in doc[k + 1 : m.start]
        ):
            return True
    after = doc[m.end : min(m.end + 3, sent.end)]
    for t in after:
        if t.lower_ in HOLDING:
            return True
        if t.pos_ not in ("ADV", "AUX"):
            return False
    return False


#: How far before a holder its verb may stand ("qu'exploitait jusqu'en 2022 l'équipementier
#: allemand X").
HOLDER_REACH = 8
HOLDING = GRAMMAR["holding"]


def _opening_phrase_end(doc: Doc, cue: Cue) -> int:
    """End of a phrase that opens the sentence with a preposition or a participle and a
    comma ("Next door to the X site in Y, Z assembles ..."; "Dans la région de Y, Z ...";
    "Contrôlé par X, Z ..."): its actors are not the subject. The sentence's start if
    there is none."""
    sent = doc[cue.start].sent
    # "Kazakhstan -- SaryarkaAvtoProm, ...": a newsletter item's label.
    dash = next(
        (t.i for t in doc[sent.start : min(cue.start, sent.start + 4)] if t.text in LABEL_DASHES),
        None,
    )
    if dash is not None:
        return dash + 1
    first = doc[sent.start]
    # "Contrôlé par X," (the tagger may take a capitalised participle for a noun).
    participle = (first.pos_ == "VERB" and "Part" in first.morph.get("VerbForm")) or (
        sent.start + 1 < cue.start and doc[sent.start + 1].lower_ in AGENT
    )
    if sent.start >= cue.start or (
        first.pos_ != "ADP" and first.lower_ not in LOCATIVE and not participle
    ):
        return sent.start
    comma = next((t.i for t in doc[sent.start : cue.start] if t.text == ","), None)
    return comma + 1 if comma is not None else sent.start


def _plant_of(doc: Doc, m: Mention, pool: list[Mention], kb: KnowledgeBase) -> Mention | None:
    """What changes hands when ``m`` is named: ``m`` itself, or for a possessive owner
    ("Hyundai's plant in St Petersburg", "Volkswagen's Kaluga factory") the place named
    with its plant, if any (the owner is not sold)."""
    if not _possessive(doc, m):
        return m
    return next(
        (p for p in pool if p.entity != UNKNOWN and _is_place(p, kb) and 0 < p.start - m.end <= 5),
        None,
    )


def _object(doc: Doc, m: Mention) -> bool:
    """Is ``m`` introduced as an object or complement ("des BAIC", "of Chery")?"""
    return m.start > 0 and doc[m.start - 1].lower_ in OBJECT_MARKERS


#: Words before a name that make it an object or complement, not a subject.
OBJECT_MARKERS = GRAMMAR["object_markers"]


def _reduced_participle(doc: Doc, cue: Cue) -> bool:
    """A participle right after a common noun ("cars assembled in X", "des packs livrés
    à Y"): it qualifies the noun, and the sentence's subject is not its agent."""
    tok = doc[cue.start]
    participle = "Part" in tok.morph.get("VerbForm") or tok.tag_ == "VBN"
    prev = doc[cue.start - 1] if cue.start > 0 else None
    return participle and prev is not None and prev.pos_ == "NOUN" and prev.is_lower


def _passive_agent(doc: Doc, end: int) -> int | None:
    """The index of "par"/"by" that makes the cue ending at ``end`` passive, if any: right
    after it, or after a few adverbs, numbers or percentages ("owned 66% by")."""
    for i in range(end, min(end + 5, len(doc))):
        tok = doc[i]
        if tok.lower_ in AGENT:
            return i
        if not (
            tok.pos_ in ("ADV", "NUM")
            or tok.like_num
            or tok.text == "%"
            or tok.lower_ in ("à", "parts", "égales", "en", "majorité", "per", "cent")
        ):
            return None
    return None


def _passive_owners(doc: Doc, after: list[Mention]) -> list[Mention]:
    """The owners after a passive's "par"/"by": the first, and those joined to it by
    "et"/"and" before the next comma ("owned 66% by X and 34% by state-owned Y")."""
    if not after:
        return []
    # "by the Ulaanbaatar investment firm X": a name before a descriptor and another
    # name qualifies the descriptor; the owner is the name after it.
    while len(after) > 1 and _qualifies_descriptor(doc, after[0], after[1]):
        after = after[1:]
    group = [after[0]]
    for m in after[1:]:
        between = [t.text.lower() for t in doc[group[-1].end : m.start]]
        if any(w in (",", ";") for w in between) or not {"et", "and"} & set(between):
            break
        group.append(m)
    return group


#: How many lower-case words a descriptor between two names may have ("investment firm").
DESCRIPTOR_REACH = 3


def _qualifies_descriptor(doc: Doc, m: Mention, nxt: Mention) -> bool:
    """Is ``m`` followed by lower-case nouns and adjectives only, then ``nxt`` ("the
    Almaty investment firm X")?"""
    between = doc[m.end : nxt.start]
    return 0 < len(between) <= DESCRIPTOR_REACH and all(
        t.pos_ in ("NOUN", "ADJ") and t.is_lower for t in between
    )


PASSIVE_AUXILIARIES = GRAMMAR["passive_auxiliaries"]


def _active(doc: Doc, i: int) -> bool:
    """Is the verb at ``i`` in the active voice: finite ("X sells to Y", "X vend à Y"),
    or a participle after "has"/"a" with no passive auxiliary ("X a vendu à Y")? A bare
    participle ("X, sold to Y in 2023") and a passive ("was sold", "a été vendue") are
    not."""
    verb = doc[i]
    if "Fin" in verb.morph.get("VerbForm"):
        return True
    aux = []
    for t in reversed(doc[max(i - 3, 0) : i]):
        if t.is_punct:
            break
        if t.pos_ == "AUX":
            aux.append(t)
    return bool(aux) and not any(t.lower_ in PASSIVE_AUXILIARIES for t in aux)


def last_joined_clause(doc: Doc, i: int) -> int:
    """The last ", and"/", et"/";" before token ``i`` in its sentence, else -1: a clause
    joined so has its own subject ("X assembles ... in Kaluga, and Moskvich builds cars
    from JAC kits in Moscow")."""
    opening = doc[i].sent.start
    for j in range(i - 1, max(opening, i - JOINED_REACH), -1):
        if doc[j].pos_ == "PRON":
            return -1  # ("..., et le groupe GEM Co., Ltd. Elle produit": "Elle")
        # (a clause has a verb before it: not "Renault, Nissan, and Toyota build")
        if (doc[j].text == ";" or (doc[j].pos_ == "CCONJ" and doc[j - 1].text == ",")) and any(
            t.pos_ in ("VERB", "AUX") for t in doc[opening:j]
        ):
            return j
    return -1


#: How far before a verb the ", and" that opens its clause may be (", and its
#: subsidiary X builds").
JOINED_REACH = 12


BRAND_GENITIVES = frozenset(GRAMMAR["brand_genitives"])


def _brand_genitive(doc: Doc, m: Mention) -> bool:
    """A brand's noun in the genitive right before the name ("марки «Ладога»")."""
    i = m.start - 1
    while i >= 0 and doc[i].text in QUOTES:
        i -= 1
    return i >= 0 and doc[i].lower_ in BRAND_GENITIVES


def _verb_cue(doc: Doc, cue: Cue) -> bool:
    """The cue is a verb: tagged so, or a one-word cue right after a name (a capitalised
    word that is no article) or a pronoun, which the tagger can read as a noun
    ("Calorielle livre des groupes froids": a book)."""
    if doc[cue.end - 1].pos_ in ("VERB", "AUX"):
        return True
    if cue.end - cue.start != 1 or cue.start == 0:
        return False
    prev = doc[cue.start - 1]  # (a name's last word may be tagged anything: "Thermique")
    return prev.pos_ == "PRON" or (
        prev.text[:1].isupper() and prev.pos_ not in ("DET", "ADP", "CCONJ", "SCONJ")
    )


#: Verbs of delivering goods ("X supplies Y with packs made at its plant").
DELIVERS = frozenset(GRAMMAR["delivers"])
#: How far before a kit word "with" a delivering verb may stand.
DELIVERED_REACH = 6


def _with_delivered(doc: Doc, cue: Cue) -> bool:
    """Is the kit word what a delivering verb before it gives "with" ("supplied VTA only
    with kits", "supplies Y with kits")?"""
    sent_start = doc[cue.start].sent.start
    window = doc[max(sent_start, cue.start - DELIVERED_REACH) : cue.start]
    words = [t.lower_ for t in window]
    return "with" in words and any(w in DELIVERS for w in words[: words.index("with")])
