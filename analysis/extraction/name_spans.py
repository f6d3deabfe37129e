"""Where names may be: NER's spans, and the names NER misses that the text marks.

Step 1 of ``discovery``'s method: NER's entities; names that end with a word firms' names
end with ("Ertis Bus Company"), read back over capitalised words (and hyphens inside
them: "Bel-Ata Glass LLC"); names an apposition describes ("Varkon Gold, the Canadian
miner", "X, filiale du groupe Y"); the legal designator after a comma ("X Co., Ltd.");
and sites named by their context (``site_names``). ``parties`` then cuts a span that
names two ("X c/ Y", "35% of Chulman, Idel Motors Group the other 65%"). A wire
service's slug glued to a headline's first name ("FACTBOX-X", "UPDATE 2-X") is cut off,
and so are lower-case function words ending a span ("Ladoga Motors of") and what runs on
past a legal designator ("Minsk Traction Motors OJSC of Belarus").

Reads
    a parsed ``Doc`` and which tokens linked mentions already cover.
Writes
    nothing: returns the spans, sorted.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from analysis.extraction.abbreviations import STRAIGHT_QUOTES
from analysis.extraction.descriptors import head_words, load_lexicon
from analysis.extraction.firm_names import (
    DESIGNATORS,
    is_legal_suffix,
    legal_comma,
    with_legal_suffix,
)
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.site_names import site_names

#: How many capitalised words may stand before a firm's name word ("Ertis Bus Company"),
#: and before one a legal designator follows: a Chinese firm's registered name holds its
#: province, its name and its trade ("Qinghai Tiancheng Rare Earth Materials Co., Ltd.").
NAME_WORD_REACH = 3
DESIGNATED_REACH = 5


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
    """A headline in title case ("Russian Carmakers Turn To Chinese Technology"). A
    definitions line ('"Target Company" X (Private) Limited, a company ...': quoted words
    open it, more follow) is none."""
    if sent[0].text in _QUOTES:
        close = next((t.i for t in sent[1:] if t.text in _QUOTES), None)
        if close is not None and close + 1 < sent.end and sent.doc[close + 1].is_alpha:
            return False
    # (names the recogniser found are capitalised in any sentence: a lead dense with
    # them, "LIPETSK, Russia, March 3 (Northline) - X LLC, the joint venture of Y JSC
    # and Z Co., Ltd., has bought ...", is no headline)
    words = [t for t in sent if t.is_alpha and not t.is_stop and not t.ent_type_]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.75 * len(words)


_QUOTES = STRAIGHT_QUOTES | {"«", "»"}


def named_spans(doc: Doc, owner: list[int]) -> list[Span]:
    """NER's entities, and the names NER missed that end with a word firms' names end
    with ("Ertis Bus Company", "State Revenue Committee": ``name_words`` of
    ``descriptors.yaml``) after capitalised words; such a name replaces the entities
    inside it. Not in title-case headlines, nor after a country adjective."""
    lex = load_lexicon()
    ents = _quoted_names(doc, owner, _joined_places(doc, [_after_quote(e) for e in doc.ents]))
    for t in doc:
        if not t.text[:1].isupper() or not lex.name_word(t.text) or _title_case(t.sent):
            continue
        start = t.i
        hyphens = 0  # ("Bel-Ata Glass LLC": a hyphen inside a word is no word of its own)
        after_bracket = None
        designated = t.i + 1 < len(doc) and doc[t.i + 1].text in DESIGNATORS
        reach = DESIGNATED_REACH if designated else NAME_WORD_REACH
        while start > t.sent.start and t.i - start - hyphens < reach:
            # ("Ruineng (Hong Kong) Resources Limited": a bracketed word inside the name)
            if (opened := _inner_bracket(doc, start - 1)) is not None:
                after_bracket, hyphens = start, hyphens + start - opened
                start = opened
                continue
            # (over a linked name too: "Lipetsk Motor Company LLC", "Lanfeng Uzbekistan
            # Motors" hold a town, a country, a firm; ``discovery`` vets such names)
            if not (
                (doc[start - 1].text[:1].isupper() or _inner_hyphen(doc, start - 1))
                and not doc[start - 1].is_stop
            ):
                break
            start -= 1
            hyphens += doc[start].text == "-"
        if doc[start].text == "(":
            start = after_bracket  # (no word of the name before the bracket)
        if doc[start].text == "-":  # a hyphen joins, never opens, a name
            start += 1
        end = t.i + 1
        # ("Xiangtan Xiangneng Cathode Materials Co., Ltd.": NER's "Cathode Materials Co.,
        # Ltd." starts inside the words read back; the name runs on to its end)
        inside = [e for e in ents if start < e.start <= t.i < e.end and e.label_ in ("ORG", "MISC")]
        if inside:
            end = max(e.end for e in inside)
        # ("Baotou Tianyu Rare Earth Materials Co., Ltd.": NER's "Baotou Tianyu Rare" ends
        # inside the words read back, or "Qinghai" right before them; the name starts
        # where it starts, if capitalised)
        crossed = [e for e in ents if e.start < start <= e.end <= end]
        first = min((e.start for e in crossed), default=start)
        if all(w.text[:1].isupper() for w in doc[first:start]):
            start = first
        if start == t.i or any(e.start < start < e.end or e.start < end < e.end for e in ents):
            continue
        span = Span(doc, start, end, label="ORG")
        ents = [e for e in ents if not (start <= e.start and e.end <= end)] + [span]
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
    ents = [s for e in ents if (s := _without_slug(e)) is not None]
    ents = [_to_designator(s) for e in ents if (s := _without_dangling(e)) is not None]
    return sorted(ents, key=lambda e: e.start)


def _to_designator(e: Span) -> Span:
    """``e`` up to a legal designator followed by a lower-case word: NER runs a name on
    into where the firm is ("Minsk Traction Motors OJSC of Belarus", "Marcus Teo of
    Jefferies"); a designator ends the name it closes. (Any country's legal form counts,
    ``is_legal_suffix``: narrowed to ``legal_suffixes`` alone, the annotated folders gave
    two run-on names, "Strizh E. Ses packs" and "Marcus Teo of Jefferies".)"""
    doc = e.doc
    for i in range(e.start, e.end - 1):
        if is_legal_suffix(doc[i].text) and doc[i + 1].is_lower:
            return Span(doc, e.start, i + 1, label=e.label)
    return e


def _without_dangling(e: Span) -> Span | None:
    """``e`` without the lower-case function words that end it: NER sometimes runs a name
    into the preposition before a place it does not take in ("Ladoga Motors of" of
    "Ladoga Motors of Saint Petersburg"); no name ends with one. None if nothing is left."""
    doc, end = e.doc, e.end
    while end > e.start and doc[end - 1].is_lower and doc[end - 1].is_stop:
        end -= 1
    if end == e.end:
        return e
    return Span(doc, e.start, end, label=e.label) if end > e.start else None


def _without_slug(e: Span) -> Span | None:
    """``e`` without the wire slugs glued to its first word ("FACTBOX-Akson Motors",
    "UPDATE 2-X", "REFILE-UPDATE 1-X"; ``wire_slugs``); None if nothing is left."""
    doc, start = e.doc, e.start
    while start < e.end and doc[start].text in WIRE_SLUGS:
        i = start + 1
        # ("UPDATE 2-X": the tokenizer leaves a space before the number)
        if i < e.end and doc[i].like_num and not doc[i].whitespace_:
            i += 1
        elif doc[start].whitespace_:
            break
        if i >= e.end or doc[i].text != "-":
            break
        start = i + 1
    if start == e.start:
        return None if e.end - e.start == 1 and doc[start].text in WIRE_SLUGS else e
    return Span(doc, start, e.end, label=e.label) if start < e.end else None


WIRE_SLUGS = GRAMMAR["wire_slugs"]


def _after_quote(e: Span) -> Span:
    """An entity NER ran across a closing quote ('Tanling HK" Tanling (Hong Kong)
    Holdings Limited', from a definitions line): its words after the quote. (Quotes that
    pair up inside it are the name's: "ООО «Элемаш Магнит»".)"""
    # (Russian names in «» are ``_quoted_names``'s)
    quotes = [t.i for t in e if t.text in STRAIGHT_QUOTES]
    if len(quotes) % 2 == 0 or quotes[-1] in (e.start, e.end - 1):
        return e
    return Span(e.doc, quotes[-1] + 1, e.end, label=e.label_)


#: How many words a bracket inside a firm's name may hold ("(Hong Kong)", "(Private)").
INNER_BRACKET = 3


def _inner_bracket(doc: Doc, close: int) -> int | None:
    """The "(" of a bracket closing at ``close`` that holds only capitalised words and
    follows a capitalised word: a place or "Private" inside a firm's name ("Mutoko
    Lithium (Private) Limited", "X (Hong Kong) Resources Limited")."""
    if close < 2 or doc[close].text != ")":
        return None
    opened = next(
        (i for i in range(close - 1, max(close - INNER_BRACKET - 2, 0), -1) if doc[i].text == "("),
        None,
    )
    if opened is None or opened == close - 1 or opened < 1:
        return None
    inner = doc[opened + 1 : close]
    if not all(w.is_alpha and w.text[:1].isupper() for w in inner):
        return None
    before = doc[opened - 1]
    return opened if before.text[:1].isupper() and not before.is_stop else None


#: NER labels of a place, and of what may follow one inside a firm's name.
_PLACE_LABELS = frozenset({"LOC", "GPE"})
_NAME_LABELS = frozenset({"ORG", "MISC", "PER", "PERSON"})


def _joined_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place NER cut off the firm's name it opens ("Savoie" + "Joints", "Jiangsu" +
    "Kaiheng New Energy Co., Ltd."), joined again: a place right before an organisation
    or one-word name, not after a preposition ("in China BYD") nor in a headline."""
    out: list[Span] = []
    for e in ents:
        before = out[-1] if out else None
        if (
            before is not None
            and before.label_ in _PLACE_LABELS
            and e.label_ in _NAME_LABELS
            and before.end == e.start
            and (e.label_ not in ("PER", "PERSON") or len(e) == 1)
            and doc[e.start].text[:1].isupper()
            and not doc[e.start].is_stop
            and not (before.start > 0 and doc[before.start - 1].pos_ == "ADP")
            and not _title_case(e.sent)
        ):
            out[-1] = Span(doc, before.start, e.end, label="ORG")
            continue
        out.append(e)
    return out


#: How many words a name in Russian quotes may have («Жигулёвский индустриальный холдинг»).
QUOTED_REACH = 4
_OPEN, _CLOSE = "«", "»"
#: Parts of speech no firm's name in quotes has: quoted speech has them.
_NOT_IN_QUOTED = frozenset({"VERB", "AUX", "PRON", "SCONJ", "PUNCT", "NUM"})


def _quoted_names(doc: Doc, owner: list[int], ents: list[Span]) -> list[Span]:
    """Russian writes a firm's name in quotes («Тяньма Нева Моторс»): such a name NER
    missed, capitalised and short, with no linked mention inside, replaces the entities
    inside it. Russian only: French quotes are mostly speech."""
    if doc.lang_ != "ru":
        return ents
    for t in doc:
        if t.text != _OPEN:
            continue
        end = next(
            (
                j
                for j in range(t.i + 1, min(len(doc), t.i + QUOTED_REACH + 2))
                if doc[j].text == _CLOSE
            ),
            None,
        )
        if end is None or end == t.i + 1:
            continue
        inner = doc[t.i + 1 : end]
        if (
            not inner[0].text[:1].isupper()
            or any(owner[i] >= 0 for i in range(inner.start, inner.end))
            or any(w.pos_ in _NOT_IN_QUOTED and w.text != "-" for w in inner)
            # (a model's name has a code with digits: «Саян Е5», «Ладога Т7»)
            or any(any(c.isdigit() for c in w.text) for w in inner)
            or any(e.start < inner.start < e.end or e.start < inner.end < e.end for e in ents)
            # (NER's own reading of the quoted words stands: «Узловая» is a town)
            or any(
                inner.start <= e.start
                and e.end <= inner.end
                and (e.label_ == "LOC" or len(e) == len(inner))
                for e in ents
            )
        ):
            continue
        ents = [e for e in ents if not (inner.start <= e.start and e.end <= inner.end)]
        ents.append(Span(doc, inner.start, inner.end, label="ORG"))
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


#: Words between a lawsuit's parties ("X c/ Y").
ADVERSARIES = frozenset(GRAMMAR["adversaries"])


def parties(spans: list[Span]) -> list[Span]:
    """``spans``, each cut where a lawsuit's caption names two parties ("Valdane
    Systèmes c/ JSC Sviyaga Group": two names, the French NER's one place)."""
    out = []
    for span in spans:
        cuts = [t.i for t in span if t.lower_ in ADVERSARIES and t.i > span.start]
        cuts += _listing_comma(span)
        if not cuts:
            out.append(span)
            continue
        for a, b in zip([span.start, *(c + 1 for c in cuts)], [*cuts, span.end], strict=True):
            if a < b:
                out.append(Span(span.doc, a, b, label=span.label_))
    return out


def _listing_comma(span: Span) -> list[int]:
    """A comma inside ``span`` that lists two names ("holds 35% of Chulman, Idel Motors
    Group the other 65%"): not one before a legal form ("Grafites de Ancuabe, Lda"), after
    an abbreviation's full stop ("Co., Ltd."), nor in a name that lists its own words
    ("Ministry of Investment, Industry and Trade")."""
    if any(t.lower_ in GRAMMAR["coordinators"] or t.text == "&" for t in span):
        return []
    return [
        t.i
        for t in span
        if t.text == ","
        and span.start < t.i < span.end - 1
        and not t.nbor(-1).text.endswith(".")
        and t.nbor(1).text[:1].isupper()
        and t.nbor(1).text not in DESIGNATORS
        and not legal_comma(span.doc, t.i)
        and not (t.i + 2 == span.end and len(t.nbor(1).text) <= 4)
    ]


__all__ = ["APPOSITION_ARTICLES", "NAME_WORD_REACH", "named_spans", "parties"]
