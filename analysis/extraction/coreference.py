"""Definite noun phrases that take up an actor of an earlier sentence, for the relations.

"Le seul fabricant russe de cellules, Liotech, produit à Novossibirsk ... L'entreprise,
contrôlée par Rusnano, ..." states that Rusnano controls Liotech, but the second sentence
never names Liotech. :func:`anaphors` finds such noun phrases ("l'entreprise", "the
company", "le constructeur", "ce dernier": the words are ``anaphors.yaml``'s) and returns
them as mentions of the actor they most likely take up, so that the relation rules read
the sentence as if the actor were named there.

Reads
    a sentence's tokens and linked mentions, and the participants of the sentences
    before it in the same document (:class:`Recent`, which the caller updates).
Writes
    nothing: it returns extra :class:`~analysis.extraction.actors.Mention` objects
    (kind ``NAME``), which only the relation rules see; the mention, count and figure
    tables never do.

Only a phrase with no firm, body or person named before it in its sentence is read (its
subject, in news writing: "Rusnano a racheté 40 % de la société" may take up a firm the
sentence names). The antecedent is the first actor (the latter: the last) of a compatible
type named in the nearest of the ``reach`` sentences before that names one, skipping
actors the sentence itself names. A noun that says a sector ("le constructeur": a
carmaker) or an adjective of nationality next to it ("the Kazakh partner") must agree
with the actor's.
A noun followed by the name it describes ("le constructeur chinois Chery"), or standing
in apposition to a name ("Avtotor, the company that ...") is not an anaphor.

A noun of a role ("la coentreprise", "the joint venture", "la filiale") takes up the actor
the document last called so ("X est une coentreprise", "X, a joint venture", "sa filiale
X"; :func:`called_so`), however far back, rather than the nearest firm, which is then
often the venture's parent or a customer. With none called so, the rule above applies.

"The Company", "The Group", "le Groupe", "la Société", capitalised after the article, are
an issuer's defined term for itself: wherever they stand, they take up the document's
issuer, the first firm its first paragraph (its title) names (:data:`ISSUER`, resolved by
the pipeline once the document has been read; with no firm in the title, nothing). Like
the other reference words, they make a row one to set aside (``relation_references``),
unless the document defines the term for that very firm ('X (the "Company")', a
definitions line): then it is a name.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from analysis.extraction.actors import (
    ADJECTIVE,
    ATTRIBUTE,
    NAME,
    PLACE_TYPES,
    Actor,
    KnowledgeBase,
    Mention,
)
from analysis.extraction.appositions import fronted_role
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.relation_references import REFERENCE_MARK

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "anaphors.yaml"
#: Parts of speech that may stand between a noun and the name it describes.
DESCRIBING = frozenset({"ADJ", "ADP", "DET", "PROPN", "NOUN"})
#: The entity a capitalised "the Company" stands for until the document is read: its
#: issuer. Relation rows naming it are resolved or dropped then.
ISSUER = "@issuer"
#: Its stand-in actor, for the rules that read an actor's type.
ISSUER_ACTOR = Actor(ISSUER, "company", "", "", ())
#: How far after its noun a described name may start.
DESCRIBED_WITHIN = 4
#: How many words may stand between a name and the noun of a role that calls it so
#: ("X, the pack-assembly joint venture", "X est une coentreprise").
CALLED_WITHIN = 7
#: Punctuation through which a noun after a name calls it so ("X, a joint venture").
_LINKS = frozenset({",", "(", ":", "—", "–"})
#: Types of actor that no noun of a role calls so.
_NOT_ROLES = frozenset({"country", "person"})
#: Words that may not stand there: the noun then says something of another actor.
_NOT_BETWEEN = frozenset({"VERB", "CCONJ", "SCONJ", "PRON", "ADP"})


@dataclass(frozen=True)
class Lexicon:
    #: Lower-case token sequences: (determiner, noun words...) -> antecedent types.
    phrases: dict[tuple[str, ...], frozenset[str]]
    #: Phrases that take up the last actor named rather than the first.
    latter: frozenset[tuple[str, ...]]
    #: Noun -> the sector it says.
    sectors: dict[str, str]
    reach: int
    #: Noun of a role -> the role ("coentreprise" -> "joint_venture").
    roles: dict[str, str]
    #: Nouns that, capitalised, are an issuer's defined term ("the Company").
    issuer: frozenset[str]
    #: The first words of ``phrases`` (a word outside them opens no phrase).
    firsts: frozenset[str] = frozenset()


@cache
def _raw(path: Path = LEXICON) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _joined(det: str, noun: str) -> str:
    return f"{det}{noun}" if det.endswith("'") or not det else f"{det} {noun}"


@cache
def role_nouns() -> dict[str, str]:
    """Noun of a role -> the role, from ``relations.yaml``'s grammar."""
    return {word: role for role in _raw()["roles"] for word in GRAMMAR[role]}


@cache
def pronouns(number: str | None = None) -> frozenset[str]:
    """The pronouns of every language ("il", "they"), or only the ``number`` ("singular"
    or "plural") ones, lower-cased."""
    data = _raw()["pronouns"]
    return frozenset(
        p.lower()
        for key in ([number] if number else data)
        for forms in data[key].values()
        for p in forms or ()
    )


@cache
def impersonal_openers() -> list[str]:
    """Impersonal openings of every language ("il y a", "it is likely"): the pronoun
    there takes up nothing."""
    return [p for forms in _raw()["impersonal"].values() for p in forms or ()]


def anaphoric_phrases() -> list[str]:
    """Every anaphoric expression of every language, as text ("il", "l'entreprise",
    "the company", "ce dernier"): the figures' anaphoric subjects."""
    data = _raw()
    out = sorted(pronouns())
    for lang, dets in data["determiners"].items():
        for by_lang in data["nouns"].values():
            out += [_joined(d, n) for n in by_lang.get(lang) or () for d in dets]
    out += [p for forms in data["latter"]["phrases"].values() for p in forms or ()]
    dets = {d for ds in data["determiners"].values() for d in ds if d}
    out += [_joined(d, n) for n in role_nouns() for d in dets]
    return out


@cache
def anaphor_nouns() -> frozenset[str]:
    """The one-word nouns of every anaphoric phrase, lower-cased ("groupe", "company",
    "plant"): alone, such a word names no actor ("the Group" of an annual report)."""
    data = _raw()
    return frozenset(
        noun.lower()
        for by_lang in data["nouns"].values()
        for nouns in by_lang.values()
        for noun in nouns or ()
        if " " not in noun
    ) | frozenset(role_nouns())


@cache
def lexicon() -> Lexicon:
    """The noun phrases the relation rules read, keyed by their lower-case words."""
    data = _raw()
    phrases: dict[tuple[str, ...], frozenset[str]] = {}
    for lang, dets in data["determiners"].items():
        for kind, by_lang in data["nouns"].items():
            for noun in by_lang.get(lang) or ():
                for det in dets:
                    if det:  # (a bare noun is too often no anaphor)
                        phrases[(det, *noun.lower().split())] = frozenset({kind})
    latter_types = frozenset(data["latter"]["types"])
    latter = set()
    for forms in data["latter"]["phrases"].values():
        for form in forms or ():
            # (as the tokenizer splits it: "celui-ci" is "celui", "-", "ci")
            key = tuple(form.lower().replace("-", " - ").split())
            phrases[key] = latter_types
            latter.add(key)
    sectors = {noun: sector for sector, nouns in data["sectors"].items() for noun in nouns}
    roles = role_nouns()
    for det in {d for ds in data["determiners"].values() for d in ds if d}:
        for noun in roles:
            phrases[(det, noun)] = frozenset({"company"})
    issuer = frozenset(data["issuer"])
    firsts = frozenset(key[0] for key in phrases)
    return Lexicon(phrases, frozenset(latter), sectors, int(data["reach"]), roles, issuer, firsts)


@dataclass
class Recent:
    """The participants named in the last sentences of a document, nearest last."""

    reach: int = field(default_factory=lambda: lexicon().reach)
    sentences: deque = field(default_factory=deque)
    #: Role -> the actor the document last called so (:func:`called_so`).
    roles: dict[str, str] = field(default_factory=dict)
    #: The named subject of the last sentence (:func:`named_subject`), if any.
    subject: str | None = None
    #: Per sentence, beside ``sentences``: actor -> grammatical gender of the noun that
    #: describes it there (:func:`noun_genders`).
    genders: deque = field(default_factory=deque)
    #: Per sentence, beside ``sentences``: the actor named as its subject, if any.
    subjects: deque = field(default_factory=deque)

    def add(
        self,
        mentions: list[Mention],
        roles: dict[str, str] | None = None,
        subject: str | None = None,
        genders: dict[str, str] | None = None,
    ) -> None:
        """Record a sentence's named actors (call after reading it, even if it has none),
        the roles it gives them, its named subject and its actors' genders."""
        self.sentences.append(
            [m.entity for m in mentions if m.kind == NAME and m.role != ATTRIBUTE]
        )
        self.genders.append(genders or {})
        self.subjects.append(subject)
        while len(self.sentences) > self.reach:
            self.sentences.popleft()
            self.genders.popleft()
            self.subjects.popleft()
        self.roles.update(roles or {})
        self.subject = subject


def named_subject(doc: Doc, start: int, end: int, mentions: list[Mention]) -> str | None:
    """The actor named as the subject of the sentence ``doc[start:end]``: the first name
    before its first verb that no preposition governs ("En 2023, X a racheté ...", "À
    Kalouga, X assemble ...": X; "Selon Reuters, X ...": X); None if no name stands there.
    """
    names = sorted(
        (m for m in mentions if m.kind == NAME and m.role != ATTRIBUTE and start <= m.start),
        key=lambda m: m.start,
    )
    inside = {i for m in names for i in range(m.start, m.end)}
    verb = next(
        (i for i in range(start, end) if i not in inside and doc[i].pos_ in ("VERB", "AUX")),
        end,
    )
    for m in names:
        if m.start >= verb:
            return None
        if m.start == start or doc[m.start - 1].pos_ != "ADP":
            return m.entity
    return None


def called_so(
    doc: Doc, start: int, end: int, mentions: list[Mention], kb: KnowledgeBase
) -> dict[str, str]:
    """Role -> the actor the sentence ``doc[start:end]`` calls so: the noun of a role
    after the name ("X, a joint venture", "X est une coentreprise", "X, filiale de Y") or
    right before it ("sa filiale X", "the joint venture X")."""
    roles = lexicon().roles
    # (not by type "place": a name discovered in this document may have no final type yet)
    names = [
        m
        for m in mentions
        if m.kind == NAME and m.role != ATTRIBUTE and kb.actors[m.entity].type not in _NOT_ROLES
    ]
    starts = {m.start for m in mentions}
    # (a place may qualify the role's noun: "X, the Tyumen joint venture of A and B"; its
    # type is the gazetteer's or the knowledge base's, and no place is called so itself)
    places = {
        i
        for m in mentions
        if m.kind == NAME and kb.actors[m.entity].type in ("place", "country")
        for i in range(m.start, m.end)
    }
    found: dict[str, str] = {}
    for m in sorted(names, key=lambda m: m.start):
        # After the name, only through a comma, a bracket or a copula: "the X–Y joint
        # venture", "X joint venture" are the venture of X, not X.
        linked = False
        for j in range(m.end, min(end, m.end + CALLED_WITHIN + 1)):
            if _word(doc[j].text) in roles:
                if linked:
                    found[roles[_word(doc[j].text)]] = m.entity
                break
            # (a possessive after the link calls it so too: "X, its joint venture with
            # Y"; not a relative one: "X, whose joint venture")
            if doc[j].tag_ == "WP$":
                break  # ("X, whose joint venture": the venture is another)
            if linked and j in places and kb.actors[m.entity].type != "place":
                continue
            if j in starts or (doc[j].pos_ in _NOT_BETWEEN and not _owned(doc, j, linked)):
                break
            linked = linked or doc[j].text in _LINKS or doc[j].pos_ == "AUX"
        for j in range(m.start - 1, max(start, m.start - DESCRIBED_WITHIN) - 1, -1):
            if _word(doc[j].text) in roles:
                found[roles[_word(doc[j].text)]] = m.entity
                break
            if doc[j].text == "," and j == m.start - 1 and _closed(doc, m.end, end):
                continue  # "une coentreprise, X, ..." (not "the X–Y venture, Y owning ...")
            if doc[j].pos_ not in DESCRIBING or doc[j].pos_ == "ADP" or j in starts:
                break
    return found


def _owned(doc: Doc, j: int, linked: bool) -> bool:
    """Is token ``j`` a personal possessive right after a link ("X, its venture")?"""
    return linked and doc[j].tag_ == "PRP$" and doc[j - 1].text in _LINKS


def _word(text: str) -> str:
    return text.lower().replace("’", "'")


def anaphors(
    doc: Doc, start: int, end: int, mentions: list[Mention], recent: Recent, kb: KnowledgeBase
) -> list[Mention]:
    """Mentions standing for the actors that the definite noun phrases of the sentence
    ``doc[start:end]`` take up (see the module docstring); ``mentions`` are the
    sentence's own."""
    lex = lexicon()
    taken = bytearray(len(doc))
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    here = {m.entity for m in mentions}
    words = [_word(t.text) for t in doc[start:end]]
    # Actors named before the phrase that it could take up instead ("X now owns the
    # company outright", "Y contrôle le constructeur"): firms, bodies, people, not places.
    # (not those of a role's phrase opening the sentence: "Filiale du holding X,
    # l'entreprise assemble ...", where the noun is the subject)
    front = fronted_role(doc, start, end)[1] or -1
    agents = [
        m
        for m in mentions
        if m.kind == NAME
        and m.role != ATTRIBUTE
        and kb.actors[m.entity].type not in PLACE_TYPES
        and m.start > front
    ]
    adjectives = {i for m in mentions if m.kind == ADJECTIVE for i in range(m.start, m.end)}
    found: list[Mention] = []
    opening = _opening_pronoun(doc, start, end, words, taken)
    if opening is not None:
        antecedent = _opening_actor(recent, here, kb)
        if antecedent is not None:
            found.append(Mention(antecedent, start, opening, doc[start:opening].text, NAME))
    i = 0
    while i < len(words):
        if words[i] not in lex.firsts:
            i += 1
            continue
        match, a, b = _phrase(doc, start, i, words, adjectives, lex)
        if match is None or any(taken[a:b]):
            i += 1
            continue
        i = b - start
        if _describes(doc, b, end, mentions) or (
            a - 1 != front and _apposed(doc, a, start, mentions)
        ):
            continue
        if len(match) == 2 and match[-1] in lex.issuer and doc[b - 1].text[:1].isupper():
            found.append(Mention(ISSUER, a, b, doc[a:b].text, NAME))
            continue  # "a subsidiary of the Company": anywhere in the sentence
        if any(m.start < a for m in agents):
            break  # not the sentence's subject: it may take up the actor named before it
        antecedent = recent.roles.get(lex.roles.get(match[-1], ""))
        if antecedent is None or antecedent in here:
            country = _nationality(a, b, mentions, kb)
            sector = lex.sectors.get(match[-1])
            latter = match in lex.latter
            # "cette dernière": the last actor a feminine noun described ("la coentreprise
            # X", "X, coentreprise de ..."), not a "constructeur" named after it.
            gender = _gender(doc[a]) if latter else None
            antecedent = _antecedent(
                recent, lex.phrases[match], latter, here, sector, country, kb, gender
            )
        if antecedent is not None:
            found.append(Mention(antecedent, a, b, doc[a:b].text, NAME))
    return found


def _phrase(
    doc: Doc, start: int, i: int, words: list[str], adjectives: set[int], lex: Lexicon
) -> tuple[tuple[str, ...] | None, int, int]:
    """The anaphoric phrase opening at word ``i`` of the sentence (its lexicon key and
    token span), with up to two adjectives between determiner and noun ("the Kazakh
    partner"); (None, 0, 0) if none."""
    k = i + 1
    while (
        k < len(words) and k - i <= 2 and (doc[start + k].pos_ == "ADJ" or start + k in adjectives)
    ):
        k += 1
    for skip in sorted({1, k - i}):
        for n in (3, 2, 1):
            key = (words[i], *words[i + skip : i + skip + n])
            if len(key) == n + 1 and key in lex.phrases:
                return key, start + i, start + i + skip + n
    return None, 0, 0


#: Parts of speech that may stand between an opening pronoun and its verb: clitics and
#: the negation ("Elle y assemble", "Il en détient", "Elle ne fournit plus").
_CLITICS = frozenset({"PRON", "ADV", "PART"})


def _opening_pronoun(
    doc: Doc, start: int, end: int, words: list[str], taken: bytearray
) -> int | None:
    """The end of a singular pronoun opening the sentence as the subject of its verb
    ("Elle y assemble ...", "It buys ..."), with at most two clitics before the verb;
    None if the sentence opens otherwise, or impersonally ("Il y a", "It is likely")."""
    if not words or words[0] not in pronouns("singular") or taken[start]:
        return None
    if impersonal(words):
        return None
    for j in range(start + 1, min(end, start + 4)):
        if doc[j].pos_ in ("VERB", "AUX"):
            return start + 1
        if doc[j].pos_ not in _CLITICS:
            return None
    return None


def impersonal(words: list[str]) -> bool:
    """Do the lower-case tokens ``words`` of a sentence open impersonally ("il y a", "il
    s'agit", "it is likely")? An elided word and the next are one ("s'" "agit")."""
    opening = " ".join(words[:5]).replace("' ", "'")
    return any(opening == form or opening.startswith(form + " ") for form in impersonal_openers())


def _opening_actor(recent: Recent, here: set[str], kb: KnowledgeBase) -> str | None:
    """The actor an opening pronoun takes up: the named subject of the sentence right
    before, when it is a firm, a brand or a body (a person, a country or a plant is "il"
    or "elle" as well: then nothing)."""
    entity = recent.subject
    if entity is None or entity in here or entity not in kb.actors:
        return None
    return entity if kb.actors[entity].type not in (*PLACE_TYPES, "person") else None


def _closed(doc: Doc, i: int, end: int) -> bool:
    """Does an apposition end at token ``i`` (a comma, a bracket, the sentence's end)?"""
    return i >= end or doc[i].text in (",", ")", ".", ";")


def _describes(doc: Doc, b: int, end: int, mentions: list[Mention]) -> bool:
    """Does a name follow the noun as what it describes ("le groupe chinois BTR"), or
    stand in apposition after its complements ("Le seul fabricant russe de cellules en
    activité, Liotech, produit ...")?"""
    starts = {m.start for m in mentions if m.kind == NAME}
    for j in range(b, min(end, b + CALLED_WITHIN + 1)):
        if j in starts and j < b + DESCRIBED_WITHIN:
            return True
        if doc[j].text == "," and j > b:
            return j + 1 in starts
        if doc[j].pos_ not in DESCRIBING and not any(
            m.start <= j < m.end and m.kind == ADJECTIVE for m in mentions
        ):
            return False
    return False


def _apposed(doc: Doc, a: int, start: int, mentions: list[Mention]) -> bool:
    """Is the noun phrase in apposition to the name just before it ("X, the company")?"""
    return a - 1 > start and doc[a - 1].text == "," and any(m.end == a - 1 for m in mentions)


def _nationality(a: int, b: int, mentions: list[Mention], kb: KnowledgeBase) -> str | None:
    """The country of an adjective right before or after the noun ("the Kazakh partner",
    "le partenaire kazakh"), if any."""
    for m in mentions:
        if m.kind == ADJECTIVE and (a < m.start < b or m.start == b):
            return kb.actors[m.entity].country or None
    return None


def _gender(token) -> str | None:
    """A token's grammatical gender ("Fem", "Masc"), if the tagger gives one."""
    found = token.morph.get("Gender")
    return found[0] if len(found) == 1 else None


#: Tokens that may stand between a describing noun and its name: adjectives of
#: nationality or kind ("le constructeur chinois X", "du groupe russe X").
NOUN_REACH = 3


def noun_genders(doc: Doc, start: int, end: int, mentions: list[Mention]) -> dict[str, str]:
    """Actor -> gender of the noun that describes it in the sentence ``doc[start:end]``:
    the noun before its name, adjectives aside ("du constructeur chinois X": masculine),
    or the noun of its apposition (", coentreprise du groupe ...": feminine), its article
    first. Actors with no such noun, and languages whose tagger gives no gender, are
    left out."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind != NAME or m.role == ATTRIBUTE:
            continue
        noun = None
        j = m.start - 1
        while j >= max(start, m.start - NOUN_REACH) and doc[j].pos_ == "ADJ":
            j -= 1
        if j >= start and doc[j].pos_ == "NOUN":
            noun = doc[j]
        elif m.end + 1 < end and doc[m.end].text == ",":
            k = m.end + 1 + (doc[m.end + 1].pos_ == "DET")
            noun = doc[k] if k < end and doc[k].pos_ == "NOUN" else None
        if noun is None:
            continue
        # (the article says it best: "du holding" is masculine, though "holding" is both)
        before = doc[noun.i - 1] if noun.i > start else None
        article = _gender(before) if before is not None and before.pos_ in ("DET", "ADP") else None
        if gender := article or _gender(noun):
            out.setdefault(m.entity, gender)
    return out


def _antecedent(
    recent: Recent,
    types: frozenset[str],
    last: bool,
    here: set[str],
    sector: str | None,
    country: str | None,
    kb: KnowledgeBase,
    gender: str | None = None,
) -> str | None:
    """The actor a noun phrase takes up: "the latter" the last one named in the nearest
    sentence that names one that fits; any other the most salient that fits over the
    ``reach`` sentences (:func:`_salient`)."""
    scores: dict[str, float] = {}
    for back, (names, genders, subject) in enumerate(
        zip(
            reversed(recent.sentences),
            reversed(recent.genders),
            reversed(recent.subjects),
            strict=True,
        )
    ):
        fits = [
            e
            for e in names
            if e not in here
            and kb.actors[e].type in types
            and (sector is None or kb.actors[e].sector in (sector, ""))
            and (country is None or kb.actors[e].country in (country, ""))
            and (gender is None or genders.get(e, gender) == gender)
        ]
        # (an actor a noun of that gender described before one no noun described)
        if gender is not None:
            fits = [e for e in fits if genders.get(e) == gender] or fits
        if fits and last:
            return fits[-1]
        for e, score in _salient(fits, subject, back).items():
            scores[e] = scores.get(e, 0.0) + score
    # (ties: the nearest sentence's first, as dicts keep the order scores were added in)
    return max(scores, key=scores.__getitem__) if scores else None


def _salient(names: list[str], subject: str | None, back: int) -> dict[str, float]:
    """Each actor's salience in one sentence ``back`` sentences before: its mentions, and
    a bonus as the sentence's subject, fading with distance. The topic a paragraph keeps
    naming outweighs an actor the nearest sentence names once ("Hanxing denied it. 'We
    have no plan for Hanxing Volga Motors,' the group said. The carmaker ships kits ...":
    Hanxing)."""
    salience = _raw()["salience"]
    weight = float(salience["decay"]) ** back
    scores: dict[str, float] = {}
    for e in names:
        scores[e] = scores.get(e, 0.0) + weight
    if subject in scores:
        scores[subject] += weight * float(salience["subject"])
    return scores


def issuer_defined(defined: dict[str, str], roles: dict[str, str], title: str | None) -> str | None:
    """The document's issuer: the firm a definitions line calls "Company" ('"Company"
    Hunan X Co., Ltd., whose ...'), whatever the title names; else the title's first
    firm (``title``); else the firm an article defines so ('Hunan X Co., Ltd. (the
    "Company")')."""
    words = lexicon().issuer
    return (
        next((e for t, e in defined.items() if t.lower() in words), None)
        or title
        or next((e for t, e in roles.items() if t.split()[-1].lower() in words), None)
    )


def defined_issuers(roles: dict[str, str]) -> set[str]:
    """The actors the document's defined terms ('X (the "Company")', '"Company" X') give
    the issuer's own words ("Company", "Group", "Société")."""
    return {e for t, e in roles.items() if t.lower() in lexicon().issuer}


def with_issuer(
    relations: list[dict], issuer: str | None, defined: set[str] = frozenset()
) -> list[dict]:
    """The rows with "the Company" (:data:`ISSUER`) resolved to the document's issuer,
    the first firm its first paragraph (its title) names, or the one a definitions line
    defines so; with none, or where the issuer would be related to itself, they are
    dropped. Rows made the same by it are kept once. When the issuer is an actor the
    document ``defined`` so, the term is a name, not a reference word: the rows lose
    :data:`REFERENCE_MARK`."""
    if not any(ISSUER in (r["source"], r["target"]) for r in relations):
        return relations
    out, seen = [], set()
    for r in relations:
        if ISSUER in (r["source"], r["target"]):
            source, target = (issuer if x == ISSUER else x for x in (r["source"], r["target"]))
            if issuer is None or source == target:
                continue
            key = (*r["_key"][:-2], source, target)
            r = {**r, "source": source, "target": target, "_key": key}
            if issuer in defined:
                r["rule"] = str(r.get("rule") or "").removesuffix(REFERENCE_MARK)
        if r["_key"] not in seen:
            seen.add(r["_key"])
            out.append(r)
    return out


__all__ = [
    "ISSUER",
    "ISSUER_ACTOR",
    "Recent",
    "anaphor_nouns",
    "anaphoric_phrases",
    "anaphors",
    "called_so",
    "defined_issuers",
    "impersonal",
    "impersonal_openers",
    "issuer_defined",
    "lexicon",
    "named_subject",
    "noun_genders",
    "pronouns",
    "with_issuer",
]
