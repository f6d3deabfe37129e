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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from analysis.extraction.countries import adjective_forms, generated_countries

KB_PATH = Path(__file__).resolve().parents[1] / "data" / "actors.yaml"

ADJECTIVE = "adjective"
NAME = "name"
PARTICIPANT = "participant"
ATTRIBUTE = "attribute"
PLACE_TYPES = frozenset({"country", "place"})


class KnowledgeBaseError(ValueError):
    """A knowledge-base entry is malformed; the message names the entry."""


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    country: str
    sector: str
    aliases: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    actors: dict[str, Actor]
    adjectives: tuple  # tuple[AdjectiveForm, ...]
    generic_terms: frozenset[str]
    organisation_nouns: frozenset[str]
    country_names: dict[str, str] = field(default_factory=dict)  # ISO code -> entity name

    def country_entity(self, code: str) -> str:
        return self.country_names[code]


_ISO2 = re.compile(r"^[A-Z]{2}$")


def _validate(entry: dict, types: set[str], sectors: set[str], where: str) -> Actor:
    name = entry.get("name") if isinstance(entry, dict) else None
    label = f"{where} entry {name!r}" if name else f"{where} entry {entry!r}"
    if not isinstance(entry, dict) or not isinstance(name, str) or not name.strip():
        raise KnowledgeBaseError(f"{label}: needs a non-empty 'name'")
    unknown = set(entry) - {"name", "type", "country", "sector", "aliases", "note"}
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
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        raise KnowledgeBaseError(f"{label}: 'aliases' must be a list of non-empty strings")
    if name not in aliases:
        aliases = [name, *aliases]
    return Actor(name, entry["type"], country, sector, tuple(aliases), str(entry.get("note", "")))


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
    country_names: dict[str, str] = {}
    excluded = set(data.get("excluded_country_aliases") or [])
    for entry in generated_countries(data.get("countries") or {}, excluded):
        if entry.name in actors:
            raise KnowledgeBaseError(f"countries entry {entry.name!r}: clashes with an actor")
        actors[entry.name] = Actor(entry.name, "country", entry.code, "", entry.aliases)
        country_names[entry.code] = entry.name
    adjectives = tuple(adjective_forms(data.get("adjectives") or {}))
    for adj in adjectives:
        if adj.code not in country_names:
            raise KnowledgeBaseError(f"adjectives entry {adj.code!r}: unknown country code")
    nouns = data.get("organisation_nouns") or {}
    return KnowledgeBase(
        actors=actors,
        adjectives=adjectives,
        generic_terms=frozenset(data.get("generic_terms") or []),
        organisation_nouns=frozenset(n.lower() for lang in nouns.values() for n in lang),
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

    def link(self, doc: Doc) -> list[Mention]:
        """All linked mentions of ``doc``, longest match first, in text order."""
        found: list[tuple[int, int, int]] = [*self.exact(doc), *self.lower(doc)]
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
        mentions = [Mention(e, s, t, doc[s:t].text, k) for s, t, e, k in kept]
        return self._roles(doc, mentions)

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

    def _roles(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        named = bytearray(len(doc))  # tokens inside a non-place named mention
        for m in mentions:
            if m.kind == NAME and self.kb.actors[m.entity].type not in PLACE_TYPES:
                named[m.start : m.end] = b"\x01" * (m.end - m.start)
        out = []
        for m in mentions:
            if m.kind == ADJECTIVE and adjective_role(doc, m, named, self.kb) == ATTRIBUTE:
                m = Mention(m.entity, m.start, m.end, m.text, m.kind, ATTRIBUTE)
            out.append(m)
        return out


def adjective_role(doc: Doc, m: Mention, named: bytearray, kb: KnowledgeBase) -> str:
    """Is a country adjective a participant, or an attribute of a firm/official/actor?

    Window rule (works without a parse, so also in English): an organisation noun within
    three tokens before or after ("le constructeur automobile chinois", "Chinese
    carmaker"), or a named actor right after or before ("chinois JAC", "du français
    Renault") makes it an attribute.
    """
    lo, hi = max(m.start - 3, 0), min(m.end + 3, len(doc))
    for i in list(range(lo, m.start)) + list(range(m.end, hi)):
        if doc[i].lower_ in kb.organisation_nouns:
            return ATTRIBUTE
    for i in (m.start - 1, m.end, m.end + 1):
        if 0 <= i < len(doc) and named[i]:
            return ATTRIBUTE
    return PARTICIPANT


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
    for adj in kb.adjectives:
        words = [adj.form, "-"] if adj.prefix else None
        doc = Doc(nlp.vocab, words=words) if words else nlp.make_doc(adj.form)
        by_code.setdefault(adj.code, []).append(doc)
    for code, docs in sorted(by_code.items()):
        entity = kb.country_entity(code)
        label = f"{entity}\t{ADJECTIVE}"
        keys[nlp.vocab.strings.add(label)] = (entity, ADJECTIVE)
        lower.add(label, docs)
    return Linker(kb, exact, lower, keys, caps)


# --- discovery ------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    text: str
    label: str
    start: int
    end: int


_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(e|è|ème|er|th)$")
_NOT_NAMES = frozenset({"VERB", "AUX", "INTJ", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ"})
_SINGLE_OK = frozenset({"PROPN", "X"})


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in ("DET", "ADP") or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def is_junk(span: Span, kb: KnowledgeBase) -> bool:
    """Rules that reject NER spans which are not names (see module docstring)."""
    tokens = [t for t in span if not t.is_space]
    if not tokens or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens):
        return True
    if "\n" in span.text or _ROMAN_ORDINAL.match(tokens[0].text):
        return True
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.text in kb.generic_terms or tok.pos_ in _NOT_NAMES:
            return True
        # A capitalised common noun/adjective, or all-caps emphasis ("MILLIARDS").
        if tok.pos_ and tok.pos_ not in _SINGLE_OK:
            return True
    return all(t.text in kb.generic_terms or t.is_stop for t in tokens)


def french_candidates(doc: Doc, mentions: Iterable[Mention], kb: KnowledgeBase) -> list[Candidate]:
    """NER spans of ``doc`` that overlap no linked name and are not junk."""
    named = bytearray(len(doc))
    for m in mentions:
        if m.kind == NAME:
            named[m.start : m.end] = b"\x01" * (m.end - m.start)
    out = []
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or any(named[span.start : span.end]) or is_junk(span, kb):
            continue
        out.append(Candidate(" ".join(span.text.split()), ent.label_, span.start, span.end))
    return out


_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def english_candidates(doc: Doc, mentions: Iterable[Mention], kb: KnowledgeBase) -> list[Candidate]:
    """Capitalisation rule for English (no NER model offline; see module docstring)."""
    linked = bytearray(len(doc))
    for m in mentions:
        linked[m.start : m.end] = b"\x01" * (m.end - m.start)
    sent_starts = {s.start for s in doc.sents}
    out: list[Candidate] = []
    run: list[int] = []

    def flush() -> None:
        while run and (doc[run[0]].is_stop or doc[run[0]].lower_ in _MONTH_WORDS):
            run.pop(0)
        if not run:
            return
        words = [doc[i] for i in run]
        if len(run) == 1 and (run[0] in sent_starts or words[0].text in kb.generic_terms):
            return
        if all(w.is_stop or w.lower_ in _MONTH_WORDS for w in words):
            return
        text = " ".join(w.text for w in words)
        out.append(Candidate(text, "PROPN", run[0], run[-1] + 1))

    for tok in doc:
        cap = tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text or "." in tok.text)
        if cap and not linked[tok.i]:
            if run and tok.i != run[-1] + 1:
                flush()
                run = []
            run.append(tok.i)
        else:
            if run:
                flush()
                run = []
    if run:
        flush()
    return out
