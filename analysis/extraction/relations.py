"""Typed relations between actors of the same sentence.

Method (cited by the methods appendix). Relations are found sentence by sentence:

1. **Cues.** Cue phrases of six types - partnership, acquisition (incl. stakes and
   subsidiaries), exit, production (localisation), investment, supply (technology,
   platform, energy) - are listed in French and English in
   ``analysis/data/lexicons/relations.yaml`` and matched case-insensitively on tokens.
   Exclusion phrases cancel overlapping cues ("fonds d'investissement", "s'est produit").
2. **Participants.** The linked actor mentions of the sentence, except media (in news
   they are attribution sources: "selon l'AFP") and country adjectives that qualify
   an organisation or a named actor ("le constructeur chinois Chery" says where Chery
   is from; it is not a China-Chery relation).
3. **Window rule.** For each cue, participants are looked for within ``WINDOW`` tokens on
   either side of it, in the same sentence:

   - *partnership* (symmetric): the nearest participant before the cue and the nearest
     after it ("Stellantis, allié de Leapmotor"); if one side is empty, the two nearest
     distinct participants on the other side ("une collaboration entre la Hongrie et
     la Chine"). One of the two must lie within ``WINDOW`` tokens of the cue, the other
     within ``2 * WINDOW`` ("BYD, qui a signé ..., et le gouvernement travaille avec
     ... CATL"). Source is the one read first.
   - *acquisition, investment, supply* (directed): the source is the first participant
     of the sentence before the cue - news sentences put the agent first - and the
     target the nearest participant after the cue. ``reverse`` cues swap them
     ("un contrat de batteries ... avec le fabricant CATL": CATL supplies).
   - *production*: the target is a country or place introduced by a locative
     preposition (en, au, à, dans, sur, in...) within ``PLACE_WINDOW`` tokens after the
     cue ("usine ... en Espagne", "sur le sol hongrois"), with places coordinated with it
     ("en Espagne et en Allemagne"); the source is the firm nearest the cue (a country
     only when no firm is at hand: "La Chine souhaite produire ... en Hongrie"), with
     any actors coordinated with it ("X et Y").
   - Actors the knowledge base lacks (candidates) take part in the choice but yield no
     relation: in "Panasonic and LG Energy Solution, which also supply Tesla, are
     investing in the United States" the first actor is Panasonic, so no
     Tesla-United States investment is made up.
   - *exit*: the target is the country or place nearest the cue, or - when the sentence
     says only "le pays"/"the country" - the last country named earlier in the
     document; the sources are the nearest firm or brand before the cue with those
     coordinated with it ("X et Y ... quitter"), else the nearest after it ("le départ
     de X").
4. **Filters.** No relation of an actor with itself, nor of a person or government body with
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

from analysis.extraction.actors import ADJECTIVE, ATTRIBUTE, PLACE_TYPES, KnowledgeBase, Mention

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "relations.yaml"
RELATION_TYPES = (
    "partnership",
    "ownership",
    "acquisition",
    "exit",
    "production",
    "investment",
    "supply",
)
SYMMETRIC = frozenset({"partnership"})
DIRECTED = frozenset({"ownership", "acquisition", "investment", "supply"})
#: Types whose ends may be a city or region (a plant is bought, financed, left there);
#: in the others a place can only be a country.
PLACE_TARGETS = frozenset({"acquisition", "investment", "production", "exit"})
WINDOW = 12
PLACE_WINDOW = 10
LOCATIVE = frozenset(["en", "au", "aux", "à", "dans", "sur", "in", "into", "at"])
#: Production cues that are nouns: "l'usine de Toula", "the plant of ...", "its plant
#: near Kaluga" take the place after "de"/"of"/"near" as well.
PLANT_NOUNS = frozenset(
    [
        "usine",
        "usines",
        "gigafactory",
        "gigafactories",
        "plant",
        "plants",
        "factory",
        "factories",
        "site de production",
        "chaîne de montage",
        "chaînes de montage",
        "assembly line",
    ]
)
PLANT_OF = frozenset(["de", "d'", "du", "of", "near", "outside", "près"])
#: After a supply cue, these say the actor that follows is the supplier ("kits from X",
#: "under licence from X", "based on X's model").
FROM = frozenset(["from", "de", "d'", "du", "des", "by", "par", "on", "sur"])
#: Words that make what follows a thing of the past: "l'ancienne usine Renault", "the
#: former Hyundai plant", "formerly part of": its firm is a former owner, not an agent.
FORMER = frozenset(
    [
        "ancienne",
        "ancien",
        "anciens",
        "anciennes",
        "ex",
        "former",
        "formerly",
        "old",
        "l'ex",
        "ex-usine",
    ]
)
#: Sale verbs: "X a vendu son usine de Y à Z", "X sold its stake in Y to Z".
SALE = frozenset(
    [
        "vend",
        "vendu",
        "vendue",
        "vendus",
        "cède",
        "cédé",
        "cédée",
        "cédés",
        "sold",
        "sells",
        "sell",
        "selling",
        "transferred",
        "handed",
    ]
)
TO = frozenset(["à", "au", "aux", "to"])
BOUGHT = frozenset(
    [
        "bought",
        "acquired",
        "purchased",
        "racheté",
        "rachète",
        "acquis",
        "acquiert",
        "repris",
        "reprend",
        "took",
        "takes",
    ]
)
ANAPHORS = (("le", "pays"), ("ce", "pays"), ("the", "country"), ("this", "country"))
_EXCLUDE = "exclude"
UNKNOWN = ""  # entity of an actor the knowledge base lacks (a candidate)
UNKNOWN_PLACE = "unknown place"
NEAR = frozenset(["près", "near", "outside"])
COORDINATION_WINDOW = 4
GENITIVE = frozenset(["de", "du", "des", "d'", "la", "le", "les", "l'", "of", "the"])
RELATIVE = frozenset(["qui", "que", "qu'", "dont", "which", "who", "whose"])


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
    verb_only: frozenset[str]
    passive: frozenset[str]

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
            text = doc[s:e].text
            if text.lower() in self.verb_only and doc[s].pos_ not in ("VERB", "AUX"):
                continue
            taken[s:e] = b"\x01" * (e - s)
            reverse = text.lower() in self.reverse
            # "racheté par X", "taken over by X": the agent comes after the cue.
            if e < len(doc) and f"{rel}:{doc[e].lower_}" in self.passive:
                reverse = not reverse
            out.append(Cue(rel, s, e, text, reverse))
        out.sort(key=lambda c: (c.start, c.relation))
        return out


@functools.cache
def cue_matcher_for(nlp: Language) -> CueMatcher:
    """Compile the cue lexicon for ``nlp``'s tokenizer (cached per pipeline)."""
    lexicon = load_lexicon()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys: dict[int, str] = {}
    reverse: set[str] = set()
    verb_only: set[str] = set()
    passive: set[str] = set()
    for rel in RELATION_TYPES:
        spec = lexicon.get(rel, {})
        verb_only |= {p.lower() for p in spec.get("verb_only", [])}
        for name, phrases in (
            (rel, spec.get("fr", []) + spec.get("en", []) + spec.get("verb_only", [])),
            (_EXCLUDE, spec.get("exclude", [])),
        ):
            if not phrases:
                continue
            label = f"relation:{name}"
            keys[nlp.vocab.strings.add(label)] = name
            matcher.add(label, [nlp.make_doc(p) for p in phrases])
        reverse |= {p.lower() for p in spec.get("reverse", [])}
        passive |= {f"{rel}:{p.lower()}" for p in spec.get("passive", [])}
    return CueMatcher(matcher, keys, frozenset(reverse), frozenset(verb_only), frozenset(passive))


def _dist(m: Mention, cue: Cue) -> int:
    return cue.start - m.end if m.end <= cue.start else m.start - cue.end


NOT_PARTICIPANTS = frozenset({"media", "person"})


def participants(mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Mentions that may take part in a relation (see module docstring, step 2)."""
    return [
        m
        for m in mentions
        if m.role != ATTRIBUTE and kb.actors[m.entity].type not in NOT_PARTICIPANTS
    ]


def _is_country(m: Mention, kb: KnowledgeBase) -> bool:
    return m.entity != UNKNOWN and kb.actors[m.entity].type == "country"


def _is_place(m: Mention, kb: KnowledgeBase) -> bool:
    return kb.actors[m.entity].type in PLACE_TYPES


def _coordinated(
    doc: Doc, first: Mention, pool: list[Mention], joiners: frozenset[str] = frozenset()
) -> list[Mention]:
    """``first`` and the mentions joined to it by "et"/"and"/commas/articles (+ ``joiners``)."""
    allowed = {"et", "and", ",", "la", "le", "les", "l'", "the"} | joiners
    group = [first]
    ordered = sorted(pool, key=lambda m: m.start)
    for seq, forward in ((ordered, True), (ordered[::-1], False)):
        cur = first
        for m in seq:
            lo, hi = (cur.end, m.start) if forward else (m.end, cur.start)
            if lo >= hi or m in group:
                continue
            if all(t.lower_ in allowed for t in doc[lo:hi]):
                group.append(m)
                cur = m
    return group


def _nearest(
    cands: list[Mention], cue: Cue, exclude: set[str] = frozenset(), window: int = WINDOW
) -> Mention | None:
    pool = [m for m in cands if m.entity not in exclude and _dist(m, cue) <= window]
    return min(pool, key=lambda m: (_dist(m, cue), m.start)) if pool else None


APPOSITION = frozenset(["the", "a", "an", "le", "la", "l'", "l’", "un", "une", "its", "son", "sa"])
ATTRIBUTION = frozenset(["selon", "according", "d'après", "d’après"])


def _relative_clauses(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of ", qui/which ... ," clauses and of appositions after a name
    (", the battery arm of Rosatom,", ", le fabricant des Lada,"), to the next comma or
    the sentence end."""
    out = []
    for i in range(start, end - 1):
        after_name = i > start and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].is_upper)
        opens = doc[i + 1].lower_ in RELATIVE or (after_name and doc[i + 1].lower_ in APPOSITION)
        if doc[i].text == "," and opens:
            j = i + 2
            while j < end and doc[j].text != ",":
                j += 1
            out.append((i, j))
    return out


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
    unknown: list[tuple[int, int, str]] = (),
) -> list[Relation]:
    """Relations supported by the sentence ``doc[start:end]`` (see module docstring).

    ``unknown`` are token spans (start, end, label) of actors the knowledge base lacks
    (candidates): they take part in the window rule so that a relation is not moved
    onto a linked actor standing next to them, but no relation is emitted for them.
    Unknown places (NER label LOC, or after a locative preposition) are never agents.
    """
    if not cues:
        return []
    parts = [m for m in participants(mentions, kb) if start <= m.start and m.end <= end]
    for s, e, label in unknown:
        prev = doc[s - 1].lower_ if s > start else ""
        kind = UNKNOWN_PLACE if label == "LOC" or prev in LOCATIVE | NEAR else UNKNOWN
        parts.append(Mention(UNKNOWN, s, e, doc[s:e].text, kind))
    parts.sort(key=lambda m: m.start)
    clauses = _relative_clauses(doc, start, end)
    found: list[tuple[str, str, Cue, str]] = []
    for cue in cues:
        if not start <= cue.start < end or any(
            m.start < cue.end and cue.start < m.end for m in parts
        ):
            continue
        # Actors inside a relative clause that does not hold the cue are out of its reach
        # ("Panasonic ..., which also supply Tesla, are investing in new plants").
        here = [
            m
            for m in parts
            if not any(a <= m.start < b and not a <= cue.start < b for a, b in clauses)
        ]
        # Coordinated clauses ("X assembles ..., while Y builds ... in Z") are apart.
        lo, hi = _clause(doc, start, end, cue)
        here = [m for m in here if lo <= m.start and m.end <= hi]
        # A cue inside a relative clause: its agent is the clause's antecedent ("Avtotor,
        # qui produit des BAIC", "Great Wall Motor, which builds Haval SUVs").
        inside = next(((a, b) for a, b in clauses if a <= cue.start < b), None)
        if inside is not None and doc[inside[0] + 1].lower_ in RELATIVE:
            # The nearest actor before the clause that is not a place ("avec Avtotor, à
            # Kaliningrad, qui produit": Avtotor).
            antecedent = [
                m
                for m in here
                if m.end <= inside[0] and (m.entity == UNKNOWN or not _is_place(m, kb))
            ][-1:]
            here = antecedent + [m for m in here if m.start >= inside[0]]
        # "selon X", "according to X": a source of the statement, not a party to it.
        here = [m for m in here if not _attributed(doc, m, start)]
        if cue.relation != "exit":
            # "l'ancienne usine Renault", "the former Hyundai plant": a past owner.
            here = [
                m
                for m in here
                if not _former(doc, m.start, start) or (m.entity and _is_place(m, kb))
            ]
            if _former(doc, cue.start, start, reach=6) and cue.relation != "acquisition":
                continue
            # "a vendu son usine de Kalouga", "bought Mercedes-Benz's plant", "cédé sa
            # participation dans": a plant or stake changing hands, not production or
            # ownership by the sentence's subject (the sale rule reads it).
            if cue.relation in ("production", "ownership") and _changes_hands(doc, cue, start):
                continue
        if cue.relation in DIRECTED or cue.relation == "production":
            # A country adjective ("les chaînes russes") is no agent of a directed relation.
            here = [m for m in here if m.kind != ADJECTIVE or cue.relation == "production"]
        before = [m for m in here if m.end <= cue.start]
        after = [m for m in here if m.start >= cue.end]
        rule = cue.relation
        if cue.relation in SYMMETRIC:
            found += [(a, b, cue, rule) for a, b in _partnership(doc, before, after, cue, kb)]
        elif cue.relation in DIRECTED:
            found += [(a, b, cue, rule) for a, b in _directed(doc, before, after, cue, kb)]
        elif cue.relation == "production":
            found += [(a, b, cue, rule) for a, b in _production(doc, here, after, cue, kb)]
        elif cue.relation == "exit":
            places = [m for m in here if m.entity != UNKNOWN and _is_place(m, kb)]
            near = _nearest(places, cue)
            target = near.entity if near else None
            if target is None and previous_country and _anaphor(doc, start, end):
                target, rule = previous_country, "exit (anaphora)"
            if target:
                found += [(m.entity, target, cue, rule) for m in _leavers(doc, here, cue, kb)]
    found += _sales(doc, start, end, parts, kb)
    unique: dict[tuple[str, str, str], Relation] = {}
    for src, tgt, cue, rule in found:
        if cue.relation == "exit":
            tgt = _country_of(tgt, kb)
        if UNKNOWN in (src, tgt) or not _keep(src, tgt, kb, cue.relation):
            continue
        unique.setdefault(
            (src, tgt, cue.relation), Relation(src, tgt, cue.relation, cue.text, rule)
        )
    return list(unique.values())


def _former(doc: Doc, i: int, start: int, reach: int = 4) -> bool:
    """Is token ``i`` preceded (within ``reach`` tokens of its sentence) by a "former"?"""
    words = [t.lower_ for t in doc[max(i - reach, start) : i]]
    return any(w in FORMER or w.startswith("ex-") for w in words) or doc[i].lower_.startswith("ex-")


CLAUSE_BREAKS = frozenset([";", "while", "whereas", "tandis", "alors", "but", "mais"])


def _clause(doc: Doc, start: int, end: int, cue: Cue) -> tuple[int, int]:
    """The token range of the cue's clause: between breaks such as ";" and "while"."""
    lo = start
    for i in range(cue.start - 1, start - 1, -1):
        if doc[i].lower_ in CLAUSE_BREAKS:
            lo = i + 1
            break
    hi = end
    for i in range(cue.end, end):
        if doc[i].lower_ in CLAUSE_BREAKS:
            hi = i
            break
    return lo, hi


def _possessive(doc: Doc, m: Mention) -> bool:
    return m.end < len(doc) and doc[m.end].text in ("'s", "’s")


def _changes_hands(doc: Doc, cue: Cue, start: int) -> bool:
    words = {t.lower_ for t in doc[max(cue.start - 6, start) : cue.start]}
    return bool(words & (SALE | BOUGHT))


def _attributed(doc: Doc, m: Mention, start: int) -> bool:
    words = [t.lower_ for t in doc[max(m.start - 5, start) : m.start]]
    return any(w in ATTRIBUTION for w in words)


def _country_of(entity: str, kb: KnowledgeBase) -> str:
    """A city or region's country entity (firms leave countries), else ``entity``."""
    actor = kb.actors.get(entity)
    if actor is not None and actor.type == "place" and actor.country in kb.country_names:
        return kb.country_entity(actor.country)
    return entity


def _sales(
    doc: Doc, start: int, end: int, parts: list[Mention], kb: KnowledgeBase
) -> list[tuple[str, str, Cue, str]]:
    """ "X a vendu son usine de Kalouga à Z", "X sold its stake in Y to Z": Z acquires
    what is named between the verb and "à"/"to" (a plant's place, a firm)."""
    out = []
    for i in range(start, end):
        if doc[i].lower_ not in SALE:
            continue
        to = next(
            (j for j in range(i + 1, min(end, i + 1 + 2 * WINDOW)) if doc[j].lower_ in TO), None
        )
        if to is None:
            continue
        named = [m for m in parts if m.entity != UNKNOWN]
        buyer = next((m for m in named if to < m.start <= to + 4), None)
        goods = [m for m in named if i < m.start < to and kb.actors[m.entity].type != "country"]
        if buyer is None or not goods:
            continue
        cue = Cue("acquisition", i, i + 1, doc[i].text, False)
        out.append((buyer.entity, goods[0].entity, cue, "sale"))
    return out


def _directed(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    """Source: the sentence's first actor before the cue (news puts the agent first);
    target: the nearest after it, with those coordinated with it. Reverse and passive
    cues swap them. A supply cue followed by "from"/"by"/"on" ("kits from X", "based on
    X's model") names the supplier after it; with nothing after it, the actors between
    the subject and the cue are what is supplied to the subject ("X assembles JAC and
    Chery models from kits")."""
    firms = [
        m
        for m in before
        if (m.entity == UNKNOWN or kb.actors[m.entity].type != "place")
        and not any(t.lower_ in LOCATIVE for t in doc[max(m.start - 2, 0) : m.start])
    ]
    src = firms[0] if firms else None
    # "Mercedes-Benz's plant at Esipovo": the thing acquired is the plant, not its owner.
    after = [m for m in after if not (m.end < len(doc) and doc[m.end].text in ("'s", "’s"))]
    tgt = _nearest(after, cue, {src.entity} if src else set())
    reverse = cue.reverse
    nxt = cue.end + 1 if cue.end < len(doc) - 1 and doc[cue.end].pos_ == "ADV" else cue.end
    passive = nxt < len(doc) and doc[nxt].lower_ in ("par", "by")
    if passive and cue.relation == "acquisition" and tgt is not None and before:
        # "The Yelabuga plant ... was taken over by SOLLERS": SOLLERS acquires the plant.
        return [(tgt.entity, before[0].entity)]
    if cue.relation == "supply":
        nxt = doc[cue.end].lower_ if cue.end < len(doc) else ""
        if tgt is not None and (nxt in FROM or cue.text.lower().split()[-1] in FROM):
            reverse = True
        if tgt is None and src is not None and not _is_country(src, kb):
            goods = [m for m in before[1:] if m.entity != UNKNOWN and not _is_place(m, kb)]
            return [(m.entity, src.entity) for m in goods if m.entity != src.entity]
    if src is None or tgt is None:
        return []
    targets = [m for m in _coordinated(doc, tgt, after) if m.entity != src.entity]
    if reverse:
        return [(t.entity, src.entity) for t in targets]
    return [(src.entity, t.entity) for t in targets]


def _leavers(doc: Doc, here: list[Mention], cue: Cue, kb: KnowledgeBase) -> list[Mention]:
    """Who leaves: the nearest firm before the exit cue and those coordinated with it
    ("McDonald's et Starbucks ... pour quitter"), else the nearest one after it ("le départ
    de Renault"). Firms further on belong to another clause ("X leaves as Y moves in")."""
    firms = [m for m in here if m.entity != UNKNOWN and not _is_place(m, kb)]
    before = [m for m in firms if m.end <= cue.start]
    after = [m for m in firms if m.start >= cue.end]
    first = _nearest(before, cue)
    if first is not None:
        return [m for m in _coordinated(doc, first, before) if m.entity != UNKNOWN]
    # "le départ de Renault", "the exit of Ford": only a firm the cue's complement names.
    first = _nearest(after, cue, window=3)
    if first is not None and all(t.lower_ in GENITIVE for t in doc[cue.end : first.start]):
        return [m for m in _coordinated(doc, first, after) if m.entity != UNKNOWN]
    return []


def _partnership(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    # "une collaboration entre la Russie et la Chine": two coordinated actors right after.
    nxt = _nearest(after, cue, window=COORDINATION_WINDOW)
    if nxt is not None:
        group = _coordinated(doc, nxt, after)
        if len(group) >= 2:
            first, second = sorted(group, key=lambda m: m.start)[:2]
            return [(first.entity, second.entity)]
    # Otherwise, in order of preference: one actor on each side, two after, two before;
    # the first pair that passes the filters wins.
    wide = 2 * WINDOW
    near_before = sorted((m for m in before if _dist(m, cue) <= wide), key=lambda m: _dist(m, cue))
    near_after = sorted((m for m in after if _dist(m, cue) <= wide), key=lambda m: _dist(m, cue))
    options: list[tuple[Mention, Mention]] = []
    # "la coopération du Kazakhstan avec la Chine": the cue's own complement is a partner.
    gap = doc[cue.end : near_after[0].start] if near_after else []
    if len(near_after) >= 2 and len(gap) and all(t.lower_ in GENITIVE for t in gap):
        options.append((near_after[0], near_after[1]))
    for a in near_before[:1]:
        options += [(a, b) for b in near_after[:2]]
    for side in (near_after, near_before):
        options += [(a, b) for k, a in enumerate(side[:3]) for b in side[k + 1 : 3]]
    for a, b in options:
        if a.entity == b.entity or min(_dist(a, cue), _dist(b, cue)) > WINDOW:
            continue
        # A country adjective partners only another country ("alliance russo-chinoise").
        if ADJECTIVE in (a.kind, b.kind) and not (_is_country(a, kb) and _is_country(b, kb)):
            continue
        # A firm partners a country only when the cue names it ("accord avec la Russie").
        if _is_country(a, kb) != _is_country(b, kb):
            country = a if _is_country(a, kb) else b
            if _dist(country, cue) > COORDINATION_WINDOW:
                continue
        first, second = sorted((a, b), key=lambda m: m.start)
        if UNKNOWN in (a.entity, b.entity) or _keep(first.entity, second.entity, kb, "partnership"):
            return [(first.entity, second.entity)]
    return []


def _production(
    doc: Doc, parts: list[Mention], after: list[Mention], cue: Cue, kb: KnowledgeBase
) -> list[tuple[str, str]]:
    introducers = LOCATIVE | (PLANT_OF if cue.text.lower() in PLANT_NOUNS else frozenset())
    places = [
        m
        for m in after
        if m.entity != UNKNOWN
        and _is_place(m, kb)
        and m.start - cue.end <= PLACE_WINDOW
        and any(t.lower_ in introducers for t in doc[max(m.start - 3, cue.end) : m.start])
    ]
    if not places:
        # "In Jizzakh, ADM Jizzakh assembles ...": a place opening the sentence.
        places = [
            m
            for m in parts
            if m.entity != UNKNOWN
            and m.end <= cue.start
            and _is_place(m, kb)
            and m.start > 0
            and doc[m.start - 1].lower_ in LOCATIVE
            and m.start - doc[m.start].sent.start <= 4
            and m.end < len(doc)
            and doc[m.end].text == ","
        ]
        places = places[:1]
    if not places:
        return []
    first = min(places, key=lambda m: m.start)
    targets = _coordinated(doc, first, places, LOCATIVE)
    names = {t.entity for t in targets}
    others = [m for m in parts if m.entity not in names]
    # A firm produces; a country is the producer only when no firm is at hand and it
    # is not itself a place where things are made ("La Chine souhaite produire ... au
    # Kazakhstan", but not "produit au Brésil et en Hongrie").
    firms = [m for m in others if m.kind == UNKNOWN or (m.entity and not _is_place(m, kb))]
    states = [
        m
        for m in others
        if m.entity
        and m.end <= cue.start
        and not any(
            t.lower_ in LOCATIVE or t.text == "," for t in doc[max(m.start - 2, 0) : m.start]
        )
        and not _possessive(doc, m)  # "Russia's first gigafactory" says where, not who
    ]
    # The firm before the cue (its subject), within a clause's reach; else one after it
    # introduced as the agent ("assemblés par BelGee", "built by X").
    before = [m for m in firms if m.end <= cue.start and not _possessive(doc, m)]
    # After the cue: an agent ("assemblés par BelGee"), or a plant's owner ("l'usine
    # Hyundai", "the plant of X").
    plant = cue.text.lower() in PLANT_NOUNS
    agents = [
        m
        for m in firms
        if m.start >= cue.end
        and (
            doc[m.start - 1].lower_ in ("par", "by")
            or (plant and all(t.lower_ in PLANT_OF for t in doc[cue.end : m.start]))
        )
    ]
    src = _nearest(before, cue, window=2 * WINDOW) or _nearest(agents, cue) or _nearest(states, cue)
    if src is None:
        return []
    sources = _coordinated(doc, src, firms if src in firms else states)
    # "ADM Jizzakh assembles Kia and Chery models in Jizzakh": the brands made there too.
    made = [m for m in firms if cue.end <= m.start < first.start and m not in sources]
    if made:
        sources += _coordinated(doc, made[0], made)
    return [(s.entity, t.entity) for s in sources for t in targets if s.entity != UNKNOWN]


def _keep(source: str, target: str, kb: KnowledgeBase, relation: str = "") -> bool:
    if source == target:
        return False
    s, t = kb.actors[source], kb.actors[target]
    if relation and relation not in PLACE_TARGETS and "place" in (s.type, t.type):
        return False
    if relation in DIRECTED and s.type == "place":
        return False
    for a, b in ((s, t), (t, s)):
        if (
            a.type in ("person", "government body")
            and b.type == "country"
            and a.country == b.country
        ):
            return False
    return True
