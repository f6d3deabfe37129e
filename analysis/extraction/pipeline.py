"""Run the extraction over documents and build the tables.

Two steps. :func:`extract_documents` turns each document into a :class:`DocumentResult`
(its rows of every table, before aggregation); :func:`combine` aggregates the results of
a corpus into the tables. Results of one document depend on nothing else in the corpus,
so they can be cached per document (``cache``) and computed in other processes or on a
cluster (``parallel``), with tables identical to a serial run.

Extraction: one ``nlp.pipe`` per language over the unique paragraphs of the documents
(batched; the model is loaded once per process), then, per paragraph: knowledge-base
linking and candidate discovery (``actors``), sentence split with stable ids
(``sentences``), relation cues and the window rule (``relations``), quantitative claims
(``figures.extract_figures`` and ``assign_subject``), dates and attributions. Work per
token is done by spaCy matchers; Python loops run over matches and sentences only.

Row order is fixed (reading order of documents, paragraphs, sentences and offsets, or
sorted keys for aggregates), so two runs over the same documents give identical tables.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc

from analysis.corpus.language import SUPPORTED
from analysis.corpus.model import Document, Paragraph
from analysis.extraction import abbreviations, hedges
from analysis.extraction.actors import (
    ADJECTIVE,
    ATTRIBUTE,
    NAME,
    PLACE_TYPES,
    KnowledgeBase,
    Linker,
    Mention,
    assign_roles,
    linker_for,
    load_knowledge_base,
)
from analysis.extraction.appositions import (
    apposition_relations,
    fronted_apposition,
    owner_names,
    owners_in_apposition,
)
from analysis.extraction.coreference import (
    anaphors,
    called_so,
    defined_issuers,
    issuer_defined,
    named_subject,
    noun_genders,
    with_issuer,
)
from analysis.extraction.descriptors import Attribute, describe
from analysis.extraction.discovery import Candidate, candidates, listed_peers
from analysis.extraction.document_state import DocumentState
from analysis.extraction.figures import assign_subject, continues_speaker, extract_figures
from analysis.extraction.grammar import GRAMMAR
from analysis.extraction.mentioned_again import held_names, mentioned_again, taken_tokens
from analysis.extraction.ner_scope import ner_spans
from analysis.extraction.nlp import (
    FRENCH_MODEL,
    ParsedParagraph,
    add_entities,
    has_ner,
    load_model,
    parse_documents,
    row_header,
    supported,
)
from analysis.extraction.registry import (
    SHORT_FORM,
    firm_named,
    leading_words,
)
from analysis.extraction.relation_references import marked
from analysis.extraction.relation_tables import party_cell, section_after
from analysis.extraction.relation_ventures import venture_relations
from analysis.extraction.relations import (
    SYMMETRIC,
    CueMatcher,
    Relation,
    cue_matcher_for,
    relations_in_sentence,
)
from analysis.extraction.sentences import find_dates, split_sentences

# Attribution cues (hedges.yaml); the source is a capitalised name (or "les sources ...").
_NAME = r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*"


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


_ATTRIBUTION = re.compile(
    rf"\b(?P<cue>(?i:{_alternatives(hedges.ATTRIBUTION_LEADS)}))\s+"
    rf"(?P<src>(?:(?:l[ea]s?|des|the)\s+|l')?(?:{_NAME}|[^\W\d_]+(?:\s+[^\W\d_]+)?))"
    rf"|,\s*(?P<cue2>{_alternatives(hedges.ATTRIBUTION_VERBS)})\s+(?P<src2>{_NAME})"
    rf"|(?P<cue3>(?i:{_alternatives(hedges.ATTRIBUTION_ANONYMOUS)}))"
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
class DocumentResult:
    """What extraction found in one document: its rows of every table, before aggregation.

    Plain lists of dicts and counts (picklable, so results can be cached on disk or sent
    between processes); each row's ``_key`` gives its place in reading order, so results
    can be combined in any order (see :func:`combine`).
    """

    document: str
    sentences: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    #: Relations a sentence denies ("X has not bought Y"; ``relation_denials``).
    denials: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    #: What the text says of discovered actors (``descriptors.Attribute`` rows).
    evidence: list[dict] = field(default_factory=list)
    #: Date expressions found in the document's sentences.
    dates: int = 0
    #: Tokens parsed, and those of them that went through NER (see ``ner_spans``).
    tokens: int = 0
    ner_tokens: int = 0


#: The row lists of a ``DocumentResult`` (and of the detail tables built from them).
ROW_FIELDS = (
    "sentences",
    "mentions",
    "relations",
    "denials",
    "figures",
    "candidates",
    "attributions",
    "evidence",
)


@dataclass(frozen=True)
class _Context:
    """Per-language tools, compiled once per process and shared by every document."""

    lang: str
    kb: KnowledgeBase
    linker: Linker
    cues: CueMatcher


#: Metadata fields extraction reads (the year hint of figures); cache keys include them.
YEAR_HINT_KEYS = ("date", "events_date")


def _year_hint(doc: Document) -> int | None:
    for key in YEAR_HINT_KEYS:
        value = doc.metadata.get(key, "")
        if re.match(r"^(19|20)\d\d", value):
            return int(value[:4])
    return None


#: Status of a readable seed in which no known actor was found: it is analysed, but it
#: contributes nothing to the actor, relation and pivot chapters.
NO_ACTOR = "flagged: no actor found"


def document_status(doc: Document, mentions: int | None = None) -> str:
    if doc.usable and not supported(doc.language):
        return f"skipped: language {doc.language or 'unknown'!r} not supported"
    if doc.status == "ok" and mentions == 0:
        return NO_ACTOR
    return doc.status


def extractable(documents: Iterable[Document]) -> list[Document]:
    """The documents extraction runs on: usable, in a supported language."""
    return [d for d in documents if d.usable and supported(d.language)]


def extract_documents(
    documents: Iterable[Document], model: str = FRENCH_MODEL
) -> Iterator[DocumentResult]:
    """One :class:`DocumentResult` per extractable document, yielded as each is done.

    Documents are grouped by language (one ``nlp.pipe`` per language, in the order of
    :data:`~analysis.corpus.language.SUPPORTED`), in
    the order given within a language. Results depend only on the document itself (and
    the knowledge base, lexicons and model), never on the other documents of the batch:
    this is what makes per-document caching and parallel extraction exact.
    """
    kb = load_knowledge_base()
    usable = extractable(documents)
    for lang in SUPPORTED:
        batch = [d for d in usable if d.language == lang]
        if batch:
            yield from _extract_language(batch, lang, model, kb)


def _extract_language(
    documents: list[Document], lang: str, model: str, kb: KnowledgeBase
) -> Iterator[DocumentResult]:
    nlp = load_model(lang, model)
    ctx = _Context(lang, kb, linker_for(nlp), cue_matcher_for(nlp))
    # _parse_and_link yields paragraphs in document order; documents with no paragraph to
    # parse get none, hence the walk over ``documents`` rather than over the groups.
    groups = itertools.groupby(_parse_and_link(ctx, documents, model), key=lambda p: p[0].document)
    pending = next(groups, None)
    for doc in documents:
        result = DocumentResult(doc.id)
        if pending is not None and pending[0] == doc.id:
            state = DocumentState(ctx.kb, _year_hint(doc))
            state.things = abbreviations.things_defined("\n".join(p.text for p in doc.paragraphs))
            for parsed, mentions in pending[1]:
                _extract_paragraph(ctx, parsed, mentions, state, result)
            defined = defined_issuers(state.abbreviations)  # ('X (the "Company")': no guess)
            result.relations = with_issuer(result.relations, state.headline, defined)
            # (terms defined after their first use: "the Purchaser", "Xuelong Lithium")
            late = abbreviations.defined_late(state.defined, state.abbreviations, state.discovered)
            for table, key in (*_NAMED_ROWS, ("figures", "subject")):
                setattr(result, table, abbreviations.renamed(getattr(result, table), late, key))
            result.relations = abbreviations.renamed(result.relations, late, "source", "target")
            pending = next(groups, None)
        yield result


#: Rows that name an actor by its entity, renamed with the terms a document defines late.
_NAMED_ROWS = (("mentions", "entity"), ("evidence", "entity"), ("attributions", "entity"))
#: Whose names define no terms: a country's ("Republic of X (the "Agency")"), a person's.
NO_HOLDERS = frozenset({*PLACE_TYPES, "person"})


#: Paragraphs parsed and linked per round before NER runs on those that need it.
NER_BLOCK = 256


def _parse_and_link(
    ctx: _Context, documents: list[Document], model: str
) -> Iterator[tuple[ParsedParagraph, list[Mention]]]:
    """Parsed paragraphs with their linked mentions, in order; NER only where needed."""
    deferred = has_ner(ctx.lang, model)
    parsed = parse_documents(documents, ctx.lang, model, disable=("ner",) if deferred else ())
    while block := list(itertools.islice(parsed, NER_BLOCK)):
        linked = [(p, ctx.linker.link(p.doc)) for p in block]
        if deferred:
            add_entities([s for p, ms in linked for s in ner_spans(p.doc, ms)], ctx.lang, model)
        yield from linked


def _discover(
    doc: Doc, mentions: list[Mention], state: DocumentState
) -> tuple[list[Candidate], list[Mention], list[tuple[Mention, list[Attribute]]]]:
    """Candidates of the paragraph, its mentions with discovered actors added (roles set
    again), and each discovered mention with what its sentence says of it."""
    kb = state.kb
    cands, mentions = candidates(doc, mentions, kb)
    state.peers |= listed_peers(doc, cands, mentions, kb)
    found: list[tuple[Mention, Candidate]] = []
    for c in cands:
        if c.actor:
            # (earlier sentences' organisations count: "Groupe X ... X a cédé"; this one's by
            # their core: "Chongqing Yunfan Automobile ... kits that Yunfan ships")
            opens = doc[c.start].sent.start
            orgs = [(m, d) for m, d in found if d.label not in ("PER", "LOC")]
            pending = tuple(m.entity for m, _ in orgs if m.end <= opens)
            here = tuple(m.entity for m, _ in orgs if opens <= m.start and m.end <= c.start)
            # (not a name after a place preposition: "at Kalesay" is the deposit)
            place = c.start > 0 and doc[c.start - 1].lower_ in GRAMMAR["locative"]
            if c.start > 0 and doc[c.start - 1].lower_ in leading_words():
                here = ()  # "... du groupe X": the group, not the firm named before
            name = c.actor if c.actor in kb.actors else state.name(c, pending, place, here)
            found.append((Mention(name, c.start, c.end, doc[c.start : c.end].text, NAME), c))
    # "Minsk Cell Technologies (MCT)": the abbreviation is that actor, here and later.
    named = [*mentions, *(m for m, _ in found)]
    shorts = {doc[i].text: e for i, e in abbreviations.defined(doc, named).items()}
    # ... and so is a short name defined in quotes ("X Golden Dragon Bus (« Golden Dragon »)").
    shorts |= {s: e for s, e in abbreviations.short_forms(doc, named).items() if s not in shorts}
    shorts = {s: e for s, e in shorts.items() if state.abbreviations.setdefault(s, e) == e}
    # ... and a role it is given ('X (the "Seller")'); a term for a thing is no actor. (Not
    # a person's, by NER unless its words are a firm's: "Irina S. (formerly X Motors)")
    people = {m.start for m, c in found if c.label == "PER" and not firm_named(m.text)}
    kind = {m.entity: getattr(state.view.actors.get(m.entity), "type", "") for m in named}
    holders = [m for m in named if kind[m.entity] not in NO_HOLDERS and m.start not in people]
    roles, things = abbreviations.defined_terms(doc, holders)
    defined, undefined = abbreviations.definition_line(doc, holders)
    roles, things, state.defined = roles | defined, things | undefined, state.defined | defined
    state.headline = issuer_defined(defined, roles, state.headline)
    for term, entity in roles.items():
        state.abbreviations.setdefault(term, entity)
    state.things |= things
    found = [(m, c) for m, c in found if m.text not in state.things]
    found = [
        (replace(m, entity=state.abbreviations[m.text]), c)
        if m.text in state.abbreviations and c.actor not in kb.actors
        else (m, c)
        for m, c in found
    ]
    taken = taken_tokens(mentions, cands, state.abbreviations)
    known = (state.discovered, state.abbreviations, state.view.actors)
    again = mentioned_again(doc, taken, *known)
    if again:
        mentions = assign_roles(doc, sorted([*mentions, *again], key=lambda m: m.start), state.view)
    countries = {}
    for m in [*mentions, *(f[0] for f in found)]:
        actor = kb.actors.get(m.entity)
        if actor is not None and actor.type == "country":
            countries.update({i: actor.country for i in range(m.start, m.end)})
    if not found:  # ("Kama Tianheng" written again: the venture, no "Kama" and "Tianheng")
        mentions = abbreviations.text_over_knowledge(mentions, *known[1:])
        mentions = held_names(doc, mentions, *known)
        return cands, mentions, _described_again(doc, again, countries, state)
    names = owner_names([*mentions, *(f[0] for f in found)], state.view)
    party = party_cell(doc)  # ("Client | ...": the first cell names a firm or a body)
    described = []
    for m, c in found:
        if m.entity in kb.actors:
            continue
        sent = doc[m.start].sent
        attrs = describe(doc, m.start, m.end, c.label, countries, sent.start, sent.end)
        attrs += [
            Attribute("parent", owner, "parent", words)
            for owner, owned, words in owners_in_apposition(doc, m.end, sent.end, names)
            if owned == m.entity
        ]
        if m.end <= party and not any(
            a.attribute == "type" and a.basis != "NER label" for a in attrs
        ):
            attrs.append(Attribute("type", "company", "context", row_header(doc)))
        if c.parent and not any(a.attribute == "parent" for a in attrs):
            attrs.append(Attribute("parent", c.parent, "name", c.text))
        if c.country and not any(a.attribute == "country" for a in attrs):
            attrs.append(Attribute("country", c.country, "region of", c.text))
        state.learn(m.entity, attrs)
        # (a short form defined here is the actor's in the other articles too: ``registry``)
        own = [x for x, e in shorts.items() if e == m.entity]
        shorts = {x: e for x, e in shorts.items() if x not in own}
        described.append((m, [*attrs, *(Attribute(SHORT_FORM, x, "definition", x) for x in own)]))
    # ... and the names discovered in this paragraph, written again in a later sentence
    # of it ("Le reste va à Magnitika. Magnitika produit ...").
    taken |= {i for m in again for i in range(m.start, m.end)}
    later = mentioned_again(doc, taken, *known)
    described += _described_again(doc, [*again, *later], countries, state)
    merged = sorted([*mentions, *(f[0] for f in found), *later], key=lambda m: (m.start, m.end))
    merged = abbreviations.text_over_knowledge(merged, *known[1:])
    merged = held_names(doc, merged, *known)
    return cands, assign_roles(doc, merged, state.view), described


def _described_again(
    doc: Doc, again: list[Mention], countries: dict[int, str], state: DocumentState
) -> list[tuple[Mention, list[Attribute]]]:
    """What the sentences of discovered names written again say of them ("kits fournis
    par X": an organisation), for every mention outweighs a NER label on the first one
    (``registry.BASIS_RANK``). NER gave these mentions no label of their own. They may
    make a name an organisation, never a place: "l'usine QTA", "the Avtotor plant" name
    a plant by its firm as often as by its town."""
    out = []
    for m in again:
        if m.entity in state.kb.actors:
            continue
        sent = doc[m.start].sent
        attrs = describe(doc, m.start, m.end, "", countries, sent.start, sent.end)
        attrs = [a for a in attrs if a.basis != "NER label"]
        if any(a.attribute == "type" and a.value in PLACE_TYPES for a in attrs):
            continue
        if attrs:
            state.learn(m.entity, attrs)
            out.append((m, attrs))
    return out


def _extract_paragraph(
    ctx: _Context,
    parsed: ParsedParagraph,
    mentions: list[Mention],
    state: DocumentState,
    rows: DocumentResult,
) -> None:
    """Add the rows of one parsed and linked paragraph to ``rows``; ``state`` carries
    what later paragraphs need (the last country named, discovered actors)."""
    doc, lang = parsed.doc, ctx.lang
    kb = state.view
    rows.tokens += len(doc)
    rows.ner_tokens += doc.user_data.get("ner_tokens", 0)
    cands, mentions, described = _discover(doc, mentions, state)
    if state.paragraphs == 0:
        state.headline = next(
            (
                m.entity
                for m in mentions
                if m.kind == NAME and kb.actors[m.entity].type == "company"
            ),
            None,
        )
    state.paragraphs += 1
    cues = ctx.cues.cues(doc)
    state.section = section_after(doc, mentions, kb, state.section)
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
        for m, attrs in described:
            if s <= m.start < e:
                rows.evidence += [
                    dict(
                        entity=m.entity,
                        attribute=a.attribute,
                        value=a.value,
                        basis=a.basis,
                        document=sent.document,
                        sentence_id=sid,
                        text=a.text,
                        _key=(*sent.key, m.start, k),
                    )
                    for k, a in enumerate(attrs)
                ]
        for m in in_sent:
            rows.mentions.append(
                dict(
                    entity=m.entity,
                    provenance=kb.actors[m.entity].provenance,
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
                        actor=c.actor,
                        document=sent.document,
                        sentence_id=sid,
                        _key=(*sent.key, c.start),
                    )
                )
        sent_cues = [c for c in cues if s <= c.start < e]
        unknown = [(c.start, c.end, c.label) for c in cands if s <= c.start < e and not c.actor]
        last_country = state.last_country
        # "L'entreprise, contrôlée par Rusnano": the relations read the actor it takes up.
        taken_up = anaphors(doc, s, e, in_sent, state.recent, kb)
        readable = sorted([*in_sent, *taken_up], key=lambda m: m.start) if taken_up else in_sent
        # The actors a sentence takes up are its participants for the next one too:
        # "Elle livrait GAZ. L'entreprise produit à Romilly" takes up the firm, not GAZ.
        state.recent.add(
            readable,
            called_so(doc, s, e, in_sent, kb),
            named_subject(doc, s, e, readable),
            noun_genders(doc, s, e, in_sent),
        )
        # "Filiale de X, Y assemble ...": X owns Y and is no agent of what follows.
        front, fronted = fronted_apposition(doc, s, e, readable, kb)
        if front:
            readable = [m for m in readable if not s <= m.start < front]
        args = (doc, s, e, readable, sent_cues, kb, last_country, unknown, state.section)
        found = relations_in_sentence(*args)
        rows.denials += [
            _relation_row(r, sent, sid) for r in relations_in_sentence(*args, denied=True)
        ]
        found += [Relation(a, b, rel, words, "apposition") for a, b, words, rel in fronted]
        found += [
            Relation(a, b, relation, words, "apposition")
            for a, b, words, relation in apposition_relations(doc, e, readable, kb)
        ]
        found = venture_relations(doc, s, e, readable, found, kb)
        found = marked(found, {m.entity for m in taken_up})
        rows.relations += [
            _relation_row(
                r, sent, sid, sentence=clean, rule=r.rule, directed=r.relation not in SYMMETRIC
            )
            for r in found
        ]
        for m in in_sent:
            # ("le pays" takes up the country last named, not an adjective: "des modèles
            # chinois", or the country of the town last named: "À Moscou, ...")
            actor = kb.actors[m.entity]
            if m.role == ATTRIBUTE or m.kind != NAME:
                continue
            if actor.type == "country":
                state.last_country = m.entity
            elif actor.type == "place" and actor.country in kb.country_names:
                state.last_country = kb.country_entity(actor.country)
        _figures(sent.document, sid, sent.key, text, clean, lang, in_sent, doc, base, state, rows)
        rows.dates += len(find_dates(text))
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


def _relation_row(r: Relation, sent, sid: str, **more) -> dict:
    """A row of ``relations`` (or ``denials``) for the relation ``r`` of sentence ``sid``."""
    return dict(
        source=r.source,
        target=r.target,
        relation=r.relation,
        document=sent.document,
        sentence_id=sid,
        cue=r.cue,
        _key=(*sent.key, r.relation, r.source, r.target),
        **more,
    )


def _previous_attribution(figures: list[dict], document: str, sid: str) -> str:
    """The attribution of the last figure of the sentence right before ``sid`` in its
    paragraph ("" when that sentence has none)."""
    head, _, index = sid.rpartition(":")
    if not index.isdigit() or int(index) == 0 or not figures:
        return ""
    before = f"{head}:{int(index) - 1}"
    last = figures[-1]
    return str(last["attribution"]) if last["sentence_id"] == before else ""


def _figures(document, sid, key, text, clean, lang, in_sent, doc, base, state, rows) -> None:
    hint = state.hint
    context = state.subjects()  # before this sentence's actors are counted
    state.saw(in_sent)
    actors = [
        (m.entity, doc[m.start].idx - base, doc[m.end - 1].idx + len(doc[m.end - 1]) - base)
        for m in in_sent
        if m.kind == NAME or (m.kind == ADJECTIVE and m.role != ATTRIBUTE)
    ]
    previous = _previous_attribution(rows.figures, document, sid)
    for pos, fig in enumerate(extract_figures(text, lang, sentence_year_hint=hint)):
        subject = assign_subject(fig, text, actors, context=context)
        attribution = fig.attribution
        if not attribution and subject and subject == previous and continues_speaker(text, fig):
            # "Kamaz a déclaré qu'il s'attendait à ... Il espère augmenter ...": the
            # second sentence goes on reporting what Kamaz said
            attribution = subject
        rows.figures.append(
            dict(
                document=document,
                value=float(fig.value),
                unit=fig.unit,
                year=fig.year,
                subject=subject,
                kind=fig.kind,
                bound=fig.bound,
                hedged=bool(fig.hedged),
                sentence_id=sid,
                sentence=clean,
                position=pos,
                text=fig.text,
                hedges=";".join(fig.hedges),
                attribution=attribution,
                start=fig.start,
                end=fig.end,
                phrase=fig.phrase,
                _key=(*key, pos),
            )
        )
