"""Abbreviations an article defines in brackets right after a name.

Reads: a parsed paragraph and its mentions (known and discovered). Returns: which
token spans are such abbreviations, and the entity each stands for ("Minsk Cell
Technologies (MCT)", 'Jinchuan Group International Resources Co. Ltd ("JCI")', «Завод
«Москвич» (ЗМ)»). The pipeline names the abbreviation's mentions, there and later in
the document, after the actor it abbreviates, so that "MCT" is no second actor.

An abbreviation is one token of two to eight characters with at least two capitals,
none of them lower-case letters (digits, "&" and "-" allowed), whose first letter is
the initial of the name's first word and every letter of which is the initial of one
of the name's words: "JCI" for "Jinchuan Group International Resources Co. Ltd", not
"UMZ" for "Usine métallurgique d'Oulba" (a Russian abbreviation of another name).
A short name defined in quotes in the brackets ("Xiamen Golden Dragon Bus (« Golden
Dragon »)") is that actor too (``short_forms``), and so are the terms defined for a
role ('Norvik Metals (the "Seller")', "ПАО «X» (далее — Общество)", a definitions line
'"Company"  X Co., Ltd.': ``defined_terms``, ``definition_line``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from analysis.extraction.actors import NAME, PLACE_TYPES, Mention
from analysis.extraction.descriptor_lexicon import load_lexicon
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.russian import CYRILLIC

#: Quotation marks that may stand around an abbreviation inside its brackets.
QUOTES = frozenset({'"', "'", "«", "»", "“", "”", "‘", "’", "„"})
#: Quotes that close a name ("«Норникеля» и «Росатома»", '"ERG"').
CLOSING_QUOTES = frozenset({"»", "”", '"'})
#: What may close the brackets' first part: the bracket, or a comma ("(MCT, 2019)").
CLOSERS = frozenset({")", ","})
_WORD = re.compile(r"[^\W\d_]+")


def initials(name: str) -> list[str]:
    """Upper-cased first letters of the words of ``name`` (split at spaces, hyphens and
    apostrophes: "l'Ouzbékistan" gives "O")."""
    return [w[0].upper() for w in _WORD.findall(name)]


def abbreviates(abbreviation: str, name: str) -> bool:
    """Is ``abbreviation`` an abbreviation of ``name`` (module docstring)?"""
    letters = [c for c in abbreviation if c.isalpha()]
    if not 2 <= len(abbreviation) <= 8 or len(letters) < 2:
        return False
    if any(c.islower() for c in letters) or not all(c.isalnum() or c in "&-" for c in abbreviation):
        return False
    first = initials(name)
    return bool(first) and letters[0] == first[0] and set(letters) <= set(first)


def defined(doc: Doc, mentions: list[Mention]) -> dict[int, str]:
    """Token index of each abbreviation defined right after a mentioned name, in
    brackets, and the entity of that name."""
    out: dict[int, str] = {}
    for m in mentions:
        # (a name's closing quote may stand before the bracket: "«X Моторс» (XM)")
        opening = m.end
        while opening < len(doc) and doc[opening].text in QUOTES:
            opening += 1
        if m.kind != NAME or opening >= len(doc) or doc[opening].text != "(":
            continue
        i = opening + 1
        while i < len(doc) and doc[i].text in QUOTES:
            i += 1
        j = i + 1
        while j < len(doc) and doc[j].text in QUOTES:
            j += 1
        if j < len(doc) and doc[j].text in CLOSERS and abbreviates(doc[i].text, m.text):
            out[i] = m.entity
    return out


#: At most this many words in a short name defined in quotes.
SHORT_WORDS = 4


def _unquoted_end(doc: Doc, start: int) -> int | None:
    """Where a bracket opened before ``start`` closes, if it holds only up to
    ``SHORT_WORDS`` capitalised words ("(Sokol Invest)"); None otherwise."""
    for j in range(start, min(start + SHORT_WORDS + 1, len(doc))):
        if doc[j].text == ")":
            return j if j > start else None
        if not doc[j].text[:1].isupper():
            return None
    return None


#: The shortest clipped word a short name may give for a word of the full one ("Auto"
#: for "Automobile", "Tech" for "Technology").
CLIPPED = 3


def _word_of(word: str, words: set[str]) -> bool:
    """Is ``word`` one of the full name's lower-cased ``words``, or a clipping of one?"""
    w = word.lower()
    return w in words or (len(w) >= CLIPPED and any(x.startswith(w) for x in words))


def short_forms(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Short names an article defines in quotes inside brackets right after a mentioned
    name, and the entity of that name: 'Xiamen Golden Dragon Bus (« Golden Dragon »)',
    'Tessan Anode Materials Co., Ltd. ("Tessan Materials")', or without quotes as a
    sanctions notice writes it ("Sokol Invest JSC (Sokol Invest)"). Every word of the
    short name is a word of the full one or a clipping of one ('Zhejiang Varkon
    Automobile Co., Ltd. ("Varkon Auto")'), and it starts with a capital; a generic word
    ('the "Company"') is not one of the name's words, so it is no short name here. A
    quoted name in the other script whose words are all capitalised is one too ('Jiangsu
    Tianheng New Energy («Цзянсу Тяньхэн»)'): a transliteration shares no words."""
    out: dict[str, str] = {}
    for m in mentions:
        # (past a designator's full stop the tokenizer split off: "X Co., Ltd. («Y»)")
        bracket = m.end + 1 if m.end + 1 < len(doc) and doc[m.end].text == "." else m.end
        start = bracket + 1
        if m.kind != NAME or start >= len(doc) or doc[bracket].text != "(":
            continue
        quoted = doc[start].text in QUOTES
        if not quoted:
            end = _unquoted_end(doc, start)
            if end is None:
                continue
            start -= 1  # (as if a quote opened the bracket)
        else:
            end = start + 1
            while end < len(doc) and end - start <= SHORT_WORDS and doc[end].text not in QUOTES:
                end += 1
            if end >= len(doc) or doc[end].text not in QUOTES or end == start + 1:
                continue
        short = " ".join(doc[start + 1 : end].text.split())
        words = {w.lower() for w in _WORD.findall(m.text)}
        own = _WORD.findall(short)
        if short == m.text or not short[:1].isupper() or not own:
            continue
        # ("Jiangsu Tianheng («Цзянсу Тяньхэн»)": the name in the other script, its
        # words all capitalised, as the Russian press gives a foreign firm's)
        other_script = bool(CYRILLIC.search(short)) != bool(CYRILLIC.search(m.text))
        if all(_word_of(w, words) for w in own) or (
            quoted and other_script and all(w[:1].isupper() for w in own)
        ):
            out[short] = m.entity
    return out


#: Articles before a defined term ('the "Seller"', '("the KSA")').
ARTICLES = frozenset(GRAMMAR["articles"])
#: How far a bracket of definitions may run.
BRACKET_REACH = 40


def defined_terms(doc: Doc, mentions: list[Mention]) -> tuple[dict[str, str], set[str]]:
    """Terms with an article that an article defines in quotes inside brackets: right
    after a mentioned name, each one is that name's actor ('Quellon Auto ("Quellon",
    "the Supplier")', 'Norvik Metals (the "Seller")'); after anything else, it names a
    thing, not an actor ('a kit supply agreement ("the KSA")'). After a definition marker
    ("далее", "ci-après", "hereinafter"), the terms need neither quotes nor an article
    (:func:`_marked_terms`). Returns (term -> entity, terms that name no actor)."""
    names = {m.end: m.entity for m in mentions if m.kind == NAME}
    roles: dict[str, str] = {}
    things: set[str] = set()
    for bracket in (t.i for t in doc if t.text == "("):
        stop = min(bracket + BRACKET_REACH, len(doc))
        close = next((j for j in range(bracket + 1, stop) if doc[j].text == ")"), None)
        # ('ПАО «X» (далее — ...)': the name's mention may end before its closing quote)
        quoted = bracket > 0 and doc[bracket - 1].text in CLOSING_QUOTES
        holder = names.get(bracket) or (names.get(bracket - 1) if quoted else None)
        # (the marker opens the brackets, or a part of them after a comma: "(formerly X,
        # hereinafter the ...)", "(прежнее наименование — ..., далее — «Общество»)")
        starts = [bracket] + [
            j for j in range(bracket + 1, close or bracket) if doc[j].text in ",;"
        ]
        marked = [(j, a) for j in starts if (a := _after_marker(doc, j + 1, close or j + 1))]
        after = marked[0][1] if marked and close is not None else None
        if holder and after is not None:
            # (a name right before that comma is the one defined: "(a subsidiary of
            # Quellon Group Co., Ltd., hereinafter "Quellon")"; a former name is the
            # holder's whatever comes before it: "(a unit of X Group, formerly Y)")
            former = _after_former_marker(doc, marked[0][0] + 1, close) is not None
            at_comma = marked[0][0] != bracket and not former
            owner = names.get(marked[0][0], holder) if at_comma else holder
            for term in _marked_terms(doc, after, close):
                roles.setdefault(term, owner)
            continue
        k = bracket + 1
        while close is not None and k < close:
            end = next(
                (j for j in range(k + 1, min(k + SHORT_WORDS + 3, close)) if doc[j].text in QUOTES),
                None,
            )
            if doc[k].text not in QUOTES or end is None:
                k += 1
                continue
            words = [t for t in doc[k + 1 : end] if t.lower_ not in ARTICLES]
            article = doc[k - 1].lower_ in ARTICLES or doc[k + 1].lower_ in ARTICLES
            if article and words and words[0].text[:1].isupper():
                term = " ".join(t.text for t in words)
                if bracket in names:
                    roles.setdefault(term, names[bracket])
                else:
                    things.add(term)
            k = end + 1
    return roles, things


#: What opens a definition in brackets whatever its quotes or article ("далее", "ci-après").
MARKERS = frozenset(GRAMMAR["definition_markers"])
#: How many tokens a marker may take ("ci", "-", "après").
_MARKER_TOKENS = 3


def _after_marker(doc: Doc, k: int, close: int) -> int | None:
    """The token after a definition marker that opens the brackets at ``k`` (one word,
    or one the tokenizer split at its hyphens: "ci-après"), or after a former name's
    marker (:func:`_after_former_marker`), else None."""
    for n in range(1, min(_MARKER_TOKENS, close - k) + 1):
        if "".join(t.lower_ for t in doc[k : k + n]) in MARKERS:
            return k + n
    return _after_former_marker(doc, k, close)


#: What opens a former name in brackets ("formerly", "anciennement", "прежнее наименование").
FORMER_NAME_MARKERS = frozenset(m.lower() for m in GRAMMAR["former_name_markers"])
#: The Russian "до 2023 года" ("until 2023"), which opens a former name too: the word
#: before the year and the words after it.
_UNTIL_YEAR = (
    frozenset(w.lower() for w in GRAMMAR["former_name_until"]),
    frozenset(w.lower() for w in GRAMMAR["former_name_year_words"]),
)


def _after_former_marker(doc: Doc, k: int, close: int) -> int | None:
    """The token after a former name's marker opening the brackets at ``k`` ("(formerly
    X)", "(f.k.a. X)", "(до 2023 года — ООО «X»)"), else None: the name is the holder's
    before a renaming, so one actor."""
    for n in range(min(_MARKER_TOKENS, close - k), 0, -1):
        words = [t.lower_ for t in doc[k : k + n]]
        if " ".join(words) in FORMER_NAME_MARKERS or "".join(words) in FORMER_NAME_MARKERS:
            return k + n
    until, year_words = _UNTIL_YEAR
    if (
        close - k > 3
        and doc[k].lower_ in until
        and doc[k + 1].like_num
        and doc[k + 2].lower_ in year_words
    ):
        return k + 3
    return None


def _marked_terms(doc: Doc, k: int, close: int) -> list[str]:
    """The terms after a definition marker, up to the bracket's end: each piece between
    commas or joining words (``_TERM_JOINERS``), outside quotes, of at most
    ``SHORT_WORDS`` words that opens on a capital, without its quotes and article; of a
    legal form and a quoted name, the name ("— ПАО «ЛМХ», Общество" gives "ЛМХ" and
    "Общество"; '"Smith and Sons"' is one term)."""
    while k < close and doc[k].is_punct and doc[k].text not in QUOTES:
        k += 1  # the dash or colon after "далее"
    terms, piece, inside = [], [], False
    for t in [*doc[k:close], None]:
        if t is not None and t.text in QUOTES:
            inside = t.text not in CLOSING_QUOTES if t.text != '"' else not inside
        if t is None or (not inside and (t.text == "," or t.lower_ in _TERM_JOINERS)):
            quoted = [i for i, w in enumerate(piece) if w.text in QUOTES]
            if len(quoted) >= 2:  # "ПАО «ЛМХ»": the name in the quotes
                piece = piece[quoted[0] + 1 : quoted[-1]]
            words = [w for w in piece if w.text not in QUOTES and w.lower_ not in ARTICLES]
            # (not a venture's noun: "(далее — СП)" leaves "СП" the cue it is)
            venture = len(words) == 1 and words[0].lower_ in GRAMMAR["joint_venture"]
            if 0 < len(words) <= SHORT_WORDS and words[0].text[:1].isupper() and not venture:
                terms.append(" ".join(w.text for w in words))
            piece = []
        else:
            piece.append(t)
    return terms


#: Straight and English quotes: those of a definitions line (a Russian paragraph opens
#: with «X» as its subject) and of a term NER runs across (``name_spans``).
STRAIGHT_QUOTES = frozenset({'"', "“", "”"})
#: The heading of a definitions block ("DEFINITIONS", "Définitions", "Определения").
DEFINITION_HEADINGS = frozenset(GRAMMAR["definition_headings"])
#: Words that join two terms defined together ('"Purchaser" or "Ruineng HK"').
_TERM_JOINERS = frozenset(GRAMMAR["term_joiners"])


def definition_line(doc: Doc, mentions: list[Mention]) -> tuple[dict[str, str], set[str]]:
    """A definitions list's lines, an exchange filing's or a contract's: quoted terms open
    the paragraph, or any line of a block headed "Definitions" (read as one paragraph: at
    every opening quote), and a name right after
    them is what they stand for ('"Purchaser" or "Ruineng HK"  Ruineng (Hong Kong)
    Resources Limited, a company ...'); lower-case words after them define a thing
    ('"Equity Transfer Agreement" the equity transfer agreement dated ...'). Returns
    (term -> entity, terms that name no actor)."""
    starts = [0]
    if len(doc) and doc[0].lower_ in DEFINITION_HEADINGS:
        # (a "DEFINITIONS" block read as one paragraph: each quoted term may open a line;
        # the quotes pair up, and only an opening one starts a term)
        starts += [t.i for t in doc[1:] if t.text in STRAIGHT_QUOTES][0::2]
    roles: dict[str, str] = {}
    things: set[str] = set()
    for k in starts:
        found, unnamed = _definition_at(doc, k, mentions)
        roles = found | roles
        things |= unnamed
    return roles, things


def _definition_at(doc: Doc, k: int, mentions: list[Mention]) -> tuple[dict[str, str], set[str]]:
    """:func:`definition_line` for the line opening at token ``k``."""
    terms = []
    while k < len(doc) and doc[k].text in STRAIGHT_QUOTES:
        end = next(
            (
                j
                for j in range(k + 1, min(k + SHORT_WORDS + 2, len(doc)))
                if doc[j].text in STRAIGHT_QUOTES
            ),
            None,
        )
        if end is None or end == k + 1 or not doc[k + 1].text[:1].isupper():
            return {}, set()
        terms.append(doc[k + 1 : end].text)
        k = end + 1
        if (
            k + 1 < len(doc)
            and doc[k].lower_ in _TERM_JOINERS
            and doc[k + 1].text in STRAIGHT_QUOTES
        ):
            k += 1
    while k < len(doc) and doc[k].is_space:
        k += 1  # (a definitions table's padding: '"Company"        Fujian X Co., Ltd.')
    if not terms or k >= len(doc):
        return {}, set()
    start = k + (doc[k].lower_ in ARTICLES and doc[k].text[:1].isupper())
    named = next((m for m in mentions if m.kind == NAME and m.start == start), None)
    if named is not None:
        return {t: named.entity for t in terms}, set()
    return {}, set(terms) if doc[k].text[:1].islower() else set()


#: A term with an article defined in quotes inside brackets after a lower-case word or a
#: number ('a kit supply agreement dated 14 March 2022 ("the KSA")', 'by a notice ("the
#: Suspension Notice")'): a thing, named so before or after its definition.
_ARTICLE = "(?:" + "|".join(re.escape(a) for a in sorted(ARTICLES, key=len, reverse=True)) + ")"
_THING = re.compile(
    r"\b[a-z\d][\w.-]*\s+\(\s*"
    rf"(?:{_ARTICLE}\s*[\"“«]\s*|[\"“«]\s*{_ARTICLE}\s*)"
    r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s*[\"”»]"
)


#: A definitions list's line that defines its quoted terms as a thing: lower-case words
#: follow them ('"Equity Transfer Agreement" the equity transfer agreement dated ...').
_THING_LINE = re.compile(
    r'^\s*["“]([A-Z][^"”\n]{0,60})["”](?:\s+(?:or|ou)\s+["“]([A-Z][^"”\n]{0,60})["”])?'
    r"\s+(?!(?:or|ou)\s)[a-zà-ÿ]",
    re.MULTILINE,
)


def things_defined(text: str) -> set[str]:
    """Terms ``text`` defines for things, not actors (``_THING``, ``_THING_LINE``),
    wherever they stand."""
    lines = {t for m in _THING_LINE.finditer(text) for t in m.groups() if t}
    return {m.group(1) for m in _THING.finditer(text)} | lines


def text_over_knowledge(mentions: list[Mention], defined: dict[str, str], actors) -> list[Mention]:
    """A knowledge-base name that the article defines as the abbreviation of another
    actor is that actor in the article: after 'Don Fenghe Motors LLC (« DFM »)', "DFM"
    is that firm, not the knowledge base's Dongfeng Motor. ``defined`` maps a defined
    form to its entity, ``actors`` is the actors known so far by entity. Not when the
    two names share a word other than firms' common words ("Contemporary Amperex
    Technology Co., Limited (CATL)", "Erdenes Mongol LLC (Erdenes Mongol)"): they name
    the same firm. A country or place keeps its own."""

    def other(m: Mention) -> bool:
        entity = defined.get(m.text, m.entity)
        known, own = actors.get(m.entity), actors.get(entity)
        return (
            entity != m.entity
            and own is not None
            and known is not None
            and known.type not in PLACE_TYPES
            and not _own_words(own.name) & _own_words(known.name, *known.aliases)
        )

    return [
        replace(m, entity=defined[m.text]) if m.kind == NAME and other(m) else m for m in mentions
    ]


def _own_words(*names: str) -> set[str]:
    """The words of ``names`` that are not firms' common words ("Motors", "LLC")."""
    lexicon = load_lexicon()
    words = {w for n in names for w in _WORD.findall(n)}
    return {w.lower() for w in words if lexicon.name_word(w) is None}


def defined_late(
    listed: dict[str, str], defined: dict[str, str], discovered: Iterable[str]
) -> dict[str, str]:
    """The terms a document defines after their first use, each with the actor it
    stands for: those of a definitions list (``listed``), and a name written before the
    bracket that defines it for another actor, which was discovered as an actor of its
    own until then ("Xuelong Lithium controls every step ..." before 'Sichuan Xuelong
    Lithium Co., Ltd. ("Xuelong Lithium")'). ``defined``: the document's abbreviations
    and terms, by term."""
    seen = set(discovered)
    return {**{t: e for t, e in defined.items() if t != e and t in seen}, **listed}


def renamed(rows: list[dict], names: dict[str, str], *fields: str) -> list[dict]:
    """``rows`` with the values of ``fields`` that are terms of ``names`` replaced by the
    actor each stands for: a term a definitions list defines after its first use (an
    exchange filing's "DEFINITIONS" close it). A relation row whose two ends become one
    is dropped, and rows made the same are kept once."""
    out, seen = [], set()
    for row in rows:
        new = {**row, **{f: names.get(row[f], row[f]) for f in fields}}
        if new == row:
            out.append(row)
            continue
        if len(fields) == 2 and new[fields[0]] == new[fields[1]]:
            continue
        if len(fields) == 2:
            new["_key"] = (*row["_key"][:-2], new[fields[0]], new[fields[1]])
        if new["_key"] not in seen:
            seen.add(new["_key"])
            out.append(new)
    return out
