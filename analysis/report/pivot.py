"""The pivot chapter: who left, who came in and in which role, sanctions language, timeline.

Country roles are parameters, never constants of the seeds: the *partner* country
(``CN`` by default: an actor is "Chinese" when its knowledge-base country is CN), the
*focus* countries (the notebook's ``focus_countries``) and the *home* country whose
foreign relations are measured (:func:`home_country`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd
import yaml

from analysis import book, charts, context
from analysis.corpus import read_metadata
from analysis.report import actors
from analysis.report.actors import cite_documents, country_name, plural, verb
from analysis.report.data import ReportData
from analysis.report.terms import FirstWords, text_words

#: Default partner country (ISO alpha-2).
PARTNER = "CN"
#: Role of the partner in a relation, by relation type ("exit" is no way of coming in).
ROLES: dict[str, str] = {
    "supply": "platform / technology",
    "investment": "financing",
    "production": "production",
    "partnership": "partnership",
    "acquisition": "acquisition",
    "ownership": "ownership",
}
LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "sanctions.yaml"
SEED_LANE = "Seeds (date of the events they report)"
SEED_KIND = "Seed article"
PRIMARY_KIND = "Context event (primary source)"
SECONDARY_KIND = "Context event (as reported by a secondary copy)"


def home_country(focus_countries: Sequence[str], preferred: str = "RU") -> str:
    """``preferred`` if it is a focus country, else the first focus country ("" if none)."""
    codes = [str(c).strip().upper() for c in focus_countries if str(c).strip()]
    if preferred.upper() in codes:
        return preferred.upper()
    return codes[0] if codes else ""


def join_and(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return (
        items[0]
        if len(items) == 1
        else ", ".join(items[:-1]) + " and " + items[-1]
        if items
        else ""
    )


def scope(focus_countries: Sequence[str], partner: str, home: str) -> str:
    """One sentence naming the chapter's parameters, in English country names."""
    focus = join_and([book.escape(country_name(c)) for c in focus_countries]) or "none"
    partner_name = book.escape(country_name(partner))
    text = (
        f"Here the partner country is {partner_name} (an actor belongs to it when the "
        f"knowledge base gives it that country) and the focus countries are {focus}."
    )
    if home:
        text += (
            f" The home country whose foreign relations are measured is "
            f"{book.escape(country_name(home))}."
        )
    return text


def _hedged_phrase(row: pd.Series) -> str:
    return actors.qualifier(str(row.get("attributed_to", "")), str(row.get("hedges", "")))


def _documents(frame: pd.DataFrame) -> list[str]:
    return sorted(set(frame["document"].astype(str))) if "document" in frame else []


# --- who left -------------------------------------------------------------------------


def exits(data: ReportData) -> pd.DataFrame:
    """Exit relations: the actor leaving, its country, the place left, sentence, hedges."""
    rel = actors.relations(data)
    return rel[rel["relation"] == "exit"].reset_index(drop=True)


def exits_summary(frame: pd.DataFrame, limit: int = book.CITE_LIMIT) -> str:
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
            f"{book.cite_documents(group['document'], limit=3)}"
            if cut
            else cite_documents(group["document"])
        )
        items.append(
            f"{book.escape(firm)} ({book.escape(first['source_country_name'])}) leaving "
            f"{book.escape(left)}" + (f", {hedge}" if hedge else "") + f" {cites}"
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
        f"{plural(len(frame), 'sentence')} of {plural(len(_documents(frame)), 'seed')}: "
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
            "Seed": [book.cite(book.seed_key(d)) for d in frame["document"]],
        }
    )


def _quotes(frame: pd.DataFrame) -> list[str]:
    out = []
    for row in frame.itertuples(index=False):
        note = actors.reporting_note(str(row.attributed_to), str(row.hedges))
        out.append(f"« {actors.shorten(row.sentence)} »" + (f" ({note})" if note else ""))
    return out


# --- who came in ----------------------------------------------------------------------


def entries(
    data: ReportData, focus_countries: Sequence[str], partner: str = PARTNER
) -> pd.DataFrame:
    """Relations between an actor of ``partner`` and an actor of another focus country.

    One row per relation, with ``partner_actor``, ``other_actor``, ``other_country``
    (name), ``role`` (from :data:`ROLES`; exits are left out), the sentence and hedges.
    """
    partner = partner.upper()
    focus = {str(c).upper() for c in focus_countries} - {partner}
    rel = actors.relations(data)
    rel = rel[rel["relation"].isin(ROLES)]
    rows = []
    for row in rel.to_dict("records"):  # plain dicts: iterrows is slow on large corpora
        sides = [
            (row["source"], row["source_country"], row["target"], row["target_country"]),
            (row["target"], row["target_country"], row["source"], row["source_country"]),
        ]
        for mine, mine_country, other, other_country in sides:
            if mine_country == partner and other_country in focus:
                rows.append(
                    {
                        "partner_actor": mine,
                        "other_actor": other,
                        "other_country": country_name(other_country),
                        "role": ROLES[row["relation"]],
                        "relation": row["relation"],
                        "document": row["document"],
                        "sentence_id": row["sentence_id"],
                        "sentence": row["sentence"],
                        "attributed_to": row["attributed_to"],
                        "hedges": row["hedges"],
                        "reported": bool(row["reported"]),
                    }
                )
                break
    columns = [
        "partner_actor",
        "other_actor",
        "other_country",
        "role",
        "relation",
        "document",
        "sentence_id",
        "sentence",
        "attributed_to",
        "hedges",
        "reported",
    ]
    return pd.DataFrame(rows, columns=columns)


def entries_summary(frame: pd.DataFrame, focus_countries: Sequence[str], partner: str) -> str:
    partner_name = book.escape(country_name(partner))
    others = [c for c in focus_countries if str(c).upper() != partner.upper()]
    names = join_and([book.escape(country_name(c)) for c in others]) or "no other country"
    if frame.empty:
        return (
            f"No relation was extracted between an actor of {partner_name} and an actor of "
            f"the other focus countries ({names})."
        )
    roles = frame["role"].value_counts()
    by_role = ", ".join(f"{book.escape(r)} {n}" for r, n in roles.items())
    text = (
        f"In these seeds, {plural(len(frame), 'relation')} {verb(len(frame), 'links', 'link')} "
        f"an actor of {partner_name} "
        "with an actor of "
        f"the other focus countries ({names}), in {plural(len(_documents(frame)), 'seed')} "
        f"{cite_documents(frame['document'])}; by role: {by_role}."
    )
    reported = int(frame["reported"].sum())
    if reported:
        text += (
            f" {reported} of them {verb(reported, 'rests', 'rest')} on sentences that are "
            "attributed, conditional or "
            "only state an intention or proposal (see the table): the seeds report these "
            "links, they do not establish them."
        )
    pairs = frame.groupby(["partner_actor", "other_actor"]).ngroups
    text += (
        f" {verb(pairs, 'This is', 'These are')} {plural(pairs, 'distinct pair')} of actors; "
        "several rows can restate "
        "one link in the same article."
    )
    return text


def entries_chart(frame: pd.DataFrame, partner: str) -> alt.Chart:
    counts = (
        frame.groupby(["role", "other_country"])
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
            tooltip=[
                alt.Tooltip("role:N", title="Role"),
                alt.Tooltip("other_country:N", title="Other side's country"),
                alt.Tooltip("relations:Q", title="Relations (count)"),
                alt.Tooltip("actors:N", title=f"Actors of {name}"),
                alt.Tooltip("partners:N", title="Other side"),
            ],
        )
        .properties(width=420, height=alt.Step(30))
    )


def entries_data(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["reported"])


def entries_table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Partner-country actor, role, other side": [
                f"{a}: {r}, with {o} ({c})"
                for a, r, o, c in zip(
                    frame["partner_actor"],
                    frame["role"],
                    frame["other_actor"],
                    frame["other_country"],
                    strict=True,
                )
            ],
            "Sentence (quoted), hedges": _quotes(frame),
            "Seed": [book.cite(book.seed_key(d)) for d in frame["document"]],
        }
    )


# --- share of foreign relations -------------------------------------------------------


@dataclass(frozen=True)
class Share:
    home: str
    partner: str
    relations: int  # foreign relations of the home country's actors (rows)
    with_partner: int
    pairs: int  # distinct (home actor, other actor, relation type)
    pairs_with_partner: int
    documents: tuple[str, ...]
    partner_documents: tuple[str, ...]

    @property
    def share(self) -> float | None:
        return self.with_partner / self.relations if self.relations else None


def foreign_relations(data: ReportData, home: str) -> pd.DataFrame:
    """Relations with an actor of ``home`` on one side and another country's on the other."""
    rel = actors.relations(data)
    home = home.upper()
    rows = []
    for row in rel.to_dict("records"):
        if row["source_country"] == home and row["target_country"] not in ("", home):
            mine, other, country = row["source"], row["target"], row["target_country"]
        elif row["target_country"] == home and row["source_country"] not in ("", home):
            mine, other, country = row["target"], row["source"], row["source_country"]
        else:
            continue
        rows.append(
            {
                "home_actor": mine,
                "other_actor": other,
                "other_country_code": country,
                "other_country": country_name(country),
                "relation": row["relation"],
                "document": row["document"],
                "sentence_id": row["sentence_id"],
            }
        )
    columns = [
        "home_actor",
        "other_actor",
        "other_country_code",
        "other_country",
        "relation",
        "document",
        "sentence_id",
    ]
    return pd.DataFrame(rows, columns=columns)


def foreign_share(frame: pd.DataFrame, home: str, partner: str = PARTNER) -> Share:
    partner = partner.upper()
    with_partner = frame[frame["other_country_code"] == partner]
    key = ["home_actor", "other_actor", "relation"]
    return Share(
        home=home.upper(),
        partner=partner,
        relations=len(frame),
        with_partner=len(with_partner),
        pairs=len(frame.drop_duplicates(key)),
        pairs_with_partner=len(with_partner.drop_duplicates(key)),
        documents=tuple(_documents(frame)),
        partner_documents=tuple(_documents(with_partner)),
    )


def share_summary(share: Share, frame: pd.DataFrame | None = None) -> str:
    home = book.escape(country_name(share.home)) if share.home else "the home country"
    partner = book.escape(country_name(share.partner))
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
            if len(groups) > book.CITE_LIMIT:
                groups = sorted(groups, key=lambda g: -len(g[1]))[: book.CITE_LIMIT]
            for country, group in groups:
                kinds = group["relation"].value_counts().items()
                listed = ", ".join(f"{book.escape(r)} {n}" for r, n in kinds)
                parts.append(f"{book.escape(country)} ({listed})")
            others = rest["other_country"].nunique() - len(parts)
            text += "The other foreign relations are with " + "; ".join(parts)
            if others:
                text += f", and {plural(others, 'other country', 'other countries')} (see the CSV)"
            text += ". "
    if share.relations < 30:
        text += (
            f"This rests on {plural(share.relations, 'sentence')} from "
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


@cache
def sanctions_lexicon(path: Path = LEXICON_PATH) -> dict[str, tuple[str, ...]]:
    """Terms by language from ``sanctions.yaml``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(lang): tuple(str(t) for t in terms or ()) for lang, terms in raw.items()}


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])", re.IGNORECASE)


def sanction_terms(text: str, language: str, lexicon: dict[str, tuple[str, ...]]) -> list[str]:
    """Lexicon terms found in ``text`` (lower-case, in order, each once)."""
    terms = lexicon.get(language) or tuple(t for ts in lexicon.values() for t in ts)
    pattern = _pattern(tuple(terms))
    if pattern is None or not _first_words(tuple(terms)).possible_in(text_words(str(text))):
        return []
    flat = str(text).replace("\u2019", "'")
    return list(dict.fromkeys(m.group(0).lower() for m in pattern.finditer(flat)))


@cache
def _first_words(terms: tuple[str, ...]) -> FirstWords:
    return FirstWords.of(terms)


def sanction_sentences(
    data: ReportData, lexicon: dict[str, tuple[str, ...]] | None = None
) -> pd.DataFrame:
    """Sentences of usable seeds with sanctions language (a repeated sentence counts once)."""
    if lexicon is None:
        lexicon = sanctions_lexicon()
        return data.derived("sanction_sentences", lambda: _sanction_sentences(data, lexicon))
    return _sanction_sentences(data, lexicon)


def _sanction_sentences(data: ReportData, lexicon: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    sentences = actors.detail(data, "sentences")
    usable = set(data.usable_documents["document"].astype(str))
    sentences = sentences[sentences["document"].astype(str).isin(usable)]
    sentences = sentences.drop_duplicates(["document", "text"])
    rows = []
    columns = ("document", "sentence_id", "text", "language")
    # Plain lists: iterating pandas string columns row by row is slow on large corpora.
    for document, sentence_id, text, language in zip(
        *(sentences[c].tolist() for c in columns), strict=True
    ):
        terms = sanction_terms(text, str(language), lexicon)
        if terms:
            rows.append(
                {
                    "document": document,
                    "sentence_id": sentence_id,
                    "terms": "; ".join(terms),
                    "text": text,
                }
            )
    return pd.DataFrame(rows, columns=["document", "sentence_id", "terms", "text"])


def sanctions_order(data: ReportData) -> str:
    """How :func:`sanctions_per_document` sorts its rows when they do not all fit the book."""
    if len(data.usable_documents) <= book.HTML_ROWS:
        return "in file-name order"
    return "seeds with most such sentences first"


def sanctions_per_document(data: ReportData, found: pd.DataFrame) -> pd.DataFrame:
    """Per usable seed: sentences, sentences with sanctions language, the terms used.

    In file-name order, or most sentences with sanctions language first when the table is
    longer than the book shows (:func:`sanctions_order`).
    """
    sentences = actors.detail(data, "sentences").drop_duplicates(["document", "text"])
    totals = sentences.groupby("document").size()
    found_in: dict[str, int] = {}
    terms_in: dict[str, set[str]] = {}
    for doc, value in zip(found["document"].astype(str), found["terms"], strict=True):
        found_in[doc] = found_in.get(doc, 0) + 1
        terms_in.setdefault(doc, set()).update(t for t in str(value).split("; ") if t)
    rows = []
    for doc in sorted(data.usable_documents["document"].astype(str)):
        rows.append(
            {
                "Seed": book.cite(book.seed_key(doc)),
                "Sentences (distinct)": int(totals.get(doc, 0)),
                "With sanctions language": found_in.get(doc, 0),
                "Terms found": ", ".join(sorted(terms_in.get(doc, ()))),
            }
        )
    frame = pd.DataFrame(
        rows, columns=["Seed", "Sentences (distinct)", "With sanctions language", "Terms found"]
    )
    if len(frame) > book.HTML_ROWS:
        frame = frame.sort_values(
            "With sanctions language", ascending=False, kind="stable"
        ).reset_index(drop=True)
    return frame


def cooccurring_actors(data: ReportData, found: pd.DataFrame) -> pd.DataFrame:
    """Actors mentioned in the sentences with sanctions language, with their country."""
    columns = ["actor", "type", "country", "sentences", "seeds", "documents"]
    mentions = data.mentions[data.mentions["sentence_id"].isin(set(found["sentence_id"]))]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    info = actors.entity_info(data)
    grouped = (
        mentions.groupby("entity")
        .agg(
            sentences=("sentence_id", "nunique"),
            seeds=("document", "nunique"),
            documents=("document", lambda s: ";".join(sorted(set(s)))),
        )
        .reset_index()
        .rename(columns={"entity": "actor"})
    )
    grouped["type"] = [info.at[a, "type"] if a in info.index else "" for a in grouped["actor"]]
    grouped["country"] = [
        info.at[a, "country_name"] if a in info.index else actors.NO_COUNTRY
        for a in grouped["actor"]
    ]
    grouped = grouped.sort_values(["sentences", "actor"], ascending=[False, True])
    return grouped.reindex(columns=columns).reset_index(drop=True)


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
    docs = _documents(found)
    terms = pd.Series([t for v in found["terms"] for t in v.split("; ")]).value_counts()
    top_terms = ", ".join(f"“{book.escape(t)}” ({n})" for t, n in terms.head(5).items())
    text = (
        f"{plural(len(found), 'sentence')} in {len(docs)} of the "
        f"{plural(usable, 'usable seed')} use sanctions or embargo language "
        f"{cite_documents(docs)}; the most frequent terms: {top_terms}."
    )
    if not cooc.empty:
        named = ", ".join(
            f"{book.escape(a)} ({n})"
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
            "Sentence (quoted)": [f"« {actors.shorten(t)} »" for t in found["text"]],
            "Terms": found["terms"],
            "Seed": [book.cite(book.seed_key(d)) for d in found["document"]],
        }
    )


# --- timeline -------------------------------------------------------------------------


def _parse_partial_date(text: str) -> tuple[pd.Timestamp | None, str]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → (first day of the period, precision)."""
    text = str(text).strip()
    for pattern, precision, fmt in (
        (r"\d{4}-\d{2}-\d{2}", "day", "%Y-%m-%d"),
        (r"\d{4}-\d{2}", "month", "%Y-%m"),
        (r"\d{4}", "year", "%Y"),
    ):
        if re.fullmatch(pattern, text):
            try:
                return pd.Timestamp(pd.to_datetime(text, format=fmt)), precision
            except ValueError:
                return None, ""
    return None, ""


def seed_dates(data: ReportData, seeds_dir: str | Path) -> tuple[pd.DataFrame, list[str], bool]:
    """Dates of the events each usable seed reports, from ``<seeds_dir>/provenance.csv``.

    Returns (rows, messages about the sidecar, whether the sidecar exists).
    """
    path = Path(seeds_dir) / "provenance.csv"
    columns = ["document", "date", "date_text", "precision", "title"]
    if not path.exists():
        return pd.DataFrame(columns=columns), [], False
    rows, messages = read_metadata(path)
    docs = data.usable_documents.set_index("document")
    out = []
    for doc in sorted(docs.index.astype(str)):
        row = rows.get(doc)
        if not row or not row.get("events_date"):
            continue
        date, precision = _parse_partial_date(row["events_date"])
        if date is None:
            continue
        out.append(
            {
                "document": doc,
                "date": date,
                "date_text": row["events_date"],
                "precision": row.get("date_precision") or precision,
                "title": str(docs.at[doc, "title"]),
            }
        )
    return pd.DataFrame(out, columns=columns), messages, True


def relevant_events(events: pd.DataFrame, data: ReportData) -> pd.DataFrame:
    """Context events that name an actor the seeds name (others say nothing of these seeds).

    Matching is on the knowledge base's canonical (English) names, as whole words: "China
    imposes export controls" is kept when the seeds mention China, an event about a firm
    only when the seeds mention that firm.
    """
    names = sorted(set(data.entities["entity"]), key=len, reverse=True)
    if not names or events.empty:
        return events.iloc[0:0].reset_index(drop=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    keep = events["event"].map(lambda text: bool(pattern.search(str(text))))
    return events[keep.to_numpy(dtype=bool)].reset_index(drop=True)


def timeline(seeds: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Seeds (their events' dates) and context events in one table for the chart."""
    columns = [
        "date",
        "date_text",
        "precision",
        "lane",
        "kind",
        "country",
        "what",
        "document",
        "source_key",
        "secondary",
    ]
    seed_rows = pd.DataFrame(
        {
            "date": seeds["date"],
            "date_text": seeds["date_text"],
            "precision": seeds["precision"],
            "lane": SEED_LANE,
            "kind": SEED_KIND,
            "country": "",
            "what": seeds["title"],
            "document": seeds["document"],
            "source_key": [book.seed_key(d) for d in seeds["document"]],
            "secondary": False,
        },
        columns=columns,
    )
    event_rows = pd.DataFrame(
        {
            "date": events["date"],
            "date_text": events["date"].dt.strftime("%Y-%m-%d"),
            "precision": events["precision"],
            "lane": [f"Context: {country_name(c)}" for c in events["country"]],
            "kind": [SECONDARY_KIND if s else PRIMARY_KIND for s in events["secondary"]],
            "country": [country_name(c) for c in events["country"]],
            "what": events["event"],
            "document": "",
            "source_key": events["source_key"],
            "secondary": events["secondary"].astype(bool),
        },
        columns=columns,
    )
    frames = [f for f in (seed_rows, event_rows) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    frame = pd.concat(frames, ignore_index=True)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.sort_values(["date", "lane", "what"], kind="stable").reset_index(drop=True)


#: Seeds the timeline draws one by one; more are drawn as one point per month.
TIMELINE_SEEDS = 40


def timeline_points(frame: pd.DataFrame, limit: int = TIMELINE_SEEDS) -> pd.DataFrame:
    """The timeline's rows as drawn: with more than ``limit`` dated seeds, one point per
    month of events, saying how many seeds it stands for (context events stay one each)."""
    seeds = frame[frame["kind"] == SEED_KIND]
    if len(seeds) <= limit:
        return frame
    month = seeds["date"].dt.to_period("M").dt.to_timestamp()
    rows = []
    for start, group in seeds.groupby(month, sort=True):
        rows.append(
            {
                "date": start,
                "date_text": f"{start:%Y-%m}",
                "precision": "month (seeds grouped)",
                "lane": SEED_LANE,
                "kind": SEED_KIND,
                "country": "",
                "what": f"{plural(len(group), 'seed')} dated this month",
                "document": "",
                "source_key": "",
                "secondary": False,
            }
        )
    grouped = pd.DataFrame(rows, columns=frame.columns)
    return pd.concat([grouped, frame[frame["kind"] != SEED_KIND]], ignore_index=True)


def timeline_chart(frame: pd.DataFrame) -> alt.Chart:
    frame = timeline_points(frame)
    chart_data = frame.assign(date=pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d"))
    lanes = [SEED_LANE, *sorted(set(frame["lane"]) - {SEED_LANE})]
    return (
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
            ],
        )
        .properties(width=400, height=alt.Step(30))
    )


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
        "events (the tooltip says how many); the table and the CSV list each seed."
        if len(seeds) > TIMELINE_SEEDS
        else ""
    )
    return (
        f"Each point is a dated event; hover for the text.{grouped} Sources: "
        + "; ".join(parts)
        + "."
    )


def timeline_summary(seeds: pd.DataFrame, events: pd.DataFrame, has_provenance: bool) -> str:
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
        how = ", ".join(f"{book.escape(p)} {n}" for p, n in precision.items())
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
    return text


def timeline_table(frame: pd.DataFrame) -> pd.DataFrame:
    sources = [
        book.cite(key) if kind == SEED_KIND else context.citation(key, bool(secondary))
        for key, kind, secondary in zip(
            frame["source_key"], frame["kind"], frame["secondary"], strict=True
        )
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
    return pd.DataFrame({"Date, place and event (or seed title)": what, "Source": sources})
