"""A failing notebook fails the build, naming the notebook and the cell, and keeps the old book."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tests.book.conftest import ROOT

pytestmark = pytest.mark.e2e


def make_project(tmp: Path) -> Path:
    """A copy of the project's book sources with one extra notebook that raises."""
    project = tmp / "project"
    project.mkdir()
    for name in (
        "_config.yml",
        "references.bib",
        "Makefile",
        "requirements-pip.txt",
        "requirements.txt",
        "requirements-models.txt",
    ):
        shutil.copy2(ROOT / name, project / name)
    for name in ("chapters", "_static", "seeds", "scripts"):
        shutil.copytree(ROOT / name, project / name)
    (project / "analysis").symlink_to(ROOT / "analysis")
    notebook = new_notebook(
        cells=[
            new_markdown_cell("# Broken chapter"),
            new_code_cell('data_dir = "x"', metadata={"tags": ["parameters"]}),
            new_code_cell("x = 1"),
            new_code_cell('raise ValueError("this chapter is broken on purpose")'),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.write(notebook, project / "chapters" / "broken.ipynb")
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    toc = toc.replace("      - file: chapters/corpus\n", "      - file: chapters/broken\n", 1)
    assert "chapters/broken" in toc
    (project / "_toc.yml").write_text(toc, encoding="utf-8")
    return project


def test_failing_notebook_fails_make_book_and_names_it(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    old_book = project / "_build" / "html"
    old_book.mkdir(parents=True)
    (old_book / "index.html").write_text("previous book", encoding="utf-8")
    venv = Path(sys.prefix)  # the environment running the tests: no reinstall
    result = subprocess.run(
        ["make", "-C", str(project), "book", f"VENV={venv}", "FORMATS=html"],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "chapters/broken.ipynb" in output
    assert "cell 4" in output and "ValueError" in output and "broken on purpose" in output
    assert (old_book / "index.html").read_text(encoding="utf-8") == "previous book"
