"""Where names may be: NER's spans, and the names NER misses that the text marks.

Step 1 of ``discovery``'s method: NER's entities; names that end with a word firms' names
end with ("Ertis Bus Company"), read back over capitalised words (and hyphens inside
them: "Bel-Ata Glass LLC"); names an apposition describes ("Varkon Gold, the Canadian
miner", "X, filiale du groupe Y"); the legal designator after a comma ("X Co., Ltd.");
and sites named by their context (``site_names``).

Reads
    a parsed ``Doc`` and which tokens linked mentions already cover.
Writes
    nothing: returns the spans, sorted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from analysis.extraction.descriptors import head_words, load_lexicon
from analysis.extraction.firm_names import with_legal_suffix
from analysis.extraction.site_names import site_names

#: How many capitalised words may stand before a firm's name word ("Ertis Bus Company").
NAME_WORD_REACH = 3


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """Is token ``i`` a hyphen inside a capitalised word ("Bel-Ata", split by the
    English tokenizer)? No space on either side, a capital before it."""
    return (
        doc[i].text == "-"
        and i > 0
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].text[:1].isupper()
    )


def _title_case(sent: Span) -> bool:
    """A headline in title case ("Russian Carmakers Turn To Chinese Technology")."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.75 * len(words)


def named_spans(doc: Doc, owner: list[int]) -> list[Span]:
    """NER's entities, and the names NER missed that end with a word firms' names end
    with ("Ertis Bus Company", "State Revenue Committee": ``name_words`` of
    ``descriptors.yaml``) after capitalised words; such a name replaces the entities
    inside it. Not in title-case headlines, nor after a country adjective."""
    words = load_lexicon().name_words
    ents = list(doc.ents)
    for t in doc:
        if not t.text[:1].isupper() or t.lower_ not in words or _title_case(t.sent):
            continue
        start = t.i
        hyphens = 0  # ("Bel-Ata Glass LLC": a hyphen inside a word is no word of its own)
        while (
            start > t.sent.start
            and t.i - start - hyphens < NAME_WORD_REACH
            and (doc[start - 1].text[:1].isupper() or _inner_hyphen(doc, start - 1))
            and not doc[start - 1].is_stop
            and owner[start - 1] < 0
        ):
            start -= 1
            hyphens += doc[start].text == "-"
        if doc[start].text == "-":  # a hyphen joins, never opens, a name
            start += 1
        if start == t.i or any(e.start < start < e.end or e.start < t.i + 1 < e.end for e in ents):
            continue
        span = Span(doc, start, t.i + 1, label="ORG")
        ents = [e for e in ents if not (start <= e.start and e.end <= t.i + 1)] + [span]
    for span in _described_names(doc, owner):
        if not any(e.start < span.end and span.start < e.end for e in ents):
            ents.append(span)
    # "X Co., Ltd.": the designator after the comma is the name's; NER often stops before.
    extended = [with_legal_suffix(doc, e, owner) for e in ents]
    # (and an entity inside or across the designator gives way: "Ltd." alone)
    ents = [
        e
        for e in extended
        if not any(
            o is not e and o.start <= e.start < o.end and o.end - o.start > e.end - e.start
            for o in extended
        )
    ]
    for span in site_names(doc, owner):
        # (NER's own span of the same words gives way: the site's context types it)
        ents = [e for e in ents if (e.start, e.end) != (span.start, span.end)]
        if not any(e.start < span.end and span.start < e.end for e in ents):
            ents.append(span)
    return sorted(ents, key=lambda e: e.start)


#: Articles that may open an apposition after a name ("X, the Canadian miner,").
APPOSITION_ARTICLES = frozenset(["the", "a", "an", "le", "la", "l'", "l’", "un", "une"])


def _described_names(doc: Doc, owner: list[int]) -> list[Span]:
    """Names NER missed that an apposition describes: up to ``NAME_WORD_REACH``
    capitalised words, a proper noun among them, then a comma, an article, at most
    three adjectives or nouns and a descriptor's head word ("Varkon Gold, the Canadian
    miner", "Tessan Motors, un assembleur kazakh"), or the head right after the comma
    ("Zyrelon, filiale du groupe Y"). The apposition then types the name."""
    heads = head_words()
    out = []
    titled: dict[int, bool] = {}  # (per sentence start: a sentence is read once)
    for comma in doc:
        if comma.text != "," or comma.i == 0:
            continue
        before = doc[comma.i - 1].text
        if not (before[:1].isupper() or before == "-"):
            continue  # (no name can end here: the walk below would not move)
        sent = comma.sent
        if sent.start not in titled:
            titled[sent.start] = _title_case(sent)
        if titled[sent.start]:
            continue
        start = comma.i
        while (
            start > sent.start
            and comma.i - start < NAME_WORD_REACH + 2
            and (doc[start - 1].text[:1].isupper() or doc[start - 1].text == "-")
            and (not doc[start - 1].is_stop or doc[max(start - 2, 0)].text == "-")
            and owner[start - 1] < 0
        ):
            start -= 1
        if doc[start].text == "-":  # "Ala-Too Avto": a hyphen joins, never opens, a name
            continue
        if start == comma.i or not any(t.pos_ == "PROPN" for t in doc[start : comma.i]):
            continue
        k = comma.i + 1
        if k < len(doc) and doc[k].lower_ not in APPOSITION_ARTICLES:
            # (French drops the article: "X, filiale du groupe Y", "X, coentreprise de")
            if doc[k].lower_ in heads and doc[k].text.islower() and doc[k].pos_ == "NOUN":
                out.append(Span(doc, start, comma.i, label="MISC"))
            continue
        k += 1
        while k < len(doc) and k - comma.i <= 5 and doc[k].lower_ not in heads:
            if doc[k].text == "-":  # "the Mongolian-Russian state company"
                k += 1
                continue
            if doc[k].pos_ not in ("ADJ", "NOUN") or (owner[k] >= 0 and doc[k].pos_ != "ADJ"):
                break
            k += 1
        if k < len(doc) and doc[k].lower_ in heads and doc[k].text.islower():
            out.append(Span(doc, start, comma.i, label="MISC"))
    return out


__all__ = ["APPOSITION_ARTICLES", "NAME_WORD_REACH", "named_spans"]
