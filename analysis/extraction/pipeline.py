"""Run the extraction over documents and build the tables.

One ``nlp.pipe`` per language over the unique paragraphs of all usable documents
(batched; the model is loaded once per process), then, per paragraph: knowledge-base
linking and candidate discovery (``actors``), sentence split with stable ids
(``sentences``), relation cues and the window rule (``relations``), quantitative claims
(``figures.extract_figures`` and ``assign_subject``), dates and attributions. Work per
token is done by spaCy matchers; Python loops run over matches and sentences only.

Row order is fixed (reading order of documents, paragraphs, sentences and offsets, or
sorted keys for aggregates), so two runs over the same documents give identical tables.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus.model import Document, Paragraph
from analysis.extraction.actors import (
    ADJECTIVE,
    ATTRIBUTE,
    NAME,
    KnowledgeBase,
    english_candidates,
    french_candidates,
    linker_for,
    load_knowledge_base,
)
from analysis.extraction.figures import assign_subject, extract_figures
from analysis.extraction.nlp import FRENCH_MODEL, load_model, parse_documents, supported
from analysis.extraction.relations import SYMMETRIC, cue_matcher_for, relations_in_sentence
from analysis.extraction.sentences import find_dates, split_sentences
from analysis.tables import frame

# Attribution cues; the source is a capitalised name (or "les sources ..." phrases).
_NAME = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"
_ATTRIBUTION = re.compile(
    rf"\b(?P<cue>(?i:selon|d'après|according to))\s+"
    rf"(?P<src>(?:(?:l[ea]s?|des|the)\s+|l')?(?:{_NAME}|[^\W\d_]+(?:\s+[^\W\d_]+)?))"
    r"|,\s*(?P<cue2>a (?:rapporté|indiqué|déclaré|annoncé|précisé|affirmé|souligné)|"
    rf"said|reported|told|announced)\s+(?P<src2>{_NAME})"
    r"|(?P<cue3>(?i:sources anonymes|sources proches du dossier|anonymous sources|"
    r"people familiar with the matter))"
)


def document_from_text(doc_id: str, text: str, language: str = "fr") -> Document:
    """A ``Document`` from plain text (paragraphs split on blank lines) - for tests and
    fixtures when the corpus reader is not wanted."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Document(
        id=doc_id,
        path=Path(f"{doc_id}.txt"),
        sha256="",
        title=paras[0] if paras else "",
        language=language,
        paragraphs=[Paragraph(i, p) for i, p in enumerate(paras)],
        words=sum(len(p.split()) for p in paras),
    )


@dataclass
class _Rows:
    sentences: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    dates: Counter = field(default_factory=Counter)


def _year_hint(doc: Document) -> int | None:
    for key in ("date", "events_date"):
        value = doc.metadata.get(key, "")
        if re.match(r"^(19|20)\d\d", value):
            return int(value[:4])
    return None


def _status(doc: Document) -> str:
    if doc.usable and not supported(doc.language):
        return f"skipped: language {doc.language or 'unknown'!r} not supported"
    return doc.status


def _process(documents: list[Document], lang: str, model: str, kb: KnowledgeBase, rows: _Rows):
    nlp = load_model(lang, model)
    linker = linker_for(nlp)
    cue_matcher = cue_matcher_for(nlp)
    hints = {d.id: _year_hint(d) for d in documents}
    last_country: dict[str, str] = {}
    for parsed in parse_documents(documents, lang, model):
        doc = parsed.doc
        mentions = linker.link(doc)
        if lang == "fr":
            cands = french_candidates(doc, mentions, kb)
        else:
            cands = english_candidates(doc, mentions, kb)
        cues = cue_matcher.cues(doc)
        for sent in split_sentences(parsed):
            s, e = sent.span.start, sent.span.end
            base = sent.span.start_char
            text = sent.span.text
            clean = " ".join(text.split())
            sid = sent.id
            rows.sentences.append(
                dict(
                    sentence_id=sid,
                    document=sent.document,
                    paragraph=sent.paragraph,
                    sentence=sent.index,
                    language=lang,
                    text=clean,
                    _key=sent.key,
                )
            )
            in_sent = [m for m in mentions if s <= m.start and m.end <= e]
            for m in in_sent:
                rows.mentions.append(
                    dict(
                        entity=m.entity,
                        document=sent.document,
                        sentence_id=sid,
                        text=m.text,
                        start=doc[m.start].idx - base,
                        end=doc[m.end - 1].idx + len(doc[m.end - 1]) - base,
                        kind=m.kind,
                        role=m.role,
                        _key=(*sent.key, m.start),
                    )
                )
            for c in cands:
                if s <= c.start < e:
                    rows.candidates.append(
                        dict(
                            text=c.text,
                            label=c.label,
                            document=sent.document,
                            sentence_id=sid,
                            _key=(*sent.key, c.start),
                        )
                    )
            sent_cues = [c for c in cues if s <= c.start < e]
            unknown = [(c.start, c.end, c.label) for c in cands if s <= c.start < e]
            for r in relations_in_sentence(
                doc, s, e, in_sent, sent_cues, kb, last_country.get(sent.document), unknown
            ):
                rows.relations.append(
                    dict(
                        source=r.source,
                        target=r.target,
                        relation=r.relation,
                        document=sent.document,
                        sentence_id=sid,
                        sentence=clean,
                        cue=r.cue,
                        rule=r.rule,
                        directed=r.relation not in SYMMETRIC,
                        _key=(*sent.key, r.relation, r.source, r.target),
                    )
                )
            for m in in_sent:
                if kb.actors[m.entity].type == "country" and m.role != ATTRIBUTE:
                    last_country[sent.document] = m.entity
            _figures(
                sent.document,
                sid,
                sent.key,
                text,
                clean,
                lang,
                in_sent,
                doc,
                base,
                hints.get(sent.document),
                rows,
            )
            rows.dates[sent.document] += len(find_dates(text))
            for m in _ATTRIBUTION.finditer(text):
                cue = m.group("cue") or m.group("cue2") or m.group("cue3")
                src = (m.group("src") or m.group("src2") or m.group("cue3") or "").strip(" .,")
                a, b = m.span()
                linked = [
                    x.entity for x in in_sent if a <= doc[x.start].idx - base < b and x.kind == NAME
                ]
                rows.attributions.append(
                    dict(
                        document=sent.document,
                        sentence_id=sid,
                        cue=cue.lower(),
                        source=src,
                        entity=linked[0] if linked else "",
                        _key=(*sent.key, a),
                    )
                )


def _figures(document, sid, key, text, clean, lang, in_sent, doc, base, hint, rows) -> None:
    actors = [
        (m.entity, doc[m.start].idx - base, doc[m.end - 1].idx + len(doc[m.end - 1]) - base)
        for m in in_sent
        if m.kind == NAME or (m.kind == ADJECTIVE and m.role != ATTRIBUTE)
    ]
    for pos, fig in enumerate(extract_figures(text, lang, sentence_year_hint=hint)):
        subject = assign_subject(fig, text, actors)
        rows.figures.append(
            dict(
                document=document,
                value=float(fig.value),
                unit=fig.unit,
                year=fig.year,
                subject=subject,
                kind=fig.kind,
                hedged=bool(fig.hedged),
                sentence_id=sid,
                sentence=clean,
                position=pos,
                text=fig.text,
                hedges=";".join(fig.hedges),
                attribution=fig.attribution,
                start=fig.start,
                end=fig.end,
                _key=(*key, pos),
            )
        )


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: r["_key"])


def build_tables(documents: list[Document], model: str = FRENCH_MODEL):
    """All tables (core and detail) as ``{name: DataFrame}``."""
    kb = load_knowledge_base()
    rows = _Rows()
    usable = [d for d in documents if d.usable and supported(d.language)]
    for lang in ("fr", "en"):
        batch = [d for d in usable if d.language == lang]
        if batch:
            _process(batch, lang, model, kb, rows)

    mentions = _sorted(rows.mentions)
    relations = _sorted(rows.relations)
    figures = _sorted(rows.figures)
    sentences = _sorted(rows.sentences)
    cands = _sorted(rows.candidates)
    attributions = _sorted(rows.attributions)

    per_doc = defaultdict(Counter)
    for name, table in (
        ("mentions", mentions),
        ("figures", figures),
        ("sentences", sentences),
        ("attributions", attributions),
        ("candidates", cands),
    ):
        for r in table:
            per_doc[r["document"]][name] += 1
    doc_rows, detail_rows = [], []
    usable_ids = {d.id for d in usable}
    for d in sorted(documents, key=lambda d: d.id):
        ok = d.id in usable_ids
        c = per_doc[d.id]
        words = d.words or sum(len(p.text.split()) for p in d.paragraphs)
        spec = None
        if ok and words:
            spec = round(100 * (c["mentions"] + c["figures"] + rows.dates[d.id]) / words, 3)
        doc_rows.append(
            dict(
                document=d.id,
                title=d.title,
                language=d.language,
                words=words if ok else None,
                boilerplate_share=round(d.boilerplate_share, 4) if ok else None,
                repetition_share=round(d.repetition_share, 4) if ok else None,
                specificity=spec,
                status=_status(d),
            )
        )
        if ok:
            detail_rows.append(
                dict(
                    document=d.id,
                    sentences=c["sentences"],
                    mentions=c["mentions"],
                    figures=c["figures"],
                    dates=rows.dates[d.id],
                    attributions=c["attributions"],
                    candidates=c["candidates"],
                )
            )

    ent_mentions = Counter(m["entity"] for m in mentions)
    ent_docs = defaultdict(set)
    for m in mentions:
        ent_docs[m["entity"]].add(m["document"])
    entity_rows = []
    for name, n in sorted(ent_mentions.items(), key=lambda x: (-x[1], x[0])):
        a = kb.actors[name]
        entity_rows.append(
            dict(
                entity=name,
                type=a.type,
                country=a.country,
                sector=a.sector,
                mentions=n,
                documents=len(ent_docs[name]),
            )
        )

    by_text: dict[str, Counter] = defaultdict(Counter)
    cand_docs = defaultdict(set)
    for c in cands:
        by_text[c["text"]][c["label"]] += 1
        cand_docs[c["text"]].add(c["document"])
    cand_rows = []
    for text, labels in by_text.items():
        label = sorted(labels.items(), key=lambda x: (-x[1], x[0]))[0][0]
        cand_rows.append(
            dict(text=text, label=label, count=sum(labels.values()), documents=len(cand_docs[text]))
        )
    cand_rows.sort(key=lambda r: (-r["count"], r["text"]))

    return {
        "documents": frame("documents", doc_rows),
        "entities": frame("entities", entity_rows),
        "mentions": frame("mentions", mentions),
        "relations": frame("relations", relations),
        "figures": frame("figures", figures),
        "candidates": frame("candidates", cand_rows),
        "sentences": frame("sentences", sentences),
        "mentions_detail": frame("mentions_detail", mentions),
        "relations_detail": frame("relations_detail", relations),
        "figures_detail": frame("figures_detail", figures),
        "candidate_mentions": frame("candidate_mentions", cands),
        "attributions": frame("attributions", attributions),
        "documents_detail": frame("documents_detail", detail_rows),
    }
