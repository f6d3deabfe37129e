"""The one lexicon matcher of the report: terms found in a text, whole words, any case.

:class:`Matcher` is what the topic modules use (supply-chain stages, sanctions
language). A term matches as a whole word or phrase, with any run of spaces between its
words and either apostrophe; what is found is returned lower-cased, spaces collapsed,
each term once, in order of appearance.

A cheap test comes before the regex: does the text hold a term's first word? The
chapters match lexicons (sanctions language, supply-chain stages) against every sentence
of the corpus, hundreds of thousands of them at 10,000 seeds. A regex alternation of
many terms is tried at every position of the text, so it is run only on texts that
contain, as a whole word, the first word of one of its terms.

The test never drops a match of a pattern whose terms start at a word boundary (the
patterns of :class:`Matcher`): such a match begins with the term's first
``\\w+`` run, followed by a non-word character or the pattern's end boundary, so that run
is also a whole word of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

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


_SPACES = re.compile(r"\s+")


def pattern(terms: Iterable[str], in_compounds: bool = False) -> re.Pattern[str]:
    """One regex for ``terms``: whole words, any case, any spaces, either apostrophe.

    With ``in_compounds``, a term also matches as a part of a hyphenated compound
    ("sanctions" in "anti-sanctions"); otherwise a hyphen joins words ("lithium" is not
    in "lithium-ion").
    """
    return _pattern(frozenset(t.lower() for t in terms), in_compounds)


@cache
def _pattern(terms: frozenset[str], in_compounds: bool = False) -> re.Pattern[str]:
    alternatives = sorted(terms, key=len, reverse=True)
    body = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in alternatives)
    edge = r"\w" if in_compounds else r"\w-"
    return re.compile(rf"(?<![{edge}])(?:{body})(?![{edge}])", re.IGNORECASE)


def normal(term: str) -> str:
    """A term as :meth:`Matcher.find` returns it: lower-case, spaces collapsed, ``'``."""
    return _SPACES.sub(" ", term.strip().lower()).replace("’", "'")


@dataclass(frozen=True)
class Matcher:
    """A lexicon's terms, matched as whole words in any case (see the module's text)."""

    terms: frozenset[str]
    #: Whether a term matches inside a hyphenated compound (see :func:`pattern`).
    in_compounds: bool = False

    @classmethod
    def of(cls, terms: Iterable[str], in_compounds: bool = False) -> Matcher:
        return cls(frozenset(t.lower() for t in terms if t.strip()), in_compounds)

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.terms, self.in_compounds)

    @property
    def first_words(self) -> FirstWords:
        return _first_words(self.terms)

    def find(self, text: str, words: frozenset[str] | None = None) -> list[str]:
        """The terms in ``text`` (see the module's text). ``words`` are its
        :func:`text_words`, when the caller has them already."""
        if not self.terms or not text:
            return []
        if not self.first_words.possible_in(text_words(text) if words is None else words):
            return []
        found: list[str] = []
        for match in self.pattern.finditer(text):
            word = normal(match.group(0))
            if word not in found:
                found.append(word)
        return found


@cache
def _first_words(terms: frozenset[str]) -> FirstWords:
    return FirstWords.of(terms)


def for_language(table: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    """A by-language table's terms for ``language``, or every language's when it has none."""
    if language in table:
        return table[language]
    return tuple(t for terms in table.values() for t in terms)
