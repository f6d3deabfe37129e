"""Ownership stated by an apposition, for any named actor, known or discovered.

Right after a name ``X`` and its comma:

- "X, filiale de Y", "Lada, la marque d'AvtoVAZ", "Zeekr, la marque électrique haut de
  gamme de Geely", "X, a joint venture between Y and Z", "X, owned by Y": Y (and Z) own X;
- "Exeed, Chery's premium brand": Chery owns Exeed;
- "AvtoVAZ, the maker of Lada", "AvtoVAZ, fabricant des Lada": X owns Y.

The words come from ``descriptors.yaml`` (``parent_heads``, ``owned_heads``,
``owner_heads``, ``owner_of``). Only lower-case words (adjectives, "state-owned",
"premium") may stand between the head and "de"/"of", so that a new clause or name does
not pass for one. Pure functions of a parsed ``Doc``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc

from analysis.extraction.actors import ATTRIBUTE, NAME, PLACE_TYPES, KnowledgeBase, Mention
from analysis.extraction.descriptor_lexicon import LEXICON_PATH, phrase_words, token_words
from analysis.extraction.descriptors import PARENT_WINDOW
from analysis.extraction.grammar import GRAMMAR

#: How many lower-case tokens may stand before the head and between it and "de"/"of"
#: ("fast-growing off-road brand" is six).
ADJECTIVES = 6


def _grammar(key: str) -> frozenset[str]:
    """A word list of ``relations.yaml``'s ``grammar`` (``grammar``)."""
    return GRAMMAR[key]


def former_words() -> frozenset[str]:
    """Words that make the apposition's owner a past one ("l'ancienne filiale de Y")."""
    return _grammar("former")


def relative_words() -> frozenset[str]:
    """Relative pronouns: what follows one is a clause, not the head's complement."""
    return _grammar("relative")


def openers() -> frozenset[str]:
    """Articles and possessives that may open an apposition ("la marque de", "its brand")."""
    return _grammar("apposition")


#: What opens an apposition after a name: a comma, or a copula ("Tenet is AGR's own
#: brand", "X est une filiale de Y", "X remains a unit of Y").
APPOSITION_OPENERS = frozenset([",", "is", "est", "remains", "reste"])

#: What joins two owners' names before a head ("the Nornickel–Rosatom joint venture").
NAME_JOINERS = frozenset(["–", "—", "-", "/", "and", "et"])

#: Types that neither own nor are owned.
NOT_OWNERS = frozenset(["country", "place", "person", "media"])


@dataclass(frozen=True)
class Heads:
    parent: frozenset[tuple[str, ...]]  # "filiale de", "owned by": Y after it owns X
    owned: frozenset[tuple[str, ...]]  # "marque", "brand": the owner follows "de"/"of"
    owner: frozenset[tuple[str, ...]]  # "maker", "fabricant": X owns what follows
    owner_of: frozenset[str]
    longest: int


@functools.cache
def load_heads() -> Heads:
    with open(LEXICON_PATH, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)

    def phrases(key: str) -> frozenset[tuple[str, ...]]:
        return frozenset(phrase_words(p) for ps in data[key].values() for p in ps)

    parent, owned, owner = phrases("parent_heads"), phrases("owned_heads"), phrases("owner_heads")
    longest = max(len(w) for w in (*parent, *owned, *owner))
    return Heads(parent, owned, owner, frozenset(data["owner_of"]), longest)


@functools.cache
def apposition_words() -> frozenset[str]:
    """First words of the heads: a comma followed by one of them after a name opens an
    apposition ("Haval, filiale de Great Wall, ..."), which ``relation_context`` reads."""
    heads = load_heads()
    return frozenset(w[0] for w in (*heads.parent, *heads.owned, *heads.owner))


@functools.cache
def owned_head_words() -> frozenset[str]:
    """The one-word owned heads ("marque", "filiale", "brand", "subsidiary")."""
    return frozenset(w[0] for w in load_heads().owned if len(w) == 1)


@functools.cache
def head_nouns() -> frozenset[str]:
    """First words of the owned and owner heads ("filiale", "brand", "maker"): an
    apposition they open is read here, not by the cue rules (passives such as "owned 66%
    by" are left to those)."""
    heads = load_heads()
    return frozenset(w[0] for w in (*heads.owned, *heads.owner))


def _head_at(doc: Doc, i: int, stop: int, phrases: frozenset) -> int | None:
    """End of the longest phrase of ``phrases`` starting at token ``i``, if any."""
    for n in range(min(load_heads().longest, stop - i), 0, -1):
        if token_words(doc, i, i + n) in phrases:
            return i + n
    return None


def _lower(tok) -> bool:
    return (tok.is_alpha and tok.text.islower()) or tok.text == "-"


#: How far after the head its first owner may be named when a description precedes it.
DESCRIBED_WINDOW = 8


def _describes(tok) -> bool:
    """A word of a short description before a name: lower-case, an adjective
    ("Chinese", "Kazakh") or "État", never a verb or a relative pronoun."""
    return (
        (_lower(tok) or tok.pos_ == "ADJ" or tok.lower_ in _grammar("describing_capitals"))
        and tok.pos_ not in ("VERB", "AUX")
        and tok.lower_ not in relative_words()
    )


def _named_after(doc: Doc, b: int, stop: int, names: dict[int, str]) -> list[tuple[str, int]]:
    """The named actors from ``b`` on, with those coordinated with the first ("between
    Geely and the Belarusian truck maker BelAZ"): (entity, last token index)."""
    out: list[tuple[str, int]] = []
    k = b
    while k < stop and k - b < DESCRIBED_WINDOW:
        if k not in names:
            # Past the first few tokens, only a description may stand before the name
            # ("of the Chinese mining group Y"): no clause, no punctuation; and a comma
            # closes the apposition anywhere ("contrôlée par la compagnie Y, livre ... à
            # Z": Y is no firm named here, and Z is no owner).
            if (k - b >= PARENT_WINDOW and not _describes(doc[k])) or doc[k].text in (",", ";"):
                break
            k += 1
            continue
        name = names[k]
        while k < stop and names.get(k) == name:
            k += 1
        out.append((name, k - 1))
        nxt = doc[k].lower_ if k < stop else ""
        if nxt not in ("et", "and", ","):
            break
        # "X, a subsidiary of Y, and Z": a comma and a conjunction after one name close
        # the apposition (a list of owners has a bare comma first: "Y, Z, and W").
        if nxt == "," and len(out) == 1 and k + 1 < stop and doc[k + 1].pos_ == "CCONJ":
            break
        b = k = k + 1
        # "and the Belarusian state-owned truck maker BelAZ": a short description, no
        # verb; after a bare comma only another name ("Y, Z and W"), else the
        # apposition has ended ("X, l'ancienne filiale de Y, négocie avec Z").
        while (
            k < stop
            and k not in names
            and k - b < 6
            and doc[k].text not in (",", ";")
            and doc[k].pos_ not in ("VERB", "AUX")
            # (after a bare comma, an article or a repeated preposition: "de Y, de Z")
            and (nxt != "," or doc[k].pos_ == "DET" or doc[k].lower_ in _grammar("repeated"))
        ):
            k += 1
        # "Y et dont Z détient ...": a clause of its own, not a second name.
        if any(t.lower_ in relative_words() for t in doc[b : k + 1]):
            break
        # "X, une coentreprise de Y et de Z, a signé ... avec W": the apposition has ended;
        # so has it when anything but a name follows a bare comma ("contrôlée par Y, livre
        # ... à Z", where the tagger may read the verb as a noun).
        if nxt == "," and (k >= stop or k not in names):
            break
        b = k
    return out


def _and_with(
    doc: Doc, found: list[tuple[str, int]], sent_end: int, names: dict[int, str]
) -> list[tuple[str, int]]:
    """A venture's owners ``found`` and the partner named after "avec"/"with" ("la
    coentreprise de Y avec Z": Z owns it too)."""
    last = found[-1][1] + 1 if found else sent_end
    if last < sent_end and doc[last].lower_ in _grammar("with"):
        return found + _named_after(doc, last + 1, sent_end, names)
    return found


def owners_in_apposition(
    doc: Doc, end: int, sent_end: int, names: dict[int, str]
) -> list[tuple[str, str, str]]:
    """(owner, owned, words) stated by the apposition after the name ending at ``end``.

    ``names`` maps token indices of named firms and brands to their entity; the name
    ``doc[:end]`` is ``names[end - 1]``.
    """
    this = names.get(end - 1)
    if this is None:
        return []
    if end < sent_end and doc[end].text == "(":
        # "X (XYZ), its joint venture with Y": past the brackets after the name.
        end = next(
            (j + 1 for j in range(end + 1, min(end + 8, sent_end)) if doc[j].text == ")"), end
        )
    if end >= sent_end or doc[end].lower_ not in APPOSITION_OPENERS:
        return []
    heads = load_heads()
    i = end + 1
    if i < sent_end and doc[i].lower_.replace("’", "'") in openers():
        i += 1
    # "X, l'ancienne coentreprise de Y", "X, a former unit of Y": a past owner.
    if any(doc[j].lower_ in former_words() for j in range(end + 1, min(i + 2, sent_end))):
        return []
    # "X, Chery's premium brand": a possessive owner, then the head.
    if i in names:
        k = i
        while k < sent_end and names.get(k) == names[i]:
            k += 1
        if k < sent_end and doc[k].text in ("'s", "’s"):
            j = k + 1
            while (
                j < sent_end
                and j - k <= ADJECTIVES
                and _head_at(doc, j, sent_end, heads.owned) is None
            ):
                # ("X, Y's former unit": a past owner)
                if not _lower(doc[j]) or doc[j].lower_ in former_words():
                    return []
                j += 1
            head_end = _head_at(doc, j, sent_end, heads.owned) if j < sent_end else None
            # (not a head that qualifies a noun after it: "Y's joint-venture partner")
            if head_end is not None and not (
                head_end < sent_end and doc[head_end].pos_ == "NOUN" and _lower(doc[head_end])
            ):
                return [(names[i], this, doc[end + 1 : j + 1].text)]
        # "X, the Y–Z joint venture", "X, the Y brand": the names before the head own X.
        owners, k = [names[i]], i
        while k < sent_end and (k in names or doc[k].text in NAME_JOINERS):
            if k in names and names[k] not in owners:
                owners.append(names[k])
            k += 1
        j = k
        while (
            j < sent_end and j - k <= ADJECTIVES and _head_at(doc, j, sent_end, heads.owned) is None
        ):
            if not _describes(doc[j]):
                return []
            j += 1
        h = _head_at(doc, j, sent_end, heads.owned) if j < sent_end else None
        if h is None or (h < sent_end and doc[h].lower_ in heads.owner_of):
            return []  # (the head's own complement names the owner: read below)
        if h in names or set(token_words(doc, k, j)) & _grammar("possessives"):
            return []  # "X, Y et sa filiale Z": the head names Z, a list's next item
        return [(name, this, doc[end + 1 : h].text) for name in owners if name != this]
    end_parent = _head_at(doc, i, sent_end, heads.parent)
    if end_parent is not None:
        found = _named_after(doc, end_parent, sent_end, names)
        if set(token_words(doc, i, end_parent)) & _grammar("joint_venture"):
            found = _and_with(doc, found, sent_end, names)
        return [(name, this, doc[end + 1 : k + 1].text) for name, k in found if name != this]
    # "[adjectives] HEAD [adjectives] de/of Y".
    j = i
    while j < sent_end and j - i <= ADJECTIVES:
        for phrases, owns in ((heads.owned, False), (heads.owner, True)):
            h = _head_at(doc, j, sent_end, phrases)
            if h is None:
                continue
            k = h
            # "our joint venture with Y", "sa coentreprise avec Y": a venture's partner.
            venture = bool(set(token_words(doc, j, h)) & _grammar("joint_venture"))
            complements = heads.owner_of | (_grammar("with") if venture else frozenset())
            while k < sent_end and k - h <= ADJECTIVES:
                if doc[k].lower_.replace("’", "'") in complements:
                    found = _named_after(doc, k + 1, sent_end, names)
                    if venture:
                        found = _and_with(doc, found, sent_end, names)
                    if found:
                        words = doc[end + 1 : found[-1][1] + 1].text
                        if owns:
                            return [(this, name, words) for name, _ in found if name != this]
                        return [(name, this, words) for name, _ in found if name != this]
                # "the cell maker that provides the packs of Y": a clause, not a head's
                # complement.
                finite = doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")
                if not _lower(doc[k]) or finite:
                    break
                if doc[k].lower_ in relative_words():
                    break
                k += 1
            return []
        if not _lower(doc[j]):
            return []
        j += 1
    return []


def owner_names(mentions: list[Mention], kb: KnowledgeBase) -> dict[int, str]:
    """Token index -> entity of the named actors that can own or be owned (firms,
    brands, organisations; not places, countries or people). A name just discovered in
    this paragraph, not yet typed, counts too."""
    names: dict[int, str] = {}
    for m in mentions:
        actor = kb.actors.get(m.entity)
        # (not one that only qualifies another: "the Aktobe-based X")
        if (
            m.kind == NAME
            and m.role != ATTRIBUTE
            and (actor is None or actor.type not in NOT_OWNERS)
        ):
            names.update({i: m.entity for i in range(m.start, m.end)})
    return names


def apposition_relations(
    doc: Doc, end: int, mentions: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str, str, str]]:
    """(source, target, words, relation) stated by the appositions of the sentence ending
    at ``end``: each owner owns what is described, and the owners of a joint venture
    ("X, a joint venture of Y and Z") are partners."""
    names = owner_names(mentions, kb)
    found = {
        (owner, owned): words
        for m in mentions
        if m.kind == NAME
        for owner, owned, words in owners_in_apposition(doc, m.end, end, names)
    }
    out = [(a, b, words, "ownership") for (a, b), words in found.items()]
    ventures: dict[str, list[str]] = {}
    for (owner, owned), words in found.items():
        said = set(words.lower().split()) | set(words.lower().replace("-", " ").split())
        if _grammar("joint_venture") & said:
            ventures.setdefault(owned, []).append(owner)
    for owners in ventures.values():
        out += [
            (a, b, "joint venture", "partnership")
            for k, a in enumerate(owners)
            for b in owners[k + 1 :]
            if a != b
        ]
    return out


#: How far the comma closing a fronted apposition may stand from its start.
FRONTED_WITHIN = 12


def fronted_role(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """(its role noun, its closing comma) of a role noun's phrase that opens the sentence
    ``doc[start:end]`` ("Filiale du holding X, l'entreprise ..."); (0, 0) if none."""
    roles = _grammar("subsidiary") | _grammar("joint_venture")
    i = start
    while i < end and i - start < 4 and doc[i].lower_ not in roles:
        if doc[i].pos_ not in ("DET", "ADJ", "ADV", "VERB"):  # "A wholly owned subsidiary"
            return 0, 0
        i += 1
    if i >= end or doc[i].lower_ not in roles:
        return 0, 0
    comma = next((j for j in range(i + 1, min(end, i + FRONTED_WITHIN)) if doc[j].text == ","), 0)
    return (i, comma) if comma else (0, 0)


def fronted_apposition(
    doc: Doc, start: int, end: int, mentions: list[Mention], kb: KnowledgeBase
) -> tuple[int, list[tuple[str, str, str, str]]]:
    """A sentence opening with the noun of a role ("Filiale de X, Y assemble ...", "A
    subsidiary of X, Y ...", "Coentreprise de X et de Z, Y ..."): where the apposition
    ends (the subject's first token; 0 if none), and (source, target, words, relation)
    it states: each firm it names owns the subject, and a venture's owners are partners.
    Its names are no agents of the clause after it."""
    i, comma = fronted_role(doc, start, end)
    if not comma:
        return 0, []
    named = [m for m in mentions if m.kind == NAME]
    owners = [
        m.entity
        for m in named
        if i < m.start < comma and kb.actors[m.entity].type not in (*PLACE_TYPES, "person")
    ]
    subject = next((m.entity for m in named if m.start == comma + 1), None)
    if not owners or subject is None or subject in owners:
        return 0, []
    words = doc[start:comma].text
    out = [(o, subject, words, "ownership") for o in dict.fromkeys(owners)]
    if doc[i].lower_ in _grammar("joint_venture"):
        uniq = list(dict.fromkeys(owners))
        out += [(a, b, words, "partnership") for k, a in enumerate(uniq) for b in uniq[k + 1 :]]
    return comma + 1, out
