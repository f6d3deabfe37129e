"""Where NER runs: the stretches of a parsed paragraph that could hold a name the
knowledge base lacks (:func:`ner_spans`). NER is the costliest component of the French
pipeline; the pipeline runs it on these stretches only (``nlp.add_entities``).

Reads a parsed ``Doc`` and its linked mentions; returns spans of it, never mutates it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from analysis.extraction.actors import NAME, Mention

#: Tokens of context given to NER on each side of a word that may start a candidate. Its
#: model reads four tokens on each side of a token (a window of one through four
#: convolution layers): a token within four of such a word is read as in the whole text.
NER_CONTEXT = 8


def ner_spans(doc: Doc, mentions: list[Mention]) -> list[Span]:
    """The stretches of ``doc`` where NER could yield a candidate: ``NER_CONTEXT`` tokens
    on each side of a capitalised word that is not a stop word and not part of a linked
    name, within the run of consecutive sentences holding such words, overlapping
    stretches merged.

    Candidates are NER spans that overlap no linked name and hold a capitalised word
    (``actors.is_junk``); a sentence whose capitalised words are all stop words ("Le",
    "Selon") or known names has none worth keeping, so NER, the costliest component of
    the French pipeline, skips it. Adjacent such sentences form one run, as NER would
    see them. Before, whole runs went through NER (44% of the tokens of 300 benchmark
    articles, against 25% now); the mentions, candidates and relations of the seeds and
    the 27 annotated folders are the same either way (README, "Benchmark").
    """
    named = bytearray(len(doc))
    for m in mentions:
        if m.kind == NAME:
            named[m.start : m.end] = b"\x01" * (m.end - m.start)
    spans: list[Span] = []
    for run in _runs(doc, named):
        start = end = -1
        for t in run:
            if t.text[:1].isupper() and not t.is_stop and not named[t.i]:
                lo = max(run.start, t.i - NER_CONTEXT)
                hi = min(run.end, t.i + NER_CONTEXT + 1)
                if lo > end:
                    if end > start:
                        spans.append(doc[start:end])
                    start = lo
                end = hi
        if end > start:
            spans.append(doc[start:end])
    return spans


def _runs(doc: Doc, named: bytearray) -> list[Span]:
    """Runs of consecutive sentences with a capitalised word outside stop words and
    linked names."""
    runs: list[Span] = []
    start = end = -1
    for sent in doc.sents:
        if any(t.text[:1].isupper() and not t.is_stop and not named[t.i] for t in sent):
            if sent.start != end:
                if end > start:
                    runs.append(doc[start:end])
                start = sent.start
            end = sent.end
    if end > start:
        runs.append(doc[start:end])
    return runs


__all__ = ["NER_CONTEXT", "ner_spans"]
