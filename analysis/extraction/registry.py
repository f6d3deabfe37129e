"""Discovered actors across a corpus: merging their names, settling their attributes.

Per document, extraction records each discovered actor's name as written and what the
text says of it (``descriptors``). Over the corpus:

- **Names merge** on their key (case, accents, punctuation and transliteration
  variants folded: "Sollers" and "SOLLERS", "Kostanai" and "Kostanay"), and a one-word
  person's name merges with the only longer person's name that ends with it
  ("Manturov" and "Denis Manturov"). Within a document a short form
  of an earlier organisation's name was already given that name ("Great Wall" after
  "Great Wall Motor"). The canonical name is the most frequent form, then the longest.
- **Attributes** (type, sector, country, parent) take the value with the strongest
  basis (a descriptor or apposition before words of the name, before the NER label),
  then the most evidence, then the first in reading order; the sentence of that first
  evidence is kept as its justification (``actor_evidence.csv``).

Everything here is a pure function of the rows it is given.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from analysis.extraction.actors import DISCOVERED, Actor
from analysis.extraction.name_keys import spelling_key

#: Strength of each basis of an attribute (higher wins).
BASIS_RANK = {
    "parent": 3,
    "descriptor": 3,
    "apposition": 3,
    "locative": 2,
    # a name after "at"/"à" that GeoNames knows as a town ("gazetteer")
    "gazetteer": 2,
    "name": 2,
    # the words before one mention ("fournis par X", "l'usine de X", "région d'X"):
    # what a sentence says outweighs a label NER gives another mention
    "context": 2,
    "region": 2,
    "NER label": 1,
}


@dataclass(frozen=True)
class Settled:
    """A discovered actor's attribute value and the evidence it rests on."""

    value: str
    basis: str
    sentence_id: str


def merge_names(mentions: list[dict], evidence: list[dict]) -> dict[str, str]:
    """Map every discovered name (as recorded) to its canonical name."""
    counts: Counter[str] = Counter(m["entity"] for m in mentions)
    person = {e["entity"] for e in evidence if e["attribute"] == "type" and e["value"] == "person"}
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts):
        groups[spelling_key(name)].append(name)
    canonical: dict[str, str] = {}
    for names in groups.values():
        best = max(names, key=lambda n: (counts[n], len(n), n))
        for n in names:
            canonical[n] = best
    # "Manturov" -> "Denis Manturov" when exactly one longer person's name ends with it.
    people = sorted({canonical[n] for n in canonical if n in person})
    for short in [p for p in people if " " not in p]:
        longer = [p for p in people if p != short and p.split()[-1] == short]
        if len(longer) == 1:
            for n, c in canonical.items():
                if c == short:
                    canonical[n] = longer[0]
    return canonical


def settle(evidence: list[dict], names: dict[str, str]) -> dict[str, dict[str, Settled]]:
    """Attributes of each canonical discovered actor from its evidence rows."""
    by_attr: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in evidence:
        by_attr[(names.get(row["entity"], row["entity"]), row["attribute"])].append(row)
    out: dict[str, dict[str, Settled]] = defaultdict(dict)
    for (entity, attribute), rows in sorted(by_attr.items()):
        rank = max(BASIS_RANK.get(r["basis"], 0) for r in rows)
        strong = [r for r in rows if BASIS_RANK.get(r["basis"], 0) == rank]
        values = Counter(names.get(r["value"], r["value"]) for r in strong)
        value = sorted(values.items(), key=lambda x: -x[1])[0][0]  # stable: first seen
        first = next(r for r in strong if names.get(r["value"], r["value"]) == value)
        if attribute == "parent" and value == entity:
            continue
        out[entity][attribute] = Settled(value, first["basis"], first["sentence_id"])
    return dict(out)


def discovered_actor(name: str, attributes: dict[str, Settled]) -> Actor:
    """The ``Actor`` of a discovered name (sector and country may be unknown: empty)."""

    def get(key: str) -> str:
        found = attributes.get(key)
        return found.value if found else ""

    return Actor(
        name=name,
        type=get("type") or "company",
        country=get("country"),
        sector=get("sector"),
        aliases=(name,),
        parent=get("parent"),
        provenance=DISCOVERED,
    )
