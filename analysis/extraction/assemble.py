"""Assembling the tables: per-document extraction results → one set of tables.

:func:`combine` takes the results of :func:`~analysis.extraction.pipeline.extract_documents`
(serial, cached or parallel, in any order) and builds every core and detail table:
discovered actors are settled across documents here, since a name seen in two articles
is one actor.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from analysis.corpus.model import Document
from analysis.extraction.actors import (
    DISCOVERED,
    Actor,
    KnowledgeBase,
    load_knowledge_base,
)
from analysis.extraction.gazetteer import is_place_name
from analysis.extraction.nlp import (
    FRENCH_MODEL,
)
from analysis.extraction.pipeline import (
    ROW_FIELDS,
    DocumentResult,
    document_status,
    extract_documents,
    extractable,
)
from analysis.extraction.registry import SHORT_FORM, discovered_actor, merge_names, settle
from analysis.extraction.relation_consolidate import consolidate, named_ends, split_regions
from analysis.extraction.relation_denials import split_denied
from analysis.extraction.relation_model import review
from analysis.extraction.relation_references import split_references
from analysis.extraction.relation_refutations import split_refuted
from analysis.extraction.relation_rules import allowed
from analysis.tables import frame


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: r["_key"])


def _chosen(documents: list[Document], results: Iterable[DocumentResult]) -> list[DocumentResult]:
    """The result of each extractable document, in corpus order."""
    by_id = {r.document: r for r in results}
    usable = extractable(documents)
    missing = [d.id for d in usable if d.id not in by_id]
    if missing:
        raise ValueError(f"no extraction result for {len(missing)} document(s): {missing[:5]}")
    return [by_id[d.id] for d in usable]


def settled_rows(
    documents: list[Document], results: Iterable[DocumentResult], kb: KnowledgeBase | None = None
) -> tuple[dict[str, list[dict]], dict[str, Actor]]:
    """The rows of every extractable document in reading order, with discovered names
    settled across documents, and every actor by name: what the rules found, before
    the learned relations (``relation_model``, trained on exactly these rows). The
    rows of a sentence the next one refutes (``relation_refutations``) and the rows read
    through a reference word that no row with both names confirms
    (``relation_references``) are under ``set_aside``, not ``relations``."""
    kb = kb or load_knowledge_base()
    chosen = _chosen(documents, results)
    rows = {name: _sorted([r for res in chosen for r in getattr(res, name)]) for name in ROW_FIELDS}
    rows, actors = _settle_discovered(rows, kb)
    # (rows of a sentence the next one refutes, and rows read through a reference word
    # and stated nowhere with both names: set aside)
    rows["relations"], refuted = split_refuted(rows["relations"], rows["sentences"])
    rows["relations"], referred = split_references(rows["relations"])
    rows["relations"], denied = split_denied(rows["relations"], rows["denials"])
    rows["set_aside"] = _sorted(refuted + referred + denied)
    return rows, actors


def combine(
    documents: list[Document],
    results: Iterable[DocumentResult],
    kb: KnowledgeBase | None = None,
    *,
    learned_relations: bool = True,
) -> dict[str, pd.DataFrame]:
    """Aggregate per-document results into all tables (core and detail) ``{name: frame}``.

    ``documents`` is the whole corpus (unusable documents are listed with their status);
    ``results`` holds one result per extractable document, in any order - rows are
    sorted by reading order and aggregates by their keys, so the tables do not depend on
    how, where or when each document was extracted. ``learned_relations``: let the
    learned model (``relation_model``) add its relations to the rules' and set aside the
    rule rows it judges unrelated (``relations_set_aside``, beside the rows read through
    a reference word that ``settled_rows`` sets aside).
    """
    kb = kb or load_knowledge_base()
    results = list(results)
    chosen = _chosen(documents, results)
    usable = extractable(documents)
    rows, actors = settled_rows(documents, results, kb)
    set_aside: list[dict] = rows["set_aside"]
    if learned_relations:
        read = review(rows["sentences"], rows["mentions"], rows["relations"], actors)
        added, refuted = split_refuted(read.added, rows["sentences"])
        added, denied = split_denied(added, rows["denials"])
        refuted += denied
        # (a pair the rules read there is listed once, as the rules read it)
        listed = {(r["sentence_id"], frozenset((r["source"], r["target"]))) for r in set_aside}
        refuted = [
            r
            for r in refuted
            if (r["sentence_id"], frozenset((r["source"], r["target"]))) not in listed
        ]
        rows["relations"] = _sorted(read.kept + added)
        set_aside = _sorted(set_aside + read.set_aside + refuted)
    rows["relations"], regional = split_regions(rows["relations"], actors)
    set_aside = _sorted(set_aside + regional)
    rows["relations"] = consolidate(rows["relations"], actors)
    rows["relations"] = named_ends(rows["relations"], rows["mentions"], actors)
    dates = {res.document: res.dates for res in chosen}
    doc_rows, detail_rows = _document_rows(documents, {d.id for d in usable}, rows, dates)
    mentions, relations, figures = rows["mentions"], rows["relations"], rows["figures"]
    return {
        "documents": frame("documents", doc_rows),
        "entities": frame("entities", _entity_rows(mentions, actors, relations)),
        "mentions": frame("mentions", mentions),
        "relations": frame("relations", relations),
        "figures": frame("figures", figures),
        "candidates": frame("candidates", _candidate_rows(rows["candidates"])),
        "sentences": frame("sentences", rows["sentences"]),
        "mentions_detail": frame("mentions_detail", mentions),
        "relations_detail": frame("relations_detail", relations),
        "relations_set_aside": frame("relations_set_aside", set_aside),
        "figures_detail": frame("figures_detail", figures),
        "candidate_mentions": frame("candidate_mentions", rows["candidates"]),
        "attributions": frame("attributions", rows["attributions"]),
        "actor_evidence": frame("actor_evidence", rows["evidence"]),
        "documents_detail": frame("documents_detail", detail_rows),
    }


def _document_rows(
    documents: list[Document],
    usable_ids: set[str],
    rows: dict[str, list[dict]],
    dates: dict[str, int],
) -> tuple[list[dict], list[dict]]:
    """Rows of ``documents`` (every document) and ``documents_detail`` (extracted ones)."""
    per_doc: dict[str, Counter] = defaultdict(Counter)
    for name in ("mentions", "figures", "sentences", "attributions", "candidates"):
        for r in rows[name]:
            per_doc[r["document"]][name] += 1
    doc_rows, detail_rows = [], []
    for d in sorted(documents, key=lambda d: d.id):
        ok = d.id in usable_ids
        c = per_doc[d.id]
        n_dates = dates.get(d.id, 0)
        words = d.words or sum(len(p.text.split()) for p in d.paragraphs)
        spec = None
        if ok and words:
            spec = round(100 * (c["mentions"] + c["figures"] + n_dates) / words, 3)
        doc_rows.append(
            dict(
                document=d.id,
                title=d.title,
                language=d.language,
                words=words if ok else None,
                boilerplate_share=round(d.boilerplate_share, 4) if ok else None,
                repetition_share=round(d.repetition_share, 4) if ok else None,
                specificity=spec,
                status=document_status(d, mentions=c["mentions"] if ok else None),
            )
        )
        if ok:
            detail_rows.append(
                dict(
                    document=d.id,
                    sentences=c["sentences"],
                    mentions=c["mentions"],
                    figures=c["figures"],
                    dates=n_dates,
                    attributions=c["attributions"],
                    candidates=c["candidates"],
                )
            )
    return doc_rows, detail_rows


def _settle_discovered(
    rows: dict[str, list[dict]], kb: KnowledgeBase
) -> tuple[dict[str, list[dict]], dict[str, Actor]]:
    """Rows with discovered names merged across the corpus (``registry``), and every
    actor mentioned, known or discovered, by name."""
    discovered = [m for m in rows["mentions"] if m["provenance"] == DISCOVERED]
    names = merge_names(discovered, rows["evidence"], is_place_name)

    def rename(row: dict, *keys: str) -> dict:
        return {**row, **{k: names.get(row[k], row[k]) for k in keys if row.get(k)}}

    out = dict(rows)
    out["mentions"] = [rename(m, "entity") for m in rows["mentions"]]
    # (a short form stays as written: it is what its article defined)
    out["evidence"] = [
        rename(e, "entity", *(("value",) if e["attribute"] != SHORT_FORM else ()))
        for e in rows["evidence"]
    ]
    out["figures"] = [rename(f, "subject") for f in rows["figures"]]
    out["candidates"] = [rename(c, "actor") for c in rows["candidates"]]
    seen: set[tuple] = set()
    relations = []
    for r in rows["relations"]:
        r = rename(r, "source", "target")
        key = (r["source"], r["target"], r["relation"], r["sentence_id"])
        if r["source"] != r["target"] and key not in seen:
            seen.add(key)
            relations.append(r)
    out["relations"] = relations
    out["denials"] = [rename(d, "source", "target") for d in rows["denials"]]
    settled = settle(out["evidence"], {})
    actors: dict[str, Actor] = {}
    ends = [end for r in relations for end in (r["source"], r["target"])]
    for name in [*(m["entity"] for m in out["mentions"]), *ends]:
        if name not in actors:
            known = kb.actors.get(name)
            actors[name] = known or discovered_actor(name, settled.get(name, {}))
    # A sentence judged a discovered name by what it knew then; the corpus may type it
    # otherwise ("Kara-Balta" first taken for a firm, then a town in every article): the
    # relations' type constraints hold on the settled types.
    out["relations"] = [
        r for r in relations if allowed(actors[r["source"]], actors[r["target"]], r["relation"])
    ]
    return out, actors


def _entity_rows(
    mentions: list[dict], actors: dict[str, Actor], relations: list[dict] = ()
) -> list[dict]:
    """One row per actor mentioned (known or discovered), most mentioned first, then by
    name; and one, with no mention, per relation end that is never named itself (the
    country a firm leaves when only its city is named, the city of a named plant)."""
    ent_mentions = Counter(m["entity"] for m in mentions)
    ent_docs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        ent_docs[m["entity"]].add(m["document"])
    for r in relations:
        for end in (r["source"], r["target"]):
            if end not in ent_mentions:
                ent_mentions[end] += 0
                ent_docs[end].add(r["document"])
    out = []
    for name, n in sorted(ent_mentions.items(), key=lambda x: (-x[1], x[0])):
        a = actors[name]
        out.append(
            dict(
                entity=name,
                type=a.type,
                country=a.country,
                sector=a.sector,
                provenance=a.provenance,
                parent=a.parent,
                mentions=n,
                documents=len(ent_docs[name]),
            )
        )
    return out


def _candidate_rows(cands: list[dict]) -> list[dict]:
    """One row per candidate text, with its most frequent label; most frequent first."""
    by_text: dict[str, Counter] = defaultdict(Counter)
    cand_docs: dict[str, set[str]] = defaultdict(set)
    actor: dict[str, str] = {}
    for c in cands:
        actor.setdefault(c["text"], c["actor"])
        by_text[c["text"]][c["label"]] += 1
        cand_docs[c["text"]].add(c["document"])
    out = []
    for text, labels in by_text.items():
        label = sorted(labels.items(), key=lambda x: (-x[1], x[0]))[0][0]
        out.append(
            dict(
                text=text,
                label=label,
                count=sum(labels.values()),
                documents=len(cand_docs[text]),
                actor=actor[text],
            )
        )
    out.sort(key=lambda r: (-r["count"], r["text"]))
    return out


def build_tables(documents: list[Document], model: str = FRENCH_MODEL) -> dict[str, pd.DataFrame]:
    """All tables (core and detail) as ``{name: DataFrame}``, extracted serially."""
    return combine(documents, extract_documents(documents, model))
