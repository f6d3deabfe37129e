"""A cheap test before a lexicon's regex: does the text hold a term's first word?

The chapters match lexicons (sanctions language, supply-chain stages) against every
sentence of the corpus, hundreds of thousands of them at 10,000 seeds. A regex
alternation of many terms is tried at every position of the text, so it is run
only on texts that contain, as a whole word, the first word of one of its terms.

The test never drops a match of a pattern whose terms start at a word boundary (the
patterns of ``pivot`` and ``supply_chain``): such a match begins with the term's first
``\\w+`` run, followed by a non-word character or the pattern's end boundary, so that run
is also a whole word of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+")


def text_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (runs of word characters)."""
    return frozenset(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class FirstWords:
    """The lower-cased first words of a lexicon's terms."""

    words: frozenset[str]
    #: A term does not start with a word character: the test cannot rule anything out.
    always: bool = False

    @classmethod
    def of(cls, terms: Iterable[str]) -> FirstWords:
        words, always = set(), False
        for term in terms:
            first = _WORD.match(term.strip().lower())
            if first is None:
                always = True
            else:
                words.add(first.group(0))
        return cls(frozenset(words), always)

    def possible_in(self, words: frozenset[str]) -> bool:
        """Whether a text with these :func:`text_words` may hold one of the terms."""
        return self.always or not self.words.isdisjoint(words)
