"""The descriptors lexicon (``analysis/data/lexicons/descriptors.yaml``), loaded once.

Heads that type a name ("le constructeur chinois X", "Chinese carmaker X"), fillers that
may stand between a head and its name, words of firms' names, product words and region
words. ``descriptors`` and ``descriptor_lists`` read it; nothing here reads a text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc

from analysis.extraction.doc_text import span_text

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "descriptors.yaml"
#: How far (tokens) a head may stand from the name it describes, fillers included.
HEAD_WINDOW = 5


@dataclass(frozen=True)
class Lexicon:
    heads: dict[tuple[str, ...], tuple[str, str]]  # lower-cased words -> (type, sector)
    fillers: frozenset[str]
    name_words: dict[str, tuple[str, str]]  # word -> (type, sector)
    longest: int
    product_words: frozenset[str]
    product_suffixes: frozenset[str]
    region_words: frozenset[str]
    compass_words: frozenset[str] = frozenset()
    #: ``name_words`` the lexicon writes in capitals ("LLC", "PAO", "SA"): legal forms
    #: that name a firm only in capitals ("Dong Pao" is a place, "Sa Pa" a town).
    name_acronyms: frozenset[str] = frozenset()

    #: Legal forms of any country (cleanco's list): a firm's name ends with them
    #: ("Rovuma Grafite Lda", "Kelvin d.o.o."). Written in lower case without an inner
    #: full stop they are words ("as", "et", "sa"), not forms.
    legal_forms: frozenset[str] = frozenset()

    def name_word(self, word: str) -> tuple[str, str] | None:
        """(type, sector) of ``word`` as a word of firms' names, or None."""
        key = word.lower()
        found = self.name_words.get(key)
        if found and key in self.name_acronyms and not word.isupper():
            return None
        if found is None and key in self.legal_forms:
            if word.islower() and "." not in word.rstrip("."):
                return None
            return ("company", "")
        return found


@functools.cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    heads: dict[tuple[str, ...], tuple[str, str]] = {}
    for kind, sectors in data["heads"].items():
        for sector, langs in sectors.items():
            for words in langs.values():
                for phrase in words:
                    heads[phrase_words(phrase)] = (kind, sector or "")
    fillers = frozenset(w.lower() for words in data["fillers"].values() for w in words)
    names: dict[str, tuple[str, str]] = {}
    acronyms = set()
    for kind, sectors in data["name_words"].items():
        for sector, words in sectors.items():
            for word in words:
                names.setdefault(word.lower(), (kind, sector or ""))
                if word.isupper():
                    acronyms.add(word.lower())
    longest = max(len(k) for k in heads)
    products = frozenset(w.lower() for w in data.get("product_words", []))
    suffixes = frozenset(w.lower() for w in data.get("product_suffixes", []))
    regions = frozenset(w.lower() for w in data.get("region_words", []))
    compass = frozenset(w.lower() for w in data.get("compass_words", []))
    return Lexicon(
        heads,
        fillers,
        names,
        longest,
        products,
        suffixes,
        regions,
        compass,
        frozenset(acronyms),
        legal_forms(),
    )


#: Legal forms that are also words of names or of the language ("Company", "Etat",
#: "e.g.", "VAT", "CIO").
_NOT_FORMS = frozenset({"company", "corporation", "incorporated", "limited", "unlimited"})
_NOT_FORMS |= frozenset({"private", "etat", "coop.", "ent.", "sem", "sep", "e.g.", "a.d."})
_NOT_FORMS |= frozenset({"vat", "cio"})


@functools.cache
def legal_forms() -> frozenset[str]:
    """One-word legal forms of cleanco's per-type and per-country lists (MIT), with and
    without their final full stop ("lda." and "lda"). Two letters without a full stop
    inside are left out: "EV", "UK" or "AT" close product, place and firm names alike."""
    from cleanco.termdata import terms_by_country, terms_by_type

    terms = {t.strip() for d in (terms_by_type, terms_by_country) for v in d.values() for t in v}
    forms = set()
    for term in terms:
        # (not the Cyrillic "ООО", "ПАО": they open a name, "ООО «X»", never close one)
        if " " in term or term in _NOT_FORMS or not term.isascii():
            continue
        for form in (term, term.rstrip(".")):
            if len(form.replace(".", "")) >= 3 or "." in form:
                forms.add(form)
    return frozenset(forms)


def phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("'", "' ").split())


def token_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The words of ``doc[start:end]`` as written: hyphenated words the English tokenizer
    splits ("start", "-", "up") stay one ("start-up"), as in the lexicon."""
    return phrase_words(span_text(doc, start, end).replace("’", "'"))


__all__ = ["HEAD_WINDOW", "LEXICON_PATH", "Lexicon", "load_lexicon", "phrase_words", "token_words"]
