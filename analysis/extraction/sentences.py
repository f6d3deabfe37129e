"""Sentences with stable ids, and date expressions.

Sentence ids are ``document:paragraph:sentence``: ``paragraph`` is ``Paragraph.index``
and ``sentence`` the 0-based index of the sentence within the paragraph. Paragraphs
marked ``duplicate_of`` are never parsed, so ids do not depend on duplicate detection
elsewhere in the document. Every table row carries one of these ids as provenance.

Dates are found with a regular expression (the French model has no DATE label and the
English path has no NER): years 1800-2099, and month names in French and English with
an optional weekday, day and year ("mercredi 7 septembre", "May 2023").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from analysis.extraction.nlp import ParsedParagraph

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|January|February|March|April|May|June|July|August|"
    "September|October|November|December"
)
_WEEKDAYS = (
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Monday|Tuesday|Wednesday|"
    "Thursday|Friday|Saturday|Sunday"
)
# "May" is also a modal verb: English months must be capitalised, French ones need not.
DATE_RE = re.compile(
    rf"\b(?:(?:{_WEEKDAYS})\s+)?(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS})(?:\s+(?:18|19|20)\d\d)?\b"
    r"|\b(?:18|19|20)\d\d\b(?![ \u00a0]?\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a parsed paragraph, with its stable id."""

    id: str
    document: str
    paragraph: int
    index: int
    span: Span
    lang: str

    @property
    def text(self) -> str:
        return self.span.text.strip()

    @property
    def key(self) -> tuple[str, int, int]:
        """Sort key in reading order (ids do not sort numerically as strings)."""
        return (self.document, self.paragraph, self.index)


def split_sentences(parsed: ParsedParagraph) -> list[Sentence]:
    """Sentences of a parsed paragraph; whitespace-only sentences are dropped."""
    out: list[Sentence] = []
    for span in parsed.doc.sents:
        if not span.text.strip():
            continue
        i = len(out)
        out.append(
            Sentence(
                id=f"{parsed.document}:{parsed.paragraph}:{i}",
                document=parsed.document,
                paragraph=parsed.paragraph,
                index=i,
                span=span,
                lang=parsed.lang,
            )
        )
    return out


def find_dates(text: str) -> list[str]:
    """Date expressions in ``text`` (years, dated expressions with a month name)."""
    out = []
    for m in DATE_RE.finditer(text):
        s = m.group(0)
        # English month names are capitalised; "may"/"march" in lower case are verbs.
        if s[0].islower() and s.split()[-1].lower() in {"may", "march"}:
            continue
        out.append(s)
    return out
