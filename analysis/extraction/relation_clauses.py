"""Clause-level readings of a cue: which actors are within its reach (relative clauses,
appositions, coordinated clauses, sources, former owners), "dont"/"whose"/"in which"
clauses that name an owner, and appositions that name a joint venture (see
``relations`` for the method; negations, plans and denials are ``relation_modality``'s)."""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, KnowledgeBase, Mention
from analysis.extraction.appositions import head_nouns, owned_head_words
from analysis.extraction.relation_context import (
    AGENT,
    APPOSITION,
    DIRECTED,
    GRAMMAR,
    JV_WORDS,
    NAMED_RELATIVE,
    PLANT_NOUNS,
    PREPOSITIONS,
    RELATIVE,
    UNKNOWN,
    Cue,
    _attributed,
    _changes_hands,
    _clause,
    _former,
    _held_name,
    _is_place,
)
from analysis.extraction.relation_syntax import _opening_phrase_end, _passive_agent, _passive_owners

#: Relative pronouns whose clause states who owns the antecedent ("X, dont Y détient").
OWNER_RELATIVE = GRAMMAR["owner_relative"]
AND_WORDS = GRAMMAR["coordinators"]
#: Object relatives whose inverted subject may own the antecedent ("que détient Y").
OBJECT_RELATIVE = GRAMMAR["object_relative"]


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
    head = pronoun
    if pronoun > 0 and doc[pronoun - 1].lower_ in AND_WORDS:
        # "X, propriétaire de la marque Y et dont Z détient 32 %": the clause is
        # coordinated with the apposition; its antecedent is X, before the comma.
        head = next((t.i for t in reversed(doc[: pronoun - 1]) if t.text == ","), pronoun)
    antecedent = [m for m in firms if m.end <= head][-1:]
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
    held = [m for m in firms if cue.end <= m.start <= cue.end + 2 and _held_name(doc, m)]
    if antecedent and not owners and held:
        # "X, whose subsidiary Y refines ...", "X, dont la filiale Y produit": X owns Y.
        return [(antecedent[0].entity, held[0].entity)]
    if not antecedent or not owners:
        return []
    if cue.start - owners[-1].end <= 1 and cue.text.lower().split()[-1] in owned_head_words():
        # "X, whose Y subsidiary refines ...": the name is the antecedent's subsidiary.
        return [(antecedent[0].entity, owners[-1].entity)]
    return [(owners[0].entity, antecedent[0].entity)]


def _antecedent(
    doc: Doc,
    here: list[Mention],
    comma: int,
    kb: KnowledgeBase,
    clauses: list[tuple[int, int]] = (),
) -> list[Mention]:
    """The actor a clause opening at ``comma`` refers to: the nearest non-place actor
    before it with only places, commas, prepositions, articles and other appositions in
    between ("Allur, Kazakhstan's largest assembler, whose plant ...": Allur)."""
    places = {
        i for p in here if p.entity != UNKNOWN and _is_place(p, kb) for i in range(p.start, p.end)
    }
    for m in reversed([m for m in here if m.end <= comma]):
        if m.entity != UNKNOWN and _is_place(m, kb):
            continue
        between = [
            t
            for t in doc[m.end : comma]
            if t.i not in places and not any(a <= t.i < b for a, b in clauses if b <= comma)
        ]
        if all(t.is_punct or t.pos_ in ("ADP", "DET") for t in between):
            return [m]
        return []
    return []


def _object_clause(
    doc: Doc,
    here: list[Mention],
    inside: tuple[int, int],
    cue: Cue,
    clauses: list[tuple[int, int]],
    kb: KnowledgeBase,
) -> list[tuple[str, str]] | None:
    """(subject, antecedent) when the cue's clause is an object relative with a pronoun
    subject ("la marque X, qu'elle contrôle", "the brand X, which it owns"): the
    antecedent is the object, and the main clause's subject the agent. ``None`` if the
    clause is no such relative; empty if either end is missing."""
    rel = next((i for i in range(cue.start - 1, inside[0], -1) if doc[i].lower_ in RELATIVE), None)
    if (
        rel is None
        or doc[rel].lower_ not in NAMED_RELATIVE
        or rel + 1 >= cue.start
        or doc[rel + 1].pos_ != "PRON"
    ):
        return None
    antecedent = _antecedent(doc, here, inside[0], kb, clauses)
    opening = _opening_phrase_end(doc, cue)
    subjects = [
        m
        for m in here
        if opening <= m.start
        and m.end <= inside[0]
        and m.entity != UNKNOWN
        and not _is_place(m, kb)
        and m not in antecedent
    ]
    if not antecedent or not subjects:
        return []
    return [(subjects[0].entity, antecedent[0].entity)]


def _reach(
    doc: Doc,
    start: int,
    end: int,
    cue: Cue,
    parts: list[Mention],
    clauses: list[tuple[int, int]],
    kb: KnowledgeBase,
) -> tuple[list[Mention] | None, list[tuple[str, str]] | None]:
    """The participants within the cue's reach (step 2 of the method), or ``None`` when
    the cue says nothing here; and the (owner, owned) pairs when a "dont"/"whose" clause
    settles the cue on its own."""
    # Actors inside a relative clause that does not hold the cue are out of its reach
    # ("Panasonic ..., which also supply Tesla, are investing in new plants").
    here = [
        m for m in parts if not any(a <= m.start < b and not a <= cue.start < b for a, b in clauses)
    ]
    # Coordinated clauses ("X assembles ..., while Y builds ... in Z") are apart.
    lo, hi = _clause(doc, start, end, cue, [m for m in here if m.entity != UNKNOWN])
    here = [m for m in here if lo <= m.start and m.end <= hi]
    # A cue inside a relative clause: its agent is the clause's antecedent ("Avtotor,
    # qui produit des BAIC", "Great Wall Motor, which builds Haval SUVs").
    inside = next(((a, b) for a, b in clauses if a <= cue.start < b), None)
    if (
        inside is not None
        and cue.relation == "ownership"
        and cue.start <= inside[0] + 2
        and any(t.lower_ in head_nouns() for t in doc[cue.start : cue.end])
        and doc[inside[0] + 1].lower_ not in RELATIVE  # "X, dont la marque Y" is a cue
    ):
        # ", filiale russe de X": an apposition's head; ``appositions`` reads it.
        return None, None
    if inside is not None and _names_joint_venture(doc, inside, cue):
        # "X, a joint venture between Y and Z": X is the venture, not a partner; the
        # partners are named inside the apposition.
        here = [m for m in here if inside[0] < m.start and m.end <= inside[1]]
    pronoun = _owner_clause(doc, inside, cue) if inside is not None else None
    if pronoun is not None and pronoun < cue.start:
        # "X, dont Y détient 25 %", "X, in which Y holds a stake": Y owns X.
        return None, _whose(doc, here, pronoun, cue, kb)
    if inside is not None and cue.relation in DIRECTED and not cue.reverse:
        found = _object_clause(doc, here, inside, cue, clauses, kb)
        if found is not None:
            return None, found
    if inside is not None and (
        # "X, qui ...", or "X, a start-up that makes ..."
        any(t.lower_ in RELATIVE for t in doc[inside[0] + 1 : cue.start])
        or (
            cue.relation in DIRECTED
            and (cue.text.lower().split()[-1] in AGENT or _passive_agent(doc, cue.end) is not None)
        )
    ):
        # The actor right before the clause, or before places in apposition ("avec
        # Avtotor, à Kaliningrad, qui produit": Avtotor); so too for a passive cue in
        # an apposition ("Kaiyi, une marque contrôlée par Chery": Kaiyi). None if
        # the clause follows something else ("la municipalité de Moscou, qui").
        antecedent = _antecedent(doc, here, inside[0], kb, clauses)
        if any(inside[0] < m.start < cue.start and _held_name(doc, m) for m in here):
            # "X, whose subsidiary Y refines ...": Y is the clause's agent, not X.
            antecedent = []
        here = antecedent + [m for m in here if m.start >= inside[0]]
    # "selon X", "according to X": a source of the statement, not a party to it.
    here = [m for m in here if not _attributed(doc, m, start)]
    if cue.relation != "exit":
        # "l'ancienne usine Renault", "the former Hyundai plant": a past owner.
        here = [
            m for m in here if not _former(doc, m.start, start) or (m.entity and _is_place(m, kb))
        ]
        if _former(doc, cue.start, start, reach=6) and cue.relation != "acquisition":
            return None, None
        # "a vendu son usine de Kalouga", "bought Mercedes-Benz's plant", "cédé sa
        # participation dans": a plant or stake changing hands, not production or
        # ownership by the sentence's subject (the sale rule reads it).
        if cue.relation in ("production", "ownership") and _changes_hands(doc, cue, start):
            return None, None
    if cue.relation in DIRECTED or cue.relation == "production":
        # A country adjective ("les chaînes russes") is no agent of a directed relation.
        here = [m for m in here if m.kind != ADJECTIVE or cue.relation == "production"]
    return here, None


DATIVES = GRAMMAR["datives"]


def _dative(doc: Doc, cue: Cue) -> bool:
    """A dative pronoun right before the supply verb ("qui lui fournit", "leur livre",
    "lui a fourni")."""
    if doc[cue.start].pos_ not in ("VERB", "AUX"):
        return False
    k = cue.start - 1
    if k > 0 and doc[k].pos_ == "AUX":
        k -= 1
    return k >= 0 and doc[k].lower_ in DATIVES


def _to_dative(
    before: list[Mention], parts: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str]]:
    """ "Y dépend de X, qui lui fournit ...": X (the verb's subject, right before it)
    supplies the sentence's first firm (the pronoun's antecedent), never an actor named
    after the verb."""
    firms = [m for m in before if m.entity != UNKNOWN and not _is_place(m, kb)]
    if not firms:
        return []
    src = firms[-1]
    heads = [
        m
        for m in parts
        if m.start < src.start
        and m.entity not in (UNKNOWN, src.entity)
        and m.kind != ADJECTIVE
        and not _is_place(m, kb)
    ]
    return [(src.entity, heads[0].entity)] if heads else []


#: How many words (adverbs) may stand between a relative's subject and its verb.
RELATIVE_GAP = 2


#: Words before "que" that make it a conjunction ("ainsi que", "plus que").
COMPARATIVES = frozenset(GRAMMAR["comparatives"])
#: Words a descriptor may have between an object relative pronoun and its subject's name.
DESCRIBED = 3
DESCRIBING = frozenset({"DET", "ADJ", "NOUN"})


def relative_subject(doc: Doc, firms: list[Mention], cue: Cue) -> Mention | None:
    """The firm named right after an object relative pronoun before the cue verb, past a
    short descriptor ("que l'ouzbek X produit") and its apposition aside ("que Toulpar
    Energia, filiale de Y, assemble à Z"), if any; "that"
    and "which" followed by a name are object relatives too ("the Aster hatchbacks that
    Avtotor assembles in Kaliningrad")."""
    for m in firms:
        # (past a descriptor: "que l'ouzbek X produit", "that the Uzbek maker X builds")
        opener = m.start - 1
        while (
            opener > 0
            and m.start - opener <= DESCRIBED
            and doc[opener].pos_ in DESCRIBING
            and doc[opener].lower_ not in NAMED_RELATIVE
        ):
            opener -= 1
        if m.end > cue.start or opener < 0 or doc[opener].lower_ not in NAMED_RELATIVE:
            continue
        if opener > 0 and doc[opener - 1].lower_ in COMPARATIVES:
            continue  # ("X ainsi que le groupe Y assemblent": a conjunction, no relative)
        k = m.end
        if k < cue.start and doc[k].text == ",":  # its apposition, to the next comma
            k = next((j + 1 for j in range(k + 1, cue.start) if doc[j].text == ","), k)
        gap = doc[k : cue.start]
        if len(gap) <= RELATIVE_GAP and not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in gap):
            return m
    return None


def unlinked_relative(doc: Doc, firms: list[Mention], start: int, end: int) -> bool:
    """Does an object relative clause that runs on to ``end`` (no punctuation between)
    open between ``start`` and ``end`` on a proper name that no firm mention covers (its
    own subject, unlinked)? Not "X, in which Y holds 51%, assembles ...", nor "X, que Y
    détient, produit ...": those close before the verb."""
    for k in range(start, end - 1):
        name = k + 1
        if (
            doc[k].lower_ in NAMED_RELATIVE
            and doc[k - 1].pos_ != "ADP"
            and doc[name].pos_ == "PROPN"
            and not any(m.start <= name < m.end for m in firms)
            and not any(t.is_punct for t in doc[name:end])
        ):
            return True
    return False


def modifies_plant(doc: Doc, cue: Cue, end: int) -> bool:
    """Is ``cue`` a production noun qualifying a plant noun right after it ("assembly
    plant", "production site")? The plant noun is the cue then, with its owner."""
    return (
        cue.relation == "production"
        and cue.text.lower() not in PLANT_NOUNS
        and cue.end < end
        and doc[cue.end].lower_ in PLANT_NOUNS
        and doc[cue.start].pos_ != "VERB"
    )


def outside(
    doc: Doc, mentions: list[Mention], clauses: list[tuple[int, int]], cue: Cue
) -> list[Mention]:
    """The mentions outside the relative clauses and appositions that do not hold the
    cue; and for a verb right after a comma, none after a name that an apposition follows
    ("X, a joint venture of A, B and C, assembles Kia cars": A, B and C assemble
    nothing)."""
    out = [
        m
        for m in mentions
        if not any(a <= m.start < b and not a <= cue.start < b for a, b in clauses)
    ]
    if cue.start > 0 and doc[cue.start - 1].text == ",":
        for m in out:
            if (
                m.end + 1 < cue.start
                and doc[m.end].text == ","
                and doc[m.end + 1].lower_ in APPOSITION
            ):
                return [x for x in out if x.start <= m.start]
    return out


def stop_bounds(doc: Doc, start: int, end: int, i: int) -> tuple[int, int]:
    """The stretch of ``doc[start:end]`` around token ``i`` between colons and
    semicolons."""
    lo = next((k + 1 for k in range(i - 1, start - 1, -1) if doc[k].text in (":", ";")), start)
    hi = next((k for k in range(i + 1, end) if doc[k].text in (":", ";")), end)
    return lo, hi
