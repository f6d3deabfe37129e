"""Place names NER missed that their context marks as sites (discovery, step 1).

Reads: a parsed document, which of its tokens linked mentions cover, the ``site_nouns``
and ``locative`` word lists and the ``place`` table headers of ``relations.yaml``, and
the ``region_words`` of ``descriptors.yaml``. Returns: spans labelled SITE, which
``discovery`` filters and types like NER's places (but takes a capitalised word the
tagger calls a common noun, as it often does with unfamiliar names). A site is named

- before a site noun: "the Zhartas deposit", "the Borlyk graphite mine";
- after a site noun and "de"/"of": "la mine de Dolgaïa", "le gisement de Tomtor";
- in a table cell under a place header: "Belarus — Site : Mogilev ; ...";
- after a locative, with its region after a comma: "à Assaka, dans la région
  d'Andijan", "at Kant, in the Chuy region".

A name is one to three capitalised words (hyphens joining them), none of them a stop
word or covered by a linked mention.
"""

from __future__ import annotations

import functools

import yaml
from spacy.tokens import Doc, Span

from analysis.extraction.descriptors import load_lexicon
from analysis.extraction.grammar import GRAMMAR, RELATIONS_LEXICON

SITE_NOUNS = GRAMMAR["site_nouns"]
LOCATIVE = GRAMMAR["locative"] | GRAMMAR["near"]
OF = GRAMMAR["of_complement"]
#: Words that may stand between a locative and its region ("dans la", "in the").
ARTICLES = GRAMMAR["articles"]
#: What stands before a site named before its noun ("the X deposit", "sa mine X").
DETERMINERS = ARTICLES | GRAMMAR["possessives"]
#: At most this many words in a site's name.
NAME_WORDS = 3


@functools.cache
def _place_headers() -> frozenset[tuple[str, ...]]:
    """The ``place`` column headers of ``relations.yaml``, as lower-cased word tuples."""
    with open(RELATIONS_LEXICON, encoding="utf-8") as fh:
        phrases = yaml.safe_load(fh)["table_headers"]["place"]
    return frozenset(tuple(p.lower().split()) for p in phrases)


def _word(doc: Doc, i: int, owner: list[int]) -> bool:
    t = doc[i]
    return t.text[:1].isupper() and t.is_alpha and not t.is_stop and owner[i] < 0


def _name_after(doc: Doc, i: int, owner: list[int]) -> int:
    """The end of a name starting at token ``i`` (``i`` itself when there is none)."""
    end, words = i, 0
    while end < len(doc) and words < NAME_WORDS and _word(doc, end, owner):
        end += 1
        words += 1
        if end + 1 < len(doc) and doc[end].text == "-" and _word(doc, end + 1, owner):
            end += 1
    return end


def _name_before(doc: Doc, end: int, owner: list[int]) -> int:
    """The start of a name ending at token ``end`` (``end`` when there is none)."""
    start, words = end, 0
    while start > 0 and words < NAME_WORDS and _word(doc, start - 1, owner):
        start -= 1
        words += 1
        if start > 1 and doc[start - 1].text == "-" and _word(doc, start - 2, owner):
            start -= 1
    return start


def _region_follows(doc: Doc, i: int) -> bool:
    """A comma at ``i``, then a region named within five words ("dans la région de")."""
    if i >= len(doc) or doc[i].text != ",":
        return False
    words = load_lexicon().region_words
    window = doc[i + 1 : i + 6]
    lead = [t for t in window if t.lower_ in LOCATIVE | ARTICLES]
    return any(t.lower_ in words for t in window) and (
        bool(lead) or any(t.text[:1].isupper() for t in window[:1])
    )


def site_names(doc: Doc, owner: list[int]) -> list[Span]:
    """Spans of the site names of ``doc`` (module docstring); ``owner`` is, per token,
    the index of the linked mention covering it, or -1."""
    spans: set[tuple[int, int]] = set()
    headers = _place_headers()
    for t in doc:
        low = t.lower_
        if low in SITE_NOUNS and t.pos_ == "NOUN":
            # "the Borlyk graphite mine": one common word may stand between, and an
            # article or a possessive before ("Quellon mines lithium" is a verb's subject)
            gap = t.i - 1 if t.i > 0 and doc[t.i - 1].is_lower and doc[t.i - 1].is_alpha else t.i
            start = _name_before(doc, gap, owner)
            if start < gap and start > 0 and doc[start - 1].lower_ in DETERMINERS:
                spans.add((start, gap))
            if t.i + 1 < len(doc) and doc[t.i + 1].lower_ in OF:
                end = _name_after(doc, t.i + 2, owner)
                if end > t.i + 2:
                    spans.add((t.i + 2, end))
        elif low in LOCATIVE:
            end = _name_after(doc, t.i + 1, owner)
            if end > t.i + 1 and _region_follows(doc, end):
                spans.add((t.i + 1, end))
        elif t.text == ":" and "—" in t.sent.text:
            # the header: the words since the cell's start ("—" or ";")
            k = t.i
            while k > t.sent.start and doc[k - 1].text not in ("—", ";"):
                k -= 1
            if tuple(w.lower_ for w in doc[k : t.i]) in headers:
                end = _name_after(doc, t.i + 1, owner)
                if end > t.i + 1 and (end == len(doc) or doc[end].text in (";", ",", ".")):
                    spans.add((t.i + 1, end))
    return [Span(doc, s, e, label="SITE") for s, e in sorted(spans)]
