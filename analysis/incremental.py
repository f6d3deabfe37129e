"""What makes a rebuild cost only what changed: notebook cache, book fingerprint, change report.

* **Notebook cache.** An executed chapter is reused when its key is unchanged: the
  notebook's source, the parameters papermill passes, the hashes of every data file the
  chapters read (``<data>/*.csv``, ``run.json``) and the hash of the ``analysis`` package
  that the chapter calls, and any extra data file its notebook declares (the change
  report, read by the "What changed" appendix only). Jupyter Book's own cache only looks
  at code cells, which would miss a change in the data or in ``analysis/``. The files
  a chapter writes next to its page (chart data) are cached with it.
* **Book fingerprint.** When the book's sources (executed notebooks, configuration,
  bibliographies, static files) are byte-identical to those of the published book, the
  Jupyter Book runs are skipped and the published HTML and PDF are kept.
* **Change report.** The tables of this build against those of the previous one: seeds
  added and removed, and actors, relations and figures that appeared or disappeared.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.english import plural
from analysis.tables import read_csv

PACKAGE_DIR = Path(__file__).resolve().parent
FINGERPRINT_NAME = ".book-fingerprint"
CHANGES_NAME = "changes.csv"
CHANGE_COLUMNS = ["table", "change", "item", "document"]


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_digest(root: Path, patterns: Iterable[str] = ("**/*",)) -> str:
    """One hash of every file under ``root`` matching ``patterns`` (names and contents)."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(file_digest(path).encode())
    return digest.hexdigest()


def analysis_digest() -> str:
    """The code and data of the ``analysis`` package, which every chapter calls (the
    relation model's JSON too: the methods appendix states its scores)."""
    return tree_digest(PACKAGE_DIR, ("**/*.py", "**/*.yaml", "**/*.csv", "**/*.json"))


def data_digest(data_dir: Path) -> str:
    """The tables and manifest the chapters read (the change report is not a chapter input)."""
    digest = hashlib.sha256()
    for path in sorted([*data_dir.glob("*.csv"), *data_dir.glob("*.json")]):
        if path.name != CHANGES_NAME:
            digest.update(path.name.encode())
            digest.update(file_digest(path).encode())
    return digest.hexdigest()


def declared_inputs(notebook: Path) -> list[str]:
    """Data files a chapter reads beyond those of :func:`data_digest`, as its notebook
    declares them in its metadata (``"analysis": {"reads": ["changes.csv"]}``)."""
    metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    return list(metadata.get("analysis", {}).get("reads", []))


def notebook_key(
    notebook: Path, parameters: dict, data_key: str, code_digest: str, data_dir: Path | None = None
) -> str:
    """The notebook cache's key; ``data_dir`` holds the files the notebook declares it reads."""
    digest = hashlib.sha256()
    digest.update(file_digest(notebook).encode())
    for name in declared_inputs(notebook):
        path = (data_dir or Path()) / name
        digest.update(name.encode())
        digest.update(file_digest(path).encode() if path.exists() else b"absent")
    digest.update(json.dumps(parameters, sort_keys=True).encode())
    digest.update(data_key.encode())
    digest.update(code_digest.encode())
    return digest.hexdigest()


@dataclass
class NotebookCache:
    """Executed notebooks (and the files they wrote beside them) keyed by ``notebook_key``."""

    folder: Path
    hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def _entry(self, key: str) -> Path:
        return self.folder / key

    def restore(self, key: str, target: Path, name: str) -> bool:
        """Copy a cached executed notebook and its page files into place; False on a miss."""
        entry = self._entry(key)
        if not (entry / "notebook.ipynb").exists():
            self.misses.append(name)
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(entry / "notebook.ipynb", target)
        files = entry / "files"
        if files.is_dir():
            shutil.copytree(files, target.parent, dirs_exist_ok=True)
        self.hits.append(name)
        return True

    def store(self, key: str, executed: Path, written: Iterable[Path], page_dir: Path) -> None:
        entry = self._entry(key)
        partial = entry.with_name(entry.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        (partial / "files").mkdir(parents=True)
        shutil.copy2(executed, partial / "notebook.ipynb")
        for path in written:
            destination = partial / "files" / path.relative_to(page_dir)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
        shutil.rmtree(entry, ignore_errors=True)
        partial.rename(entry)

    def summary(self) -> str:
        counts = f"{plural(len(self.hits), 'hit')}, {plural(len(self.misses), 'miss')}"
        rerun = f" (re-executed: {', '.join(self.misses)})" if self.misses else ""
        return f"notebook cache: {counts}{rerun}"


def snapshot(folder: Path) -> dict[Path, str]:
    """Every file under ``folder`` with its hash (to see what a notebook wrote)."""
    if not folder.exists():
        return {}
    return {p: file_digest(p) for p in folder.rglob("*") if p.is_file()}


def written_files(before: dict[Path, str], after: dict[Path, str]) -> list[Path]:
    return sorted(p for p, digest in after.items() if before.get(p) != digest)


def book_fingerprint(source: Path) -> str:
    return tree_digest(source)


def read_fingerprint(build_dir: Path) -> str:
    path = build_dir / FINGERPRINT_NAME
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def write_fingerprint(build_dir: Path, fingerprint: str) -> None:
    (build_dir / FINGERPRINT_NAME).write_text(fingerprint + "\n", encoding="utf-8")


# --- change report --------------------------------------------------------------------

#: For each table: the columns that identify an item, and how to show it.
_KEYS = {
    "documents": (["document"], lambda r: r["document"]),
    "entities": (["entity"], lambda r: r["entity"]),
    "relations": (
        ["source", "relation", "target", "document"],
        lambda r: f"{r['source']} —{r['relation']}→ {r['target']}",
    ),
    "figures": (
        ["document", "value", "unit", "year", "subject", "kind"],
        lambda r: (
            f"{r['value']} {r['unit']}".strip()
            + (f" ({r['year']})" if r["year"] else "")
            + (f", {r['subject']}" if r["subject"] else "")
        ),
    ),
}


def _read(folder: Path, name: str) -> pd.DataFrame | None:
    path = folder / f"{name}.csv"
    if not path.exists():
        return None
    return read_csv(path, text=True)


def compare_tables(previous: Path | None, current: Path) -> pd.DataFrame:
    """Items that appeared or disappeared since the previous build's tables.

    Returns rows (table, change, item, document); empty when nothing changed, and a
    single ``first build`` row when there is no previous build to compare with.
    """
    if previous is None or not (previous / "documents.csv").exists():
        return pd.DataFrame([["all", "first build", "", ""]], columns=CHANGE_COLUMNS)
    rows = []
    for table, (columns, label) in _KEYS.items():
        old, new = _read(previous, table), _read(current, table)
        if old is None or new is None:
            continue
        old_keys = {tuple(r[c] for c in columns): r for r in old.to_dict("records")}
        new_keys = {tuple(r[c] for c in columns): r for r in new.to_dict("records")}
        for change, keys, records in (
            ("added", new_keys.keys() - old_keys.keys(), new_keys),
            ("removed", old_keys.keys() - new_keys.keys(), old_keys),
        ):
            for key in sorted(keys):
                record = records[key]
                rows.append([table, change, label(record), record.get("document", "")])
    frame = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    return frame.sort_values(CHANGE_COLUMNS, kind="stable").reset_index(drop=True)


def write_changes(previous: Path | None, current: Path) -> Path:
    """Write the change report of this build's tables.

    When the tables did not change since the previous build, that build's report is
    kept: the report always describes the last build that changed something, so an
    unchanged rebuild is byte-identical to the one before it.
    """
    path = current / CHANGES_NAME
    changes = compare_tables(previous, current)
    kept = previous / CHANGES_NAME if previous is not None else None
    if changes.empty and kept is not None and kept.exists():
        shutil.copy2(kept, path)
    else:
        changes.to_csv(path, index=False, lineterminator="\n")
    return path
