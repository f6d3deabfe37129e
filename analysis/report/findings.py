"""Key findings: one generated sentence each, with its figures and citations.

Each ``finding_*`` function returns a MyST sentence, or ``None`` when this build's data
do not support it (then the finding is left out), so that another seeds folder gives
other findings. The figures come from the topic modules the chapters also use
(:mod:`~analysis.report.shift`, :mod:`~analysis.report.supply`,
:mod:`~analysis.report.sanctions`, :mod:`~analysis.report.seed_quality`…), never from a
chapter module, so the findings and the chapters never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from analysis import context, myst
from analysis.events import flags as seed_flags
from analysis.events.model import UNSTATED
from analysis.extraction import units
from analysis.report import deals, figures, sanctions, seed_quality, shift, stages, supply
from analysis.report.claim_views import bounded, claim_sentence
from analysis.report.data import ReportData
from analysis.report.seed_quality import flag_note
from analysis.report.wording import cite_documents, country_name, join_and, plural, verb

#: Context dataset quoted when the seeds talk about raw materials.
RARE_EARTH_DATASET = "rare_earth_mine_production"


def finding_partner_share(data: ReportData, home: str, partner: str = shift.PARTNER) -> str | None:
    """Events of the home country's actors with another country's, and how many are with
    the partner country; each such event is named with what weakens its evidence."""
    if not home:
        return None
    frame = deals.foreign_events(data, home)
    if frame.empty:
        return None
    with_partner = frame[frame["other_country"] == partner]
    documents = sorted({d for cell in frame["documents"] for d in cell.split("; ")})
    text = (
        f"Counting events (an actor pair, relation type and stage, however many sentences "
        f"state it), {len(with_partner):,} of the {plural(len(frame), 'event')} linking an actor "
        f"of {myst.escape(country_name(home))} with an actor of another country "
        f"{verb(len(with_partner), 'is', 'are')} with an actor of "
        f"{myst.escape(country_name(partner))} {cite_documents(documents)}"
    )
    if with_partner.empty:
        return text + "."
    shown = with_partner.head(PARTNER_EVENTS_SHOWN)
    items = [_event_phrase(data, row) for row in shown.itertuples(index=False)]
    more = len(with_partner) - len(shown)
    tail = f"; and {plural(more, 'other event')} (pivot chapter)" if more else ""
    return f"{text}: " + "; ".join(items) + tail + "."


#: Events with the partner country named one by one in the finding.
PARTNER_EVENTS_SHOWN = 4


def _event_phrase(data: ReportData, row) -> str:
    """ "A–B partnership, in 3 sentences, all from one seed whose …" with its citation."""
    joiner = "–" if row.type == "partnership" else " → "
    stage = f" at the {row.stage} stage" if row.stage != UNSTATED else ""
    docs = [d for d in row.documents.split("; ") if d]
    phrase = (
        f"{myst.escape(row.source)}{joiner}{myst.escape(row.target)} {myst.escape(row.type)}"
        f"{stage}, in {plural(int(row.sentences), 'sentence')}"
    )
    if row.flags:
        lead = "from one seed" if int(row.sentences) == 1 else "all from one seed"
        phrase += ", " + _flag_clause(data, docs, lead)
    if row.attributed_to:
        phrase += f", attributed to {myst.escape(row.attributed_to.replace('; ', ' and '))}"
    elif row.hedged:
        phrase += ", hedged"
    return f"{phrase} {cite_documents(docs)}"


def _flag_clause(data: ReportData, documents: list[str], lead: str) -> str:
    """Why every seed of an event is flagged: the clauses of the known flaws that weaken
    relations, else the numbers' flags."""
    known = seed_flags.known_flaws(data.sources)
    numbers = seed_flags.seed_flags(data.documents, data.sources)
    reasons = []
    for document in documents:
        flaws = [f for f in known.get(document, []) if f.weakens("relations")]
        if flaws:
            reasons.append(join_and([myst.escape(f.clause) for f in flaws]))
        else:
            reasons.append("flagged as " + myst.escape(", ".join(numbers.get(document, []))))
    if len(documents) == 1:
        return f"{lead} {reasons[0]}"
    return f"all from {len(documents)} flagged seeds (" + "; ".join(reasons) + ")"


def largest_target(claims: pd.DataFrame) -> pd.Series | None:
    """The largest capacity or output target, in the unit family with the most targets."""
    targets = claims[
        (claims["kind"] == "target")
        & claims["unit"].isin(units.CAPACITY_UNITS)
        & (claims["value"] > 0)
    ]
    if targets.empty:
        return None
    family = targets["unit"].map(lambda u: _family(str(u)))
    counts = family.value_counts()
    chosen = sorted(counts[counts == counts.max()].index)[0]
    within = targets[family == chosen]
    scale = within["unit"].map(lambda u: units.UNIT_FAMILIES.get(str(u), ("", 1.0))[1])
    return within.loc[(within["value"] * scale).idxmax()]


def _family(unit: str) -> str:
    family = units.UNIT_FAMILIES.get(unit, (unit, 1.0))[0]
    # Vehicles and units are both counts of goods produced.
    return "goods" if family in units.COUNT_FAMILIES else family


def finding_largest_target(chapter: supply.SupplyChain) -> str | None:
    """The largest target, with the known problems of its seed (a target of a seed that
    reports only talks is worth saying so next to it)."""
    row = largest_target(chapter.claims)
    if row is None:
        return None
    sentence = claim_sentence(row)
    # The claim sentence starts with its subject; mid-sentence it reads in lower case.
    if not row["subject"]:
        sentence = sentence[0].lower() + sentence[1:]
    return (
        "The largest target, plan or capacity stated in the seeds is "
        + sentence
        + flag_note(chapter.figure_flags, [row["document"]])
    )


def finding_claims(claims: pd.DataFrame) -> str | None:
    """How many figures are targets rather than achievements, and how many are hedged."""
    if claims.empty:
        return None
    n = len(claims)
    targets = int((claims["kind"] == "target").sum())
    forecasts = int((claims["kind"] == "forecast").sum())
    # one count for both, as the sentence says: hedged, or attributed to a named source
    hedged = int((claims["hedged"].astype(bool) | (claims["attribution"] != "")).sum())
    return (
        f"Of the {plural(n, 'quantitative claim')} in the seeds "
        f"{cite_documents(claims['document'])}, {targets:,} are targets, plans or capacities "
        f"and {forecasts:,} forecasts, rather than achieved figures, and {hedged:,} are hedged "
        "or attributed to a named source. A figure a seed repeats counts once."
    )


def finding_exits(data: ReportData) -> str | None:
    frame = shift.exits(data)
    if frame.empty:
        return None
    leaving = frame.drop_duplicates("source")
    limit = myst.CITE_LIMIT
    named = leaving
    if len(leaving) > limit:
        sentences = frame.groupby("source")["sentence_id"].nunique()
        order = leaving["source"].map(sentences).rank(method="first", ascending=False)
        named = leaving[order <= limit]
    names = ", ".join(
        f"{myst.escape(r.source)} ({myst.escape(r.source_country_name)})"
        for r in named.itertuples(index=False)
    )
    if len(named) < len(leaving):
        names = (
            f"most often {names}, and {plural(len(leaving) - len(named), 'other')} "
            "(see the pivot chapter)"
        )
    targets = sorted(set(frame["target"]))
    places = ", ".join(myst.escape(t) for t in targets[:limit])
    if len(targets) > limit:
        places += f" and {plural(len(targets) - limit, 'other place')}"
    return (
        f"The seeds name {plural(len(leaving), 'actor')} leaving {places}: {names} "
        f"{cite_documents(frame['document'])}; these are the exits the articles mention, not "
        "a count of all departures."
    )


def finding_sanctions(data: ReportData) -> str | None:
    found = sanctions.sanction_sentences(data)
    if found.empty:
        return None
    usable = len(data.usable_documents)
    docs = sorted(set(found["document"]))
    return (
        f"{len(docs):,} of the {usable:,} usable seeds use sanctions or embargo language, in "
        f"{plural(len(found), 'distinct sentence')} {cite_documents(docs)}."
    )


def finding_rare_earths(chapter: supply.SupplyChain) -> str | None:
    """Context on rare earths, given only when the seeds themselves talk about raw materials."""
    raw = stages.rare_earth_sentences(chapter.matches, chapter.lexicon)
    ctx = chapter.context
    rows = ctx[(ctx["dataset"] == RARE_EARTH_DATASET) & (ctx["country"] != "WORLD")]
    world = ctx[(ctx["dataset"] == RARE_EARTH_DATASET) & (ctx["country"] == "WORLD")]
    if raw.empty or rows.empty or world.empty:
        return None
    top = rows.sort_values("value", ascending=False).iloc[0]
    total = world[world["year"] == top["year"]]
    if total.empty:
        return None
    total_row = total.iloc[0]
    estimate = " (estimates)" if all("estimate" in str(n) for n in rows["note"]) else ""
    return (
        f"{plural(len(raw), 'sentence')} of the seeds mention rare earths "
        f"{cite_documents(raw['document'])}; for context, not from the seeds, "
        f"{myst.escape(country_name(str(top['country'])))} mined "
        f"{figures.format_value(float(top['value']))} of the world's "
        f"{figures.format_value(float(total_row['value']))} {myst.escape(top['unit'])} of "
        f"rare earths in {int(top['year'])}{estimate}, "
        f"{float(top['value']) / float(total_row['value']):.0%} "
        f"({context.citations(pd.concat([top.to_frame().T, total]))})."
        + (f" {gap}" if (gap := supply.mining_share_discrepancy(ctx)) else "")
        + flag_note(chapter.stage_flags, raw["document"])
    )


def finding_context_check(chapter: supply.SupplyChain) -> str | None:
    """How many seed figures the context can check, and how many it confirms.

    None when no figure has a context figure of the same unit, measure, subject and year:
    then there is nothing to say about consistency."""
    comparisons = chapter.comparisons
    if comparisons.empty:
        return None
    per_claim = comparisons.groupby("claim")["verdict"].agg(list)
    checked = [v for v in per_claim if v != ["no context"]]
    if not checked:
        return None
    agree = sum("consistent" in v for v in checked)
    disagree = len(checked) - agree
    docs = sorted(set(comparisons["document"]))
    claims = chapter.claims
    named = [
        _checked_claim(claims.loc[index], verdicts)
        for index, verdicts in per_claim.items()
        if verdicts != ["no context"]
    ][: myst.CITE_LIMIT]
    return (
        f"Of {plural(len(per_claim), 'capacity, output, sales or share figure')} in the seeds "
        f"{cite_documents(docs)}, {len(checked):,} can be set against a context figure of the "
        f"same unit, measure, subject and year: {agree:,} consistent with it, {disagree:,} not "
        f"({'; '.join(named)})."
        + flag_note(chapter.figure_flags, [claims.loc[i, "document"] for i in per_claim.index])
    )


def _checked_claim(claim: pd.Series, verdicts: list[str]) -> str:
    """``Russia, at most 1,000,000 vehicles in 2022, a forecast: consistent``."""
    subject = myst.escape(str(claim["subject"])) or "a figure with no subject"
    year = f" in {claim['year']}" if claim["year"] is not None else ""
    verdict = "consistent" if "consistent" in verdicts else "not consistent"
    kind = {"fact": "reported as fact"}.get(str(claim["kind"]), f"a {claim['kind']}")
    return f"{subject}, {myst.escape(bounded(claim))}{year}, {kind}: {verdict}"


def finding_low_information(data: ReportData) -> str | None:
    frame = seed_quality.quality_frame(data)
    if len(frame) < 2:
        return None
    row = frame.sort_values(["specificity", "document"]).iloc[0]
    median = frame["specificity"].median()
    repeated = (
        f", and {row['repetition_share']:.0%} of its words repeat other text"
        if row["repetition_share"] >= seed_quality.REPETITIVE_SHARE
        else ""
    )
    flag = " It is flagged low-information in the corpus chapter." if row["flags"] else ""
    return (
        f"The least specific seed {myst.cite(myst.seed_key(str(row['document'])))} has "
        f"{row['specificity']:.1f} actor mentions, figures and dates per 100 words, against a "
        f"median of {median:.1f}{repeated}.{flag}"
    )


def findings(
    data: ReportData,
    focus_countries: Sequence[str],
    partner: str = shift.PARTNER,
    home: str | None = None,
) -> list[str]:
    """The findings this build supports, in reading order (5–8 with the original seeds);
    ``home`` defaults to :func:`shift.home_country` of the focus countries."""
    chapter = supply.prepare(data, focus_countries)
    claims = chapter.claims
    home = shift.home_country(focus_countries) if home is None else home
    makers: list[Callable[[], str | None]] = [
        lambda: finding_partner_share(data, home, partner),
        lambda: finding_exits(data),
        lambda: finding_sanctions(data),
        lambda: finding_largest_target(chapter),
        lambda: finding_claims(claims),
        lambda: finding_context_check(chapter),
        lambda: finding_rare_earths(chapter),
        lambda: finding_low_information(data),
    ]
    return [text for text in (make() for make in makers) if text]


# --- what the corpus can and cannot support ---------------------------------------------


def dates_statement(data: ReportData) -> str:
    """Whether the seeds are dated: never by their text, possibly by the provenance sidecar."""
    usable = set(data.usable_documents["document"].astype(str))
    sources = getattr(data, "sources", pd.DataFrame())
    dated = pd.DataFrame()
    if not sources.empty and "events_date" in sources:
        dated = sources[
            sources["document"].astype(str).isin(usable)
            & (sources["events_date"].astype(str).str.strip() != "")
        ]
    text = "The seed files carry no publication dates."
    if dated.empty:
        return text + " Nothing in this build dates them, so no finding here is dated."
    uncertain = int(dated["date_precision"].astype(str).str.contains("uncertain").sum())
    text += (
        f" The provenance sidecar gives the date of the reported events for {len(dated)} of "
        f"the {len(usable)} usable seeds {cite_documents(dated['document'])}"
    )
    if uncertain:
        text += f", {uncertain} of them marked uncertain"
    return text + "; these are dates of events, not of the articles."


def support(data: ReportData) -> list[str]:
    """Paragraphs on what this corpus can and cannot support, all computed."""
    frame = seed_quality.quality_frame(data)
    return [seed_quality.summary(data), seed_quality.flagged_summary(frame), dates_statement(data)]
