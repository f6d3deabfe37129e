"""The pivot chapter: who left, who came in and in which role, sanctions language, timeline.

Country roles are parameters, never constants of the seeds: the *partner* country
(``CN`` by default: an actor is "Chinese" when its knowledge-base country is CN), the
*focus* countries (the notebook's ``focus_countries``) and the *home* country whose
foreign relations are measured (:func:`home_country`).

The analysis is in the topic modules :mod:`~analysis.report.shift` (exits, entries,
the partner's share), :mod:`~analysis.report.sanctions` and
:mod:`~analysis.report.timeline`; this module turns them into text, tables and charts.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from analysis import charts, context, myst
from analysis.events import pair
from analysis.report.data import ReportData
from analysis.report.relevance import relevant_events, relevant_measures
from analysis.report.sanctions import (
    cooccurring_actors,
    sanction_sentences,
    sanction_terms,
    sanctions_lexicon,
    sanctions_per_document,
)
from analysis.report.shift import (
    PARTNER,
    Share,
    documents_of,
    entries,
    exits,
    foreign_relations,
    foreign_share,
    home_country,
)
from analysis.report.timeline import (
    LABEL_FONT_SIZE,
    MEASURE_KIND,
    SEED_KIND,
    SEED_LANE,
    TIMELINE_SEEDS,
    TIMELINE_WIDTH,
    early_measures,
    point_labels,
    seed_dates,
    timeline,
    timeline_points,
)
from analysis.report.tracker import tracker_caption, tracker_chart, tracker_summary, tracker_table
from analysis.report.wording import (
    cite_documents,
    country_name,
    join_and,
    plural,
    qualifier,
    quote,
    reporting_note,
    verb,
)

__all__ = [
    "PARTNER",
    "cooccurring_actors",
    "entries",
    "exits",
    "foreign_relations",
    "foreign_share",
    "home_country",
    "relevant_events",
    "relevant_measures",
    "sanction_sentences",
    "sanction_terms",
    "sanctions_lexicon",
    "sanctions_per_document",
    "seed_dates",
    "sequence_text",
    "timeline",
    "tracker_caption",
    "tracker_chart",
    "tracker_summary",
    "tracker_table",
]


def scope(focus_countries: Sequence[str], partner: str, home: str) -> str:
    """One sentence naming the chapter's parameters, in English country names."""
    focus = join_and([myst.escape(country_name(c)) for c in focus_countries]) or "none"
    partner_name = myst.escape(country_name(partner))
    text = (
        f"Here the partner country is {partner_name} (an actor belongs to it when the "
        f"knowledge base gives it that country) and the focus countries are {focus}."
    )
    if home:
        text += (
            f" The home country whose foreign relations are measured is "
            f"{myst.escape(country_name(home))}."
        )
    return text


def _hedged_phrase(row: pd.Series) -> str:
    return qualifier(str(row.get("attributed_to", "")), str(row.get("hedges", "")))


# --- who left -------------------------------------------------------------------------


def exits_summary(frame: pd.DataFrame, limit: int = myst.CITE_LIMIT) -> str:
    """The exits named, one item per (actor, place left); the ``limit`` most stated if more."""
    if frame.empty:
        return "No exit relation was extracted from these seeds."
    groups = list(frame.groupby(["source", "target"], sort=True))
    cut = len(groups) > limit
    if cut:
        groups = sorted(groups, key=lambda g: -g[1]["sentence_id"].nunique())[:limit]
    items = []
    for (firm, left), group in groups:
        first = group.iloc[0]
        hedge = _hedged_phrase(first)
        # With many exits, each names its count and a few of its seeds only.
        cites = (
            f"in {plural(group['sentence_id'].nunique(), 'sentence')} "
            f"{myst.cite_documents(group['document'], limit=3)}"
            if cut
            else cite_documents(group["document"])
        )
        items.append(
            f"{myst.escape(firm)} ({myst.escape(first['source_country_name'])}) leaving "
            f"{myst.escape(left)}" + (f", {hedge}" if hedge else "") + f" {cites}"
        )
    actors_left = frame["source"].nunique()
    pairs = frame.groupby(["source", "target"]).ngroups
    more = (
        f"; and {plural(pairs - len(items), 'other exit')} (see the table and its CSV)"
        if pairs > len(items)
        else ""
    )
    lead = f"the {len(items)} stated in most sentences: " if pairs > len(items) else ""
    return (
        f"The seeds name {plural(actors_left, 'actor')} leaving a country, in "
        f"{plural(frame['sentence_id'].nunique(), 'distinct sentence')} of "
        f"{plural(len(documents_of(frame)), 'seed')}: "
        + lead
        + "; ".join(items)
        + more
        + ". These are the exits the articles name, not a count of all departures."
    )


def exits_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Who left where": [
                f"{s} ({c}) → {t}"
                for s, c, t in zip(
                    frame["source"], frame["source_country_name"], frame["target"], strict=True
                )
            ],
            "Sentence (quoted), hedges": _quotes(frame),
            "Seed": [myst.cite(myst.seed_key(d)) for d in frame["document"]],
        }
    )


def _quotes(frame: pd.DataFrame) -> list[str]:
    out = []
    for row in frame.itertuples(index=False):
        note = reporting_note(str(row.attributed_to), str(row.hedges))
        language = str(getattr(row, "language", "") or "")
        out.append(quote(row.sentence, language) + (f" ({note})" if note else ""))
    return out


# --- who came in ----------------------------------------------------------------------


def entries_summary(frame: pd.DataFrame, focus_countries: Sequence[str], partner: str) -> str:
    partner_name = myst.escape(country_name(partner))
    others = [c for c in focus_countries if str(c).upper() != partner.upper()]
    names = join_and([myst.escape(country_name(c)) for c in others]) or "no other country"
    if frame.empty:
        return (
            f"No relation was extracted between an actor of {partner_name} and an actor of "
            f"the other focus countries ({names})."
        )
    links = frame.assign(
        link=[
            (*pair(a, b, r), r)
            for a, b, r in zip(
                frame["partner_actor"], frame["other_actor"], frame["role"], strict=True
            )
        ]
    ).drop_duplicates("link")
    roles = links["role"].value_counts()
    by_role = ", ".join(f"{myst.escape(r)} {n}" for r, n in roles.items())
    sentences = frame["sentence_id"].nunique()
    text = (
        f"In these seeds, {plural(len(links), 'link')} (an actor pair and a relation type; "
        f"partnerships without direction) join an actor of {partner_name} with an actor of "
        f"the other focus countries ({names}), stated in {plural(sentences, 'distinct sentence')} "
        f"of {plural(len(documents_of(frame)), 'seed')} {cite_documents(frame['document'])}; "
        f"links by role: {by_role}. The deal tracker below gives each link's stage."
    )
    reported = frame.groupby("sentence_id")["reported"].any()
    if int(reported.sum()):
        n = int(reported.sum())
        text += (
            f" {n} of the {plural(sentences, 'sentence')} {verb(n, 'is', 'are')} attributed "
            "to a source or hedged (see the table): the seeds report these links, they do not "
            "establish them; the deal tracker below also marks proposals and talks."
        )
    return text


def entries_chart(frame: pd.DataFrame, partner: str) -> alt.Chart:
    counts = (
        frame.groupby(["role", "other_country", "evidence"])
        .agg(
            relations=("sentence_id", "size"),
            actors=("partner_actor", lambda s: ", ".join(sorted(set(s)))),
            partners=("other_actor", lambda s: ", ".join(sorted(set(s)))),
        )
        .reset_index()
    )
    name = country_name(partner)
    return (
        alt.Chart(counts, title=f"Relations of actors of {name} with the focus countries")
        .mark_bar()
        .encode(
            y=alt.Y("role:N", title=f"Role of the {name} side"),
            x=alt.X(
                "relations:Q",
                title="Relations (count of supporting sentences)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("other_country:N", title="Country of the other side"),
            # relations only flagged seeds state are pale (the corpus chapter says why)
            opacity=alt.Opacity(
                "evidence:N",
                title="Evidence",
                scale=alt.Scale(domain=["other seeds", "flagged seeds only"], range=[1.0, 0.35]),
            ),
            tooltip=[
                alt.Tooltip("role:N", title="Role"),
                alt.Tooltip("evidence:N", title="Evidence"),
                alt.Tooltip("other_country:N", title="Other side's country"),
                alt.Tooltip("relations:Q", title="Relations (count)"),
                alt.Tooltip("actors:N", title=f"Actors of {name}"),
                alt.Tooltip("partners:N", title="Other side"),
            ],
        )
        .properties(width=420, height=alt.Step(30))
    )


def entries_caption(frame: pd.DataFrame) -> str:
    """Caption of :func:`entries_chart`."""
    pale = (
        " Pale bars: relations that only flagged seeds state (the corpus chapter says why)."
        if (frame["evidence"] == "flagged seeds only").any()
        else ""
    )
    return (
        "Relations (one per supporting sentence) between an actor of the partner country and "
        "an actor of another focus country, by the partner side's role, coloured by the "
        f"other side's country.{pale} Sources: the seeds {cite_documents(frame['document'])}."
    )


def entries_data(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["reported"])


def entries_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Partner-country actor, role, other side": [
                # "(Russia)" only says something when the other side is not the country
                f"{a}: {r}, with {o}" + ("" if o == c else f" ({c})")
                for a, r, o, c in zip(
                    frame["partner_actor"],
                    frame["role"],
                    frame["other_actor"],
                    frame["other_country"],
                    strict=True,
                )
            ],
            "Sentence (quoted), hedges": _quotes(frame),
            "Seed": [myst.cite(myst.seed_key(d)) for d in frame["document"]],
        }
    )


# --- share of foreign relations -------------------------------------------------------


def share_summary(share: Share, frame: pd.DataFrame | None = None) -> str:
    home = myst.escape(country_name(share.home)) if share.home else "the home country"
    partner = myst.escape(country_name(share.partner))
    if not share.home:
        return "No focus country is set, so no home country's foreign relations are measured."
    if share.relations == 0:
        return (
            f"No relation links an actor of {home} with an actor of another country in these "
            "seeds, so no share can be given."
        )
    text = (
        f"Of the {plural(share.relations, 'relation')} linking an actor of {home} with an "
        f"actor of another country {cite_documents(share.documents)}, {share.with_partner} "
        f"{verb(share.with_partner, 'links', 'link')} it with an actor of {partner} "
        f"({share.share:.0%})"
    )
    if share.with_partner:
        text += f" {cite_documents(share.partner_documents)}"
    text += (
        f". Counting each pair of actors and relation type once (an article that repeats "
        f"a link counts once), it is {share.pairs_with_partner} of {share.pairs}. "
    )
    if frame is not None and not frame.empty:
        rest = frame[frame["other_country_code"] != share.partner]
        if not rest.empty:
            parts = []
            groups = list(rest.groupby("other_country", sort=True))
            if len(groups) > myst.CITE_LIMIT:
                groups = sorted(groups, key=lambda g: -len(g[1]))[: myst.CITE_LIMIT]
            for country, group in groups:
                kinds = group["relation"].value_counts().items()
                listed = ", ".join(f"{myst.escape(r)} {n}" for r, n in kinds)
                parts.append(f"{myst.escape(country)} ({listed})")
            others = rest["other_country"].nunique() - len(parts)
            text += "The other foreign relations are with " + "; ".join(parts)
            if others:
                text += f", and {plural(others, 'other country', 'other countries')} (see the CSV)"
            text += ". "
    if share.relations < 30:
        text += (
            f"This rests on {plural(share.relations, 'relation')} (one per sentence and "
            f"actor pair) from "
            f"{plural(len(share.documents), 'article')}: it describes what these articles "
            "mention, not the share of the country's real foreign partnerships."
        )
    return text


def share_chart(frame: pd.DataFrame, home: str) -> alt.Chart:
    counts = (
        frame.groupby(["other_country", "relation"])
        .agg(
            relations=("sentence_id", "size"),
            pairs=(
                "other_actor",
                lambda s: ", ".join(sorted(set(s))),
            ),
        )
        .reset_index()
    )
    name = country_name(home)
    return (
        alt.Chart(counts, title=f"Foreign relations of actors of {name}, by the other country")
        .mark_bar()
        .encode(
            y=alt.Y("other_country:N", title="Country of the other actor", sort="-x"),
            x=alt.X(
                "sum(relations):Q",
                title="Relations (count of supporting sentences)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("relation:N", title="Relation type"),
            tooltip=[
                alt.Tooltip("other_country:N", title="Country"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("relations:Q", title="Relations (count)"),
                alt.Tooltip("pairs:N", title="Actors of that country"),
            ],
        )
        .properties(width=420, height=alt.Step(28))
    )


# --- sanctions language ---------------------------------------------------------------


def sanctions_order(data: ReportData) -> str:
    """How :func:`sanctions_per_document` sorts its rows when they do not all fit the book."""
    if len(data.usable_documents) <= myst.HTML_ROWS:
        return "in file-name order"
    return "seeds with most such sentences first"


def cooccurrence_chart(frame: pd.DataFrame, top: int = charts.TOP_N) -> alt.Chart:
    """Actors by sentences with sanctions language (``frame`` is sorted, most first)."""
    title = "Actors named in sentences with sanctions language"
    if len(frame) > top:
        frame = frame.head(top)
        title = f"The {top} actors named most in sentences with sanctions language"
    return (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("actor:N", title=None, sort="-x"),
            x=alt.X(
                "sentences:Q",
                title="Sentences with sanctions language naming the actor (count)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("country:N", title="Country of the actor"),
            tooltip=[
                alt.Tooltip("actor:N", title="Actor"),
                alt.Tooltip("type:N", title="Type"),
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("sentences:Q", title="Sentences (count)"),
                alt.Tooltip("seeds:Q", title="Seeds (count)"),
            ],
        )
        .properties(width=420, height=alt.Step(22))
    )


def sanctions_summary(data: ReportData, found: pd.DataFrame, cooc: pd.DataFrame) -> str:
    usable = len(data.usable_documents)
    if found.empty:
        return (
            f"No sentence of the {plural(usable, 'usable seed')} uses the sanctions and embargo "
            "terms of the lexicon (`analysis/data/lexicons/sanctions.yaml`)."
        )
    docs = documents_of(found)
    terms = pd.Series([t for v in found["terms"] for t in v.split("; ")]).value_counts()
    top_terms = ", ".join(f"“{myst.escape(t)}” ({n})" for t, n in terms.head(5).items())
    text = (
        f"{plural(len(found), 'sentence')} in {len(docs)} of the "
        f"{plural(usable, 'usable seed')} use sanctions or embargo language "
        f"{cite_documents(docs)}; the most frequent terms: {top_terms}."
    )
    if not cooc.empty:
        named = ", ".join(
            f"{myst.escape(a)} ({n})"
            for a, n in zip(cooc["actor"].head(5), cooc["sentences"].head(5), strict=True)
        )
        text += (
            f" The actors these sentences name most often are {named} (a country is also "
            "named by its adjective, e.g. “Chinese”). Co-occurrence in a "
            "sentence says that the article discusses the actor together with sanctions, "
            "not that the actor is sanctioned or a sanctions-driven partner."
        )
    else:
        text += " These sentences name no actor."
    return text


def sanction_sentence_table(found: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Sentence (quoted)": [
                quote(t, g) for t, g in zip(found["text"], found["language"], strict=True)
            ],
            "Terms": found["terms"],
            "Seed": [myst.cite(myst.seed_key(d)) for d in found["document"]],
        }
    )


# --- timeline -------------------------------------------------------------------------


def timeline_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Points on lanes by date, each labelled with its number in the table below (the
    PDF has no tooltip)."""
    frame = timeline_points(frame)
    chart_data = frame.assign(date=pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d"))
    lanes = [SEED_LANE, *sorted(set(frame["lane"]) - {SEED_LANE})]
    points = (
        alt.Chart(chart_data, title="What the seeds date, and dated context events")
        .mark_point(filled=True, size=110, opacity=0.9)
        .encode(
            x=alt.X(
                "date:T",
                title="Date of the events (first day of the month when only the month is known)",
                scale=alt.Scale(type="utc", nice="year"),
                axis=alt.Axis(format="%Y", tickCount="year"),
            ),
            y=alt.Y("lane:N", title=None, sort=lanes),
            color=alt.Color(
                "kind:N",
                title="Source",
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            shape=alt.Shape("kind:N", title="Source"),
            tooltip=[
                alt.Tooltip("date_text:N", title="Date"),
                alt.Tooltip("precision:N", title="Precision"),
                alt.Tooltip("what:N", title="Event or seed title"),
                alt.Tooltip("kind:N", title="Source"),
                alt.Tooltip("source_key:N", title="Reference key"),
                alt.Tooltip("number:N", title="No. in the table"),
            ],
        )
    )
    labels = point_labels(frame)
    numbers = (
        alt.Chart(labels.assign(date=pd.to_datetime(labels["date"]).dt.strftime("%Y-%m-%d")))
        .mark_text(dy=-12, fontSize=LABEL_FONT_SIZE, color="#222222")
        .encode(x="date:T", y=alt.Y("lane:N", sort=lanes), text="label:N")
    )
    return alt.layer(points, numbers).properties(width=TIMELINE_WIDTH, height=alt.Step(30))


def timeline_caption(frame: pd.DataFrame) -> str:
    seeds = frame[frame["kind"] == SEED_KIND]
    events = frame[frame["kind"] != SEED_KIND]
    parts = []
    if not seeds.empty:
        parts.append(
            f"the seeds {cite_documents(seeds['document'])}, dated by the seeds folder's "
            "provenance table (the date of the events each reports, not of publication)"
        )
    if not events.empty:
        parts.append("context events: " + context.citations(events))
    grouped = (
        f" With {len(seeds):,} dated seeds, the seeds are drawn as one point per month of "
        "events; the table and the CSV list each seed."
        if len(seeds) > TIMELINE_SEEDS
        else ""
    )
    same = (
        " A context event dated like a seed (the same day, or month, at the seed's precision) "
        "is marked “dated like seed” in the table's sources: it "
        "may be the very report that seed retells, so it dates the seed's events without "
        "confirming them."
        if "same_date_seeds" in frame and (frame["same_date_seeds"] != "").any()
        else ""
    )
    early = early_measures(frame)
    before = (
        f" The table also lists {plural(len(early), 'earlier measure')} (no. "
        f"{', '.join(early['number'])}), left out of the chart so that its axis starts a "
        "year before the first seed or event."
        if not early.empty
        else ""
    )
    return (
        f"Each point is a dated event, numbered as in the table below, which gives its "
        f"text.{grouped}{same}{before} Sources: " + "; ".join(parts) + "."
    )


def timeline_summary(
    seeds: pd.DataFrame,
    events: pd.DataFrame,
    has_provenance: bool,
    measures: pd.DataFrame | None = None,
) -> str:
    if not has_provenance:
        text = (
            "The seeds folder has no provenance table and the seeds carry no dates of their "
            "own, so the timeline shows only the dated context events."
        )
    elif seeds.empty:
        text = (
            "The provenance table dates none of the usable seeds: the timeline shows only "
            "context events."
        )
    else:
        precision = seeds["precision"].value_counts()
        how = ", ".join(f"{myst.escape(p)} {n}" for p, n in precision.items())
        first = seeds.loc[seeds["date"].idxmin(), "date_text"]
        last = seeds.loc[seeds["date"].idxmax(), "date_text"]
        text = (
            f"The provenance table dates the events of {plural(len(seeds), 'seed')} "
            f"{cite_documents(seeds['document'])} (precision: {how}), from {first} to {last}."
        )
    if not events.empty:
        secondary = int(events["secondary"].sum())
        text += (
            f" The {plural(len(events), 'context event')} run from "
            f"{events['date'].min():%Y-%m-%d} to {events['date'].max():%Y-%m-%d}"
            + (
                f"; {secondary} of them were read through a secondary copy and are cited "
                "“as reported by”."
                if secondary
                else "."
            )
        )
    if measures is not None and not measures.empty:
        by_actor = measures["actor"].value_counts()
        who = join_and([f"{myst.escape(a)} {n}" for a, n in by_actor.items()])
        text += (
            f" {plural(len(measures), 'sanctions, export-control or market measure')} "
            f"({who}) concern a country or a subject of these seeds; they run from "
            f"{measures['date'].min():%Y-%m-%d} to {measures['date'].max():%Y-%m-%d}."
        )
    return text


def sequence_text(frame: pd.DataFrame) -> str:
    """For each dated seed, the measures dated before its events: the order in time, and
    nothing more (a measure before a move is not shown to have caused it)."""
    seeds = frame[frame["kind"] == SEED_KIND]
    measures = frame[frame["kind"] == MEASURE_KIND]
    if seeds.empty or measures.empty:
        return ""
    lines = []
    for _, seed in seeds.iterrows():
        before = measures[measures["date"] < seed["date"]]
        cite = cite_documents([seed["document"]])
        if before.empty:
            lines.append(f"- {cite} ({seed['date_text']}): no measure of the table before it.")
            continue
        last = before.iloc[-1]
        lines.append(
            f"- {cite} ({seed['date_text']}): {plural(len(before), 'measure')} before it; "
            f"the latest is no. {last['number']} ({myst.escape(last['country'])}, "
            f"{last['date_text']})."
        )
    return (
        "Which measures came before the events each seed reports (by date; a seed dated "
        "to the month is set at the month's first day). The order in time is all this "
        "says: the seeds do not link their events to these measures, and a measure "
        "before a move is not evidence that it caused it.\n\n" + "\n".join(lines)
    )


def timeline_table(frame: pd.DataFrame) -> pd.DataFrame:
    sources = [
        myst.cite(key) if kind == SEED_KIND else context.citation(key, bool(secondary))
        for key, kind, secondary in zip(
            frame["source_key"], frame["kind"], frame["secondary"], strict=True
        )
    ]
    # the seed an event is dated like goes with the sources: our own citation markup,
    # in the trusted column (the text column is escaped as seed and context text)
    same = frame["same_date_seeds"] if "same_date_seeds" in frame else [""] * len(frame)
    sources = [
        f"{source}; dated like seed {cite_documents(str(seeds).split('; '))}" if seeds else source
        for source, seeds in zip(sources, same, strict=True)
    ]
    what = []
    for date, precision, kind, country, text in zip(
        frame["date_text"],
        frame["precision"],
        frame["kind"],
        frame["country"],
        frame["what"],
        strict=True,
    ):
        where = "seed titled" if kind == SEED_KIND else f"{country}:"
        what.append(f"{date} ({precision}), {where} {text}")
    return pd.DataFrame(
        {"No.": frame["number"], "Date, place and event (or seed title)": what, "Source": sources}
    )
