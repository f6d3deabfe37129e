"""What the text says an actor is: descriptors, appositions and words in its name.

An actor the knowledge base lacks gets its type, sector and country from the
sentence that names it, with that sentence as evidence (``analysis/data/lexicons/
descriptors.yaml`` holds the words):

- a *head* right before the name, with only fillers and country adjectives between:
  "le constructeur automobile chinois Chery" (company, automaker, CN), "Russia's largest
  carmaker AvtoVAZ" (RU through the possessive), "minister Denis Manturov" (person);
- the same head in apposition right after it: "Sollers, le constructeur russe," or
  "Sollers, a Russian carmaker,";
- words of the name itself when nothing else says: "Ministry of ..." is a government
  body, "... Bank" a company in finance, "... Motors" an automaker;
- otherwise the NER label: PER a person, LOC a place, ORG or MISC a company.

Its parent, if an apposition states one ("X, filiale de Y"), comes from ``appositions``.

Functions here read a parsed ``Doc`` and the linked mentions; they return attributes,
never mutate their inputs.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from analysis.extraction.descriptor_lexicon import (
    HEAD_WINDOW,
    Lexicon,
    load_lexicon,
    token_words,
)
from analysis.extraction.descriptor_lists import list_head
from analysis.extraction.gazetteer import town_country
from analysis.extraction.grammar import GRAMMAR, one_word_cues
from analysis.extraction.russian import CYRILLIC

#: How far a parent's name may stand after a parent head (``appositions``).
PARENT_WINDOW = 3
#: Types given by NER labels when no descriptor says more (PER, ORG, LOC, MISC; the
#: English model's labels are mapped to these in ``discovery``).
LABEL_TYPES = {"PER": "person", "LOC": "place", "ORG": "company", "MISC": "company"}
#: Prepositions that introduce a place ("à Kénitra", "in Kostanay", "near Kaluga").
PLACE_PREPOSITIONS = frozenset(["à", "in", "at", "near", "près", "outside", "from", "depuis"])


@dataclass(frozen=True)
class Attribute:
    """One attribute of a discovered actor and what it rests on."""

    attribute: str  # type, sector, country, parent, or a short form the article defines
    value: str
    # "descriptor", "apposition", "parent", "name", "context", "region", "plant site",
    # "locative" or "NER label"
    basis: str
    text: str  # the words it rests on, as written


def is_product(
    words: list[str], brand_first: bool, maker_first: bool = False, beside: tuple[str, ...] = ()
) -> bool:
    """A product's name rather than an actor's: it opens with a product word ("SUV
    Tiggo") or ends with a model suffix ("Qin Plus") or a model's code ("Veyra V3"), or
    a known brand is followed by at most two words that are not words of firms' names
    ("Lada Vesta", "Bestune T77"; not "Haval Motor Rus"). A known maker followed by such
    words is a model when they hold a digit or a product word stands beside the name
    ("Chery Tiggo 4", "des utilitaires Sollers Argo", "Chery Arrizo crossovers"; not
    "Changan Qazaqstan Manufacturing")."""
    lex = load_lexicon()
    if words and words[0].lower() in lex.product_words:
        return True
    if len(words) >= 2 and words[-1].lower() in lex.product_suffixes:
        return True  # "Qin Plus", "Tiggo 7 Pro"
    if 2 <= len(words) <= 4 and _model_code(words):
        return True  # "Veyra V3", "Bestune T77", "Moskvich 3e", "Tank 300"
    rest = words[1:]
    if not 0 < len(rest) <= 2 or any(lex.name_word(w) for w in rest):
        return False
    model = any(ch.isdigit() for w in rest for ch in w) or any(
        w.lower() in lex.product_words for w in beside
    )
    return brand_first or (maker_first and model)


#: A model's code: up to four letters and digits, with a digit ("V3", "T77", "3e", "SU7").
MODEL_CODE = re.compile(r"^(?=\w*\d)[^\W_]{1,4}$")


def _model_code(words: list[str]) -> bool:
    """Does the name end with a model's code, or is it a name and one capital letter
    ("Simbir E")? Not a numbered name all in capitals
    ("UNIVERSITÉ LUMIÈRE LYON 2"), where the number is part of an institution's name."""
    last = words[-1]
    if len(words) == 2 and len(last) == 1 and last.isalpha() and last.isupper():
        return True  # "Simbir E", «Итиль E»: a model's one letter after its name
    if not MODEL_CODE.match(last):
        return False
    return not (last.isdigit() and all(w.isupper() for w in words[:-1]))


@functools.cache
def head_words() -> frozenset[str]:
    """Every one-word head ("usine", "groupe", "plant"): a name made of a known name
    and heads only ("Usine Hyundai", "Renault Factory") is that known name."""
    return frozenset(words[0] for words in load_lexicon().heads if len(words) == 1) | {
        "factory",
        "plant",
    }


def organisation_heads() -> frozenset[str]:
    """One-word heads that name an organisation, a firm or an official ("assembler",
    "ministre"): a country adjective next to one qualifies it (``actors``)."""
    lex = load_lexicon()
    return frozenset(
        words[0] for words, (kind, _) in lex.heads.items() if len(words) == 1 and kind != "place"
    )


def _cyrillic(token) -> bool:
    return CYRILLIC.search(token.text) is not None


def _head_ending_at(doc: Doc, end: int, lex: Lexicon) -> tuple[int, tuple[str, str]] | None:
    """The longest head whose last token is ``end - 1``: (its start, (type, sector))."""
    for n in range(min(lex.longest, end), 0, -1):
        found = lex.heads.get(token_words(doc, end - n, end))
        if found:
            return end - n, found
    return None


def _head_starting_at(doc: Doc, start: int, stop: int, lex: Lexicon):
    for n in range(min(lex.longest, stop - start), 0, -1):
        found = lex.heads.get(token_words(doc, start, start + n))
        if found:
            return start + n, found
    return None


#: What an official's portfolio holds between the title and the name: articles, "de",
#: "et" and capitalised nouns ("ministre de l'Industrie et de la Construction X").
PORTFOLIO_POS = frozenset({"DET", "ADP", "CCONJ", "NOUN", "PROPN", "PUNCT"})
#: How far before the name the title may stand.
PORTFOLIO_REACH = 8


def portfolio_title(doc: Doc, start: int, floor: int = 0) -> int | None:
    """The index of an official's title a portfolio before ``doc[start]`` ("ministre de
    l'Économie Bruno Le Maire", "vice-ministre de l'Industrie et de la Construction
    Kanat Zhumabekov"), with a capitalised noun between; None if there is none."""
    heads = load_lexicon().heads
    capital = False
    for i in range(start - 1, max(floor, start - PORTFOLIO_REACH) - 1, -1):
        tok = doc[i]
        if heads.get((tok.lower_,)) == ("person", "government"):
            return i if capital else None
        if tok.pos_ not in PORTFOLIO_POS:
            return None
        capital = capital or (tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper())
    return None


def describe(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    countries: dict[int, str],
    sent_start: int,
    sent_end: int,
) -> list[Attribute]:
    """Attributes of the name ``doc[start:end]`` (NER ``label``) from its sentence.

    ``countries`` maps token indices of country mentions (names and adjectives) to the
    country's ISO code.
    """
    lex = load_lexicon()
    out: list[Attribute] = []
    title = portfolio_title(doc, start, sent_start)
    if title is not None and not _in_portfolio(doc, start, end, label, title, lex):
        # "ministre de l'Économie Bruno Le Maire": an official
        return _typed("person", "government", "", "descriptor", doc[title:end].text)
    if _wire_credit(doc, start, end):  # "KAZAN, June 9 (TAW) - ...": the wire reporting
        return _typed("media", "", "", "descriptor", doc[start - 1 : end + 2].text)
    # Before the name: [head] [fillers / country adjectives]* NAME.
    i = start
    country = ""
    while i > max(sent_start, start - HEAD_WINDOW):
        tok = doc[i - 1]
        if i - 1 in countries:
            country = country or countries[i - 1]
            i -= 1
            continue
        head = _head_ending_at(doc, i, lex)
        if head is not None:
            h_start, (kind, sector) = head
            if kind == "person" and _in_portfolio(doc, start, end, label, i - 1, lex):
                break  # "генеральный директор «Исеть Моторс» Иван Петров": the firm
            if kind == "place" and label == "ORG" and town_country(doc[start:end].text) is None:
                break  # "завод «Сокол Моторс»", "usine Renault": the firm whose plant it is
            # "Russia's largest carmaker": a possessive country before the head.
            j = h_start - 1
            while j >= sent_start and doc[j].lower_ in lex.fillers:
                j -= 1
            if j >= sent_start and j in countries and doc[j + 1 : h_start].text.startswith("'"):
                country = country or countries[j]
            # «Российская компания «X»»: a Russian country adjective right before the head
            elif h_start > sent_start and h_start - 1 in countries and _cyrillic(doc[h_start - 1]):
                country = country or countries[h_start - 1]
            out += _typed(kind, sector, country, "descriptor", doc[h_start:end].text)
            break
        if tok.lower_ in lex.fillers or tok.text in ("’s", "'s"):
            i -= 1
            continue
        break
    # After the name: ", [fillers / country adjectives]* head" or ", parent-head Y".
    # (Not after a town in a locative phrase: "Elbtal, à Freiberg, la filiale de Y"
    # describes Elbtal.)
    located = (
        start > sent_start
        and doc[start - 1].lower_ in PLACE_PREPOSITIONS
        and town_country(doc[start:end].text) is not None
    )
    if not out and not located and end < sent_end and doc[end].text == ",":
        j = end + 1
        country = ""
        while j < min(sent_end, end + 1 + HEAD_WINDOW):
            if j in countries:
                country = country or countries[j]
                j += 1
                continue
            head = _head_starting_at(doc, j, sent_end, lex)
            if head is not None:
                h_end, (kind, sector) = head
                k = h_end
                while k < sent_end and (k in countries or doc[k].lower_ in lex.fillers):
                    country = country or countries.get(k, "")
                    k += 1
                if k < sent_end and (doc[k].pos_ == "PROPN" or doc[k].text[:1].isupper()):
                    break  # "À Tokmok, l'assembleur Kant Motors": Kant Motors's head
                out += _typed(kind, sector, country, "apposition", doc[end + 1 : k].text)
                break
            if doc[j].lower_ in lex.fillers:
                j += 1
                continue
            break
    # A plural head before the list the name is in: "carmakers Brixon, Talvera and Quorra".
    if not out:
        listed = list_head(doc, start, end, sent_start, sent_end, countries)
        if listed is not None:
            h_start, kind, sector, country = listed
            out += _typed(kind, sector, country, "descriptor", doc[h_start:end].text)
    if not any(a.attribute == "type" for a in out):
        out += _after_preposition(doc, start, end, sent_start, label)
    if not any(a.attribute == "type" for a in out):
        named = _from_name(doc[start:end].text, label, lex)
        verb = _production_verb(doc, end, sent_end) if label == "PER" else None
        if named[0].basis == "NER label" and verb is not None:
            return [Attribute("type", "company", "context", doc[start : verb + 1].text)]
        # (an ORG stays one: "l'usine de VJC" is VJC's plant; but "région d'X" is a place)
        context = _from_context(doc, start, sent_start, lex, label)
        if label == "ORG" and context is not None and context.basis not in ("region", "plant site"):
            context = None
        out += named if named[0].basis == "name" or context is None else [context]
    return out


#: Tokens that close a quoted or bracketed name.
_CLOSING = GRAMMAR["closing_marks"]


def _in_portfolio(doc: Doc, start: int, end: int, label: str, title: int, lex: Lexicon) -> bool:
    """Whether the name after an official's title (at ``title``) is what the title holds,
    not the official: "президент АО «Симбирск Мотор Групп» Руслан Галеев", "President of
    Halvorsen Group", "губернатор Ульяновской области" (a genitive), or a name NER calls a
    firm or a place right after the title ("президент Zhenhai Power"; after a portfolio,
    "ministre de l'Énergie et des Mines Aidar Kuanyshev", NER's label is no guide)."""
    if label in ("ORG", "LOC", "GPE") and not any(t.is_alpha for t in doc[title + 1 : start]):
        return True
    before = doc[start - 1]
    if before.pos_ == "ADP" or before.text in ("«", "“", '"') or before.lower_ in lex.legal_forms:
        return True
    if any("Gen" in t.morph.get("Case") for t in doc[start:end]):
        return True
    k = end
    while k < len(doc) and doc[k].text in _CLOSING:
        k += 1
    return k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()


def _after_preposition(
    doc: Doc, start: int, end: int, sent_start: int, label: str
) -> list[Attribute]:
    """A place named after a place preposition ("à Tokmok", "near Rudny", "près de
    Rudny"): a town GeoNames knows, whatever NER's label (``gazetteer``; with its
    country), or a name NER calls a place or miscellaneous (or a one-word person's
    name, "à Kant")."""
    prev = start - 1
    if (
        prev > sent_start
        and doc[prev].lower_ in ("de", "d'", "d’")
        and doc[prev - 1].lower_ == "près"
    ):
        prev -= 1
    if prev < sent_start or doc[prev].lower_ not in PLACE_PREPOSITIONS:
        return []
    text = doc[prev:end].text
    country = town_country(doc[start:end].text)
    if country is not None:
        found = [Attribute("type", "place", "gazetteer", text)]
        return found + ([Attribute("country", country, "gazetteer", text)] if country else [])
    # "à Baotou Rongxin Rare Earth": a town opening a longer name, no region's, names a
    # firm after its town.
    regional = {t.lower_ for t in doc[start + 1 : end]} & load_lexicon().region_words
    if end - start > 2 and town_country(doc[start].text) is not None and not regional:
        return []
    if label in ("LOC", "MISC") or (label == "PER" and end - start == 1):
        return [Attribute("type", "place", "locative", text)]
    return []


@functools.cache
def goods_nouns() -> frozenset[str]:
    """Nouns of goods a firm's name may qualify or be the maker of: what a supplier hands
    over (``kit_words``), what a partner brings (``contributions``) and vehicles and
    models (``product_words``)."""
    return GRAMMAR["kit_words"] | GRAMMAR["contributions"] | load_lexicon().product_words


def _from_context(
    doc: Doc, start: int, sent_start: int, lex: Lexicon, label: str = ""
) -> Attribute | None:
    """The type the words before a name give it, when its own words say nothing: the
    agent of a participle is an organisation ("fabriqués par X", "supplied by X"; when
    NER calls it a person, only after a verb of making, supplying or owning, not after
    "compiled by"), and so is the maker of goods ("les moteurs de X"); what follows a
    plant noun is a place ("son usine de X", "a plant in X"), and so is what follows a
    region word ("région d'X", even when NER calls it an organisation)."""
    if start - 2 < sent_start:
        return None
    prev, head = doc[start - 1], doc[start - 2]
    text = doc[start - 2 : start + 1].text
    participle = "Part" in head.morph.get("VerbForm") or head.tag_ == "VBN"
    # (a person's name after "compiled by", "signé par" stays a person's; after "made
    # by", "fournis par" it is a firm's, whatever NER said)
    # ("fabriqués" is read as "fabriquer": the pipeline has no lemmatizer)
    infinitive = re.sub(r"(é|ée|és|ées)$", "er", head.lower_)
    trade = head.lower_ in _trade_words() or infinitive in _trade_words()
    if prev.lower_ in GRAMMAR["agent"] and participle and (label != "PER" or trade):
        return Attribute("type", "company", "context", text)
    if prev.lower_ in GRAMMAR["plant_of"] and head.lower_ in lex.region_words:
        return Attribute("type", "place", "region", text)  # "région d'Abaï"
    if prev.lower_ in GRAMMAR["plant_of"] | GRAMMAR["locative"]:
        if head.lower_ in GRAMMAR["plant_nouns"]:
            # ("a plant at X" says where, even of a name NER calls an organisation;
            # "l'usine de X" may be X's plant)
            at = prev.lower_ in GRAMMAR["locative"] and prev.lower_ not in GRAMMAR["plant_of"]
            return Attribute("type", "place", "plant site" if at else "context", text)
        if prev.lower_ in GRAMMAR["plant_of"] and head.lower_ in goods_nouns():
            return Attribute("type", "company", "context", text)
    return None


@functools.cache
def _trade_words() -> frozenset[str]:
    """One-word cues of making, supplying and owning ("fabriqués", "supplied", "owned")."""
    kinds = ("production", "supply", "ownership", "acquisition", "investment")
    return frozenset().union(*(one_word_cues(k) for k in kinds))


def _production_verb(doc: Doc, end: int, sent_end: int) -> int | None:
    """The verb of production at a place of which the name ending at ``end`` is the
    subject ("X fabrique à Wuhu", "X makes harnesses in Wuhu", "X has assembled vans at
    Y"), or ``None``. A person makes nothing at a place in these texts; NER often takes
    an invented firm's name for a person's."""
    k = end
    while k < min(sent_end, end + 2) and doc[k].pos_ in ("AUX", "ADV"):
        k += 1
    if k >= sent_end or doc[k].pos_ != "VERB" or doc[k].lower_ not in one_word_cues("production"):
        return None
    at_place = any(doc[j].lower_ in GRAMMAR["locative"] for j in range(k + 1, min(sent_end, k + 5)))
    return k if at_place else None


def _wire_credit(doc: Doc, start: int, end: int) -> bool:
    """Is the name a wire's credit in a dateline: in brackets after the date or the town
    in capitals, before the dash that opens the story ("MOSCOW, June 9 (Reuters) -")?"""
    return (
        start >= 2
        and end + 1 < len(doc)
        and doc[start - 1].text == "("
        and doc[end].text == ")"
        and doc[end + 1].text in ("-", "–", "—", "--")
        # (the day of the date, or a town in capitals opening the line; not a name's
        # abbreviation defined after it: "Tamdykol Nickel LLP (TNL) - 70% ...")
        and (
            doc[start - 2].like_num
            or (doc[start - 2].is_upper and start - 2 == doc[start - 2].sent.start)
        )
    )


def _typed(kind: str, sector: str, country: str, basis: str, text: str) -> list[Attribute]:
    out = [Attribute("type", kind, basis, text)]
    if sector:
        out.append(Attribute("sector", sector, basis, text))
    if country:
        out.append(Attribute("country", country, basis, text))
    return out


#: A name written as a web address's host ("Kapital.kz", "Vedomosti.ru").
WEB_ADDRESS = re.compile(r"^\w[\w-]*\.(?:ru|kz|uz|kg|by|com|net|org|info|media|news|fr|cn)$")


def _from_name(name: str, label: str, lex: Lexicon) -> list[Attribute]:
    """Type (and sector) from words of the name, else from the NER label. A name NER
    takes for a person's is re-typed only by its last word ("Tobol Lithium")."""
    if WEB_ADDRESS.search(name):  # "Kapital.kz", "RBC.ru": a site that reports
        return [Attribute("type", "media", "name", name)]
    words = name.replace("-", " ").split()
    if label == "PER":
        # (the last word, or the last two: "JL Mag Rare-Earth")
        words = words[-2:] if len(words) > 2 else words[-1:] if len(words) > 1 else []
    if words:
        # (two-word entries too: "Rare Earth", "Energy Solution")
        pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
        for word in pairs + words:
            found = lex.name_word(word)
            if found:
                kind, sector = found
                out = [Attribute("type", kind, "name", word)]
                return out + ([Attribute("sector", sector, "name", word)] if sector else [])
    kind = LABEL_TYPES.get(label, "company")
    return [Attribute("type", kind, "NER label", label)]
