"""Incremental rebuilds: notebook cache keys, the cache itself and the change report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import incremental
from analysis.report import changes


def write(folder: Path, name: str, rows: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(folder / f"{name}.csv", index=False)


def tables(folder: Path, docs: list[str], entities: list[str]) -> Path:
    write(folder, "documents", [{"document": d} for d in docs])
    write(folder, "entities", [{"entity": e} for e in entities])
    return folder


def test_compare_tables_reports_added_and_removed(tmp_path: Path) -> None:
    old = tables(tmp_path / "old", ["a", "b"], ["Renault", "Russia"])
    new = tables(tmp_path / "new", ["b", "c"], ["Russia", "BYD"])
    changes = incremental.compare_tables(old, new)
    got = set(changes[["table", "change", "item"]].itertuples(index=False, name=None))
    assert got == {
        ("documents", "added", "c"),
        ("documents", "removed", "a"),
        ("entities", "added", "BYD"),
        ("entities", "removed", "Renault"),
    }
    assert incremental.compare_tables(None, new)["change"].tolist() == ["first build"]


def test_unchanged_rebuild_keeps_the_last_change_report(tmp_path: Path) -> None:
    old = tables(tmp_path / "old", ["a"], ["X"])
    (old / incremental.CHANGES_NAME).write_text("table,change,item,document\n", encoding="utf-8")
    pd.DataFrame([["documents", "added", "a", "a"]], columns=incremental.CHANGE_COLUMNS).to_csv(
        old / incremental.CHANGES_NAME, index=False
    )
    new = tables(tmp_path / "new", ["a"], ["X"])
    incremental.write_changes(old, new)
    assert (new / "changes.csv").read_bytes() == (old / "changes.csv").read_bytes()


def test_change_report_escapes_seed_text(tmp_path: Path) -> None:
    old = tables(tmp_path / "old", ["a"], ["Y"])
    new = tables(tmp_path / "new", ["a"], ["{raw}`<script>`"])
    incremental.write_changes(old, new)
    text = changes.page(new)
    assert "<script>" not in text and r"\<script\>" in text


def test_data_digest_ignores_the_change_report(tmp_path: Path) -> None:
    folder = tables(tmp_path / "d", ["a"], ["X"])
    before = incremental.data_digest(folder)
    (folder / incremental.CHANGES_NAME).write_text("anything\n", encoding="utf-8")
    assert incremental.data_digest(folder) == before
    write(folder, "entities", [{"entity": "Y"}])
    assert incremental.data_digest(folder) != before


def test_only_the_notebook_that_declares_it_is_keyed_on_the_change_report(tmp_path: Path) -> None:
    reader = tmp_path / "changes.ipynb"
    reader.write_text('{"metadata": {"analysis": {"reads": ["changes.csv"]}}}', encoding="utf-8")
    other = tmp_path / "other.ipynb"
    other.write_text('{"metadata": {}}', encoding="utf-8")
    data = tables(tmp_path / "d", ["a"], ["X"])
    (data / incremental.CHANGES_NAME).write_text("first\n", encoding="utf-8")
    keys = [incremental.notebook_key(nb, {}, "data", "code", data) for nb in (reader, other)]
    (data / incremental.CHANGES_NAME).write_text("second\n", encoding="utf-8")
    assert incremental.notebook_key(reader, {}, "data", "code", data) != keys[0]
    assert incremental.notebook_key(other, {}, "data", "code", data) == keys[1]


def test_the_shipped_change_page_declares_the_change_report() -> None:
    root = Path(__file__).resolve().parents[2]
    assert incremental.declared_inputs(root / "chapters" / "changes.ipynb") == ["changes.csv"]


def test_notebook_key_follows_source_parameters_data_and_code(tmp_path: Path) -> None:
    notebook = tmp_path / "a.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    key = incremental.notebook_key(notebook, {"p": 1}, "data", "code")
    assert key == incremental.notebook_key(notebook, {"p": 1}, "data", "code")
    assert key != incremental.notebook_key(notebook, {"p": 2}, "data", "code")
    assert key != incremental.notebook_key(notebook, {"p": 1}, "data2", "code")
    assert key != incremental.notebook_key(notebook, {"p": 1}, "data", "code2")
    notebook.write_text('{"x": 1}', encoding="utf-8")
    assert key != incremental.notebook_key(notebook, {"p": 1}, "data", "code")


def test_notebook_cache_restores_the_notebook_and_its_files(tmp_path: Path) -> None:
    page_dir = tmp_path / "src" / "chapters"
    (page_dir / "data").mkdir(parents=True)
    executed = page_dir / "a.ipynb"
    executed.write_text("executed", encoding="utf-8")
    chart = page_dir / "data" / "chart.csv"
    chart.write_text("x\n1\n", encoding="utf-8")
    cache = incremental.NotebookCache(tmp_path / "cache")
    assert not cache.restore("k", executed, "a")
    cache.store("k", executed, [chart], page_dir)
    target_dir = tmp_path / "other" / "chapters"
    assert cache.restore("k", target_dir / "a.ipynb", "a")
    assert (target_dir / "a.ipynb").read_text(encoding="utf-8") == "executed"
    assert (target_dir / "data" / "chart.csv").read_text(encoding="utf-8") == "x\n1\n"
    assert cache.summary() == "notebook cache: 1 hit, 1 miss (re-executed: a)"


def test_the_code_digest_sees_the_relation_model(tmp_path, monkeypatch) -> None:
    # The methods appendix states the stored model's scores: retraining it must re-run
    # the chapters, even when no table changes.
    from analysis import incremental

    (tmp_path / "data").mkdir()
    model = tmp_path / "data" / "relation_model.json"
    model.write_text('{"threshold": 0.7}', encoding="utf-8")
    monkeypatch.setattr(incremental, "PACKAGE_DIR", tmp_path)
    before = incremental.analysis_digest()
    model.write_text('{"threshold": 0.8}', encoding="utf-8")
    assert incremental.analysis_digest() != before
