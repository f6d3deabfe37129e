"""A build with nothing to do stops at once; any change to an input builds again."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from analysis import nochange
from analysis.buildconfig import BuildConfig
from tests.fixtures.builds import run_build

ROOT = Path(__file__).resolve().parents[2]


def config_for(root: Path, seeds: Path, build_dir: Path, **kw) -> BuildConfig:
    return BuildConfig(root=root, seeds=seeds, build_dir=build_dir, **kw)


def project(tmp_path: Path) -> Path:
    """A small stand-in project root: the inputs the digest reads."""
    root = tmp_path / "project"
    (root / "analysis").mkdir(parents=True)
    (root / "analysis" / "code.py").write_text("x = 1\n", encoding="utf-8")
    (root / "analysis" / "__pycache__").mkdir()
    (root / "chapters").mkdir()
    (root / "chapters" / "a.ipynb").write_text("{}", encoding="utf-8")
    (root / "_toc.yml").write_text("root: a\n", encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "seeds" / "one.txt").write_text("Un article.\n", encoding="utf-8")
    return root


def test_the_digest_follows_every_input_and_nothing_else(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = config_for(root, root / "seeds", tmp_path / "_build")
    first = nochange.inputs_digest(config)
    assert nochange.inputs_digest(config) == first
    # Compiled files and the build folder are not inputs.
    (root / "analysis" / "__pycache__" / "code.cpython.pyc").write_bytes(b"\0")
    assert nochange.inputs_digest(config) == first
    changes = [
        lambda: (root / "seeds" / "one.txt").write_text("Un article!\n", encoding="utf-8"),
        lambda: (root / "seeds" / "two.txt").write_text("", encoding="utf-8"),
        lambda: (root / "analysis" / "code.py").write_text("x = 2\n", encoding="utf-8"),
        lambda: (root / "chapters" / "a.ipynb").write_text("{ }", encoding="utf-8"),
        lambda: (root / "_toc.yml").write_text("root: b\n", encoding="utf-8"),
    ]
    seen = {first}
    for change in changes:
        change()
        digest = nochange.inputs_digest(config)
        assert digest not in seen
        seen.add(digest)
    other = config_for(root, root / "seeds", tmp_path / "_build", formats=("html",))
    assert nochange.inputs_digest(other) not in seen  # a parameter is an input too


def test_unchanged_needs_the_recorded_digest_and_every_output(tmp_path: Path) -> None:
    root = project(tmp_path)
    build_dir = tmp_path / "_build"
    config = config_for(root, root / "seeds", build_dir)
    digest = nochange.inputs_digest(config)
    build_dir.mkdir()
    nochange.record(config, digest)
    assert not nochange.unchanged(config, digest)  # nothing published yet
    (build_dir / "html").mkdir()
    (build_dir / "html" / "index.html").write_text("", encoding="utf-8")
    (build_dir / "data").mkdir()
    assert not nochange.unchanged(config, digest)  # the PDF is asked for and missing
    (build_dir / "pdf").mkdir()
    (build_dir / "pdf" / "book.pdf").write_bytes(b"%PDF")
    assert nochange.unchanged(config, digest)
    assert not nochange.unchanged(config, "0" * 64)


def build(seeds: Path, build_dir: Path) -> subprocess.CompletedProcess:
    return run_build("--formats", "html", "--seeds", str(seeds), "--build-dir", str(build_dir))


def test_a_second_build_with_nothing_changed_keeps_the_book(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0], seeds)
    build_dir = tmp_path / "_build"
    assert build(seeds, build_dir).returncode == 0
    page = build_dir / "html" / "index.html"
    before = page.stat().st_mtime_ns
    again = build(seeds, build_dir)
    assert again.returncode == 0 and "nothing changed since the book" in again.stdout
    assert page.stat().st_mtime_ns == before
    # One changed byte in a seed: a real build again.
    seed = next(seeds.iterdir())
    seed.write_bytes(seed.read_bytes() + b"\n")
    third = build(seeds, build_dir)
    assert third.returncode == 0 and "book built in" in third.stdout, third.stdout[-2000:]


def test_the_change_page_is_never_a_stale_cached_copy(tmp_path: Path) -> None:
    # Builds 1 and 3 have the same tables, so every chapter comes from the notebook
    # cache at build 3, except the change page: its report (a seed removed) is new.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    first, second = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    shutil.copy(first, seeds)
    build_dir = tmp_path / "_build"
    page = build_dir / "html" / "chapters" / "changes.html"
    assert build(seeds, build_dir).returncode == 0
    assert "This is the first build in this build folder" in page.read_text(encoding="utf-8")
    shutil.copy(second, seeds)
    assert build(seeds, build_dir).returncode == 0
    assert "documents: 1 added" in page.read_text(encoding="utf-8")
    (seeds / second.name).unlink()
    third = build(seeds, build_dir)
    assert third.returncode == 0, third.stdout[-2000:]
    text = page.read_text(encoding="utf-8")
    assert "documents: 1 removed" in text and second.stem in text
