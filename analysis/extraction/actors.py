"""Knowledge base of actors, mention linking, and discovery of unknown actors.

Linking: the knowledge base (``analysis/data/actors.yaml`` plus generated countries, see
``countries``) is compiled into two spaCy ``PhraseMatcher``s per language: single-token
aliases are matched on the exact form (``ORTH``, plus an ALL-CAPS variant) because many
are common words in some case ("Atom", "US", "Chine" the fabric); multi-token aliases,
country adjectives and relation-free forms are matched case-insensitively (``LOWER``).
Overlapping matches keep the longest ("Vehicle Energy Japan" is not Japan, "Groupe
automobile de Pékin Co" is BAIC, not Beijing). A repair rule links an all-caps alias
glued to a following function word by a scraping error ("JACqui" = "JAC qui").

Discovery: spans of the statistical NER (French) that overlap no linked name are
*candidates* - reported with their counts in ``candidates.csv``, never linked and never
dropped silently. Junk spans are filtered by rules, not lists of the seeds' words:
spans with no capitalised token, single tokens that are not proper nouns by POS
(imperatives such as "Cliquez", "Abonnez", "Laisser", "Restez", interjections such as
"Bonjour", capitalised common nouns, all-caps emphasis such as "DEUXIÈME"), roman
ordinals ("XXIe siècle") and generic references ("État", "gouvernement"). English has no
NER offline: candidates are maximal runs of capitalised tokens that are not linked,
not stop words, months or weekdays, and not a single sentence-initial word (whose
capital says nothing) - a weaker rule than the French NER.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.extraction.countries import adjective_forms, generated_countries
from analysis.extraction.descriptors import organisation_heads
from analysis.extraction.russian import CYRILLIC, is_function_word

KB_PATH = Path(__file__).resolve().parents[1] / "data" / "actors.yaml"

ADJECTIVE = "adjective"
NAME = "name"
PARTICIPANT = "participant"
ATTRIBUTE = "attribute"
PLACE_TYPES = frozenset({"country", "place"})


class KnowledgeBaseError(ValueError):
    """A knowledge-base entry is malformed; the message names the entry."""


#: Where an actor's entry comes from: the knowledge base, or the text itself.
KNOWN = "knowledge base"
DISCOVERED = "discovered"
#: Fields an ``actors`` entry of the knowledge base may have.
ENTRY_FIELDS = frozenset({"name", "type", "country", "sector", "parent", "aliases", "ru", "note"})


@dataclass(frozen=True)
class Actor:
    """An actor: from the knowledge base, or discovered in the seeds (``provenance``).

    ``aliases`` holds every matchable form (Latin and Cyrillic); ``parent`` names another
    actor (a brand's owner, a subsidiary's parent, a plant's operator), or is empty.
    """

    name: str
    type: str
    country: str
    sector: str
    aliases: tuple[str, ...]
    note: str = ""
    parent: str = ""
    provenance: str = KNOWN


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    actors: dict[str, Actor]
    adjectives: tuple  # tuple[AdjectiveForm, ...]
    generic_terms: frozenset[str]
    organisation_nouns: frozenset[str]
    collective_nouns: frozenset[str] = frozenset()
    country_names: dict[str, str] = field(default_factory=dict)  # ISO code -> entity name

    def country_entity(self, code: str) -> str:
        return self.country_names[code]


_ISO2 = re.compile(r"^[A-Z]{2}$")


def _validate(entry: dict, types: set[str], sectors: set[str], where: str) -> Actor:
    name = entry.get("name") if isinstance(entry, dict) else None
    label = f"{where} entry {name!r}" if name else f"{where} entry {entry!r}"
    if not isinstance(entry, dict) or not isinstance(name, str) or not name.strip():
        raise KnowledgeBaseError(f"{label}: needs a non-empty 'name'")
    unknown = set(entry) - ENTRY_FIELDS
    if unknown:
        raise KnowledgeBaseError(f"{label}: unknown field(s) {sorted(unknown)}")
    if entry.get("type") not in types:
        raise KnowledgeBaseError(f"{label}: type {entry.get('type')!r} not in {sorted(types)}")
    country = entry.get("country", "")
    if not isinstance(country, str) or not _ISO2.match(country):
        raise KnowledgeBaseError(f"{label}: country {country!r} is not an ISO 3166 alpha-2 code")
    sector = entry.get("sector", "") or ""
    if sector and sector not in sectors:
        raise KnowledgeBaseError(f"{label}: sector {sector!r} not in {sorted(sectors)}")
    aliases: list[str] = []
    for key in ("aliases", "ru"):
        values = entry.get(key) or []
        if not isinstance(values, list) or not all(isinstance(a, str) and a for a in values):
            raise KnowledgeBaseError(f"{label}: '{key}' must be a list of non-empty strings")
        if key == "ru" and not all(CYRILLIC.search(a) for a in values):
            raise KnowledgeBaseError(f"{label}: 'ru' aliases must be written in Cyrillic")
        aliases += [a for a in values if a not in aliases]
    if name not in aliases:
        aliases = [name, *aliases]
    parent = entry.get("parent") or ""
    if not isinstance(parent, str):
        raise KnowledgeBaseError(f"{label}: 'parent' must be the name of another entry")
    return Actor(
        name,
        entry["type"],
        country,
        sector,
        tuple(aliases),
        str(entry.get("note", "")),
        parent,
    )


def _check_aliases(actors: dict[str, Actor]) -> None:
    """No alias (case-insensitive) may name two actors: a match must have one meaning."""
    owner: dict[str, str] = {}
    for actor in actors.values():
        for alias in actor.aliases:
            key = alias.casefold()
            other = owner.setdefault(key, actor.name)
            if other != actor.name:
                raise KnowledgeBaseError(
                    f"alias {alias!r} names two actors: {other!r} and {actor.name!r}"
                )


def parse_knowledge_base(data: dict) -> KnowledgeBase:
    """Validate and build a knowledge base from the YAML structure."""
    types = set(data.get("types") or [])
    sectors = set(data.get("sectors") or [])
    if not types or not sectors:
        raise KnowledgeBaseError("knowledge base needs 'types' and 'sectors' lists")
    actors: dict[str, Actor] = {}
    for entry in data.get("actors") or []:
        actor = _validate(entry, types, sectors, "actors")
        if actor.name in actors:
            raise KnowledgeBaseError(f"actors entry {actor.name!r}: duplicate name")
        actors[actor.name] = actor
    for actor in actors.values():
        if actor.parent and actor.parent not in actors:
            raise KnowledgeBaseError(
                f"actors entry {actor.name!r}: parent {actor.parent!r} is not an entry"
            )
    country_names: dict[str, str] = {}
    excluded = set(data.get("excluded_country_aliases") or [])
    for entry in generated_countries(data.get("countries") or {}, excluded):
        if entry.name in actors:
            raise KnowledgeBaseError(f"countries entry {entry.name!r}: clashes with an actor")
        actors[entry.name] = Actor(entry.name, "country", entry.code, "", entry.aliases)
        country_names[entry.code] = entry.name
    _check_aliases(actors)
    adjectives = tuple(adjective_forms(data.get("adjectives") or {}))
    for code in data.get("adjectives") or {}:
        if code not in country_names:
            raise KnowledgeBaseError(f"adjectives entry {code!r}: unknown country code")
    nouns = data.get("organisation_nouns") or {}
    return KnowledgeBase(
        actors=actors,
        adjectives=adjectives,
        generic_terms=frozenset(data.get("generic_terms") or []),
        organisation_nouns=frozenset(n.lower() for lang in nouns.values() for n in lang)
        | organisation_heads(),
        collective_nouns=frozenset(
            n.lower() for lang in (data.get("collective_nouns") or {}).values() for n in lang
        ),
        country_names=country_names,
    )


@functools.cache
def load_knowledge_base(path: Path = KB_PATH) -> KnowledgeBase:
    """Load and validate the knowledge base (cached per process)."""
    with open(path, encoding="utf-8") as fh:
        return parse_knowledge_base(yaml.safe_load(fh))


# --- matching -------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A linked mention: token span [start, end) in its paragraph ``Doc``."""

    entity: str
    start: int
    end: int
    text: str
    kind: str  # NAME or ADJECTIVE
    role: str = PARTICIPANT  # ATTRIBUTE for adjectives qualifying an organisation or actor


@dataclass
class Linker:
    """Compiled matchers for one spaCy pipeline."""

    kb: KnowledgeBase
    exact: PhraseMatcher
    lower: PhraseMatcher
    keys: dict[int, tuple[str, str]]  # match id -> (entity, kind)
    caps_aliases: dict[str, str]  # all-caps single-token alias -> entity
    #: Cyrillic aliases matched on lemmas («АвтоВАЗа», «в России»), for a pipeline
    #: with a lemmatizer (Russian); None otherwise.
    lemma: PhraseMatcher | None = None
    #: The same aliases matched on stems (NORM), for names the lemmatizer does not know
    #: («Росатома» → «росатом»).
    stem: PhraseMatcher | None = None

    def link(self, doc: Doc) -> list[Mention]:
        """All linked mentions of ``doc``, longest match first, in text order."""
        found: list[tuple[int, int, int]] = [*self.exact(doc), *self.lower(doc)]
        for matcher in (self.lemma, self.stem):
            if matcher is not None:
                # a name matched across inflection is capitalised, as Russian writes
                # names: «мы» is not the lemma-twin of «НАМИ», nor «того» of «Того»
                found += [
                    (mid, s, e)
                    for mid, s, e in matcher(doc)
                    if self.keys[mid][1] != NAME or doc[s].text[:1].isupper()
                ]
        spans = [(start, end, self.keys[mid]) for mid, start, end in found]
        spans += self._glued(doc)
        # Longest first, then earliest: nested aliases lose ("Japan" in "Vehicle Energy Japan").
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0], s[2]))
        taken = bytearray(len(doc))
        kept = []
        for start, end, (entity, kind) in spans:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, entity, kind))
        kept.sort()
        mentions = [
            Mention(e, s, t, doc[s:t].text, k)
            for s, t, e, k in kept
            if k != NAME
            or self.kb.actors[e].type in PLACE_TYPES  # ("Kazakhstan-Oriental": a region's)
            or not _hyphen_part(doc, s, t, taken)
        ]
        return assign_roles(doc, mentions, self.kb)

    _GLUE = re.compile(r"\b([A-Z]{2,6})(qui|que|et|de|des|du|la|le|les|est|the|and|of|is)\b")

    def _glued(self, doc: Doc) -> list[tuple[int, int, tuple[str, str]]]:
        out = []
        # The text as parsed, when the parser kept it (Doc.text rebuilds it token by token).
        for m in self._GLUE.finditer(doc.user_data.get("text") or doc.text):
            entity = self.caps_aliases.get(m.group(1))
            if entity is None:
                continue
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end, (entity, NAME)))
        return out


def _hyphen_part(doc: Doc, start: int, end: int, taken: bytearray) -> bool:
    """An alias glued by a hyphen to a capitalised word no alias covers is part of a
    longer name ("Elmash-Kama LLC" is not Kama; "Renault-Nissan" names both)."""

    def glued(hyphen: int, word: int) -> bool:
        return (
            0 <= word < len(doc)
            and doc[hyphen].text == "-"
            and not doc[hyphen - 1].whitespace_
            and not doc[hyphen].whitespace_
            and doc[word].is_alpha
            and doc[word].text[:1].isupper()
            and not taken[word]
        )

    return (start >= 2 and glued(start - 1, start - 2)) or (
        end + 1 < len(doc) and glued(end, end + 1)
    )


def assign_roles(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``mentions`` with the role of each country mention set: an adjective that
    qualifies an organisation or actor ("le constructeur chinois", "chinois JAC"), or a
    country's possessive before a named actor ("China's BYD"), is an attribute."""
    named = bytearray(len(doc))  # tokens inside a non-place named mention
    for m in mentions:
        if m.kind == NAME and kb.actors[m.entity].type not in PLACE_TYPES:
            named[m.start : m.end] = b"\x01" * (m.end - m.start)
    out = []
    for m in mentions:
        role = m.role
        if m.kind == ADJECTIVE:
            role = adjective_role(doc, m, named, kb)
        elif kb.actors[m.entity].type == "country" and _possessive_of_actor(doc, m, named, kb):
            role = ATTRIBUTE
        elif _based(doc, m):
            # "the Perth-based Ridgeway", "PRC-based": a base, no party (whatever type a
            # name discovered in the document has yet)
            role = ATTRIBUTE
        out.append(Mention(m.entity, m.start, m.end, m.text, m.kind, role))
    return out


def _based(doc: Doc, m: Mention) -> bool:
    """Is the place glued to "based" by a hyphen ("Perth-based", "Kazan-based")?"""
    after = doc[m.end : m.end + 2]
    return (len(after) == 2 and after[0].text == "-" and after[1].lower_ == "based") or (
        len(after) >= 1 and after[0].lower_ == "-based"
    )


def _possessive_of_actor(doc: Doc, m: Mention, named: bytearray, kb: KnowledgeBase) -> bool:
    """A country that says whose or where from an actor is: "China's BYD", "Russia's
    largest carmaker", "the US carmaker Ford"."""
    if m.end < len(doc) and doc[m.end].lower_ in kb.organisation_nouns:
        return True
    if m.end >= len(doc) or doc[m.end].text not in ("'s", "’s"):
        return False
    for i in range(m.end + 1, min(m.end + 5, len(doc))):
        if named[i] or doc[i].lower_ in kb.organisation_nouns:
            return True
    return False


def adjective_role(doc: Doc, m: Mention, named: bytearray, kb: KnowledgeBase) -> str:
    """Is a country adjective a participant, or an attribute of a firm/official/actor?

    Window rule (works without a parse, so also in English): an organisation noun within
    three tokens before or after ("le constructeur automobile chinois", "Chinese
    carmaker"), or a named actor right after or before ("chinois JAC", "du français
    Renault") makes it an attribute.
    """
    lo, hi = max(m.start - 3, 0), min(m.end + 3, len(doc))
    for i in (m.start - 1, m.end, m.end + 1):
        if 0 <= i < len(doc) and named[i]:
            return ATTRIBUTE
    nouns = [
        i
        for i in list(range(lo, m.start)) + list(range(m.end, hi))
        if doc[i].lower_ in kb.organisation_nouns
    ]
    if nouns and not all(_collective(doc, i, m, kb) for i in nouns):
        return ATTRIBUTE
    return PARTICIPANT


#: Words after "les entreprises chinoises" that go on to name some of them.
_ENUMERATION = frozenset({"dont", "comme", "notamment", "including", "such", "like", ":"})


def _collective(doc: Doc, i: int, m: Mention, kb: KnowledgeBase) -> bool:
    """Is the noun at ``i`` a plural generic noun for firms right next to the adjective
    ("les entreprises chinoises", "Chinese companies"), none of them named after it (see
    ``collective_nouns`` in ``actors.yaml``)? Then the country, its firms taken
    together, takes part; any other organisation noun makes the adjective an attribute."""
    if doc[i].lower_ not in kb.collective_nouns or i not in (m.start - 1, m.end):
        return False
    after = max(i, m.end - 1) + 1
    return after >= len(doc) or doc[after].lower_ not in _ENUMERATION


def _variants(alias: str) -> list[str]:
    out = [alias]
    if alias.upper() != alias:
        out.append(alias.upper())
    return out


@functools.cache
def linker_for(nlp: Language) -> Linker:
    """The default knowledge base compiled for ``nlp`` (cached per pipeline)."""
    return build_linker(nlp, load_knowledge_base())


def build_linker(nlp: Language, kb: KnowledgeBase) -> Linker:
    """Compile ``kb`` for ``nlp``'s tokenizer."""
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, tuple[str, str]] = {}
    caps: dict[str, str] = {}
    for actor in sorted(kb.actors.values(), key=lambda a: a.name):
        label = f"{actor.name}\t{NAME}"
        keys[nlp.vocab.strings.add(label)] = (actor.name, NAME)
        single, multi = [], []
        for alias in actor.aliases:
            doc = nlp.make_doc(alias)
            if len(doc) == 1:
                single += [nlp.make_doc(v) for v in _variants(alias)]
                if alias.isupper() and alias.isalpha():
                    caps[alias] = actor.name
            else:
                multi.append(doc)
        if single:
            exact.add(label, single)
        if multi:
            lower.add(label, multi)
    by_code: dict[str, list[Doc]] = {}
    capitalised: dict[str, list[Doc]] = {}  # English forms: "Polish" but not "polish"
    for adj in kb.adjectives:
        if adj.code not in kb.country_names:
            continue
        if adj.lang == "ru":
            continue  # matched on lemmas (see _lemma_matcher)
        if adj.lang == "en" and not adj.prefix:
            for form in {adj.form[:1].upper() + adj.form[1:], adj.form.upper()}:
                capitalised.setdefault(adj.code, []).append(nlp.make_doc(form))
            continue
        words = [adj.form, "-"] if adj.prefix else None
        doc = Doc(nlp.vocab, words=words) if words else nlp.make_doc(adj.form)
        by_code.setdefault(adj.code, []).append(doc)
    for matcher, table in ((lower, by_code), (exact, capitalised)):
        for code, docs in sorted(table.items()):
            entity = kb.country_entity(code)
            label = f"{entity}\t{ADJECTIVE}"
            keys[nlp.vocab.strings.add(label)] = (entity, ADJECTIVE)
            matcher.add(label, docs)
    lemma = _lemma_matcher(nlp, kb)
    if lemma is not None:  # the adjectives' labels, for a matcher of their own
        for code in {a.code for a in kb.adjectives if a.lang == "ru"} & set(kb.country_names):
            entity = kb.country_entity(code)
            keys[nlp.vocab.strings.add(f"{entity}\t{ADJECTIVE}")] = (entity, ADJECTIVE)
    stem = _lemma_matcher(nlp, kb, "NORM") if lemma is not None else None
    return Linker(kb, exact, lower, keys, caps, lemma, stem)


def _lemma_matcher(nlp: Language, kb: KnowledgeBase, attr: str = "LEMMA") -> PhraseMatcher | None:
    """Cyrillic aliases as lemma (or stem: ``attr="NORM"``) sequences, for a pipeline
    that lemmatizes (Russian): «Тульская область» matches «в Тульской области». None for
    other pipelines."""
    if "pymorphy_lemmas" not in nlp.pipe_names:
        return None
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for actor in sorted(kb.actors.values(), key=lambda a: a.name):
        forms = [a for a in actor.aliases if CYRILLIC.search(a) and not _function_word(a)]
        if forms:
            label = f"{actor.name}\t{NAME}"
            matcher.add(label, list(nlp.pipe(forms)))
    adjectives: dict[str, list[str]] = {}
    for adj in kb.adjectives:
        if adj.lang == "ru" and adj.code in kb.country_names:
            adjectives.setdefault(adj.code, []).append(adj.form)
    for code, forms in sorted(adjectives.items()):
        label = f"{kb.country_entity(code)}\t{ADJECTIVE}"
        matcher.add(label, list(nlp.pipe(forms)))
    return matcher


def _function_word(alias: str) -> bool:
    """An acronym («НАМИ», «ЕАБР») or a one-word alias whose lemma is a function word
    («Того» → «тот»): matched only as written, never across inflection."""
    return " " not in alias.strip() and (alias.isupper() or is_function_word(alias))
