"""Actors the knowledge base lacks: NER candidates, quality filters, discovered actors.

Method (cited by the methods appendix):

1. **Candidates.** Spans of the statistical NER (French ``fr_core_news_md``, English
   ``en_core_web_sm``; English labels are mapped to PER, ORG, LOC and MISC, and
   dates, numbers and nationalities are not candidates) that overlap no linked name.
   An organisation's name that contains a country or place ("China Northern Rare Earth",
   "Banque de Russie", "BYD Uzbekistan") is that organisation: the country inside it is
   not a mention of the country. When such a name starts with a known firm ("BYD
   Uzbekistan"), that firm is its parent. Names NER misses that end with a word firms'
   names end with ("Ertis Bus Company", "State Revenue Committee") are candidates too,
   so are names an apposition describes ("Varkon Gold, the Canadian miner", "X,
   filiale du groupe Y"); a name NER calls a person's but which holds a town ("Wuhu X
   Wiring") is an organisation's like them. A
   known city named as a region ("région de Kalouga", "Minsk region") is a region of
   its own, in the city's country; so is a country named with a compass word and a
   region word ("the East Kazakhstan region", "la région du Kazakhstan-Oriental").
   Sites NER misses are places when their context says so: a mine's or a deposit's
   name ("the Zhartas deposit", "la mine de Dolgaïa"), a table cell under a place
   header, a name after a locative with its region after it ("à Assaka, dans la
   région d'Andijan"; ``site_names``). A legal designator after a comma ends a firm's
   name ("X Co., Ltd.", where NER stops at the comma). These spans come from
   ``name_spans``.
2. **Junk.** Spans with no capitalised word, line breaks, roman ordinals, single words
   that are not proper nouns by POS (imperatives, interjections, capitalised common
   nouns, all-caps emphasis; but a word the French pipeline's word vectors do not know
   is kept whatever its tag, as the tagger's guess at an invented name), single
   generic nouns written with a capital ("the Group", "the Company", "Ministry"), a
   registration number's label ("ABN 61 604 118 372", "ИНН") or a ticker after its
   exchange ("ASX: SGR"), and generic references are rejected (``is_junk``).
3. **Discovered actors.** A candidate becomes an actor when it also looks like a name:
   at most ``MAX_TOKENS`` tokens, a proper noun among them, no verb, no digit-only
   start, not written all in capitals over several words (a headline) nor standing in
   a heading in capitals ("2. CÂBLES ET CONNECTEURS"), not one word with a digit (a
   size, model or code: "R19", "Q7"), not a raw material ("Graphite sphérique") nor a
   model ("Qin Plus"). Candidates that
   fail stay in ``candidates.csv`` for review, marked as not kept. A known maker
   followed by a model name ("Chery Tiggo 4", "des utilitaires Sollers Argo") is a
   product too. A name discovered in an earlier paragraph of the document is linked
   again wherever it is written and NER missed it (``pipeline``).
4. **Types** (``descriptors``): from a descriptor before the name ("le constructeur
   chinois X"), an apposition after it ("X, a battery maker"), a plural descriptor
   before the list the name is in ("Chinese carmakers X, Y and Z", "les équipementiers
   allemands X, Y et Z"; ``descriptor_lists``), words of the name ("Tobol Lithium"),
   else the words before it when NER's label is not ORG (the agent of a participle,
   "fabriqués par X", and the maker of goods, "les moteurs de X", are organisations,
   but a person's name after "compiled by" stays a person's; "son usine de X" is a
   place, and "a plant at X" is one even when NER calls X an organisation), else the
   NER label; but a name NER takes for a
   person's that makes goods at a place ("X fabrique à Y des faisceaux") is a firm's,
   and a name after a place preposition ("à X", "near X", "près de X") that GeoNames
   knows as a town is a place in that town's country, whatever NER said (``gazetteer``).
5. **Names.** The discovered actor's name is the span's text without a leading article,
   a trailing possessive or an unclosed bracket and what follows it ("X (XB"); a name
   whose key (case, accents, punctuation folded) equals a knowledge-base alias is that
   known actor ("Avtovaz" is AvtoVAZ), also up to transliteration variants
   (``spelling_key``: "Toula" is Tula). Merging of short forms and spellings across the
   corpus is done by ``registry``. Terms a document defines in quotes inside brackets
   (``abbreviations``) are its own words: after a name, a short form or a role ('X ("X
   Auto", "the Supplier")') is that actor; after anything else, a term with an article
   names a thing, no actor ('a kit supply agreement ("the KSA")'), wherever in the
   document it stands.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from analysis.extraction.abbreviations import STRAIGHT_QUOTES
from analysis.extraction.actors import NAME, PLACE_TYPES, KnowledgeBase, Mention
from analysis.extraction.countries import strip_accents, world_regions
from analysis.extraction.descriptors import head_words, is_product, load_lexicon, portfolio_title
from analysis.extraction.figures_lexicon import currency_codes
from analysis.extraction.firm_names import DESIGNATORS, legal_comma
from analysis.extraction.gazetteer import is_place_name
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.name_keys import spelling_key
from analysis.extraction.name_spans import named_spans, parties
from analysis.extraction.russian import CYRILLIC, QUOTES, is_common_word

#: English model labels -> the French model's label set; others are not actors.
LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "PRODUCT": "MISC",
    "SITE": "LOC",  # ``site_names``
}
SITE = "SITE"
MAX_TOKENS = 6
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(e|è|ème|er|th)$")
_NOT_NAMES = frozenset({"VERB", "AUX", "INTJ", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ"})
_SINGLE_OK = frozenset({"PROPN", "X"})
_LEADING = frozenset(["le", "la", "les", "l'", "l’", "the", "du", "de", "des", "d'", "d’"])


@dataclass(frozen=True)
class Candidate:
    """A NER span the knowledge base lacks. ``actor`` is the discovered actor's name
    when the span passed the quality filters, else empty. ``parent`` is a known firm
    the name starts with ("BYD Uzbekistan"); ``covers`` are linked mentions inside it."""

    text: str
    label: str
    start: int
    end: int
    actor: str = ""
    parent: str = ""
    #: The country of a region named after a known city ("région de Kalouga": RU).
    country: str = ""


_DASHES = frozenset(GRAMMAR["label_dashes"])
#: Dashes that, spaced, separate a title's parts ("X plc - Annual Report").
_SPACED_DASHES = _DASHES | {"-"}
HONORIFICS = GRAMMAR["honorifics"]


#: Legal designators, without their full stop, that end an issuer's name before a title.
_TITLE_DESIGNATORS = frozenset(d.rstrip(".") for d in DESIGNATORS)
_LEGAL_FORM_PHRASES = frozenset(p.lower() for p in GRAMMAR["legal_form_phrases"])


def _portfolio(doc, start: int, end: int) -> bool:
    """A capitalised common noun that ends an official's portfolio, before the name
    ("ministre de l'Économie Bruno Le Maire", "vice-ministre de l'Industrie et de la
    Construction Kanat Zhumabekov")."""
    tok = doc[start]
    return (
        end - start > 1
        and tok.pos_ == "NOUN"
        and tok.text[:1].isupper()
        and doc[start + 1].pos_ == "PROPN"
        and portfolio_title(doc, start + 1) is not None
    )


def _trim(span: Span, generic: frozenset[str] = frozenset()) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    # "Plateforme : Dongfeng", "Client : UAZ": a label and its value; the name follows.
    colon = next((i for i in range(end - 1, start - 1, -1) if doc[i].text == ":"), None)
    if colon is not None:
        start = colon + 1
    # "Vendredi 6 mars — Skywell": a digest's dated lead; a spaced dash ends a label.
    dash = next(
        (
            i
            for i in range(end - 1, start, -1)
            if doc[i].text in _SPACED_DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_
        ),
        None,
    )
    if dash is not None and doc[dash - 1].text.rstrip(".") in _TITLE_DESIGNATORS:
        end = dash  # "X plc — Annual Report", "X SA - Communiqué": the issuer
    elif dash is not None and doc[dash].text in _DASHES:
        start = dash + 1
    while (
        start < end
        and (
            (doc[start].pos_ in ("DET", "ADP") and not _name_article(doc, start, end))
            or doc[start].is_space
            or doc[start].text in ("(", "[")  # "(КВМ": NER took the bracket of an abbreviation
            or doc[start].text in _SPACED_DASHES  # "ex-Hanul Autotech": no name opens on a dash
            or _russian_noun_before_latin(doc, start, end)
            # ('the "Group"': a defined term's opening quote, its closing one trimmed below)
            or (
                doc[start].text in STRAIGHT_QUOTES
                and doc[end - 1].text in STRAIGHT_QUOTES
                and end - start > 2
            )
            # "usine de Nijnekamsk": a common noun before the name (a plant's, a town's)
            or (doc[start].pos_ == "NOUN" and doc[start].text[:1].islower() and end - start > 1)
            or (doc[start].lower_ in _LEADING and not _name_article(doc, start, end))
            or (doc[start].text in generic and end - start > 1)  # "État Rostec": Rostec
            or _portfolio(doc, start, end)
            or (doc[start].text in HONORIFICS and end - start > 1)  # "Mme Sabine X"
            # ("M" "." when the tokenizer splits the title's full stop)
            or (
                doc[start].text + "." in HONORIFICS
                and end - start > 2
                and doc[start + 1].text == "."
            )
        )
    ):
        start += 1
    # "Minjiang Power Cell Completes Acquisition of ...": a headline's verb ends the name.
    verb = next((i for i in range(start + 1, end) if doc[i].lower_ in HEADLINE_VERBS), None)
    if verb is not None:
        end = verb
    # "Lúrio Grafite at Ancuabe": a firm and its place, run together by NER.
    at = next((i for i in range(start + 1, end) if doc[i].text in _AT), None)
    if at is not None:
        end = at
    # "du groupe d'Iekaterinbourg Irbis Holding": a town after a group noun and "de" says
    # where the firm is from ("Savoie Joints", "shares of Kariba Graphite" keep theirs).
    if (
        end - start > 2
        and start > 1
        and doc[start - 1].lower_ in _FROM
        and doc[start - 2].lower_ in _GROUPS
        and is_place_name(doc[start].text)
        and doc[start + 1].text[:1].isupper()
    ):
        start += 1
    # "built on the platform of Hailan's Lumo brand": the possessed name, not the owner's
    owned = next((i for i in range(start + 1, end - 1) if doc[i].text in ("'s", "’s")), None)
    if owned is not None and doc[owned + 1].text[:1].isupper():
        start = owned + 1
    # "HUM (Haixing 51 %, Irbis 49 %)": a stake, not a word of the name
    if end - start > 1 and doc[end - 1].like_num and end < len(doc) and doc[end].text == "%":
        end -= 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # "X (XB" without its closing bracket (NER stopped inside the abbreviation, or the
    # bracket closing it was trimmed as punctuation): X.
    opened = next((i for i in range(start + 1, end) if doc[i].text in ("(", "[")), None)
    if opened is not None and not any(t.text in (")", "]") for t in doc[opened:end]):
        end = opened
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    if end - start > 1 and doc[end - 1].text in ("'s", "’s"):
        end -= 1
    return doc[start:end] if end > start else None


def _russian_noun_before_latin(doc: Doc, start: int, end: int) -> bool:
    """A Russian common noun opening a sentence before a Latin-script name
    ("Автопроизводитель Shandong Haiyue Automobile продаёт ...") is no word of it."""
    return (
        end - start > 1
        and CYRILLIC.search(doc[start].text) is not None
        and CYRILLIC.search(doc[start + 1].text) is None
        and doc[start + 1].text[:1].isupper()
        and is_common_word(doc[start].text)
    )


def _name_article(doc: Doc, start: int, end: int) -> bool:
    """A French article capitalised after a lower-case word is part of the name ("à La
    Rochelle", "de La Poste"); at a sentence's start it is any article."""
    return (
        doc[start].text in _NAME_ARTICLES
        and end - start > 1
        and start > 0
        and doc[start - 1].text[:1].islower()
        and doc[start + 1].text[:1].isupper()
    )


#: French articles that open a name when capitalised inside a sentence.
_NAME_ARTICLES = frozenset({"La", "Le", "Les"})
#: Words after which a town opening a name is the firm's home: "du groupe d'X Y Holding".
_FROM = frozenset({"de", "d'", "d’", "of"})
_GROUPS = frozenset({"groupe", "group", "holding", "conglomérat", "conglomerate"})
#: Lower-case place prepositions no firm's name contains.
_AT = frozenset({"at", "in"})
#: Verbs a title-case headline puts after its subject (``relations.yaml``).
HEADLINE_VERBS = GRAMMAR["headline_verbs"]


def is_junk(span: Span, kb: KnowledgeBase) -> bool:
    """Rules that reject NER spans which are not names (see module docstring)."""
    tokens = [t for t in span if not t.is_space]
    if not tokens or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens):
        return True
    if "\n" in span.text or _ROMAN_ORDINAL.match(tokens[0].text):
        return True
    # A region of the world ("Asie centrale", "Europe"): an area, no actor.
    if strip_accents(span.text).lower().replace("’", "'") in world_regions():
        return True
    # An amount ("KZT 0.6 billion", "KZT") or a legal form alone ("Limited", "LTD",
    # "Société anonyme").
    if (
        tokens[0].text in currency_codes()
        or span.text.lower() in _LEGAL_FORM_PHRASES
        or all(
            t.text in DESIGNATORS or t.text.rstrip(".").title() in _TITLE_DESIGNATORS or t.is_punct
            for t in tokens
        )
    ):
        return True
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.text in kb.generic_terms or (tok.pos_ in _NOT_NAMES and not unknown_word(tok)):
            return True
        # A registration number's label ("ABN 61 604 118 372") or a ticker ("ASX: SGR").
        doc = span.doc
        if tok.text in GRAMMAR["registration_labels"] or (
            span.start >= 2
            and doc[span.start - 1].text == ":"
            and doc[span.start - 2].text in GRAMMAR["exchanges"]
        ):
            return True
        # A generic noun capitalised ("the Group", "the Company", "Ministry"): a reference
        # to an actor, never its name.
        if tok.lower_ in _generic_nouns(kb):
            return True
        # A capitalised common noun/adjective, or all-caps emphasis ("MILLIARDS"); but a
        # Russian name in quotes is written as a common noun («Автокомпоненты»).
        if tok.pos_ and tok.pos_ not in _SINGLE_OK and not _quoted(span) and not unknown_word(tok):
            return True
        # A capitalised Russian common noun the tagger took for a name («Правительства»)
        if CYRILLIC.search(tok.text) and not _quoted(span) and is_common_word(tok.text):
            return True
    return all(t.text in kb.generic_terms or t.is_stop for t in tokens)


def unknown_word(tok) -> bool:
    """A capitalised word the pipeline's word vectors do not know ("Emotors", not
    "Ensuite"): an invented or foreign name, whatever tag the tagger guessed for it.
    Only a pipeline with vectors (the French one) can tell; the others never say so."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.vocab.vectors.shape[0] > 0 and tok.is_oov


@functools.cache
def _generic_nouns(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-cased words that alone are no name: the knowledge base's generic terms and
    organisation nouns, and the anaphors' nouns (``anaphors.yaml``)."""
    from analysis.extraction.coreference import anaphor_nouns

    generic = {t.lower() for t in kb.generic_terms}
    return frozenset(generic | kb.organisation_nouns | anaphor_nouns())


#: The supply chain's raw materials, in one home: ``supply_chain.yaml``'s first stage.
SUPPLY_CHAIN_LEXICON = (
    Path(__file__).resolve().parents[1] / "data" / "lexicons" / "supply_chain.yaml"
)


@functools.cache
def material_words() -> frozenset[str]:
    """Raw materials ("cobalt", "graphite", "lithium"): a name made of one of them and
    lower-case words is a material, not an actor ("Graphite sphérique" in a table)."""
    with open(SUPPLY_CHAIN_LEXICON, encoding="utf-8") as fh:
        stages = yaml.safe_load(fh)["stages"]
    raw = next(s for s in stages if s["id"] == "raw_materials")
    return frozenset(w.lower() for words in raw["terms"].values() for w in words if " " not in w)


#: The supply chain's stages whose words name goods one firm sells another.
GOODS_STAGES = ("raw_materials", "refining", "cells")


@functools.cache
def goods_words() -> frozenset[str]:
    """Materials and parts ("graphite", "anode", "cells"): one word of the supply chain's
    goods stages in ``supply_chain.yaml``."""
    with open(SUPPLY_CHAIN_LEXICON, encoding="utf-8") as fh:
        stages = yaml.safe_load(fh)["stages"]
    return frozenset(
        w.lower()
        for s in stages
        if s["id"] in GOODS_STAGES
        for words in s["terms"].values()
        for w in words
        if " " not in w
    )


#: What joins the parties of a court case's title ("Golden Dragon c. Aqjol Bus").
VERSUS = frozenset({"c.", "v.", "vs", "vs.", "versus", "contre"})


#: Marks that join two names into no name of its own: "X / Y", "X | Y", "X → Y" ("->"
#: may be split into "-" and ">").
_JOINERS = frozenset({"/", "|", "→", "->", "⟶", "←", "<-", "⇒", "=>", ">", "<"})

#: Marks after which a capitalised verb opens a clause ("- **X**: Left Russia in 2023").
_CLAUSE_MARKS = frozenset({":", ";", "-", "–", "—", "|", "•", "*", "**", "(", "«", '"', "“"})


def _capitalised_in_name(token, tokens: list) -> bool:
    """Is ``token`` a capitalised word next to another capitalised word of the span, and
    not the first word of a clause ("Left Russia in 2023" after a colon)?"""
    if not token.text[:1].isupper() or token.text.isupper():
        return False
    k = tokens.index(token)
    if k == 0 and (
        token.is_sent_start or token.i == 0 or token.doc[token.i - 1].text in _CLAUSE_MARKS
    ):
        return False
    return any(
        0 <= j < len(tokens) and tokens[j].text[:1].isupper() and tokens[j].is_alpha
        for j in (k - 1, k + 1)
    )


def looks_like_name(span: Span) -> bool:
    """Quality filter from candidate to discovered actor (module docstring, step 3)."""
    tokens = [t for t in span if not t.is_space]
    # (a legal designator and its comma are no words of the name: "X Y Z W Co., Ltd.")
    designators = DESIGNATORS | {",", "."}
    if sum(t.text not in designators for t in tokens) > MAX_TOKENS or tokens[0].text[:1].isdigit():
        return False
    if tokens[0].lower_ in material_words() and not any(t.text[:1].isupper() for t in tokens[1:]):
        return False
    # "Nornickel / Rosatom JV": two names joined by a slash are not one actor; nor are
    # a flow's ends ("Huayue → Uralelektroprivod") or the parties of a case's title ("X
    # c. Y", "X v. Y").
    if any(t.text in _JOINERS for t in tokens):
        return False
    # "Varkon Minerals plc - Annual Report": a spaced dash separates a title's parts.
    if any(
        t.text in _SPACED_DASHES and t.i > 0 and t.doc[t.i - 1].whitespace_ and t.whitespace_
        for t in tokens
    ):
        return False
    if any(t.lower_ in VERSUS for t in tokens[1:-1]):
        return False
    # A verb in the span ends the name ("Renault quitte"); but a capitalised word inside
    # a name that the tagger reads as a verb ("Talvera Nickel", "Brixon Cells") is the
    # name's, when a capitalised word follows or precedes it.
    if any(t.pos_ in ("VERB", "AUX") and not _capitalised_in_name(t, tokens) for t in tokens):
        return False
    if len(tokens) > 2 and all(t.text.isupper() for t in tokens if t.is_alpha):
        return False
    # A size, a model or a reference code ("R19" of "235/55 R19", "Q7", "T8").
    if len(tokens) == 1 and any(c.isdigit() for c in tokens[0].text):
        return False
    if _capitals_heading(span.sent):
        return False
    if not any(
        t.pos_ in _SINGLE_OK or _proper_adjective(t) or unknown_word(t) for t in tokens
    ) and not _quoted(span):
        return False
    return any(t.text[:1].isupper() for t in tokens)


#: How many words a line in capitals needs to be a heading rather than an acronym's line.
HEADING_WORDS = 3


def _capitals_heading(sent: Span) -> bool:
    """A section heading in capitals ("2. CÂBLES ET CONNECTEURS"): its words are a topic,
    and the firm it is about is named below it."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= HEADING_WORDS and all(t.text.isupper() for t in words)


def _proper_adjective(token) -> bool:
    """A capitalised Russian adjective inside a sentence, as in a place's name
    («Калининградской области»). Russian only: measured on the French and English test
    folders, the same rule there found more wrong names than right ones."""
    return (
        token.pos_ == "ADJ"
        and token.text[:1].isupper()
        and not token.is_sent_start
        and CYRILLIC.search(token.text) is not None
    )


def _quoted(span: Span) -> bool:
    """A Russian name in quotation marks (Russian only, as :func:`_proper_adjective`)."""
    if CYRILLIC.search(span.text) is None:
        return False
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in QUOTES and after in QUOTES


@functools.cache
def _alias_keys(kb: KnowledgeBase) -> dict[str, str]:
    out: dict[str, str] = {}
    for actor in kb.actors.values():
        if actor.type == "country":
            continue
        for alias in actor.aliases:
            out.setdefault(spelling_key(alias), actor.name)
    return out


def known_by_key(name: str, kb: KnowledgeBase) -> str | None:
    """The knowledge-base actor one of whose aliases is ``name`` up to case, accents,
    punctuation and transliteration ("Avtovaz" is AvtoVAZ, "Toula" is Tula)."""
    return _alias_keys(kb).get(spelling_key(name))


def candidates(
    doc: Doc, mentions: Iterable[Mention], kb: KnowledgeBase
) -> tuple[list[Candidate], list[Mention]]:
    """Candidates of ``doc`` and the mentions left once names that contain a country or
    place are given to the organisation they name (module docstring, step 1)."""
    mentions = list(mentions)
    owner = [-1] * len(doc)  # token -> index of the named mention covering it
    for k, m in enumerate(mentions):  # names and country adjectives ("Kazakh" is no firm)
        owner[m.start : m.end] = [k] * (m.end - m.start)
    out: list[Candidate] = []
    dropped: set[int] = set()
    for ent in parties(named_spans(doc, owner)):
        label = LABELS.get(ent.label_)
        span = _trim(ent, kb.generic_terms) if label else None
        # (a site's context vouches for a name the tagger calls a common noun: "à
        # Assaka, dans la région d'Andijan", "the Zhartas deposit")
        site = ent.label_ == SITE
        if span is None or (is_junk(span, kb) and not (site and _site_name(span, kb))):
            continue
        if label == "LOC":
            span = _as_region(span)  # "Murmansk region", "région de Mourmansk"
        inside = sorted({owner[i] for i in range(span.start, span.end) if owner[i] >= 0})
        parent = known = ""
        if inside:
            # (a "person" whose name holds a town is a firm's: "Wuhu Martel Wiring", and
            # so is one that ends with a word of firms' names: "Kama Hongyu Automotive")
            firm_inside = any(kb.actors[mentions[k].entity].type not in PLACE_TYPES for k in inside)
            firm_word = load_lexicon().name_word(span[-1].text) is not None
            if (
                label == "LOC"
                or (label == "PER" and firm_inside and not firm_word)
                or not _org_owns(doc, span, [mentions[k] for k in inside], kb)
            ):
                continue
            first = mentions[inside[0]]
            if first.start == span.start and kb.actors[first.entity].type not in PLACE_TYPES:
                parent = first.entity
                if _registered_form(span, first, kb):
                    known, parent = first.entity, ""
        text = " ".join(span.text.split())
        actor = ""
        brand = bool(parent) and kb.actors[parent].type == "brand"
        beside = tuple(doc[i].lower_ for i in (span.start - 1, span.end) if 0 <= i < len(doc))
        named = looks_like_name(span) or (site and _site_name(span, kb))
        if named and not is_product(text.split(), brand, bool(parent), beside):
            actor = known_by_key(text, kb) or known or text
            dropped |= set(inside)  # the names inside are part of this actor's name
        out.append(Candidate(text, label, span.start, span.end, actor, parent))
    for k, start, end in _regions(doc, mentions, kb):
        if any(c.start < end and start < c.end for c in out):
            continue
        city = kb.actors[mentions[k].entity]
        text = " ".join(doc[start:end].text.split()).replace(" - ", "-")
        own = text if city.type == "country" else f"{city.name} region"
        name = known_by_key(text, kb) or own
        out.append(Candidate(text, "LOC", start, end, name, "", city.country))
        dropped.add(k)
    kept = [m for k, m in enumerate(mentions) if k not in dropped]
    return out, kept


def _registered_form(span: Span, first: Mention, kb: KnowledgeBase) -> bool:
    """Is ``span`` the known firm ``first`` with legal forms after it ("Gotion High-Tech
    Co., Ltd.", "Kazakhmys Corporation LLP")? Not a brand's or a place's name opening a
    firm's ("Haval Motor Rus LLC" is no Haval)."""
    rest = [t.text for t in span.doc[first.end : span.end] if t.text != ","]
    return (
        kb.actors[first.entity].type == "company"
        and bool(rest)
        and all(w in DESIGNATORS or w in GRAMMAR["spelt_out_legal_forms"] for w in rest)
    )


def _site_name(span: Span, kb: KnowledgeBase) -> bool:
    """A site's name by its context (``site_names``): capitalised words, none of them
    generic ("the Company's mine") or a raw material, and not one common word."""
    words = [t for t in span if t.is_alpha]
    generic = _generic_nouns(kb) | material_words()
    # (a single word the model's vectors know is a capitalised common word: "usine :
    # Importation"; a rare place name has none)
    common = len(words) == 1 and words[0].pos_ != "PROPN" and not words[0].is_oov
    return (
        bool(words)
        and not common
        and all(
            t.text[:1].isupper() and t.lower_ not in generic and t.text not in kb.generic_terms
            for t in words
        )
    )


def _as_region(span: Span) -> Span:
    """A place's span with the region word around it ("X region", "région de X"), or the
    span itself when it has none (``region_words`` of ``descriptors.yaml``)."""
    doc, words = span.doc, load_lexicon().region_words
    if span.end < len(doc) and doc[span.end].lower_ in words:
        return doc[span.start : span.end + 1]
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ in GRAMMAR["of_complement"]
        and doc[span.start - 2].lower_ in words
    ):
        return doc[span.start - 2 : span.end]
    return span


def _regions(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[tuple[int, int, int]]:
    """(mention index, start, end) of known cities named as a region: "X region",
    "X oblast", "région de X", "region of X"; and of countries named as one with a
    compass word: "East X region", "région du X-Oriental"."""
    out = []
    for k, m in enumerate(mentions):
        actor = kb.actors.get(m.entity)
        if m.kind != NAME or actor is None:
            continue
        if actor.type == "country":
            region = _country_region(doc, m.start, m.end)
            if region:
                out.append((k, *region))
            continue
        if actor.type != "place":
            continue
        region = _as_region(doc[m.start : m.end])
        if (region.start, region.end) != (m.start, m.end):
            out.append((k, region.start, region.end))
    return out


def _country_region(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The span of a region named after the country at ``start:end`` ("the East
    Kazakhstan region", "la région du Kazakhstan-Oriental"), or None."""
    lex = load_lexicon()
    if (
        start >= 1
        and end < len(doc)
        and doc[start - 1].lower_ in lex.compass_words
        and doc[end].lower_ in lex.region_words
    ):
        return start - 1, end + 1
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in lex.compass_words:
        region = _as_region(doc[start:end])
        return min(region.start, start), end + 2
    return None


def _org_owns(doc: Doc, span: Span, inside: list[Mention], kb: KnowledgeBase) -> bool:
    """An organisation's name that contains linked mentions: all of them countries or
    places, or a known firm at its start followed by capitalised words only, and at
    least one capitalised word of its own ("Banque de Russie", "BYD Uzbekistan")."""
    covered = set()
    for m in inside:
        if m.start < span.start or m.end > span.end:
            return False
        covered |= set(range(m.start, m.end))
    own = [t for t in span if t.i not in covered]
    # "Usine Hyundai", "Renault Factory": a firm with a head word is that firm; "Moscow
    # Exchange", "Banque de Russie": a place with one is an organisation of its own.
    firm = any(kb.actors[m.entity].type not in PLACE_TYPES for m in inside)
    heads = head_words() if firm else frozenset()
    if not any(t.text[:1].isupper() and not t.is_stop and t.lower_ not in heads for t in own):
        return False
    return not any(
        t.lower_ in ("et", "and", ",", "&") and t.i not in covered and not legal_comma(doc, t.i)
        for t in span
    )


def listed_peers(
    doc: Doc, cands: list[Candidate], mentions: list[Mention], kb: KnowledgeBase
) -> set[str]:
    """One-word discovered names joined by "and"/"et"/"и" to another organisation's name
    ("a joint venture of Zilant Group and Lanxing"): a firm of its own, listed beside
    another, never the short form of a longer name ("Kama Lanxing Motors", the venture
    named after its parents)."""
    orgs = [(c.start, c.end) for c in cands if c.actor and c.label not in ("PER", "LOC")]
    orgs += [
        (m.start, m.end)
        for m in mentions
        if m.kind == NAME and kb.actors[m.entity].type not in (*PLACE_TYPES, "person")
    ]
    starts, ends = {s for s, _ in orgs}, {e for _, e in orgs}
    joins = GRAMMAR["coordinators"]
    return {
        c.actor
        for c in cands
        if c.actor
        and " " not in c.actor
        and c.end - c.start == 1
        and (
            (c.start >= 2 and doc[c.start - 1].lower_ in joins and c.start - 1 in ends)
            or (c.end + 1 < len(doc) and doc[c.end].lower_ in joins and c.end + 1 in starts)
        )
    }
