"""Issue 6, "Atomic and deterministic".

* Two builds of the same seeds (in two processes with different hash seeds, into two
  fresh build folders) give byte-identical CSV tables and identical chart specifications.
  The seeds are the broken + hostile folder: its book is already built for the other
  tests, so this costs one extra HTML-only build.
* A build that fails in a notebook, and a build interrupted with SIGINT, leave the
  previous book (``html/``, ``pdf/``, ``data/``) byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.book.test_failures import make_project
from tests.robustness.conftest import ROOT, SeedBook, clean_env, html_pages, run_build
from tests.robustness.test_hostile_seeds import vega_specs

pytestmark = pytest.mark.e2e

PUBLISHED = ("html", "pdf", "data")


def tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def published(build_dir: Path) -> dict[str, dict[str, str]]:
    return {name: tree_digest(build_dir / name) for name in PUBLISHED}


def first_difference(a: bytes, b: bytes) -> str:
    lines_a, lines_b = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    for n, (x, y) in enumerate(zip(lines_a, lines_b, strict=False), start=1):
        if x != y:
            return f"line {n}:\n  - {x[:300]}\n  + {y[:300]}"
    return f"{len(lines_a)} lines against {len(lines_b)}"


@pytest.fixture(scope="module")
def second_build(hostile_book: SeedBook, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile seeds built again (HTML only), in another process with another hash seed."""
    build_dir = tmp_path_factory.mktemp("hostile-again") / "_build"
    result = run_build(
        "--seeds",
        str(hostile_book.seeds.path),
        "--build-dir",
        str(build_dir),
        "--formats",
        "html",
        env=clean_env(PYTHONHASHSEED="12345"),
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
    return build_dir


def test_two_builds_give_byte_identical_csv_tables(hostile_book: SeedBook, second_build: Path):
    first = {p.name: p.read_bytes() for p in sorted(hostile_book.data.glob("*.csv"))}
    second = {p.name: p.read_bytes() for p in sorted((second_build / "data").glob("*.csv"))}
    assert len(first) >= 6, f"too few tables: {sorted(first)}"
    assert sorted(first) == sorted(second), "the two builds wrote different tables"
    different = {
        name: first_difference(first[name], second[name])
        for name in first
        if first[name] != second[name]
    }
    assert not different, f"tables differ between two builds of the same seeds: {different}"
    # The data written next to the pages (chart and table CSV downloads) too.
    for folder in ("html/_downloads",):
        a = {Path(k).name: v for k, v in tree_digest(hostile_book.build_dir / folder).items()}
        b = {Path(k).name: v for k, v in tree_digest(second_build / folder).items()}
        assert a == b, f"{folder}: {sorted(set(a.items()) ^ set(b.items()))[:6]}"


def test_two_builds_give_identical_chart_specifications(
    hostile_book: SeedBook, second_build: Path
) -> None:
    charts = 0
    for page in html_pages(hostile_book.html):
        name = page.relative_to(hostile_book.html)
        first, second = vega_specs(page), vega_specs(second_build / "html" / name)
        assert sorted(first) == sorted(second), f"{name}: different charts"
        for chart in first:
            assert first[chart] == second[chart], f"{name}: chart {chart} differs between builds"
        charts += len(first)
    assert charts >= 8, f"only {charts} charts compared"


# --- atomic ------------------------------------------------------------------------------


def live_children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.fixture
def previous_book(hostile_book: SeedBook, tmp_path: Path) -> Path:
    """A copy of a finished build folder for a build to fail into (without its caches, so that
    the notebooks run again)."""
    build_dir = tmp_path / "_build"
    shutil.copytree(
        hostile_book.build_dir, build_dir, symlinks=True, ignore=shutil.ignore_patterns("cache")
    )
    return build_dir


def test_failing_notebook_leaves_the_previous_book_intact(
    previous_book: Path, hostile_book: SeedBook, tmp_path: Path
) -> None:
    before = published(previous_book)
    index = (previous_book / "html" / "index.html").read_bytes()
    project = make_project(tmp_path)  # tests/book's copy of the project, with a broken chapter
    result = run_build(
        "--root",
        str(project),
        "--seeds",
        str(hostile_book.seeds.path),
        "--build-dir",
        str(previous_book),
        "--formats",
        "html",
        cwd=project,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "chapters/broken.ipynb" in output and "cell 4" in output, output[-3000:]
    assert "broken on purpose" in output
    assert (previous_book / "html" / "index.html").read_bytes() == index
    assert published(previous_book) == before, "the failed build changed the published book"
    leftovers = [p.name for p in previous_book.iterdir() if p.name.startswith(".old-")]
    assert not leftovers, f"half-swapped outputs left behind: {leftovers}"


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_interrupted_build_leaves_the_previous_book_intact(
    previous_book: Path, hostile_book: SeedBook
) -> None:
    before = published(previous_book)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "analysis.build",
            "--seeds",
            str(hostile_book.seeds.path),
            "--build-dir",
            str(previous_book),
            "--formats",
            "html",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=clean_env(),
        # As from a terminal: a job started in the background of a script inherits SIGINT
        # ignored, and Python then never raises KeyboardInterrupt.
        preexec_fn=_default_sigint,
    )
    seen: list[str] = []
    children: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 300
        assert process.stdout is not None
        for line in process.stdout:
            seen.append(line)
            if "[build] notebooks" in line:
                break
            assert time.monotonic() < deadline, "the build never reached the notebooks"
        else:
            pytest.fail("the build ended before its notebooks:\n" + "".join(seen)[-3000:])
        # Interrupt while a chapter's kernel is running.
        while not any("kernel" in " ".join(c.cmdline()) for c in live_children(process.pid)):
            assert time.monotonic() < deadline, "no notebook kernel ever started"
            time.sleep(0.2)
        time.sleep(1)
        children = live_children(process.pid)
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=120)
        seen.append(rest)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = "".join(seen)
    assert process.returncode != 0, f"an interrupted build exited 0:\n{output[-3000:]}"
    assert "interrupted" in output, output[-3000:]
    assert published(previous_book) == before, "the interrupted build changed the published book"
    _, alive = psutil.wait_procs(children, timeout=15)
    for child in alive:  # ours: started by the build this test started
        child.kill()
    assert not alive, f"processes left running after the interrupt: {[c.pid for c in alive]}"
