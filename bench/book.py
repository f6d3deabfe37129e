"""Benchmark: our book build against Jupyter Book executing the same notebooks itself.

    python -m bench.book [--runs 3] [--keep]      (make bench-book)

On the five default seeds, HTML only, each measured ``--runs`` times (median kept):

* **cold**: ours is ``python -m analysis.build`` into a fresh build folder (no cache: it
  reads the seeds, extracts the tables, executes the chapters and runs Sphinx); the peer
  is ``jupyter-book build`` with ``execute_notebooks: force`` on a copy of the book whose
  chapters read the tables ours wrote (same tables, same sources), from a fresh
  ``_build`` each time;
* **no-change**: ours is the same build run again into the same folder; the peer is
  ``jupyter-book build`` with ``execute_notebooks: cache`` run again after a first build.

Prints ``cold x<ratio>`` and ``no-change x<ratio>``, ours over the peer's (targets: 0.8
or less, and 1.0 or less). Everything happens in a temporary folder, removed at the end
unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"cold": 0.8, "no-change": 1.0}


def timed(command: list[str], env: dict | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{(result.stdout + result.stderr)[-3000:]}")
    return seconds


def ours(build_dir: Path) -> list[str]:
    return [sys.executable, "-m", "analysis.build", "--seeds", str(ROOT / "seeds"),
            "--build-dir", str(build_dir), "--formats", "html"]  # fmt: skip


def peer_book(work: Path, data: Path, mode: str) -> Path:
    """A copy of the book that Jupyter Book executes itself, reading ``data``."""
    import pandas as pd

    from analysis.bibliography import write_seed_bib
    from analysis.bookmeta import write_book_meta
    from analysis.corpus import load_corpus
    from analysis.corpus.study import read_study

    book = work / f"peer-{mode}"
    shutil.rmtree(book, ignore_errors=True)
    book.mkdir(parents=True)
    for name in ("_toc.yml", "references.bib"):
        shutil.copy2(ROOT / name, book / name)
    shutil.copytree(ROOT / "chapters", book / "chapters")
    shutil.copytree(ROOT / "_static", book / "_static")
    write_seed_bib(load_corpus(ROOT / "seeds").documents, book / "_generated" / "seeds.bib")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": mode, "timeout": 300}
    (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    entities = pd.read_csv(data / "entities.csv", dtype=str)
    write_book_meta(book, read_study(ROOT / "seeds"), entities, with_pdf=False)
    # The chapters' default parameters read ../_build/data: the tables ours wrote.
    shutil.copytree(data, book / "_build" / "data")
    return book


def peer(book: Path) -> list[str]:
    executable = Path(sys.executable).with_name("jupyter-book")
    return [str(executable), "build", str(book), "--builder", "html"]


def clean_peer(book: Path) -> None:
    for name in ("html", "jupyter_execute", ".doctrees", ".jupyter_cache"):
        shutil.rmtree(book / "_build" / name, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-book-"))
    # The peer's kernels import the project's package, as ours do.
    paths = [str(ROOT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    names = ("ours cold", "ours no-change", "peer cold", "peer no-change")
    times: dict[str, list[float]] = {name: [] for name in names}
    try:
        for run in range(args.runs):
            build_dir = work / f"ours-{run}"
            times["ours cold"].append(timed(ours(build_dir)))
        data = work / f"ours-{args.runs - 1}" / "data"
        for _ in range(args.runs):
            times["ours no-change"].append(timed(ours(work / f"ours-{args.runs - 1}")))
        cold = peer_book(work, data, "force")
        for _ in range(args.runs):
            clean_peer(cold)
            times["peer cold"].append(timed(peer(cold), env))
        cached = peer_book(work, data, "cache")
        timed(peer(cached), env)  # fills Jupyter Book's cache
        for _ in range(args.runs):
            times["peer no-change"].append(timed(peer(cached), env))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {args.runs} runs each, medians")  # fmt: skip
    for name, values in times.items():
        print(f"  {name:15} {median[name]:7.2f} s   ({', '.join(f'{v:.2f}' for v in values)})")
    for kind, target in TARGETS.items():
        ratio = median[f"ours {kind}"] / median[f"peer {kind}"]
        verdict = "meets" if ratio <= target else "misses"
        print(f"{kind} x{ratio:.2f} (target {target} or less: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
