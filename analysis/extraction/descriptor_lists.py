"""A plural head before a list of names describes each of them.

"Three Chinese carmakers, Brixon, Talvera and Quorra, have left" and "les équipementiers
allemands Valmor, Drenic et Sarvel" say that every listed name is a carmaker or an
equipment maker, not only the first (which ``descriptors.describe`` types from the head
right before it). A singular head describes one name: "the carmaker Brixon, Anna Petrova
and Oleg Sidorov" types Brixon only.

The plural heads are the heads of ``descriptors.yaml`` in the plural (generated here by
the regular English and French plural, so that the lexicon lists each head once).

Reads
    a parsed ``Doc``, the span of a name, the sentence's bounds and its country mentions.
Writes
    nothing: returns the head found, or ``None``.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from analysis.extraction.descriptor_lexicon import HEAD_WINDOW, load_lexicon, token_words
from analysis.extraction.grammar import GRAMMAR

#: How many names of a list may stand between the head and the name it types.
LIST_REACH = 8
#: How many tokens one listed name may have.
NAME_LENGTH = 6
#: French words after which a head's words are no longer pluralised ("fabricants de
#: batteries", "constructeurs automobiles").
_FR_PREPOSITIONS = frozenset(["de", "d'", "du", "des", "à"])


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _plurals(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The English plural (last word) and the French one (every word before a
    preposition) of a head's words."""
    english = (*words[:-1], _plural(words[-1]))
    cut = next((i for i, w in enumerate(words) if w in _FR_PREPOSITIONS), len(words))
    french = tuple(_plural(w) for w in words[:cut]) + words[cut:]
    return {english, french}


@functools.cache
def plural_heads() -> dict[tuple[str, ...], tuple[str, str]]:
    """Plural heads' words -> (type, sector)."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for words, found in load_lexicon().heads.items():
        for plural in _plurals(words):
            out.setdefault(plural, found)
    return out


def _plural_head_before(
    doc: Doc, i: int, sent_start: int, countries: dict[int, str]
) -> tuple[int, str, str, str] | None:
    """A plural head ending before token ``i``, with only fillers and country adjectives
    between: (its start, type, sector, country)."""
    heads = plural_heads()
    longest = max(len(k) for k in heads)
    fillers = load_lexicon().fillers
    country = ""
    j = i
    while j > max(sent_start, i - HEAD_WINDOW):
        for n in range(min(longest, j - sent_start), 0, -1):
            found = heads.get(token_words(doc, j - n, j))
            if found:
                return j - n, found[0], found[1], country
        if j - 1 in countries:
            country = country or countries[j - 1]
        elif doc[j - 1].lower_ not in fillers:
            return None
        j -= 1
    return None


def _namelike(doc: Doc, k: int) -> bool:
    tok = doc[k]
    return not tok.is_punct and (tok.pos_ == "PROPN" or tok.text[:1].isupper())


def _joiner(doc: Doc, k: int) -> bool:
    return doc[k].text == "," or doc[k].lower_ in GRAMMAR["coordinators"]


def list_head(
    doc: Doc,
    start: int,
    end: int,
    sent_start: int,
    sent_end: int,
    countries: dict[int, str],
) -> tuple[int, str, str, str] | None:
    """The plural head of the list the name ``doc[start:end]`` belongs to: (the head's
    start, type, sector, country), or ``None``.

    Walks back over the names before it, joined by commas and "and"/"et", to the head;
    a comma right after the head ("carmakers, Brixon") counts only when a list is there
    (a name before this one, or one after it)."""
    i = start
    listed = 0
    while i - 1 > sent_start and listed <= LIST_REACH and _joiner(doc, i - 1):
        k = i - 1
        while k - 1 >= sent_start and i - 1 - k < NAME_LENGTH and _namelike(doc, k - 1):
            k -= 1
        if k == i - 1:  # no name before the joiner: the head may stand there
            if doc[k].text != ",":
                return None
            follows = end + 1 < sent_end and _joiner(doc, end) and _namelike(doc, end + 1)
            if not (listed or follows):
                return None
            return _plural_head_before(doc, k, sent_start, countries)
        listed += 1
        i = k
    if not listed:
        return None
    return _plural_head_before(doc, i, sent_start, countries)


__all__ = ["list_head", "plural_heads"]
