"""Who does what in a Russian sentence: the grammatical case, not the word order.

French and English news put the agent first, and the window rule of ``relation_rules``
reads the source before the cue. Russian orders words by what is new, not by role:
"Комплектующие для АвтоВАЗа поставляет Chery" puts the supplier last. Its cases say the
roles instead, and slovnet's morphology tagger gives them (``russian``). For a directed
cue whose first word has a lemma listed in ``relations.yaml``'s ``case_frames``, the
source and the target are the actors of the cue's clause in the frame's cases:

- an actor's case is that of its first Cyrillic word («АвтоВАЗу»: dative), or, for a
  name in Latin letters, which Russian does not inflect, that of the noun or adjective
  right before it ("маркой Lada": instrumental, "китайской Great Wall Motor": dative);
  a Latin name right after a cue noun is its complement ("дочерняя компания Geely":
  genitive);
- an actor after a preposition ("для АвтоВАЗа", "в Калуге") is in that preposition's
  role instead, so a place is no subject;
- an actor whose case is unknown (a Latin name with nothing before it) fills a role no
  actor's case filled, the nearest to the cue first;
- country adjectives ("китайской") are never an end, as in the other languages.

The nearest actor in each role is taken, with the targets coordinated with it ("и").
With no actor in one of the roles the cue states nothing: the window rule's guess would
go by word order, which this module exists to avoid. Pure functions of a parsed sentence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc

from analysis.extraction.actors import ADJECTIVE, Mention
from analysis.extraction.grammar import RELATIONS_LEXICON
from analysis.extraction.relation_context import Cue, _coordinated, _dist
from analysis.extraction.russian import CYRILLIC, QUOTES, lemma

#: Words that join coordinated Russian names ("АвтоВАЗу и Соллерсу").
AND = frozenset({"и"})
#: How many words (adjectives, descriptor nouns, quotes) may stand between a
#: preposition and the name it governs ("для калужской компании «X»").
PREPOSITION_REACH = 3


@dataclass(frozen=True)
class Frame:
    """The cases (or prepositions) of a directed cue's source and target."""

    source: frozenset[str]
    target: frozenset[str]


@functools.cache
def case_frames() -> dict[str, Frame]:
    """``relations.yaml``'s ``case_frames``, by the lemma of a cue's first word."""
    with open(RELATIONS_LEXICON, encoding="utf-8") as fh:
        data = yaml.safe_load(fh).get("case_frames", {})
    return {k: Frame(frozenset(v["source"]), frozenset(v["target"])) for k, v in data.items()}


def is_russian(doc: Doc, cue: Cue) -> bool:
    return bool(CYRILLIC.search(doc[cue.start].text))


def case_of(doc: Doc, mention: Mention, cue: Cue) -> str | None:
    """The case (Nom, Gen, Dat, Acc, Ins, Loc) or governing preposition of ``mention``."""
    # a preposition a few words before: "для АвтоВАЗа", "в индустриальном парке «X»"
    for i in range(mention.start - 1, max(-1, mention.start - 2 - PREPOSITION_REACH), -1):
        token = doc[i]
        if cue.start <= i < cue.end:
            break
        if token.pos_ == "ADP":
            return token.lower_
        if token.text not in QUOTES and token.pos_ not in ("ADJ", "NOUN", "DET"):
            break
    for token in doc[mention.start : mention.end]:
        if CYRILLIC.search(token.text) and token.morph.get("Case"):
            return token.morph.get("Case")[0]
    before = mention.start - 1
    while before >= 0 and doc[before].text in QUOTES:
        before -= 1
    if before < 0:
        return None
    if cue.start <= before < cue.end:
        # "дочерняя компания Geely": the name completes the cue noun
        return "Gen" if doc[before].pos_ == "NOUN" else None
    token = doc[before]
    if CYRILLIC.search(token.text) and token.pos_ in ("NOUN", "ADJ") and token.morph.get("Case"):
        return token.morph.get("Case")[0]
    return None


def russian_roles(doc: Doc, here: list[Mention], cue: Cue) -> list[tuple[str, str]] | None:
    """(source, target) pairs of a Russian directed cue read by case, or None when the
    cue's first word has no case frame (the window rule applies)."""
    frame = case_frames().get(lemma(doc[cue.start].text))
    if frame is None:
        return None
    pool = [m for m in here if m.kind != ADJECTIVE]
    cases = {(m.start, m.end): case_of(doc, m, cue) for m in pool}
    sources = [m for m in pool if cases[(m.start, m.end)] in frame.source]
    targets = [m for m in pool if cases[(m.start, m.end)] in frame.target]
    loose = sorted(
        (m for m in pool if cases[(m.start, m.end)] is None), key=lambda m: _dist(m, cue)
    )
    if not sources and loose:
        sources = [loose.pop(0)]
    if not targets and loose:
        targets = [loose[0]]
    if not sources or not targets:
        return []
    source = min(sources, key=lambda m: (_dist(m, cue), m.start))
    targets = [m for m in targets if m.entity != source.entity]
    if not targets:
        return []
    target = min(targets, key=lambda m: (_dist(m, cue), m.start))
    return [(source.entity, m.entity) for m in _coordinated(doc, target, targets, AND)]
