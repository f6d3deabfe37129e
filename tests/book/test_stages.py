"""The build's stages one at a time, without a whole build (papermill stubbed)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import nbformat
import papermill
import pytest

from analysis import datastage, jupyterbook, notebooks
from analysis.buildconfig import BuildConfig, BuildError
from analysis.corpus.model import Document

ROOT = Path(__file__).resolve().parents[2]


def config_in(tmp_path: Path, **kw) -> BuildConfig:
    return BuildConfig(root=ROOT, seeds=tmp_path / "seeds", build_dir=tmp_path / "_build", **kw)


def test_the_configuration_cannot_be_changed_by_a_stage(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.formats = ("html",)  # type: ignore[misc]


def test_toc_files_are_every_chapter_in_reading_order() -> None:
    files = notebooks.toc_files(ROOT / "_toc.yml")
    assert files[0] == "chapters/about" and "chapters/findings" in files
    assert files.index("chapters/findings") < files.index("chapters/reproducibility")


def test_a_failing_cell_is_named_by_its_number_in_the_source(tmp_path: Path, monkeypatch) -> None:
    source = nbformat.v4.new_notebook()
    source.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    path = tmp_path / "chapter.ipynb"
    nbformat.write(source, path)
    target = tmp_path / "run" / "chapter.ipynb"
    target.parent.mkdir()

    def fails(input_path, output_path, **kwargs):
        executed = nbformat.read(input_path, as_version=4)
        injected = nbformat.v4.new_code_cell("data_dir = 'x'")
        injected.metadata["tags"] = ["injected-parameters"]
        executed.cells.insert(0, injected)  # papermill's parameters cell, absent from the source
        nbformat.write(executed, output_path)
        raise papermill.PapermillExecutionError(2, 3, "1 / 0", "ZeroDivisionError", "division", [])

    monkeypatch.setattr(notebooks.papermill, "execute_notebook", fails)
    monkeypatch.setattr(notebooks, "_kernel", lambda cwd: None)
    with pytest.raises(BuildError, match=r"failed in cell 2 .*'1 / 0'.*ZeroDivisionError"):
        notebooks.run_notebook(config_in(tmp_path), path, target, {})


def test_extraction_statuses_come_back_as_copies(tmp_path: Path) -> None:
    import pandas as pd

    kept = Document(id="a", path=tmp_path / "a.txt", sha256="", status="ok")
    changed = Document(id="b", path=tmp_path / "b.txt", sha256="", status="ok")

    class Tables:
        documents = pd.DataFrame({"document": ["a", "b"], "status": ["ok", "flagged: no actor"]})

    updated, messages = datastage.with_extraction_status(
        config_in(tmp_path), [kept, changed], Tables()
    )
    assert [d.status for d in updated] == ["ok", "flagged: no actor"]
    assert changed.status == "ok"  # the corpus's document is left as read
    assert updated[0] is kept and messages == ["seeds/b.txt: flagged: no actor"]


def test_publish_swaps_in_only_what_was_staged(tmp_path: Path) -> None:
    config = config_in(tmp_path)
    for folder, text in (("html", "old page"), ("pdf", "old pdf"), ("data", "old data")):
        (config.build_dir / folder).mkdir(parents=True)
        (config.build_dir / folder / "file").write_text(text, encoding="utf-8")
    for folder in ("html", "data"):  # an HTML-only build
        (config.stage / folder).mkdir(parents=True)
        (config.stage / folder / "file").write_text(f"new {folder}", encoding="utf-8")
    jupyterbook.publish(config)
    folders = ("html", "pdf", "data")
    read = {f: (config.build_dir / f / "file").read_text(encoding="utf-8") for f in folders}
    assert read == {"html": "new html", "pdf": "old pdf", "data": "new data"}
    assert not config.stage.exists()
    assert sorted(p.name for p in config.build_dir.iterdir()) == ["data", "html", "pdf"]
