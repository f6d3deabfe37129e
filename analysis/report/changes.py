"""The "What changed" appendix: this build's change report (``changes.csv``) as a table."""

from __future__ import annotations

from pathlib import Path

from analysis.incremental import CHANGES_NAME
from analysis.myst import escape
from analysis.tables import read_csv


def page(data_dir: Path, max_rows: int = 200) -> str:
    """The change report as MyST; seed-derived text is escaped, so it shows as text."""
    path = Path(data_dir) / CHANGES_NAME
    changes = read_csv(path, text=True) if path.exists() else None
    if changes is None or changes.empty:
        return "No change in the tables since the previous build."
    if (changes["change"] == "first build").all():
        return (
            "This is the first build in this build folder: there is no previous build to "
            "compare with. The next build that changes the tables will be compared with it."
        )
    counts = changes.groupby(["table", "change"]).size()
    summary = "; ".join(f"{table}: {n} {change}" for (table, change), n in counts.items())
    lines = [
        f"Compared with the previous build that changed the tables — {escape(summary)}.",
        "",
        "| Table | Change | Item | Seed |",
        "| :-- | :-- | :-- | :-- |",
    ]
    for row in changes.head(max_rows).itertuples(index=False):
        cells = [escape(row.table), escape(row.change), escape(row.item), escape(row.document)]
        lines.append("| " + " | ".join(cells) + " |")
    if len(changes) > max_rows:
        lines.append("")
        lines.append(f"*First {max_rows} of {len(changes)} changes; all are in `{CHANGES_NAME}`.*")
    return "\n".join(lines)
