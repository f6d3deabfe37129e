"""Running Jupyter Book on the executed notebooks, and publishing what it built.

HTML and PDF are built side by side with ``-W --keep-going`` and execution off; only
when every format succeeded are ``html/``, ``pdf/`` and ``data/`` moved into the build
folder, so that a failed build leaves the previous book in place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from analysis import downloads, incremental, myst, nochange
from analysis.buildconfig import OUTPUTS, BuildConfig, BuildError


def start_jupyter_book(
    config: BuildConfig, source: Path, builder: str
) -> tuple[subprocess.Popen, Path]:
    """Start Jupyter Book (execution off, warnings are errors) with one builder, in an
    output folder of its own, so that the HTML and PDF builds can run side by side."""
    executable = Path(sys.executable).with_name("jupyter-book")
    command = [
        str(executable),
        "build",
        str(source),
        "--builder",
        builder,
        "--path-output",
        str(config.stage / f"jb-{builder}"),
        "--warningiserror",
        "--keep-going",
    ]
    log_path = config.stage / f"jupyter-book-{builder}.log"
    with log_path.open("w", encoding="utf-8") as out:
        # A session of its own, so that stopping it stops its LaTeX runs too.
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    return process, log_path


def finish_jupyter_book(
    config: BuildConfig, builder: str, process: subprocess.Popen, log_path: Path
) -> Path:
    """Wait for a build started by :func:`start_jupyter_book`; its ``_build`` folder."""
    if process.wait() != 0:
        output = log_path.read_text(encoding="utf-8", errors="replace")
        problems = [
            line
            for line in output.splitlines()
            if "WARNING" in line or "ERROR" in line or "Error" in line
        ]
        detail = "\n".join(problems[-30:]) or output[-3000:]
        raise BuildError(f"jupyter-book ({builder}) failed; see {log_path}:\n{detail}")
    return config.stage / f"jb-{builder}" / "_build"


def outputs_current(config: BuildConfig, fingerprint: str) -> bool:
    """True when the published book was built from byte-identical sources."""
    if incremental.read_fingerprint(config.build_dir) != fingerprint:
        return False
    return nochange.published(config)


def build_outputs(config: BuildConfig, source: Path) -> None:
    """HTML and PDF, built at the same time (each Sphinx run takes one core)."""
    if "pdf" in config.formats and (
        shutil.which("xelatex") is None or shutil.which("latexmk") is None
    ):
        raise BuildError(
            "xelatex/latexmk not found: install TeX Live (make book does it with apt-get)"
        )
    builders = [b for f, b in (("html", "html"), ("pdf", "pdflatex")) if f in config.formats]
    started = [(b, *start_jupyter_book(config, source, b)) for b in builders]
    try:
        built = {b: finish_jupyter_book(config, b, proc, path) for b, proc, path in started}
    finally:
        for _, process, _ in started:  # on failure or interruption, stop the other
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                process.wait()
    pdf = None
    if "pdflatex" in built:
        pdfs = sorted((built["pdflatex"] / "latex").glob("*.pdf"))
        if not pdfs:
            raise BuildError("the LaTeX build produced no PDF")
        (config.stage / "pdf").mkdir()
        pdf = config.stage / "pdf" / "book.pdf"
        shutil.copy2(pdfs[0], pdf)
    if "html" in built:
        shutil.copytree(built["html"] / "html", config.stage / "html")
        # the first page links them (analysis.downloads)
        downloads.add_downloads(
            config.stage / "html",
            config.stage / "data",
            pdf,
            source / "chapters" / myst.DATA_FOLDER,
        )


def publish(config: BuildConfig) -> None:
    """Swap the staged outputs into place, only now that the whole build succeeded."""
    for name in OUTPUTS:
        new = config.stage / name
        if not new.exists():
            continue
        target = config.build_dir / name
        old = config.build_dir / f".old-{name}"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            target.rename(old)
        new.rename(target)
        if old.exists():
            shutil.rmtree(old)
    shutil.rmtree(config.stage, ignore_errors=True)
