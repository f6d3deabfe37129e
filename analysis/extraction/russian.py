"""The Russian pipeline: spaCy's tokenizer, pymorphy3 lemmas, razdel sentences, slovnet NER.

There is no Russian spaCy model on the package registry (``ru-core-news-sm`` there is an
empty placeholder). The pipeline is built from packages that carry their data:

- tokens from ``spacy.blank("ru")``;
- lemmas from pymorphy3 (cached per word), whose dictionaries ship in
  ``pymorphy3-dicts-ru``; the linker
  matches the knowledge base's Cyrillic aliases on them, across inflection («АвтоВАЗа»,
  «в Тульской области»);
- sentences from razdel's rules, which know Russian abbreviations ("150 тыс.
  автомобилей", "в 2024 г."), where a punctuation sentencizer would cut;
- POS tags and morphology (Universal Dependencies) from slovnet's news morphology
  tagger, which the rules read as they read the French and English models' tags;
- named entities (PER, LOC, ORG) from slovnet's news NER.

slovnet's models and their navec embeddings are read from the files inside the
``natasha`` wheel, installed without its dependencies: the package itself is never
imported, so nothing downloads and pymorphy2 is not needed.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

import razdel
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analysis.extraction.grammar import DOTTED_DESIGNATORS

#: Cyrillic letters: what makes a word, an alias or a span Russian for the rules.
CYRILLIC = re.compile("[\u0400-\u04ff]")
#: Quotation marks around a name («Автокомпоненты», "Рэнера"), as the Russian press writes
#: firms and brands.
QUOTES = frozenset('«»"“”„')

#: The model files inside the natasha wheel.
NAVEC_FILE = Path("data", "emb", "navec_news_v1_1B_250K_300d_100q.tar")
NER_FILE = Path("data", "model", "slovnet_ner_news_v1.tar")
MORPH_FILE = Path("data", "model", "slovnet_morph_news_v1.tar")


def russian_pipeline() -> Language:
    """The Russian pipeline (see the module docstring)."""
    nlp = spacy.blank("ru")
    nlp.add_pipe("razdel_sentences")
    nlp.add_pipe("slovnet_morph")
    nlp.add_pipe("pymorphy_lemmas")
    nlp.add_pipe("russian_stems")
    nlp.add_pipe("slovnet_ner")
    nlp.initialize()
    return nlp


@Language.component("razdel_sentences")
def razdel_sentences(doc: Doc) -> Doc:
    """Sentence starts from razdel's rules."""
    # (not after a designator's full stop before a bracket, a comma or a lower-case word:
    # "... Shandong Huaxing Automobile Co., Ltd. («Хуасин») поставляет")
    starts = {
        s.start for s in razdel.sentenize(doc.text) if not _designator_stop(doc.text, s.start)
    }
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


def _designator_stop(text: str, start: int) -> bool:
    """Does the sentence razdel starts at ``start`` follow a designator's full stop and
    open with a bracket, a comma or a lower-case word (a quote may open a sentence)?"""
    words = text[:start].split()
    opening = text[start : start + 1]
    return (
        bool(words) and words[-1] in DOTTED_DESIGNATORS and (opening in "(," or opening.islower())
    )


def _model_file(name: Path) -> str:
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the natasha wheel (Russian model files) is not installed")
    return str(Path(spec.submodule_search_locations[0]) / name)


#: Case and number endings a stem drops, longest first; a stem keeps three letters.
ENDINGS = ("ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем",
           "ах", "ях", "ов", "ев", "ы", "и", "а", "я", "у", "ю", "е")  # fmt: skip


def stem(word: str) -> str:
    """A Russian word without its case or number endings, lower-cased: what names
    pymorphy3 does not know are matched on. Endings are dropped twice, the same way
    for an alias and for the text, so that both meet on one stem whatever the case
    («Росатом», «Росатома», «Росатомом» all give «росат»)."""
    lower = word.lower()
    for _ in range(2):
        for ending in ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= MIN_STEM:
                lower = lower[: -len(ending)]
                break
    return lower


#: The shortest stem kept (shorter words are matched whole).
MIN_STEM = 4


@Language.component("russian_stems")
def russian_stems(doc: Doc) -> Doc:
    """Each Cyrillic token's stem as its NORM, which the linker matches names on."""
    for token in doc:
        if CYRILLIC.search(token.text):
            token.norm_ = stem(token.text)
    return doc


@functools.cache
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """pymorphy3's most likely dictionary form of ``word``, lower-cased; cached, since a
    corpus repeats its words (spaCy's own pymorphy3 lemmatizer parses every token anew,
    and was more than half of the Russian pipeline's time)."""
    if not CYRILLIC.search(word):
        return word.lower()
    parses = _analyzer().parse(word)
    return parses[0].normal_form if parses else word.lower()


#: pymorphy3's tags of words that are no name: pronouns, prepositions, conjunctions,
#: particles, interjections, adverbs and predicatives.
FUNCTION_TAGS = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "ADVB", "PRED", "Apro"})


@functools.lru_cache(maxsize=50_000)
def is_function_word(word: str) -> bool:
    """Is pymorphy3's most likely reading of ``word`` a function word («мы», «того»)?"""
    parses = _analyzer().parse(word)
    return bool(parses) and bool(FUNCTION_TAGS & set(re.split("[ ,]", str(parses[0].tag))))


#: pymorphy3's tags of proper names: first names, surnames, patronymics, places,
#: organisations, trade marks, abbreviations and initials.
PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})


@functools.lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """Does pymorphy3's dictionary know ``word`` as a common word only («Правительства»,
    «Госкорпорацию»), not as a name («Москва», «Петров») or not at all («Автотор»)?"""
    analyzer = _analyzer()
    if not analyzer.word_is_known(word.lower()):
        return False
    tags = re.split("[ ,]", str(analyzer.parse(word)[0].tag))
    return not PROPER_TAGS & set(tags)


@Language.component("pymorphy_lemmas")
def pymorphy_lemmas(doc: Doc) -> Doc:
    """Each token's lemma (see :func:`lemma`)."""
    for token in doc:
        token.lemma_ = lemma(token.text)
    return doc


@functools.cache
def _navec():
    from navec import Navec

    return Navec.load(_model_file(NAVEC_FILE))


@functools.cache
def _tagger():
    """slovnet's NER, loaded once per process."""
    from slovnet import NER

    ner = NER.load(_model_file(NER_FILE))
    ner.navec(_navec())
    return ner


@functools.cache
def _morph():
    """slovnet's morphology tagger, loaded once per process."""
    from slovnet import Morph

    morph = Morph.load(_model_file(MORPH_FILE), batch_size=8)
    morph.navec(_navec())
    return morph


@Language.component("slovnet_morph")
def slovnet_morph(doc: Doc) -> Doc:
    """UD POS tags and features, sentence by sentence (whitespace tokens are SPACE)."""
    sentences = [[t for t in sent if not t.is_space] for sent in doc.sents]
    sentences = [s for s in sentences if s]
    tagged = _morph().map([[t.text for t in s] for s in sentences])
    for tokens, markup in zip(sentences, tagged, strict=True):
        for token, tag in zip(tokens, markup.tokens, strict=True):
            token.pos_ = tag.pos
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(tag.feats.items())) or None)
    for token in doc:
        if token.is_space:
            token.pos_ = "SPACE"
    return doc


@Language.component("slovnet_ner")
def slovnet_ner(doc: Doc) -> Doc:
    """Named entities (PER, LOC, ORG) from slovnet, aligned to spaCy's tokens."""
    spans: list[Span] = []
    for found in _tagger()(doc.text).spans:
        span = doc.char_span(found.start, found.stop, label=found.type, alignment_mode="expand")
        if span is not None:
            spans += _split_at_quotes(span)
    doc.ents = filter_spans(spans)
    return doc


def _split_at_quotes(span: Span) -> list[Span]:
    """An entity that runs across a quotation mark is two names: «Росатома "Рэнера"» is
    Rosatom and Renera (the quotes themselves are in neither)."""
    parts, start = [], span.start
    for token in span:
        if token.text in QUOTES:
            if token.i > start:
                parts.append(Span(span.doc, start, token.i, label=span.label))
            start = token.i + 1
    if start < span.end:
        parts.append(Span(span.doc, start, span.end, label=span.label))
    return parts
