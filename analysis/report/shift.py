"""The shift of a home country's industry: who left, who came in, and with whom it deals.

Exits, entries of a partner country's actors, and the share of the home country's
foreign relations held by the partner, from :mod:`~analysis.report.relations`. Shared
by the pivot chapter and the key findings. No chart and no prose here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.corpus.study import DEFAULT_HOME, DEFAULT_PARTNER
from analysis.events import seed_flags
from analysis.report.data import ReportData
from analysis.report.relations import FLAGGED_ONLY, relations
from analysis.report.wording import country_name

#: Default partner country (ISO alpha-2; the one home of the default is ``study``).
PARTNER = DEFAULT_PARTNER


def home_country(focus_countries: Sequence[str], preferred: str = DEFAULT_HOME) -> str:
    """``preferred`` if it is a focus country, else the first focus country ("" if none)."""
    codes = [str(c).strip().upper() for c in focus_countries if str(c).strip()]
    if preferred.upper() in codes:
        return preferred.upper()
    return codes[0] if codes else ""


def exits(data: ReportData) -> pd.DataFrame:
    """Exit relations: the actor leaving, its country, the place left, sentence, hedges."""
    rel = relations(data)
    return rel[rel["relation"] == "exit"].reset_index(drop=True)


def entries(
    data: ReportData, focus_countries: Sequence[str], partner: str = PARTNER
) -> pd.DataFrame:
    """Relations between an actor of ``partner`` and an actor of another focus country.

    One row per relation, with ``partner_actor``, ``other_actor``, ``other_country``
    (name), ``role`` (from :data:`ROLES`; exits are left out), the sentence and hedges,
    and ``evidence``: :data:`~analysis.report.relations.FLAGGED_ONLY` when its seed is
    flagged.
    """
    partner = partner.upper()
    focus = {str(c).upper() for c in focus_countries} - {partner}
    rel = relations(data)
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
                        "language": row.get("language", ""),
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
        "language",
        "evidence",
    ]
    flagged = set(seed_flags(data.documents, data.sources, "relations"))
    for row in rows:
        row["evidence"] = FLAGGED_ONLY if row["document"] in flagged else "other seeds"
    return pd.DataFrame(rows, columns=columns)


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
    rel = relations(data)
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
        documents=tuple(documents_of(frame)),
        partner_documents=tuple(documents_of(with_partner)),
    )


#: Role of the partner in a relation, by relation type ("exit" is no way of coming in).
ROLES: dict[str, str] = {
    "supply": "platform / technology",
    "investment": "financing",
    "production": "production",
    "partnership": "partnership",
    "acquisition": "acquisition",
    "ownership": "ownership",
}


def documents_of(frame: pd.DataFrame) -> list[str]:
    return sorted(set(frame["document"].astype(str))) if "document" in frame else []
