"""How informative each seed is: words, relations and claims per seed, and quality flags.

Shared by the corpus chapter and the key findings, with the two sentences both use to
say so (:func:`summary`, :func:`flagged_summary`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis import myst
from analysis.events import flags
from analysis.report.data import ReportData
from analysis.report.wording import language_name, plural

# The thresholds and the flags live with the event table, which carries them too.
LOW_SPECIFICITY_RATIO = flags.LOW_SPECIFICITY_RATIO
REPETITIVE_SHARE = flags.REPETITIVE_SHARE
BOILERPLATE_SHARE = flags.BOILERPLATE_SHARE
quality_flags = flags.quality_flags


def percent_cells(series: pd.Series) -> list[str]:
    return ["" if pd.isna(x) else f"{float(x):.0%}" for x in series]


def quality_frame(data: ReportData) -> pd.DataFrame:
    """Usable seeds with their quality measures and the flags the numbers give them."""
    docs = data.usable_documents.sort_values("document")
    frame = pd.DataFrame(
        {
            "document": docs["document"],
            "title": docs["title"],
            "language": [language_name(x) for x in docs["language"]],
            "words": docs["words"].astype(int),
            "boilerplate_share": docs["boilerplate_share"].astype(float).round(3),
            "repetition_share": docs["repetition_share"].astype(float).round(3),
            "specificity": docs["specificity"].astype(float).round(2),
        }
    )
    frame["flags"] = quality_flags(frame)
    frame["seed"] = frame["document"].map(data.seed_labels)
    return frame.reset_index(drop=True)


def all_seed_citations(data: ReportData) -> str:
    """Citations of every usable seed (the first ten, then "and N others")."""
    return myst.cite_documents(data.usable_documents["document"])


def summary(data: ReportData) -> str:
    """One paragraph on the corpus, every number from documents.csv."""
    docs = data.documents
    usable = data.usable_documents
    languages = usable["language"].map(language_name).value_counts()
    parts = ", ".join(f"{n} in {lang}" for lang, n in languages.items())
    skipped = len(docs) - len(usable)
    text = (
        f"The seeds folder holds {plural(len(docs), 'file')}; {len(usable)} could be read and "
        "analysed"
        + (f" ({parts})" if parts else "")
        + (
            f", and {skipped} {'was' if skipped == 1 else 'were'} skipped (listed below)."
            if skipped
            else "."
        )
    )
    if len(usable):
        words = usable["words"].astype(int)
        text += (
            f" After boilerplate removal they total {words.sum():,} words, from "
            f"{words.min():,} to {words.max():,} per article {all_seed_citations(data)}."
        )
    return text


def flagged_summary(frame: pd.DataFrame, limit: int = myst.CITE_LIMIT) -> str:
    """A sentence naming the seeds the numbers flag, with the numbers.

    At most ``limit`` seeds are named (the least specific ones when more are flagged);
    the sentence then says how many others are flagged and where they are listed.
    """
    flagged = frame[frame["flags"] != ""]
    if frame.empty:
        return "No seed could be analysed."
    if flagged.empty:
        return "No seed stands out as low-information by these measures."
    median = frame["specificity"].median()
    named = flagged
    if len(flagged) > limit:
        named = flagged.sort_values(["specificity", "document"], kind="stable").head(limit)
    items = [
        f"{myst.escape(row.document)} {myst.cite(myst.seed_key(row.document))} "
        f"({myst.escape(row.flags)}: specificity {row.specificity:.1f} against a median of "
        f"{median:.1f}, {row.repetition_share:.0%} of its words repeated)"
        for row in named.itertuples(index=False)
    ]
    verb = "stands" if len(flagged) == 1 else "stand"
    text = f"By the numbers alone, {plural(len(flagged), 'seed')} {verb} out as low-information"
    if len(named) < len(flagged):
        text += f"; the {len(named)} least specific are " + "; ".join(items)
        text += (
            f", and {len(flagged) - len(named):,} others are flagged too (see the table of "
            "measures above and its CSV)"
        )
    else:
        text += ": " + "; ".join(items)
    return (
        text + ". What such a seed states is still reported in the following chapters, but it"
        " should not be read as evidence of specifics."
    )


def flag_notes(data: ReportData, documents: object, evidence: str) -> dict[str, str]:
    """Seed → why its ``evidence`` (relations, figures, stages) is weak, for the seeds of
    ``documents`` that are flagged: its known flaws' notes, else the numbers' flags."""
    flagged = flags.seed_flags(data.documents, data.sources, evidence)
    known = flags.known_flaws(data.sources)
    notes = {}
    for document in sorted({str(d) for d in documents}):  # type: ignore[attr-defined]
        if document not in flagged:
            continue
        # a scope note is shown beside the claims it is about, not as a problem of the seed
        written = [
            f.note for f in known.get(document, []) if f.weakens(evidence) and f.code != "scope"
        ]
        labels = {f.label for f in known.get(document, [])}
        numbers = [x for x in flagged[document] if x in NUMBER_FLAGS and x not in labels]
        if numbers:
            written.append("flagged " + ", ".join(numbers) + " by the corpus chapter's measures")
        notes[document] = " ".join(_sentence(n) for n in written)
    return notes


#: The flags the numbers give (``flags.quality_flags``), as opposed to known flaws.
NUMBER_FLAGS = frozenset({"low specificity", "repetitive", "mostly boilerplate"})


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith(".") else text + "."


def flag_note(flagged: Mapping[str, str], documents: object) -> str:
    """ " Known problems of the seeds behind it: [cite] why; …" for the flagged seeds among
    ``documents`` ("" when none is)."""
    docs = sorted({str(d) for d in documents if str(d) in flagged})  # type: ignore[attr-defined]
    if not docs:
        return ""
    why = " ".join(f"{myst.cite(myst.seed_key(d))} {myst.escape(flagged[d])}" for d in docs)
    lead = "the seed behind it" if len(docs) == 1 else "seeds behind it"
    return f" Known problems of {lead}: {why}"
