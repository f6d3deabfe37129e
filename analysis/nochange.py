"""Deciding "nothing changed" before anything heavy is imported.

A build's result depends only on its inputs: the seeds, the project's code and data
(``analysis/``), the chapters and book configuration, the parameters, and the installed
packages. :func:`inputs_digest` hashes all of them with the standard library alone; when
the published book was built from the same digest and its outputs are all there, the
build has nothing to do and stops before pandas, spaCy, papermill or Sphinx are imported.
Anything else (one byte of one seed, a package upgrade, another format) builds as usual,
and the stage caches still make that build cost only what changed.
"""

from __future__ import annotations

import hashlib
import sys
from importlib import metadata
from pathlib import Path

from analysis.buildconfig import OUTPUTS, BuildConfig

DIGEST_NAME = ".inputs-digest"
#: What of the project root shapes the book (folders are read whole).
PROJECT_INPUTS = (
    "analysis",
    "chapters",
    "_static",
    "_config.yml",
    "_toc.yml",
    "references.bib",
    "requirements.txt",
    "requirements-models.txt",
)
SKIPPED = {"__pycache__", ".ipynb_checkpoints"}


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(p for p in path.rglob("*") if p.is_file() and not SKIPPED.intersection(p.parts))


def inputs_digest(config: BuildConfig) -> str:
    """SHA-256 of everything the book is built from (see the module's text)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    parameters = (
        config.formats,
        config.strict,
        config.focus_countries,
        config.min_mentions,
        config.study,
        str(config.seeds),
        str(config.build_dir),
    )
    add("parameters", repr(parameters).encode())
    add("python", sys.version.encode())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    add("packages", "\n".join(packages).encode())
    for name in PROJECT_INPUTS:
        for path in _files(config.root / name):
            add(path.relative_to(config.root).as_posix(), path.read_bytes())
    for path in _files(config.seeds):
        add("seeds/" + path.relative_to(config.seeds).as_posix(), path.read_bytes())
    return digest.hexdigest()


def published(config: BuildConfig) -> bool:
    """Whether every output of the requested formats is in the build folder."""
    wanted = {"html": config.build_dir / "html" / "index.html", "data": config.build_dir / "data"}
    if "pdf" in config.formats:
        wanted["pdf"] = config.build_dir / "pdf" / "book.pdf"
    if "html" not in config.formats:
        wanted.pop("html")
    return all(path.exists() for name, path in wanted.items() if name in OUTPUTS)


def unchanged(config: BuildConfig, digest: str) -> bool:
    """Whether the published book was built from exactly these inputs."""
    path = config.build_dir / DIGEST_NAME
    recorded = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    return recorded == digest and published(config)


def record(config: BuildConfig, digest: str) -> None:
    """Remember the inputs of the book just published."""
    (config.build_dir / DIGEST_NAME).write_text(digest + "\n", encoding="utf-8")
