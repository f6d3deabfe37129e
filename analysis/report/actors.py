"""The Actors and partnerships chapter: who is linked to whom, by which relation, where.

Everything here is computed from the build's tables (``entities``, ``mentions``,
``relations``, ``candidates`` and the detail tables ``sentences`` and ``attributions``).
Seed text (sentences, names of candidates) is untrusted: it leaves this module either as
table cells (escaped by ``book.show_table``) or through ``book.escape``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import altair as alt
import pandas as pd
import pycountry
from babel import Locale

from analysis import book, tables
from analysis.extraction.actors import DISCOVERED, KNOWN
from analysis.report import network
from analysis.report.data import ReportData, read_table

#: Label used when an actor has no country in the knowledge base.
NO_COUNTRY = "No country"

#: Words in a relation's sentence that make it second-hand, uncertain or only intended.
#: Matched on whole words, case-insensitively (a capitalised word inside a sentence, such
#: as the month "May", is not a cue).
HEDGE_CUES: dict[str, tuple[str, ...]] = {
    "fr": (
        "selon",
        "d'après",
        "sources anonymes",
        "source anonyme",
        "aurait",
        "auraient",
        "serait",
        "seraient",
        "pourrait",
        "pourraient",
        "pourra",
        "pourront",
        "peut-être",
        "devrait",
        "devraient",
        "espère",
        "espèrent",
        "envisage",
        "envisagent",
        "souhaite",
        "souhaitent",
        "propose",
        "proposent",
        "proposition",
        "discussions",
        "négociations",
        "pourparlers",
        "promet",
        "promettent",
    ),
    "en": (
        "according to",
        "reportedly",
        "anonymous sources",
        "sources said",
        "people familiar",
        "could",
        "may",
        "might",
        "would",
        "should",
        "hopes",
        "plans to",
        "considering",
        "proposes",
        "proposed",
        "proposal",
        "wants to",
        "talks",
        "negotiations",
        "promises",
    ),
}

#: Cues that only say the claim is second-hand (dropped when the attribution names a source).
EVIDENTIAL_CUES = frozenset(
    {"selon", "d'après", "sources anonymes", "source anonyme", "according to", "reportedly"}
    | {"anonymous sources", "sources said", "people familiar"}
)

#: Attribution cues that mean an unnamed source.
_ANONYMOUS = re.compile(r"anonym|unnamed|familiar", re.IGNORECASE)

# --- names and citations -------------------------------------------------------------


def country_name(code: object) -> str:
    """English name of an ISO 3166 alpha-2 code (Babel, then pycountry's historic states)."""
    text = "" if code is None or (isinstance(code, float) and pd.isna(code)) else str(code)
    return _country_name(text.strip().upper())


@functools.cache  # called once per relation side: Babel's lookup is slow at that rate
def _country_name(text: str) -> str:
    if not text:
        return NO_COUNTRY
    name = Locale("en").territories.get(text)
    if name:
        return str(name)
    historic = pycountry.historic_countries.get(alpha_2=text)
    if historic is not None:
        return str(historic.name).split(",")[0]
    current = pycountry.countries.get(alpha_2=text)
    return str(current.name) if current is not None else text


def cite_documents(documents: Iterable[object]) -> str:
    """Citations of the distinct seeds in ``documents`` (sorted; at most
    :data:`book.CITE_LIMIT`, then "and N others"), or ``""``."""
    return book.cite_documents(documents)


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``"1 relation"``, ``"3 relations"``, ``"2 companies"``, ``"2 media"``."""
    if count == 1:
        return f"{count:,} {singular}"
    if many is None:
        if singular.endswith("media"):
            many = singular
        elif re.search(r"[^aeiou]y$", singular):
            many = singular[:-1] + "ies"
        else:
            many = singular + "s"
    return f"{count:,} {many}"


def verb(count: int, singular: str, many: str) -> str:
    """The verb form agreeing with ``count``: ``verb(1, "links", "link")`` → "links"."""
    return singular if count == 1 else many


def detail(data: ReportData, name: str) -> pd.DataFrame:
    """A detail table of the build (``sentences``, ``attributions``…), empty if missing."""

    def read() -> pd.DataFrame:
        try:
            return read_table(data.data_dir, name)
        except FileNotFoundError:
            return tables.empty(name)

    return data.derived(f"detail:{name}", read)


# --- actors ---------------------------------------------------------------------------


def entity_info(data: ReportData) -> pd.DataFrame:
    """Entities indexed by name, with ``country_name`` added."""
    entities = data.entities.copy()
    entities["country"] = entities["country"].astype(str)
    entities["country_name"] = entities["country"].map(country_name)
    entities["mentions"] = pd.to_numeric(entities["mentions"], errors="coerce").fillna(0)
    entities["mentions"] = entities["mentions"].astype(int)
    if "provenance" not in entities:  # tables written before actors were discovered
        entities["provenance"] = KNOWN
    entities["provenance"] = entities["provenance"].replace("", KNOWN)
    return entities.drop_duplicates("entity").set_index("entity")


def _lookup(info: pd.DataFrame, names: pd.Series, column: str, default: object) -> list:
    values = info[column].to_dict()
    return [values.get(n, default) for n in names]


# --- hedges and attributions ----------------------------------------------------------


@functools.cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + re.escape(cue) + r"(?![\w'-])", re.IGNORECASE)


def hedge_cues(text: str, language: str) -> list[str]:
    """Hedge, attribution or intention cues of :data:`HEDGE_CUES` found in ``text``."""
    flat = str(text).replace("\u2019", "'")
    lowered = flat.lower()
    cues = HEDGE_CUES.get(language) or HEDGE_CUES["en"]
    found: list[str] = []
    for cue in cues:
        if cue.lower() not in lowered:  # cheap test first: most sentences have few cues
            continue
        for match in _cue_pattern(cue).finditer(flat):
            word = match.group(0)
            starts_sentence = not flat[: match.start()].strip()
            if word[:1].isupper() and cue[:1].islower() and not starts_sentence:
                continue  # "May" (the month), a name…
            found.append(cue)
            break
    return found


def reporting(data: ReportData, sentence_ids: Iterable[str]) -> pd.DataFrame:
    """For each sentence: who it is attributed to, its hedge cues, and ``reported``.

    ``attributed_to``: linked actors named by an attribution cue ("selon Reuters"), or
    "anonymous sources"; ``hedges``: cues of :data:`HEDGE_CUES`; ``reported``: either.
    """
    ids = list(dict.fromkeys(str(s) for s in sentence_ids))
    sentences = detail(data, "sentences").drop_duplicates("sentence_id")
    # A dict, not .at per sentence: that is slow on large corpora.
    pairs = zip(sentences["text"], sentences["language"], strict=True)
    text_of = dict(zip(sentences["sentence_id"], pairs, strict=True))
    attributions = detail(data, "attributions")
    wanted = set(ids)
    by_sentence: dict[str, list] = {}
    for row in attributions.itertuples(index=False):
        if str(row.sentence_id) in wanted:
            by_sentence.setdefault(str(row.sentence_id), []).append(row)
    rows = []
    for sid in ids:
        sources: list[str] = []
        for row in by_sentence.get(sid, []):
            entity = str(row.entity or "").strip()
            label = entity or (
                "anonymous sources" if _ANONYMOUS.search(f"{row.cue} {row.source}") else ""
            )
            if label and label not in sources:
                sources.append(label)
        if sid in text_of:
            text, language = text_of[sid]
            cues = hedge_cues(str(text), str(language))
            if sources:
                cues = [c for c in cues if c not in EVIDENTIAL_CUES]
        else:
            cues = []
        rows.append(
            {
                "sentence_id": sid,
                "attributed_to": "; ".join(sources),
                "hedges": "; ".join(cues),
                "reported": bool(sources or cues),
            }
        )
    if not rows:
        return pd.DataFrame(columns=["sentence_id", "attributed_to", "hedges", "reported"])
    return pd.DataFrame(rows)


def qualifier(attributed_to: str, hedges: str) -> str:
    """Plain words for a sentence's hedges (escaped): "according to …", "hedged: …"."""
    parts = []
    if attributed_to:
        parts.append("according to " + book.escape(attributed_to.replace("; ", " and ")))
    if hedges:
        parts.append("hedged or intended in the seed (" + book.escape(hedges) + ")")
    return ", ".join(parts)


# --- relations ------------------------------------------------------------------------


def relations(data: ReportData) -> pd.DataFrame:
    """relations.csv with each side's type, country, country name, and the hedges."""
    return data.derived("relations", lambda: _relations(data))


def _relations(data: ReportData) -> pd.DataFrame:
    rel = data.relations.copy().reset_index(drop=True)
    info = entity_info(data)
    for side in ("source", "target"):
        rel[f"{side}_type"] = _lookup(info, rel[side], "type", "")
        rel[f"{side}_country"] = _lookup(info, rel[side], "country", "")
        rel[f"{side}_country_name"] = [country_name(c) for c in rel[f"{side}_country"]]
    hedges = reporting(data, rel["sentence_id"])
    if rel.empty:
        for column in ("attributed_to", "hedges"):
            rel[column] = pd.Series(dtype=object)
        rel["reported"] = pd.Series(dtype=bool)
        return rel
    return rel.merge(hedges, on="sentence_id", how="left")


def relation_counts(rel: pd.DataFrame) -> pd.Series:
    """Relations per type, most frequent first (ties in alphabetical order)."""
    counts = rel["relation"].astype(str).value_counts()
    order = sorted(counts.index, key=lambda r: (-int(counts[r]), r))
    return counts.reindex(order)


def summary(data: ReportData) -> str:
    """One paragraph on the relations: how many, between how many actors, of which types."""
    rel = relations(data)
    usable = len(data.usable_documents)
    if rel.empty:
        return (
            f"No relation between known actors was extracted from the {plural(usable, 'seed')}"
            " analysed, so this chapter has no network, matrix or relation table to show."
        )
    actors = sorted(set(rel["source"]) | set(rel["target"]))
    docs = sorted(set(rel["document"]))
    counts = relation_counts(rel)
    by_type = ", ".join(f"{book.escape(t)} {n:,}" for t, n in counts.items())
    reported = int(rel["reported"].sum())
    text = (
        f"The extraction found {plural(len(rel), 'relation')} between "
        f"{plural(len(actors), 'actor')} in {len(docs):,} of the {plural(usable, 'usable seed')} "
        f"{cite_documents(docs)}; by type: {by_type}. A relation is one sentence in which a cue "
        "word links two actors (known or discovered), so a sentence can yield several "
        "relations and the same pair can recur when an article repeats itself."
    )
    if reported:
        text += (
            f" Of these, {reported:,} {verb(reported, 'comes', 'come')} from sentences that "
            "attribute the claim to a source or hedge it (for instance a conditional, a "
            "proposal or talks): the table below says which, and they are reported as such, "
            "not as facts."
        )
    if len(rel) < 30:
        text += (
            f" With only {plural(len(rel), 'relation')}, the picture is a sketch of what "
            "these articles say, not a measure of the industry."
        )
    return text


# --- network --------------------------------------------------------------------------


def network_frames(data: ReportData, min_mentions: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (actors with ≥ ``min_mentions`` mentions in a relation) and edges, laid out.

    Edges group the relations of one (source, target, relation) triple: ``sentences`` is
    the number of supporting sentences, ``sentence_ids`` their ids.
    """
    rel = relations(data)
    info = entity_info(data)
    names = sorted(set(rel["source"]) | set(rel["target"]))
    keep = [n for n in names if n in info.index and info.at[n, "mentions"] >= min_mentions]
    rel = rel[rel["source"].isin(keep) & rel["target"].isin(keep)]
    keep = sorted(set(rel["source"]) | set(rel["target"]))
    nodes = pd.DataFrame(
        {
            "node": keep,
            "type": [str(info.at[n, "type"]) for n in keep],
            "country": [str(info.at[n, "country"]) for n in keep],
            "country_name": [str(info.at[n, "country_name"]) for n in keep],
            "mentions": [int(info.at[n, "mentions"]) for n in keep],
            "provenance": [str(info.at[n, "provenance"]) for n in keep],
        }
    )
    if rel.empty:
        edges = pd.DataFrame(
            columns=["source", "target", "relation", "sentences", "sentence_ids", "documents"]
        )
    else:
        edges = (
            rel.groupby(["source", "target", "relation"], sort=True)
            .agg(
                sentences=("sentence_id", "nunique"),
                sentence_ids=("sentence_id", lambda s: ", ".join(sorted(set(s)))),
                documents=("document", lambda s: ";".join(sorted(set(s)))),
            )
            .reset_index()
        )
    positions = network.layout(keep, list(zip(edges["source"], edges["target"], strict=True)))
    return network.node_frame(nodes, positions), network.edge_frame(edges, positions)


#: Links (source, target, relation type) the network chart draws at most: beyond, the
#: links with most supporting sentences, laid out again on their own.
NETWORK_EDGES = 60
#: Sentence ids a link's tooltip lists before "and N more" (the CSV has all of them).
TOOLTIP_IDS = 5


def network_selection(
    nodes: pd.DataFrame, edges: pd.DataFrame, limit: int = NETWORK_EDGES
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The nodes and edges the network chart draws: all of them, or the ``limit`` edges
    with most supporting sentences (ties by source, target and type) and their actors.

    Long sentence-id lists are shortened for the tooltips either way.
    """
    if len(edges) > limit:
        top = edges.sort_values(
            ["sentences", "source", "target", "relation"],
            ascending=[False, True, True, True],
            kind="stable",
        ).head(limit)
        keep = sorted(set(top["source"]) | set(top["target"]))
        pairs = list(zip(top["source"], top["target"], strict=True))
        positions = network.layout(keep, pairs)
        kept = nodes[nodes["node"].isin(keep)].drop(columns=["x", "y", "label_dy"])
        nodes = network.node_frame(kept, positions)
        edges = network.edge_frame(
            top.drop(columns=["edge", "x", "y", "x2", "y2"], errors="ignore"), positions
        )
    edges = edges.assign(sentence_ids=[_short_ids(v) for v in edges["sentence_ids"]])
    return nodes, edges


def _short_ids(value: object, limit: int = TOOLTIP_IDS) -> str:
    ids = [i for i in str(value).split(", ") if i]
    if len(ids) <= limit:
        return str(value)
    return ", ".join(ids[:limit]) + f" and {len(ids) - limit:,} more (see the CSV)"


def network_chart(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.LayerChart:
    return network.network_chart(
        nodes,
        edges,
        title="Actors linked by relations extracted from the seeds",
        subtitle="Circle area: mentions; colour: country; line style: relation type",
    )


def network_data(nodes: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """Nodes and edges in one table for the CSV (``element`` says which a row is)."""
    node_rows = nodes.drop(columns=["label_dy"], errors="ignore").assign(element="actor")
    edge_rows = edges.assign(element="relation")
    return pd.concat([node_rows, edge_rows], ignore_index=True).reindex(
        columns=[
            "element",
            "node",
            "type",
            "country",
            "country_name",
            "mentions",
            "source",
            "relation",
            "target",
            "sentences",
            "sentence_ids",
            "documents",
            "x",
            "y",
            "x2",
            "y2",
        ]
    )


def network_caption(
    edges: pd.DataFrame, min_mentions: int, shown: pd.DataFrame | None = None
) -> str:
    """Caption of the network of ``edges``; ``shown``: the edges drawn, if fewer."""
    shown = edges if shown is None else shown
    docs = sorted({d for value in shown["documents"] for d in str(value).split(";") if d})
    scope = ""
    if len(shown) < len(edges):
        scope = (
            f"With {plural(len(edges), 'link')} in all, the chart draws the {len(shown)} "
            "with most supporting sentences and their actors; every actor and link is in "
            "the CSV. "
        )
    return (
        f"Actors with at least {plural(min_mentions, 'mention')} that take part in an "
        "extracted relation, and the relations between them (a line per actor pair and "
        "relation type; thicker lines have more supporting sentences). Positions come from a "
        "force-directed layout (networkx, fixed seed) and carry no meaning beyond linked "
        f"actors sitting closer together. {scope}Sources: the seeds {cite_documents(docs)}."
    )


# --- country matrix -------------------------------------------------------------------


def country_matrix(data: ReportData) -> pd.DataFrame:
    """Relations per (source country, target country), with the relation types."""
    rel = relations(data)
    columns = ["source_country", "target_country", "relations", "types", "documents"]
    if rel.empty:
        return pd.DataFrame(columns=columns)
    grouped = []
    for (src, tgt), group in rel.groupby(["source_country_name", "target_country_name"]):
        counts = relation_counts(group)
        grouped.append(
            {
                "source_country": src,
                "target_country": tgt,
                "relations": len(group),
                "types": ", ".join(f"{t} ({n})" for t, n in counts.items()),
                "documents": ";".join(sorted(set(group["document"]))),
            }
        )
    return pd.DataFrame(grouped, columns=columns)


def matrix_chart(frame: pd.DataFrame) -> alt.LayerChart:
    plain = alt.Axis(grid=False)
    light = max(2, int(0.6 * frame["relations"].max())) if not frame.empty else 2
    base = alt.Chart(frame).encode(
        x=alt.X(
            "target_country:N", title="Country of the target actor", sort="ascending", axis=plain
        ),
        y=alt.Y(
            "source_country:N", title="Country of the source actor", sort="ascending", axis=plain
        ),
        tooltip=[
            alt.Tooltip("source_country:N", title="Source country"),
            alt.Tooltip("target_country:N", title="Target country"),
            alt.Tooltip("relations:Q", title="Relations (count)"),
            alt.Tooltip("types:N", title="Relation types"),
        ],
    )
    rects = base.mark_rect(stroke="white").encode(
        color=alt.Color("relations:Q", title="Relations (count)", legend=alt.Legend(format="d"))
    )
    text = base.mark_text(fontSize=12).encode(
        text="relations:Q",
        color=alt.condition(alt.datum.relations >= light, alt.value("white"), alt.value("black")),
    )
    return alt.layer(rects, text).properties(
        title=alt.TitleParams(
            "Relations by country of the two actors",
            subtitle="Source → target (partnerships: the actor named first is the source)",
        ),
        width=alt.Step(44),
        height=alt.Step(30),
    )


def matrix_caption(frame: pd.DataFrame) -> str:
    docs = sorted({d for value in frame["documents"] for d in str(value).split(";") if d})
    return (
        "Number of extracted relations by the country of each actor (a country actor counts "
        "as its own country). Counts are relation rows, one per supporting sentence. "
        f"Sources: the seeds {cite_documents(docs)}."
    )


def matrix_summary(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "No relation was extracted, so there is no country matrix."
    cross = frame[frame["source_country"] != frame["target_country"]]
    docs = sorted({d for value in frame["documents"] for d in str(value).split(";") if d})
    total = int(frame["relations"].sum())
    crossing = int(cross["relations"].sum())
    text = (
        f"Of the {plural(total, 'relation')}, {crossing:,} "
        f"{verb(crossing, 'links', 'link')} actors of two different countries "
        f"{cite_documents(docs)}."
    )
    if not cross.empty:
        top = cross.sort_values(
            ["relations", "source_country", "target_country"], ascending=[False, True, True]
        ).iloc[0]
        text += (
            f" The most frequent cross-border pair is {book.escape(top['source_country'])} → "
            f"{book.escape(top['target_country'])} ({plural(int(top['relations']), 'relation')}"
            f": {book.escape(top['types'])})."
        )
    return text


# --- relation table -------------------------------------------------------------------


def shorten(text: str, limit: int = 240) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def reporting_note(attributed_to: str, hedges: str) -> str:
    """Plain text (not escaped) for a table cell: "according to X; hedge: “could”"."""
    parts = []
    if attributed_to:
        parts.append("according to " + attributed_to.replace("; ", " and "))
    if hedges:
        parts.append("hedge: " + ", ".join(f"“{h}”" for h in hedges.split("; ")))
    return "; ".join(parts)


def link_label(source: str, relation: str, target: str) -> str:
    """ "A → B (production)"; symmetric partnerships read "A ↔ B (partnership)"."""
    arrow = "↔" if relation == "partnership" else "→"
    return f"{source} {arrow} {target} ({relation})"


def relations_table(data: ReportData, limit: int = 160) -> pd.DataFrame:
    """The link (source, relation, target), the quoted sentence with its hedges, the seed."""
    rel = relations(data)
    columns = ["Relation", "Sentence (quoted), hedges", "Seed"]
    if rel.empty:
        return pd.DataFrame(columns=columns)
    rel = rel.sort_values(["document", "sentence_id", "source", "target"], kind="stable")
    quoted = []
    for sentence, attributed, hedges in zip(
        rel["sentence"], rel["attributed_to"], rel["hedges"], strict=True
    ):
        note = reporting_note(attributed, hedges)
        quoted.append(f"« {shorten(sentence, limit)} »" + (f" ({note})" if note else ""))
    return pd.DataFrame(
        {
            "Relation": [
                link_label(s, r, t)
                for s, r, t in zip(rel["source"], rel["relation"], rel["target"], strict=True)
            ],
            "Sentence (quoted), hedges": quoted,
            "Seed": [book.cite(book.seed_key(d)) for d in rel["document"]],
        },
        columns=columns,
    )


def grouped(data: ReportData) -> bool:
    """Whether the relation table groups relations by link (too many rows for the book)."""
    return len(data.relations) > book.HTML_ROWS


def links_table(data: ReportData, limit: int = 160) -> pd.DataFrame:
    """One row per link (source, relation, target), most supporting sentences first.

    For a corpus whose relations would not fit in the book: each link says how many
    sentences and seeds support it and quotes its first sentence (in seed order) with
    that sentence's hedges. Ties are broken by the link's label.
    """
    rel = relations(data)
    columns = ["Relation", "Sentences", "Seeds", "First sentence (quoted), hedges", "Seed"]
    if rel.empty:
        return pd.DataFrame(columns=columns)
    rel = rel.sort_values(["document", "sentence_id", "source", "target"], kind="stable")
    rows = []
    for (source, relation, target), group in rel.groupby(
        ["source", "relation", "target"], sort=False
    ):
        first = group.iloc[0]
        note = reporting_note(str(first["attributed_to"]), str(first["hedges"]))
        rows.append(
            {
                "Relation": link_label(source, relation, target),
                "Sentences": group["sentence_id"].nunique(),
                "Seeds": group["document"].nunique(),
                "First sentence (quoted), hedges": f"« {shorten(first['sentence'], limit)} »"
                + (f" ({note})" if note else ""),
                "Seed": book.cite(book.seed_key(str(first["document"]))),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(
        ["Sentences", "Seeds", "Relation"], ascending=[False, False, True], kind="stable"
    )
    return frame.reset_index(drop=True)


def links_caption(data: ReportData, links: pd.DataFrame) -> str:
    """What the grouped relation table shows, with the counts it leaves out."""
    return (
        f"The {plural(len(data.relations), 'relation')} extracted from these seeds group into "
        f"{plural(len(links), 'distinct link')} (a source, a relation type and a target). "
        "Each row is one link with the number of sentences and seeds that state it, and the "
        "first of those sentences quoted with its hedges; links stated most often come first. "
        "Every relation, with its sentence, is in the CSV."
    )


def relations_data(data: ReportData) -> pd.DataFrame:
    """The relation table's data as CSV: full sentences, countries, ids."""
    rel = relations(data)
    columns = [
        "source",
        "source_country",
        "relation",
        "target",
        "target_country",
        "document",
        "sentence_id",
        "attributed_to",
        "hedges",
        "sentence",
    ]
    return rel.reindex(columns=columns)


# --- most-mentioned actors ------------------------------------------------------------


def top_actors(data: ReportData, n: int = 15) -> pd.DataFrame:
    """The ``n`` most-mentioned linked actors with type, country and documents."""
    info = entity_info(data).reset_index()
    info["documents"] = pd.to_numeric(info["documents"], errors="coerce").fillna(0).astype(int)
    info = info.sort_values(["mentions", "entity"], ascending=[False, True]).head(n)
    return pd.DataFrame(
        {
            "actor": [
                f"{name} (discovered)" if source == DISCOVERED else name
                for name, source in zip(info["entity"], info["provenance"], strict=True)
            ],
            "type": info["type"],
            "country": info["country_name"],
            "mentions": info["mentions"],
            "documents": info["documents"],
        }
    ).reset_index(drop=True)


def top_actors_chart(frame: pd.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame, title="Most-mentioned actors")
        .mark_bar()
        .encode(
            y=alt.Y("actor:N", title=None, sort="-x"),
            x=alt.X("mentions:Q", title="Mentions in the seeds (count)"),
            color=alt.Color("type:N", title="Type of actor"),
            tooltip=[
                alt.Tooltip("actor:N", title="Actor"),
                alt.Tooltip("type:N", title="Type"),
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("mentions:Q", title="Mentions (count)"),
                alt.Tooltip("documents:Q", title="Seeds mentioning it (count)"),
            ],
        )
        .properties(width=420, height=alt.Step(18))
    )


def mention_documents(data: ReportData, actors: Iterable[str]) -> list[str]:
    wanted = {a.removesuffix(" (discovered)") for a in actors}
    mentions = data.mentions
    return sorted(set(mentions.loc[mentions["entity"].isin(wanted), "document"].astype(str)))


def top_actors_caption(data: ReportData, frame: pd.DataFrame) -> str:
    docs = mention_documents(data, frame["actor"])
    # The bars' labels as text, for the PDF reader and screen readers.
    listing = ", ".join(
        f"{book.escape(str(a))} ({int(m)})"
        for a, m in zip(frame["actor"], frame["mentions"], strict=True)
    )
    return (
        f"The {plural(len(frame), 'most-mentioned actor')}, by number of mentions (names "
        f"and, for countries, adjectives such as “Chinese”): {listing}. “(discovered)” "
        "marks an actor read from the seeds, not from the knowledge base, whose type and "
        "country are what "
        "the text says of it (see the methods appendix). Country names come from ISO codes "
        f"(Babel). Sources: the seeds {cite_documents(docs)}."
    )


def actors_summary(data: ReportData) -> str:
    info = entity_info(data)
    if info.empty:
        return "No actor is mentioned in these seeds."
    by_type = info.groupby("type").size().sort_values(ascending=False)
    types = ", ".join(book.escape(plural(int(n), str(t))) for t, n in by_type.items())
    countries = info.loc[info["type"] != "country", "country_name"].value_counts()
    docs = sorted(set(data.mentions["document"].astype(str)))
    found = int((info["provenance"] == DISCOVERED).sum())
    origin = (
        f"{len(info) - found} from the knowledge base and {found} discovered in the text"
        if found
        else "all from the knowledge base"
    )
    text = (
        f"The seeds mention {plural(len(info), 'actor')} ({types}; {origin}) "
        f"{cite_documents(docs)}."
    )
    if not countries.empty:
        top = ", ".join(f"{book.escape(c)} ({n})" for c, n in countries.head(4).items())
        text += f" Apart from countries themselves, the actors come most often from {top}."
    return text


# --- candidates -----------------------------------------------------------------------


def _unkept(cand: pd.DataFrame) -> pd.DataFrame:
    """Candidates that became no discovered actor (all of them in older tables)."""
    if "actor" not in cand:
        return cand
    return cand[cand["actor"].astype("string").fillna("") == ""]


def candidates_table(data: ReportData, n: int = 8) -> pd.DataFrame:
    """Names found by NER that became no actor (the review list)."""
    cand = _unkept(data.candidates.copy())
    cand["count"] = pd.to_numeric(cand["count"], errors="coerce").fillna(0).astype(int)
    cand = cand.sort_values(["count", "text"], ascending=[False, True]).head(n)
    return pd.DataFrame(
        {
            "Name as found": cand["text"],
            "NER label": cand["label"],
            "Occurrences": cand["count"],
            "Seeds (count)": cand["documents"],
        }
    )


def candidates_note(data: ReportData, n: int = 8) -> str:
    """A note on names found by NER that are not in the knowledge base (escaped)."""
    cand = data.candidates
    if data.candidates.empty:
        return (
            "Named-entity recognition found no organisation, person or place outside the "
            "knowledge base: every actor above is linked to it."
        )
    cand = _unkept(cand)
    if cand.empty:
        return (
            "Every name that named-entity recognition found outside the knowledge base "
            "looked like a name, and is counted above as a discovered actor."
        )
    occurrences = int(pd.to_numeric(cand["count"], errors="coerce").fillna(0).sum())
    shown = min(n, len(cand))
    return (
        f"Named-entity recognition also found {plural(len(cand), 'name')} "
        f"({plural(occurrences, 'occurrence')}) outside the knowledge base that do not look "
        "like names of actors (too long, no proper noun, a verb, a headline): they take no "
        "part in the network, the matrix or the counts above, and are listed for review. "
        + ("The table lists them." if shown == len(cand) else f"The {shown} most frequent:")
    )
