"""The Actors and partnerships chapter: who is linked to whom, by which relation, where.

The relations, their countries and hedges are computed in
:mod:`~analysis.report.relations`; this module turns them into text, tables and charts.
Seed text (sentences, names of candidates) is untrusted: it leaves this module either as
table cells (escaped by ``myst.show_table``) or through ``myst.escape``.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import myst
from analysis.events import UNDIRECTED, sentence_order
from analysis.extraction.actors import DISCOVERED
from analysis.report import network
from analysis.report.data import ReportData
from analysis.report.relations import (
    FLAGGED_ONLY,
    country_matrix,
    entity_info,
    mention_documents,
    network_frames,
    relation_counts,
    relations,
    top_actors,
)
from analysis.report.wording import (
    cite_documents,
    link_label,
    plural,
    quote,
    reporting_note,
    verb,
)

__all__ = ["country_matrix", "network_frames", "relations", "top_actors"]

# --- actors ---------------------------------------------------------------------------


# --- hedges and attributions ----------------------------------------------------------


# --- relations ------------------------------------------------------------------------


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
    by_type = ", ".join(f"{myst.escape(t)} {n:,}" for t, n in counts.items())
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
        f"actors sitting closer together. {scope}{_pale(shown)}Sources: the seeds "
        f"{cite_documents(docs)}."
    )


def _pale(edges: pd.DataFrame) -> str:
    """The caption's sentence on links drawn pale ("" when none is)."""
    if "evidence" not in edges or not (edges["evidence"] == FLAGGED_ONLY).any():
        return ""
    n = int((edges["evidence"] == FLAGGED_ONLY).sum())
    return (
        f"Pale lines ({n}) are links that only flagged seeds state (see the corpus chapter "
        "for why each seed is flagged). "
    )


# --- country matrix -------------------------------------------------------------------


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
            alt.Tooltip("sentences:Q", title="Distinct sentences"),
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
            subtitle="Source → target; partnerships and joint ventures, which have no direction, "
            "sit under their countries in alphabetical order",
        ),
        width=alt.Step(44),
        height=alt.Step(30),
    )


def matrix_caption(frame: pd.DataFrame) -> str:
    docs = sorted({d for value in frame["documents"] for d in str(value).split(";") if d})
    return (
        "Number of extracted relations by the country of each actor (a country actor counts "
        "as its own country). Counts are relation rows: one per supporting sentence and "
        "actor pair, so a sentence naming two exits counts twice; the CSV (and, in the HTML "
        "book, the tooltip) gives the distinct sentences. Partnerships and joint ventures "
        "have no direction and sit under their two countries in alphabetical order. "
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
        most = int(cross["relations"].max())
        tops = cross[cross["relations"] == most].sort_values(["source_country", "target_country"])
        pairs = [
            f"{myst.escape(r.source_country)} {_arrow(r.types)} {myst.escape(r.target_country)} "
            f"({plural(int(r.sentences), 'distinct sentence')}: {myst.escape(r.types)})"
            for r in tops.itertuples(index=False)
        ]
        what = "pair is" if len(pairs) == 1 else f"pairs, tied at {plural(most, 'relation')}, are"
        text += (
            f" The most frequent cross-border {what} {'; '.join(pairs)}. Partnerships and joint "
            "ventures have no direction: their two countries are listed in alphabetical order."
        )
    return text


def _arrow(types: str) -> str:
    """``→`` when a pair's relations all have a direction, ``–`` when none or some lack one."""
    names = [t.rsplit(" (", 1)[0] for t in str(types).split(", ")]
    return "–" if any(n in UNDIRECTED for n in names) else "→"


# --- relation table -------------------------------------------------------------------


def _numeric_ids(column: pd.Series) -> pd.Series:
    """Sort key that puts sentence ids in reading order (``:2:0`` before ``:12:0``)."""
    if column.name != "sentence_id":
        return column
    return column.map(sentence_order)


def relations_table(data: ReportData, limit: int = 160) -> pd.DataFrame:
    """The link (source, relation, target), the quoted sentence with its hedges, the seed."""
    rel = relations(data)
    columns = ["Relation", "Sentence (quoted), hedges", "Seed"]
    if rel.empty:
        return pd.DataFrame(columns=columns)
    rel = rel.sort_values(["document", "sentence_id", "source", "target"], key=_numeric_ids)
    quoted = []
    for sentence, attributed, hedges, language, source, target in zip(
        rel["sentence"],
        rel["attributed_to"],
        rel["hedges"],
        rel["language"],
        rel["source"],
        rel["target"],
        strict=True,
    ):
        note = reporting_note(attributed, hedges)
        # cut around the two actors, never just before them
        text = quote(sentence, language, limit, keep=(source, target))
        quoted.append(text + (f" ({note})" if note else ""))
    return pd.DataFrame(
        {
            "Relation": [
                link_label(s, r, t, g)
                for s, r, t, g in zip(
                    rel["source"], rel["relation"], rel["target"], rel["stage"], strict=True
                )
            ],
            "Sentence (quoted), hedges": quoted,
            "Seed": [myst.cite(myst.seed_key(d)) for d in rel["document"]],
        },
        columns=columns,
    )


def grouped(data: ReportData) -> bool:
    """Whether the relation table groups relations by link (too many rows for the book)."""
    return len(data.relations) > myst.HTML_ROWS


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
    rel = rel.sort_values(["document", "sentence_id", "source", "target"], key=_numeric_ids)
    link = ["source", "relation", "target"]
    groups = rel.groupby(link, sort=False)
    # one vectorised pass (a Python loop over the groups took seconds on 10,000 seeds)
    firsts = groups.head(1).merge(
        groups.agg(sentences=("sentence_id", "nunique"), seeds=("document", "nunique")),
        left_on=link,
        right_index=True,
    )
    rows = []
    for first in firsts.itertuples(index=False):
        note = reporting_note(str(first.attributed_to), str(first.hedges))
        rows.append(
            {
                "Relation": link_label(first.source, first.relation, first.target),
                "Sentences": first.sentences,
                "Seeds": first.seeds,
                "First sentence (quoted), hedges": quote(
                    first.sentence, first.language, limit, keep=(first.source, first.target)
                )
                + (f" ({note})" if note else ""),
                "Seed": myst.cite(myst.seed_key(str(first.document))),
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


def top_actors_caption(data: ReportData, frame: pd.DataFrame) -> str:
    docs = mention_documents(data, frame["actor"])
    # The bars' labels as text, for the PDF reader and screen readers.
    listing = ", ".join(
        f"{myst.escape(str(a))} ({int(m)})"
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
    types = ", ".join(myst.escape(plural(int(n), str(t))) for t, n in by_type.items())
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
        top = ", ".join(f"{myst.escape(c)} ({n})" for c, n in countries.head(4).items())
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
