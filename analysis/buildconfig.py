"""What every build stage shares: the configuration, the error it raises, its log line.

The stages (:mod:`~analysis.datastage`, :mod:`~analysis.notebooks`,
:mod:`~analysis.jupyterbook`) take a :class:`BuildConfig`; :mod:`~analysis.build`
reads it from the command line and runs them in order.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus.study import DEFAULT_FOCUS, Study

#: What a build publishes into ``<build-dir>``.
OUTPUTS = ("html", "pdf", "data")


class BuildError(RuntimeError):
    """A build step failed; the message says which and why."""


@dataclass(frozen=True)
class BuildConfig:
    """What a build is asked to do: read once from the command line, never changed."""

    root: Path
    seeds: Path
    build_dir: Path
    formats: tuple[str, ...] = ("html", "pdf")
    strict: bool = False
    focus_countries: tuple[str, ...] = DEFAULT_FOCUS
    min_mentions: int = 1
    dask_scheduler: str = ""
    #: The seeds folder's study settings (``study.yaml``): title, countries, period.
    study: Study = field(default_factory=Study)

    @property
    def stage(self) -> Path:
        return self.build_dir / ".stage"


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


class Timer:
    """Times a stage into ``timings`` (the build's report), with a log line at each end."""

    def __init__(self, timings: dict[str, float], name: str) -> None:
        self.timings, self.name = timings, name

    def __enter__(self) -> None:
        self.start = time.perf_counter()
        log(f"{self.name} …")

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self.start
        self.timings[self.name] = elapsed
        if exc[0] is None:
            log(f"{self.name}: done in {elapsed:.1f} s")


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


SEED_BIB = "_generated/seeds.bib"
