"""The function words the extraction rules read: ``relations.yaml``'s ``grammar``
section, loaded once. Discovery, appositions and the relation rules all read their word
lists (locatives, agents, goods nouns...) from here, so that a word is listed once."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

RELATIONS_LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "relations.yaml"


@functools.cache
def load_grammar(path: Path = RELATIONS_LEXICON) -> dict[str, frozenset[str]]:
    """The ``grammar`` word lists of the relation lexicon."""
    with open(path, encoding="utf-8") as fh:
        return {k: frozenset(v) for k, v in yaml.safe_load(fh)["grammar"].items()}


@functools.cache
def one_word_cues(relation: str, path: Path = RELATIONS_LEXICON) -> frozenset[str]:
    """The one-word cues of ``relation`` in ``relations.yaml``, every language and its
    ``verb_only`` list together ("fabrique", "assembles", "выпускает")."""
    with open(path, encoding="utf-8") as fh:
        entry = yaml.safe_load(fh)[relation]
    words = [w for key in ("fr", "en", "ru", "verb_only") for w in entry.get(key, [])]
    return frozenset(w.lower() for w in words if " " not in w)


GRAMMAR = load_grammar()


def word_tuples(key: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of the grammar's word list ``key`` as lower-cased word tuples, for
    matching against tokens ("zone économique spéciale de" -> its four words)."""
    return tuple(tuple(p.lower().split()) for p in GRAMMAR[key])


#: Designators written with a full stop ("Co., Ltd.", "Inc.", "S.A."): no sentence ends
#: at their stop before a bracket, a comma or a lower-case word (``nlp``, ``russian``).
DOTTED_DESIGNATORS = frozenset(
    w for w in GRAMMAR["legal_suffixes"] | GRAMMAR["company_abbreviations"] if w.endswith(".")
)
