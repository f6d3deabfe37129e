"""A joint venture's parents: who owns the venture, and who are partners.

"Ostrava Cells est une coentreprise créée par Varkon, qui en détient 51 %, et par
Quellon, qui détient les 49 % restants" states that Varkon and Quellon each own Ostrava
Cells and are partners. The clause rules read it otherwise: the holding verbs of the two
relative clauses take the nearest name for their subject or object, and the venture's
apposition makes it a partner of its parent. :func:`venture_relations` sets the sentence's
rows right by the convention (the methods chapter's): each parent owns the venture, the
parents are partners, and a venture is never its parent's partner.

The venture is the actor the sentence calls a joint venture (``coreference.called_so``:
"X est une coentreprise", "X, a joint venture", "la coentreprise X"). Its parents are
1. the agents after a word of creation ("créée en 2023 par A ..., et par B", "set up by
   A and B");
2. the subjects of a verb of creation whose object is the venture, and its "avec"/"with"
   complement ("A and B formed X, a joint venture", "A a créé avec B une coentreprise, X");
3. who holds a stake in it ("in which A holds 49%", "dont A détient 49 %", "A, qui en
   détient 51 %"); a name in apposition to the holder ("A, filiale de G, qui ...") is the
   holder's owner, and the clause is A's;
4. the members named after the venture's noun ("a joint venture of A (51 %) and B",
   "coentreprise à parts égales entre A et B", "une coentreprise de A et de B"), or
   joined before a "their" that opens it ("A and B said that their joint venture, X");
5. the owners the other rules found;
6. the members the clause rules made the venture's partners by its own noun ("SMW est
   une coentreprise créée entre ZIG, qui en détient 60 %, ..."; "UralBoyue, a joint
   venture in Russia with Uralgruz"): named after the noun, in its phrase, and not joined
   to the venture (:func:`_noun_members`).

Reads
    the sentence's tokens and linked mentions, and the relations the other rules found.
Writes
    nothing: returns the sentence's relations, in which, when parents are found by 1-3,
    a holding verb's ownership rows of the venture or a parent and the venture's partnerships
    with its parents are replaced by the parents' ownership of the venture and their
    partnership (a stake the sentence gives in another firm stays, but not the ownership
    the venture's noun gives a firm named before it: "X, whose customer is V, the joint
    venture of A and B" is V's, not X's). When only 6 finds
    members, their partnerships with the venture become their ownership of it, with the
    rule :data:`MEMBER_RULE` (the sentence is not settled), and the venture's partnership
    by its noun with a brand or a place is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc

from analysis.extraction.abbreviations import CLOSING_QUOTES
from analysis.extraction.actors import ATTRIBUTE, NAME, KnowledgeBase, Mention
from analysis.extraction.coreference import called_so
from analysis.extraction.descriptor_lexicon import legal_forms
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_context import JV_WORDS, Relation

#: The rule name of the rows this module adds.
RULE = "joint venture"
#: The rule name of a member read from the venture's own noun alone: no other parent is
#: known, so the sentence is not settled (the relation model may add the others).
MEMBER_RULE = "venture noun"
#: The relations it settles for the whole sentence (the relation model adds none there).
SETTLED = frozenset({"ownership", "partnership"})
#: How many words may stand between an agent's "par"/"by" and its name ("par le
#: fabricant chinois de batteries X").
AGENT_REACH = 6
#: How far after a holder's name its holding verb may stand ("A, qui en détient").
HOLDER_REACH = 4
#: How long an apposition naming a parent's owner may be ("filiale de", "the power arm of").
APPOSITION_REACH = 9
#: Words that end a description in apposition (a clause or another name begins).
_NOT_APPOSED = frozenset({"VERB", "AUX", "PRON", "PROPN"})
#: How far after a joint-venture noun its "of"/"between" may stand ("a 50-50 joint
#: venture between", "coentreprise à parts égales entre").
MEMBERS_REACH = 4
#: Types of actor that are no parent.
_NOT_PARENTS = frozenset({"country", "place", "person"})
#: Types of actor that are no venture's partner either, by its noun.
_NO_PARTNERS = frozenset({"country", "place", "brand"})


def venture_relations(
    doc: Doc,
    start: int,
    end: int,
    mentions: list[Mention],
    found: list[Relation],
    kb: KnowledgeBase,
) -> list[Relation]:
    """The sentence's relations with its joint venture's parents set right (see the
    module docstring); ``found`` unchanged when it calls nothing a joint venture."""
    named = called_so(doc, start, end, mentions, kb).get("joint_venture")
    venture = named or _unnamed_venture(doc, start, end, mentions, found, kb)
    if venture is None:
        return found
    names = _parent_names(mentions, venture, kb)
    at = {m.start: m for m in names}
    spans = [(m.start, m.end) for m in mentions if m.entity == venture]
    members = _members(doc, start, end, at)
    parents = _agents(doc, start, end, at) | _founders(doc, start, end, at, spans)
    parents |= _holders(doc, start, end, names) | members
    by_noun = _noun_members(doc, start, end, found, venture, mentions)
    if not parents:
        return _members_owning(found, venture, by_noun, kb)
    parents |= by_noun
    if not members:  # (a list of members names them all)
        parents |= {r.source for r in found if r.relation == "ownership" and r.target == venture}
    parents = {p for p in parents if p in {m.entity for m in names}}
    holds = GRAMMAR["holds"]
    # The venture and a name right before its own ("X (V), the joint venture of ..."):
    # one firm under two names, merged later.
    opening = min((a for a, _ in spans), default=start)
    named_with = {venture} | {m.entity for m in mentions if opening - 2 <= m.end <= opening}
    if kb.actors[venture].type == "place":  # (a town misread as the venture: no telling)
        named_with = {r.target for r in found}
    out = []
    for r in found:
        ends = {r.source, r.target}
        if r.relation == "partnership" and venture in ends and ends & parents:
            continue  # a venture and its parent: the parent's ownership, added below
        if r.relation == "ownership" and r.cue.lower() in holds and r.target in parents | {venture}:
            continue  # a stake clause in the venture or a parent: read above
        if members and r.relation == "ownership" and r.target == venture:
            continue  # "a joint venture of A and B, filiale de G": G owns B, not the venture
        if members and r.relation == "partnership" and len(ends & parents) == 1:
            continue  # ... nor is G B's or A's partner
        if r.relation == "partnership" and ends <= parents:
            continue  # the parents' partnership, added below once
        if (
            r.relation == "ownership"
            and r.source in parents
            and r.target not in named_with
            and set(r.cue.lower().split()) & JV_WORDS
        ):
            continue  # "X, whose customer is V, the joint venture of A and B": V's parents
        out.append(r)
    first = {}
    for m in names:
        first.setdefault(m.entity, m.start)
    ordered = sorted(parents, key=lambda p: first[p])  # (partners in the text's order)
    out += [Relation(p, venture, "ownership", "joint venture", RULE) for p in ordered]
    out += [
        Relation(a, b, "partnership", "joint venture", RULE)
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
    ]
    return list(dict.fromkeys(out))


def _noun_members(
    doc: Doc, start: int, end: int, found: list[Relation], venture: str, mentions: list[Mention]
) -> set[str]:
    """The names the clause rules made partners of the venture by its own noun that are
    its members ("SMW est une coentreprise créée entre ZIG, qui en détient 60 %, et ...";
    "UralBoyue, a joint venture in Russia with Uralgruz"): the venture is named before its
    noun and the member after it ("M makes modules for the joint venture V" names no
    member), and the two are not joined ("coentreprise de A et B, V": the first is no
    venture, and its partner is the other parent)."""
    at = {m.start: m for m in mentions if m.kind == NAME}
    nouns = [i for i in range(start, end) if doc[i].lower_ in JV_WORDS]
    first = min((m.start for m in at.values() if m.entity == venture), default=end)
    # (within the noun's phrase: "V, a joint venture of A, supplies packs to B" names no
    # member B)
    after = {
        m.entity
        for m in at.values()
        for i in nouns
        if first < i < m.start and not any(_finite(t) for t in doc[i : m.start])
    }
    joined = {
        frozenset((m.entity, o.entity)) for m in at.values() for o in _coordinated(doc, m, end, at)
    }
    return {
        member
        for r in found
        if _by_noun(r, venture)
        for member in {r.source, r.target} - {venture}
        if member in after and frozenset((member, venture)) not in joined
    }


def _finite(t) -> bool:
    """A verb that opens a clause of its own ("supplies"), not a participle in the noun's
    phrase ("créée en 2022 entre", "set up by")."""
    return t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm")


def _by_noun(r: Relation, venture: str) -> bool:
    """Is ``r`` a partnership of the venture and another name read from a joint-venture
    noun?"""
    return (
        r.relation == "partnership"
        and venture in (r.source, r.target)
        and r.source != r.target
        and bool(set(r.cue.lower().split()) & JV_WORDS)
    )


def _members_owning(
    found: list[Relation], venture: str, members: set[str], kb: KnowledgeBase
) -> list[Relation]:
    """``found`` when no parent is otherwise known: each member's partnership with the
    venture read as its ownership (the sentence is not settled: the relation model may
    add the other parents), and such a partnership with a brand or a place dropped
    ("cars of the brand S, made by the joint venture V")."""
    out = []
    for r in found:
        if _by_noun(r, venture):
            member = r.target if r.source == venture else r.source
            actor = kb.actors.get(member)
            if actor is not None and actor.type in _NO_PARTNERS:
                continue
            if member in members:
                r = Relation(member, venture, "ownership", r.cue, MEMBER_RULE)
        out.append(r)
    return list(dict.fromkeys(out))


def _parent_names(mentions: list[Mention], venture: str, kb: KnowledgeBase) -> list[Mention]:
    """The sentence's names that could be a parent of ``venture``, in the text's order."""
    return sorted(
        (
            m
            for m in mentions
            if m.kind == NAME
            and m.role != ATTRIBUTE
            and m.entity != venture
            and kb.actors[m.entity].type not in _NOT_PARENTS
        ),
        key=lambda m: m.start,
    )


def _unnamed_venture(
    doc: Doc,
    start: int,
    end: int,
    mentions: list[Mention],
    found: list[Relation],
    kb: KnowledgeBase,
) -> str | None:
    """The venture of a sentence with a joint-venture noun whose venture no role noun
    calls so ("X a été créée sous la forme d'une coentreprise entre A, qui en détient
    51 %, et B"; "«X», совместное предприятие «A» и «B»"): the one name that the rules
    made a partner of the parents that rules 3 and 4 find, or owned by one, and is none
    of them."""
    if not any(_word(doc, i) in JV_WORDS for i in range(start, end)):
        return None
    names = _parent_names(mentions, "", kb)
    at = {m.start: m for m in names}
    parents = _members(doc, start, end, at) or _holders(doc, start, end, names)
    if len(parents) < 2:
        return None
    candidates = {
        end_
        for r in found
        if r.relation == "partnership" and {r.source, r.target} & parents
        for end_ in (r.source, r.target)
    } | {r.target for r in found if r.relation == "ownership" and r.source in parents}
    candidates -= parents
    candidates &= {m.entity for m in names}
    return candidates.pop() if len(candidates) == 1 else None


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_.replace("’", "'")


def _name_after(doc: Doc, i: int, end: int, at: dict[int, Mention]) -> Mention | None:
    """The name within ``AGENT_REACH`` words after token ``i``, with no punctuation
    before it ("par le fabricant chinois X")."""
    for j in range(i + 1, min(end, i + 1 + AGENT_REACH)):
        if j in at:
            return at[j]
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX", "PRON"):
            return None
    return None


def _coordinated(doc: Doc, m: Mention, end: int, at: dict[int, Mention]) -> list[Mention]:
    """``m`` and the names joined to it by "et"/"and" ("by A and B"), a share in brackets
    after a name ("A (51 %) and B") and a repeated "de" ("de A et de B") aside."""
    out = [m]
    j = _past_share(doc, m.end, end)
    while j + 1 < end and _word(doc, j) in GRAMMAR["coordinators"]:
        k = j + 1
        if k + 1 < end and _word(doc, k) in GRAMMAR["of_complement"]:
            k += 1
        k = _past_describing(doc, k, end, at)  # "и питерского «Балтик Мотор Холдинга»"
        k = _next_name(doc, k, end, at)  # "and Kazan-based X", "and China's Y"
        if k not in at:
            break
        out.append(at[k])
        j = _past_share(doc, at[k].end, end)
    return out


def _past_share(doc: Doc, i: int, end: int) -> int:
    """The token after a closing quote and a share or a short form in brackets at ``i``
    ("(51 %)", "«X» (75 %)", "«X» и", '("ERG")'), or the full stop of a legal form the
    name ends with ("Co., Ltd. и АО «X»"), else ``i``."""
    if 0 < i < end - 1 and doc[i].text == "." and f"{doc[i - 1].lower_}." in legal_forms():
        i += 1
    if i < end and doc[i].text in CLOSING_QUOTES:
        i += 1  # ("«A» и «B»", "«X» (75 %)")
    if i < end and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(end, i + 5)) if doc[j].text == ")"), None)
        inside = doc[i + 1 : close] if close is not None else []
        # a share, or a short form ("A (\"Hengyue\") and B")
        if any(t.like_num for t in inside) or (
            inside and all(t.is_punct or t.pos_ == "PROPN" for t in inside)
        ):
            return close + 1
    return i


def _members(doc: Doc, start: int, end: int, at: dict[int, Mention]) -> set[str]:
    """Parents by rule 4: the names after a joint-venture noun and its "of"/"between"
    ("a joint venture of A (51 %) and B", "coentreprise à parts égales entre A et B"),
    with no verb nor punctuation between the noun and that word; the names joined before
    a "their" right before the noun ("A and B announced that their joint venture, X");
    or the partner it is held or formed "with", whoever the other parent is ("our joint
    venture with B", "la coentreprise que le groupe détient avec B")."""
    linking = GRAMMAR["of_complement"] | GRAMMAR["between"]
    for i in range(start, end):
        if _word(doc, i) not in JV_WORDS:
            continue
        owners = _their(doc, start, i, at)
        if owners:
            return owners
        for j in range(i + 1, min(end - 1, i + 1 + 2 * MEMBERS_REACH)):
            if doc[j].is_punct or (
                doc[j].pos_ == "VERB"
                and _word(doc, j) not in GRAMMAR["holds"] | GRAMMAR["creation"]
            ):
                break  # (the venture "signed a deal with C": C is no parent)
            # (right after the noun, a description may stand before the partner: "joint
            # venture with China's Y", "совместное предприятие с китайским концерном Y")
            partner = j + 1
            if j == i + 1 or (j == i + 2 and doc[i + 1].pos_ == "NOUN"):
                partner = _next_name(doc, j + 1, end, at)
            if _word(doc, j) in GRAMMAR["with"] and partner in at:
                return {m.entity for m in _coordinated(doc, at[partner], end, at)}
            if j > i + MEMBERS_REACH or doc[j].pos_ in ("VERB", "AUX", "PRON"):
                continue  # past the reach of "of": only a "with" may still come
            # (Russian names the members in the genitive, with no preposition: "СП
            # китайской Tianma и питерского «Балтик Мотор Холдинга»")
            # ("совместное предприятие X": the noun after the adjective first)
            genitive = doc.lang_ == "ru" and (
                j == i + 1 or (j == i + 2 and doc[i + 1].pos_ == "NOUN")
            )
            # ("совместное предприятие китайской компании Fujian ...": a noun, then Latin)
            k = _next_name(doc, _past_describing(doc, j, end, at) if genitive else j + 1, end, at)
            if (genitive or _word(doc, j) in linking) and k in at:
                members = _coordinated(doc, at[k], end, at)
                if len(members) > 1:
                    return {m.entity for m in members}
    return set()


def _their(doc: Doc, start: int, i: int, at: dict[int, Mention]) -> set[str]:
    """The names joined before "their" right before the joint-venture noun at ``i``
    ("A and B announced that their joint venture, X"; "leur coentreprise")."""
    j = i - 1
    while j > start and doc[j].pos_ == "ADJ":
        j -= 1  # ("their new joint venture")
    if j < start or _word(doc, j) not in GRAMMAR["plural_possessives"]:
        return set()
    for m in sorted(at.values(), key=lambda m: m.start):
        joined = [x for x in _coordinated(doc, m, j, at) if x.end <= j]
        if len(joined) > 1:
            return {x.entity for x in joined}
    return set()


#: How many words may describe a member before its name ("Kazan-based", "China's").
NAME_REACH = 4


def _next_name(doc: Doc, k: int, end: int, at: dict[int, Mention]) -> int:
    """The start of the name that words describing it open at ``k`` ("Kazan-based X",
    "China's Y", "the Chinese carmaker Z"): no verb, pronoun, conjunction nor punctuation
    but a hyphen or a possessive stands before it; ``k`` when none."""
    for j in range(k, min(end, k + NAME_REACH + 1)):
        if j in at:
            return j
        t = doc[j]
        if t.lower_ == "based" and doc[j - 1].text == "-":
            continue  # ("Kazan-based": a base, as actors._based reads it)
        if (t.is_punct and t.text not in ("-", "'s", "’s")) or t.pos_ in (
            "VERB",
            "AUX",
            "PRON",
            "CCONJ",
        ):
            break
    return k


#: How many adjectives and quotes may stand before a Russian member's name.
DESCRIBING_REACH = 3


def _past_describing(doc: Doc, i: int, end: int, at: dict[int, Mention]) -> int:
    """The token after the adjectives, common nouns, legal forms and opening quotes at
    ``i`` in Russian ("питерского «", "ульяновского АО «", "липецкого автопроизводителя
    АО «"), else ``i``; it stops at a name of ``at`` ("АО «Орловские Моторы»")."""
    if doc.lang_ != "ru":
        return i
    j = i
    while j < min(end, i + DESCRIBING_REACH + 1) and (
        # a legal form or a common noun before the quoted name ("АО «", "компании «",
        # "АО «НК «Тау-Кен Самрук»": even one read as a name)
        ((doc[j].text.isupper() or doc[j].is_lower) and j + 1 < end and doc[j + 1].text == "«")
        or (
            j not in at
            and (
                doc[j].pos_ == "ADJ"
                or doc[j].text == "«"
                or (doc[j].pos_ == "NOUN" and doc[j].is_lower)
            )
        )
    ):
        j += 1
    return j


def _agents(doc: Doc, start: int, end: int, at: dict[int, Mention]) -> set[str]:
    """Parents by rule 1: the agents after a word of creation."""
    creation = GRAMMAR["creation"]
    first = next((i for i in range(start, end) if _word(doc, i) in creation), None)
    if first is None:
        return set()
    out: set[str] = set()
    for i in range(first + 1, end):
        if _word(doc, i) in GRAMMAR["agent"]:
            m = _name_after(doc, i, end, at)
            if m is not None:
                out |= {x.entity for x in _coordinated(doc, m, end, at)}
    return out


def _founders(
    doc: Doc, start: int, end: int, at: dict[int, Mention], venture: list[tuple[int, int]]
) -> set[str]:
    """Parents by rule 2: the subjects of a verb of creation before the venture, and the
    verb's "avec"/"with" complement."""
    creation = GRAMMAR["creation"]
    for c in range(start, end):
        if _word(doc, c) not in creation or not any(a > c for a, _ in venture):
            continue
        out: set[str] = set()
        j = c - 1
        while j >= start and (doc[j].pos_ == "AUX" or _word(doc, j) in GRAMMAR["coordinators"]):
            j -= 1
        subject = next((m for m in at.values() if m.end == j + 1), None)
        while subject is not None:
            out.add(subject.entity)
            k = subject.start - 1
            if k < start or (_word(doc, k) not in GRAMMAR["coordinators"] and doc[k].text != ","):
                break
            subject = next((m for m in at.values() if m.end == k), None)
        for i in range(c + 1, min(end, c + 3)):
            if _word(doc, i) in GRAMMAR["with"] and i + 1 in at:
                out |= {x.entity for x in _coordinated(doc, at[i + 1], end, at)}
        if out:
            return out
    return set()


def _holders(doc: Doc, start: int, end: int, names: list[Mention]) -> set[str]:
    """Parents by rule 3: who holds a stake, by a holding verb shortly after the name or
    its apposition ("dont A détient", "A, qui en détient 51 %", "A, the cell maker,
    holds 60%"), in a sentence that gives a share."""
    holds = GRAMMAR["holds"]
    share = any(t.text in ("%", "per", "pour") or t.lower_ == "percent" for t in doc[start:end])
    if not share:
        return set()
    out: set[str] = set()
    for n, m in enumerate(names):
        after = _past_apposition(doc, m.end, end)
        window = range(after, min(end, after + HOLDER_REACH))
        verb = next((j for j in window if _word(doc, j) in holds), None)
        if verb is None or any(m.end <= o.start < verb for o in names):
            continue  # no holding verb, or another name stands before it: the verb is its
        holder = m
        # "A, filiale de G, qui en détient": G describes A, and the clause is A's.
        if n > 0 and _apposed_owner(doc, names[n - 1], m):
            holder = names[n - 1]
        out.add(holder.entity)
        # "in which A and B each hold 50%": the names joined to the holder before it.
        k = n
        while holder is m and k > 0 and _joined(doc, names[k - 1], names[k]):
            k -= 1
            out.add(names[k].entity)
    return out


def _joined(doc: Doc, before: Mention, m: Mention) -> bool:
    """Is ``before`` joined to ``m`` by "and"/"et" or a comma alone ("A, B and C")?"""
    gap = [_word(doc, i) for i in range(before.end, m.start)]
    return len(gap) == 1 and (gap[0] in GRAMMAR["coordinators"] or gap[0] == ",")


def _past_apposition(doc: Doc, i: int, end: int) -> int:
    """After a name ending at ``i``, the token past its apposition ("A, the Wenzhou-based
    cell maker, holds"): a comma, a short description with no verb nor name, a comma."""
    if i >= end or doc[i].text != ",":
        return i
    for j in range(i + 1, min(end, i + 1 + APPOSITION_REACH)):
        if doc[j].text == ",":
            return j + 1
        if doc[j].pos_ in _NOT_APPOSED or (doc[j].is_punct and doc[j].text != "-"):
            return i
    return i


def _apposed_owner(doc: Doc, before: Mention, m: Mention) -> bool:
    """Is ``m`` named as the owner in an apposition of ``before`` ("A, filiale de G",
    "A (AB), the power arm of the fund G")? A short description with no verb nor
    punctuation, with a "de"/"of" in it."""
    i = before.end
    while i < m.start and doc[i].text == ")":
        i += 1
    if i >= m.start or doc[i].text != "," or m.start - i > APPOSITION_REACH:
        return False
    words = doc[i + 1 : m.start]
    return any(_word(doc, t.i) in GRAMMAR["of_complement"] for t in words) and not any(
        t.pos_ in ("VERB", "AUX", "PUNCT") for t in words
    )


__all__ = ["MEMBER_RULE", "RULE", "SETTLED", "venture_relations"]
