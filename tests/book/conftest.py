"""Fixtures for the book tests: one end-to-end build from seeds/, shared by the module tests."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fixtures.builds import run_build

ROOT = Path(__file__).resolve().parents[2]


class BookPaths:
    """Where a build put its outputs (for any object with a ``build_dir``)."""

    build_dir: Path

    @property
    def html(self) -> Path:
        return self.build_dir / "html"

    @property
    def pdf(self) -> Path:
        return self.build_dir / "pdf" / "book.pdf"

    @property
    def data(self) -> Path:
        return self.build_dir / "data"


@dataclass
class BuiltBook(BookPaths):
    build_dir: Path
    log: str
    git_status_before: str
    git_status_after: str


def git_status() -> str:
    result = subprocess.run(
        ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return result.stdout if result.returncode == 0 else f"<git failed: {result.stderr}>"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> BuiltBook:
    """The book built from seeds/ into a temporary folder (HTML and PDF)."""
    build_dir = tmp_path_factory.mktemp("book") / "_build"
    before = git_status()
    result = run_build("--seeds", str(ROOT / "seeds"), "--build-dir", str(build_dir))
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"the book build failed:\n{log[-5000:]}"
    return BuiltBook(build_dir, log, before, git_status())
