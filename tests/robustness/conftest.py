"""Fixtures for the robustness tests: seed folders generated at test time, and their books.

Full builds are few and shared (each costs about a minute):

* ``hostile_book``: ONE build (HTML and PDF) of a folder mixing every broken seed of
  issue 6 with hostile seeds; used by the broken-seed, hostile-seed and reader tests;
* ``other_book``: ONE build of a folder of other articles (other firms, other countries,
  English and French), for issue 4's "a different seed folder gives a different book";
* the determinism test builds the hostile folder once more (HTML only) and compares.

The main book (``tests/book``'s ``built_book``) is not imported here: a fixture imported
into a second conftest is a second fixture, and ``make test`` would build the book twice.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.book.conftest import BookPaths
from tests.fixtures.builds import run_build
from tests.robustness.seedgen import (
    SeedFolder,
    copy_fixture_articles,
    make_broken_hostile_seeds,
    snapshot,
)

ROOT = Path(__file__).resolve().parents[2]

#: Articles written for these tests: other firms, other countries (tests/fixtures/).
OTHER_ARTICLES = [
    "en_stellantis_leapmotor.txt",
    "en_indonesia_nickel.txt",
    "fr_byd_turquie.txt",
    "fr_chery_barcelone.txt",
    "provenance.csv",
    "study.yaml",
]


@dataclass
class SeedBook(BookPaths):
    """A book built from a generated seeds folder, with what the folder held around the build."""

    seeds: SeedFolder
    build_dir: Path
    log: str
    returncode: int
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    outside_before: dict = field(default_factory=dict)
    outside_after: dict = field(default_factory=dict)


def build_seeds(folder: SeedFolder, build_dir: Path, formats: str = "html,pdf") -> SeedBook:
    before, outside_before = snapshot(folder.path), snapshot(folder.outside)
    result = run_build(
        "--seeds", str(folder.path), "--build-dir", str(build_dir), "--formats", formats
    )
    book = SeedBook(
        folder,
        build_dir,
        result.stdout + result.stderr,
        result.returncode,
        before,
        snapshot(folder.path),
        outside_before,
        snapshot(folder.outside),
    )
    assert result.returncode == 0, (
        f"the book build from {folder.path} failed (exit {result.returncode}):\n{book.log[-6000:]}"
    )
    return book


@pytest.fixture(scope="session")
def hostile_seeds(tmp_path_factory: pytest.TempPathFactory) -> SeedFolder:
    """The broken + hostile seeds folder (generated once per session)."""
    return make_broken_hostile_seeds(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def hostile_book(hostile_seeds: SeedFolder, tmp_path_factory: pytest.TempPathFactory) -> SeedBook:
    """The book (HTML and PDF) built from the broken + hostile seeds folder."""
    return build_seeds(hostile_seeds, tmp_path_factory.mktemp("hostile-book") / "_build")


@pytest.fixture(scope="session")
def other_seeds(tmp_path_factory: pytest.TempPathFactory) -> SeedFolder:
    root = tmp_path_factory.mktemp("other")
    seeds = copy_fixture_articles(OTHER_ARTICLES, root / "seeds")
    (root / "outside").mkdir()
    return SeedFolder(seeds, root / "outside", root / "unused")


@pytest.fixture(scope="session")
def other_book(other_seeds: SeedFolder, tmp_path_factory: pytest.TempPathFactory) -> SeedBook:
    """The book (HTML and PDF) built from articles about other firms and countries."""
    return build_seeds(other_seeds, tmp_path_factory.mktemp("other-book") / "_build")


@pytest.fixture(scope="session")
def main_book_seeds() -> Path:
    return ROOT / "seeds"


def html_pages(html: Path) -> list[Path]:
    """Every page of an HTML book (static assets left out)."""
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)


def clean_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


@dataclass
class PageVisit:
    """What a headless Chromium saw on one page of a built book."""

    path: Path
    errors: list[str]
    blocked: list[str]
    dialogs: list[str]
    pwned: str  # typeof window.__pwned once the page settled
    text: str  # document.body.innerText
    charts: int
    drawn: int


def visit_pages(html: Path) -> dict[str, PageVisit]:
    """Open every page of an HTML book from disk (network cut off); page path -> visit."""
    from tests.book import chrome

    visits = {}
    with chrome.browser() as browser:
        for path in html_pages(html):
            page, report = chrome.open_page(browser, path)
            # Charts draw asynchronously: wait (bounded) for each to have its marks; the
            # ones that never do are counted below and reported by the tests.
            with contextlib.suppress(PlaywrightTimeout):
                page.wait_for_function(
                    """() => [...document.querySelectorAll('.report-chart')].every(
                        c => c.querySelector('svg .role-mark, canvas'))""",
                    timeout=10_000,
                )
            visits[path.relative_to(html).as_posix()] = PageVisit(
                path,
                list(report.errors),
                list(report.blocked),
                list(report.dialogs),
                page.evaluate("() => typeof window.__pwned"),
                page.inner_text("body"),
                page.locator(".report-chart").count(),
                page.evaluate(
                    """() => [...document.querySelectorAll('.report-chart')].filter(
                        c => c.querySelector('svg .role-mark, canvas')).length"""
                ),
            )
            page.context.close()
    return visits


@pytest.fixture(scope="session")
def hostile_visits(hostile_book: SeedBook) -> dict[str, PageVisit]:
    """Every page of the hostile book, as Chromium saw it (one browser pass per session)."""
    return visit_pages(hostile_book.html)
