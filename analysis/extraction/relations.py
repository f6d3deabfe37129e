"""Typed relations between actors of the same sentence.

Method (cited by the methods appendix). Relations are found sentence by sentence:

1. **Cues.** Cue phrases of six types - partnership, acquisition (incl. stakes and
   subsidiaries), exit, production (localisation), investment, supply (technology,
   platform, energy) - are listed in French and English in
   ``analysis/data/lexicons/relations.yaml`` and matched case-insensitively on tokens.
   Exclusion phrases cancel overlapping cues ("fonds d'investissement", "s'est produit").
2. **Participants.** The linked actor mentions of the sentence, except media (in news
   they are attribution sources: "selon Reuters") and country adjectives that qualify
   an organisation or a named actor ("le constructeur chinois JAC" says where JAC is
   from; it is not a China-JAC relation).
3. **Window rule.** For each cue, participants are looked for within ``WINDOW`` tokens on
   either side of it, in the same sentence:

   - *partnership* (symmetric): the nearest participant before the cue and the nearest
     after it ("Nissan, allié de Renault"); if one side is empty, the two nearest
     distinct participants on the other side ("une collaboration entre la Russie et la
     Chine"). One of the two must lie within ``WINDOW`` tokens of the cue, the other
     within ``2 * WINDOW`` ("Kamaz, qui a signé ..., et le gouvernement travaille avec
     ... JAC"). Source is the one read first.
   - *acquisition, investment, supply* (directed): the source is the first participant
     of the sentence before the cue - news sentences put the agent first - and the
     target the nearest participant after the cue. ``reverse`` cues swap them
     ("un contrat d'électricité ... avec le producteur Voltalia": Voltalia supplies).
   - *production*: the target is a country or place introduced by a locative
     preposition (en, au, à, dans, sur, in...) within ``PLACE_WINDOW`` tokens after the
     cue ("usine ... en Russie", "sur le sol kazakh"); the source is the participant
     nearest the cue, with any actors coordinated with it ("X et Y").
   - *exit*: the target is the country or place nearest the cue, or - when the sentence
     says only "le pays"/"the country" - the last country named earlier in the
     document; the sources are the firms and brands around the cue.
4. **Filters.** No relation of an actor with itself, nor of a person or state body with
   its own country; one row per (source, target, type, sentence).

The rule is deliberately simple: the French parse of these texts is unreliable (scraped
fragments, missing verbs), and the English path has no parser at all, so a window rule
behaves the same in both languages. Its known errors are measured against the gold
standard (``evaluate.py``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.extraction.actors import ATTRIBUTE, PLACE_TYPES, KnowledgeBase, Mention

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "relations.yaml"
RELATION_TYPES = ("partnership", "acquisition", "exit", "production", "investment", "supply")
SYMMETRIC = frozenset({"partnership"})
DIRECTED = frozenset({"acquisition", "investment", "supply"})
WINDOW = 12
PLACE_WINDOW = 8
LOCATIVE = frozenset(["en", "au", "aux", "à", "dans", "sur", "in", "into", "at"])
ANAPHORS = (("le", "pays"), ("ce", "pays"), ("the", "country"), ("this", "country"))
_EXCLUDE = "exclude"


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    relation: str
    cue: str
    rule: str


@dataclass(frozen=True)
class Cue:
    relation: str
    start: int
    end: int
    text: str
    reverse: bool


@functools.cache
def load_lexicon(path: Path = LEXICON_PATH) -> dict[str, dict[str, list[str]]]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    unknown = set(data) - set(RELATION_TYPES)
    if unknown:
        raise ValueError(f"{path}: unknown relation type(s) {sorted(unknown)}")
    return data


@dataclass
class CueMatcher:
    matcher: PhraseMatcher
    keys: dict[int, str]
    reverse: frozenset[str]

    def cues(self, doc: Doc) -> list[Cue]:
        """Cue matches of ``doc``, minus those overlapping an exclusion phrase."""
        raw = [(s, e, self.keys[mid]) for mid, s, e in self.matcher(doc)]
        excluded = bytearray(len(doc))
        for s, e, rel in raw:
            if rel == _EXCLUDE:
                excluded[s:e] = b"\x01" * (e - s)
        # Longest cue wins among overlapping cues ("filiale de" over "filiale").
        raw.sort(key=lambda x: (-(x[1] - x[0]), x[0], x[2]))
        taken = bytearray(len(doc))
        out = []
        for s, e, rel in raw:
            if rel == _EXCLUDE or any(excluded[s:e]) or any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            text = doc[s:e].text
            out.append(Cue(rel, s, e, text, text.lower() in self.reverse))
        out.sort(key=lambda c: (c.start, c.relation))
        return out


@functools.cache
def cue_matcher_for(nlp: Language) -> CueMatcher:
    """Compile the cue lexicon for ``nlp``'s tokenizer (cached per pipeline)."""
    lexicon = load_lexicon()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, str] = {}
    reverse: set[str] = set()
    for rel in RELATION_TYPES:
        spec = lexicon.get(rel, {})
        for name, phrases in (
            (rel, spec.get("fr", []) + spec.get("en", [])),
            (_EXCLUDE, spec.get("exclude", [])),
        ):
            if not phrases:
                continue
            label = f"relation:{name}"
            keys[nlp.vocab.strings.add(label)] = name
            matcher.add(label, [nlp.make_doc(p) for p in phrases])
        reverse |= {p.lower() for p in spec.get("reverse", [])}
    return CueMatcher(matcher, keys, frozenset(reverse))


def _dist(m: Mention, cue: Cue) -> int:
    return cue.start - m.end if m.end <= cue.start else m.start - cue.end


def participants(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Mentions that may take part in a relation (see module docstring, step 2)."""
    return [m for m in mentions if m.role != ATTRIBUTE and kb.actors[m.entity].type != "media"]


def _is_place(m: Mention, kb: KnowledgeBase) -> bool:
    return kb.actors[m.entity].type in PLACE_TYPES


def _coordinated(doc: Doc, first: Mention, pool: list[Mention]) -> list[Mention]:
    """``first`` and the mentions joined to it by "et"/"and"/commas only."""
    group = [first]
    ordered = sorted(pool, key=lambda m: m.start)
    for direction in (1, -1):
        cur = first
        seq = ordered if direction == 1 else ordered[::-1]
        for m in seq:
            lo, hi = (cur.end, m.start) if direction == 1 else (m.end, cur.start)
            if lo > hi or m is cur or m in group:
                continue
            between = [t.lower_ for t in doc[lo:hi]]
            if between and all(w in ("et", "and", ",") for w in between):
                group.append(m)
                cur = m
    return group


def _nearest(
    cands: list[Mention], cue: Cue, exclude: set[str] = frozenset(), window: int = WINDOW
) -> Mention | None:
    pool = [m for m in cands if m.entity not in exclude and _dist(m, cue) <= window]
    return min(pool, key=lambda m: (_dist(m, cue), m.start)) if pool else None


def _anaphor(doc: Doc, start: int, end: int) -> bool:
    words = [t.lower_ for t in doc[start:end]]
    return any(words[i : i + 2] == list(a) for a in ANAPHORS for i in range(len(words) - 1))


def relations_in_sentence(
    doc: Doc,
    start: int,
    end: int,
    mentions: list[Mention],
    cues: list[Cue],
    kb: KnowledgeBase,
    previous_country: str | None = None,
) -> list[Relation]:
    """Relations supported by the sentence ``doc[start:end]`` (see module docstring)."""
    parts = [m for m in participants(mentions, kb) if start <= m.start and m.end <= end]
    found: list[Relation] = []
    for cue in cues:
        if not start <= cue.start < end or any(
            m.start < cue.end and cue.start < m.end for m in mentions
        ):
            continue
        before = [m for m in parts if m.end <= cue.start]
        after = [m for m in parts if m.start >= cue.end]
        pairs: list[tuple[str, str]] = []
        rule = cue.relation
        if cue.relation in SYMMETRIC:
            wide = 2 * WINDOW
            a, b = _nearest(before, cue, window=wide), _nearest(after, cue, window=wide)
            if a and b and a.entity == b.entity:
                b = _nearest(after, cue, {a.entity}, wide)
            if a is None and b is not None:
                a, b = b, _nearest(after, cue, {b.entity}, wide)
            elif b is None and a is not None:
                b = _nearest(before, cue, {a.entity}, wide)
            if a and b and min(_dist(a, cue), _dist(b, cue)) <= WINDOW:
                first, second = sorted((a, b), key=lambda m: m.start)
                pairs.append((first.entity, second.entity))
        elif cue.relation in DIRECTED:
            src = min(before, key=lambda m: m.start) if before else None
            tgt = _nearest(after, cue, {src.entity} if src else set())
            if src and tgt:
                pairs.append((tgt.entity, src.entity) if cue.reverse else (src.entity, tgt.entity))
        elif cue.relation == "production":
            places = [
                m
                for m in after
                if _is_place(m, kb)
                and m.start - cue.end <= PLACE_WINDOW
                and any(t.lower_ in LOCATIVE for t in doc[max(m.start - 3, cue.end) : m.start])
            ]
            if places:
                tgt = min(places, key=lambda m: m.start)
                src = _nearest([m for m in parts if m is not tgt], cue, {tgt.entity})
                if src:
                    for s in _coordinated(doc, src, parts):
                        pairs.append((s.entity, tgt.entity))
        elif cue.relation == "exit":
            tgt_entity = None
            places = [m for m in parts if _is_place(m, kb)]
            near = _nearest(places, cue)
            if near is not None:
                tgt_entity = near.entity
            elif previous_country and _anaphor(doc, start, end):
                tgt_entity, rule = previous_country, "exit (anaphora)"
            firms = [m for m in parts if not _is_place(m, kb) and _dist(m, cue) <= WINDOW]
            if tgt_entity:
                pairs += [(m.entity, tgt_entity) for m in firms]
        for src, tgt in pairs:
            if _keep(src, tgt, kb):
                found.append(Relation(src, tgt, cue.relation, cue.text, rule))
    unique: dict[tuple[str, str, str], Relation] = {}
    for r in found:
        unique.setdefault((r.source, r.target, r.relation), r)
    return list(unique.values())


def _keep(source: str, target: str, kb: KnowledgeBase) -> bool:
    if source == target:
        return False
    s, t = kb.actors[source], kb.actors[target]
    for a, b in ((s, t), (t, s)):
        if a.type in ("person", "state body") and b.type == "country" and a.country == b.country:
            return False
    return True
