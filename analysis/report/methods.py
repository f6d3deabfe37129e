"""The methods part of the appendix: knowledge base, gold-standard scores, method notes."""

from __future__ import annotations

import pandas as pd

from analysis.extraction import relations
from analysis.extraction.actors import load_knowledge_base
from analysis.report.data import ReportData
from analysis.report.wording import plural
from analysis.tables import read_csv


def knowledge_base_table() -> pd.DataFrame:
    """Entries of the knowledge base by type, with their aliases (countries are generated)."""
    kb = load_knowledge_base()
    frame = pd.DataFrame([{"Type": a.type, "aliases": len(a.aliases)} for a in kb.actors.values()])
    table = frame.groupby("Type").agg(Entries=("Type", "size"), Aliases=("aliases", "sum"))
    table = table.reset_index().sort_values(["Entries", "Type"], ascending=[False, True])
    adjectives = pd.DataFrame(
        [{"Type": "country adjective forms", "Entries": len(kb.adjectives), "Aliases": ""}]
    )
    table["Aliases"] = table["Aliases"].astype(str)
    return pd.concat([table, adjectives], ignore_index=True)


def scores_table(data: ReportData) -> pd.DataFrame | None:
    """Precision, recall and F1 against the gold standard, as computed by this build."""
    path = data.data_dir / "scores.csv"
    if not path.exists():
        return None
    scores = read_csv(path)
    return pd.DataFrame(
        {
            "Table": scores["table"],
            "Precision": scores["precision"].map("{:.2f}".format),
            "Recall": scores["recall"].map("{:.2f}".format),
            "F1": scores["f1"].map("{:.2f}".format),
            "Gold items": scores["gold"],
            "Extracted": scores["predicted"],
        }
    )


def scored_documents(data: ReportData) -> int:
    path = data.data_dir / "scores.csv"
    return int(read_csv(path)["documents"].iloc[0]) if path.exists() else 0


def scored_seeds(data: ReportData) -> str:
    """ "5 seeds": how many seeds the build's gold annotations cover."""
    return plural(scored_documents(data), "seed")


def relation_method() -> str:
    """The relation-extraction method, as documented in its module (our own text).

    The window constants are replaced by their values, so the appendix states the numbers
    the build actually used.
    """
    doc = (relations.__doc__ or "").split("\n", 1)[-1].strip()
    doc = doc.replace("Method (cited by the methods appendix). ", "")
    doc = doc.replace("``2 * WINDOW``", str(2 * relations.WINDOW))
    doc = doc.replace("``PLACE_WINDOW``", str(relations.PLACE_WINDOW))
    return doc.replace("``WINDOW``", str(relations.WINDOW))
