"""Legal designators at the end of firms' names ("X Co., Ltd.", "X, Inc."; discovery),
and whether a word is a Chinese firm's pinyin core name (``is_pinyin``).

Reads: a parsed document, which of its tokens linked mentions cover, and the
``legal_suffixes``, ``company_abbreviations`` and ``pinyin_syllables`` word lists of
``relations.yaml``.
Returns: a recogniser's span with the designator that follows it, and whether a comma is
a designator's. NER often stops at the comma of "Co., Ltd.", or takes the province that
opens a Chinese firm's name alone ("Jiangxi"); the designator says where the name ends.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span

from analysis.extraction.descriptor_lexicon import legal_forms
from analysis.extraction.grammar import GRAMMAR

LEGAL_SUFFIXES = GRAMMAR["legal_suffixes"]
COMPANY_ABBREVIATIONS = GRAMMAR["company_abbreviations"]
#: Words of a firm's name that are no words of its own ("X Y Z W Co., Ltd." has four).
DESIGNATORS = LEGAL_SUFFIXES | COMPANY_ABBREVIATIONS


#: Pinyin syllables, without tones.
SYLLABLES = GRAMMAR["pinyin_syllables"]


@functools.lru_cache(maxsize=8192)
def is_pinyin(word: str, syllables: tuple[int, int] = (2, 3)) -> bool:
    """Is ``word`` written as two or three pinyin syllables ("Hanxing", "Tianheng",
    "Xi'an")? Words of other languages seldom are ("Battery", "Energy", "Metals")."""
    w = word.lower().replace("'", "").replace("’", "")
    low, high = syllables
    # counts[k]: the numbers of syllables that spell w[:k]
    counts: list[set[int]] = [set() for _ in range(len(w) + 1)]
    counts[0].add(0)
    for k in range(len(w)):
        if counts[k]:
            for n in range(1, min(6, len(w) - k) + 1):
                if w[k : k + n] in SYLLABLES:
                    counts[k + n].update(c + 1 for c in counts[k] if c < high)
    return any(low <= c <= high for c in counts[len(w)])


def is_legal_suffix(text: str) -> bool:
    """Is ``text`` a legal designator that ends a name after a comma: the lexicon's
    ("Ltd.", "Inc.") or, not in lower case, one of any country's (``descriptor_lexicon
    .legal_forms``: "X, Lda", "X, S.A.")?"""
    return text in LEGAL_SUFFIXES or (not text.islower() and text.lower() in legal_forms())


def with_legal_suffix(doc: Doc, span: Span, owner: list[int]) -> Span:
    """``span`` with the legal designator that follows it, if any: "Co." or "Corp.",
    then a comma and "Ltd."/"Inc."/"LLC"..., or either alone ("X Co., Ltd.", "X, Inc.");
    not after a linked name, nor into one ("SOLLERS PJSC": the known firm's own)."""
    k = span.end
    if owner[k - 1] >= 0 or any(owner[i] >= 0 for i in range(k, min(k + 2, len(doc)))):
        return span
    if k < len(doc) and doc[k].text in COMPANY_ABBREVIATIONS:
        k += 1 + _stop_of(doc, k + 1)
    j = k + 1 if k < len(doc) and doc[k].text == "," else k
    # (a firm, whatever NER called it: "Hubei X Battery Technology" was a person)
    if j < len(doc) and is_legal_suffix(doc[j].text):
        return Span(doc, span.start, j + 1 + _stop_of(doc, j + 1), label="ORG")
    return Span(doc, span.start, k, label="ORG") if k > span.end else span


def _stop_of(doc: Doc, i: int) -> int:
    """1 when token ``i`` is an abbreviation's own full stop, split from it by the
    tokenizer ("Co" "." "," "Ltd" "." ...), not the sentence's: more follows in the
    sentence, in lower case or after a comma."""
    return int(
        i + 1 < len(doc)
        and doc[i].text == "."
        and not doc[i + 1].is_sent_start
        and (doc[i + 1].is_lower or doc[i + 1].text == ",")
    )


def legal_comma(doc: Doc, i: int) -> bool:
    """Is the comma at ``i`` part of a firm's name ("Co., Ltd.", ", Inc.")?"""
    return i + 1 < len(doc) and is_legal_suffix(doc[i + 1].text)
