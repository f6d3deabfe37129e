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


def scores_intro(data: ReportData) -> str:
    """What the gold-standard table scores, and why its counts are not the chapters'."""
    return (
        f"Every actor, relation and figure of {scored_seeds(data)} was annotated by hand, by "
        "reading the articles, before the extraction was run on them; this build's tables "
        "are scored against those annotations. The rules were then developed with these "
        "same articles in view, so the scores are optimistic: on the project's own test "
        "articles about other firms and countries, relations are found less often (see the "
        "limitations below). The table counts items seed by seed, so its counts are not "
        "the chapters': an actor counts once in each seed that names it (the chapters count "
        "it once in the book); a relation once per seed for each actor pair and type (the "
        "chapters count one row per sentence that states it); a figure each time a seed "
        "states it (the claims chapter merges a figure a seed repeats). The lenient row "
        "counts a relation as found when its two actors are linked at all, whatever the "
        "type and direction; when it equals the strict row, every pair found was also "
        "typed and directed right."
    )


def relation_method() -> str:
    """The relation-extraction method, as documented in its module (our own text).

    The window constants are replaced by their values, so the appendix states the numbers
    the build actually used.
    """
    doc = (relations.__doc__ or "").split("\n", 1)[-1].strip()
    doc = doc.replace("Method (cited by the methods appendix). ", "")
    doc = doc.replace("``2 * WINDOW``", str(2 * relations.WINDOW))
    doc = doc.replace("``PLACE_WINDOW``", str(relations.PLACE_WINDOW))
    named = (
        "A firm, brand, body or person at either end of a relation is named in the document "
        "the relation comes from: the knowledge base types and merges actors, but never "
        "stands in for one the text does not name (an assembler of Fiat cars is supplied "
        "by no Stellantis the article leaves unnamed)."
    )
    doc = doc.replace("``WINDOW``", str(relations.WINDOW))
    return doc + "\n\n" + named + "\n\n" + model_scores()


def model_scores() -> str:
    """What the stored relation model was trained on and how it scored on folders it
    had not seen, read from the model file."""
    from analysis.extraction.relation_model import load_model

    model = load_model()
    info = model.info
    cv = info["held_out"]
    rules, both = cv["rules"], cv["rules_and_model"][str(model.threshold)]
    vetoed = cv["rules_after_veto"][str(model.veto)]
    folders = len(info["trained_on"])
    return (
        f"The stored model was trained on {plural(folders, 'annotated folder')} of test "
        f"articles ({info['pairs']:,} pairs of actors named in one sentence). It also "
        "reads the pairs the rules related, and sets a rule's row aside when it judges "
        f"the pair unrelated with a probability of at least {model.veto:.2f}, except a "
        "firm's production or investment in a country or a region and an exit, where "
        "the annotated folders disagree, and a row read in Russian, which it reads too "
        "poorly (the rows set aside appear in no chapter; the book's data archive "
        "lists them, with the sentence and the probability, in "
        "`relations_set_aside.csv`). Scored by cross-validation over folders (the folders "
        f"dealt into {cv['folds']} groups, each scored by the model trained on the other "
        "groups), pairs of related actors are found with precision "
        f"{rules['precision']:.2f} and recall {rules['recall']:.2f} by the rules alone, "
        f"{vetoed['precision']:.2f} and {vetoed['recall']:.2f} once the model has set "
        f"rows aside, and {both['precision']:.2f} and {both['recall']:.2f} with the "
        f"relations the model adds at the threshold kept ({model.threshold:.1f}). The "
        "rules were tuned on most of these folders, so "
        "their score is not a held-out one; the first scores of folders the code had "
        "never seen are lower, as the project README reports. These folders are about "
        "this report's subject; on articles about other industries the model has no such "
        "measure."
    )


def context_rule() -> str:
    """The rule that picks the context rows of a book, as its module states it."""
    from analysis.report import relevance

    doc = (relevance.__doc__ or "").split("\n", 1)[-1].strip()
    return doc.split("\nReads ")[0].strip()
