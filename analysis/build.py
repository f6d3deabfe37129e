"""Build the book: seeds → tables → papermill → Jupyter Book (HTML and PDF).

Usage (what ``make book`` runs)::

    python -m analysis.build --seeds seeds --build-dir _build [--strict] [--formats html,pdf]

Stages, each in a fresh staging folder ``<build-dir>/.stage``:

1. read and clean the seeds (``analysis.corpus``), extract actors, relations and
   figures (``analysis.extraction``) and write the CSV tables to ``data/``;
2. generate one BibTeX entry per seed and the run manifest (``run.json``);
3. execute every chapter notebook listed in ``_toc.yml`` with papermill, passing
   the parameters, into ``book/chapters/`` (the sources are never modified);
4. run Jupyter Book on the executed copies with execution off, ``-W --keep-going``;
5. only when everything succeeded, move ``html/``, ``pdf/`` and ``data/`` into
   ``<build-dir>`` — a failed build leaves the previous book in place.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import psutil
import vl_convert as vlc
import yaml
from tqdm import tqdm

from analysis import bibliography, buildlock, incremental, manifest, myst
from analysis.charts import VEGA_LITE_VERSION
from analysis.extraction.parallel import available_cores

#: Files copied from the project root into the book source folder.
BOOK_FILES = ("_config.yml", "_toc.yml", "references.bib")
VEGA_BUNDLE = "vega-bundle.js"
SEED_BIB = "_generated/seeds.bib"
#: Hand-made annotations of the original seeds (scored when the seeds folder has them).
GOLD_DIR = Path("tests") / "gold"
OUTPUTS = ("html", "pdf", "data")
#: Marker in a Markdown page replaced by this build's change report.
CHANGES_MARKER = "<!-- changes-table -->"
#: Marker replaced by the bibliography's text and directive (``bibliography_markdown``).
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"


class BuildError(RuntimeError):
    """A build step failed; the message says which and why."""


@dataclass
class BuildConfig:
    root: Path
    seeds: Path
    build_dir: Path
    formats: tuple[str, ...] = ("html", "pdf")
    strict: bool = False
    focus_countries: tuple[str, ...] = ("RU", "CN", "KZ")
    min_mentions: int = 1
    dask_scheduler: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def stage(self) -> Path:
        return self.build_dir / ".stage"


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


class _Timer:
    def __init__(self, config: BuildConfig, name: str) -> None:
        self.config, self.name = config, name

    def __enter__(self) -> None:
        self.start = time.perf_counter()
        log(f"{self.name} …")

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self.start
        self.config.timings[self.name] = elapsed
        if exc[0] is None:
            log(f"{self.name}: done in {elapsed:.1f} s")


def toc_files(toc_path: Path) -> list[str]:
    """Every document named in a jb-book ``_toc.yml``, in reading order."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))

    def walk(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            if "file" in node:
                yield str(node["file"])
            for key in ("parts", "chapters", "sections"):
                for child in node.get(key, []) or []:
                    yield from walk(child)
        elif isinstance(node, list):
            for child in node:
                yield from walk(child)

    return [str(toc["root"]), *walk(toc)]


def _source_file(root: Path, docname: str) -> Path:
    for suffix in (".ipynb", ".md"):
        path = root / f"{docname}{suffix}"
        if path.exists():
            return path
    raise BuildError(f"_toc.yml names {docname!r} but neither {docname}.ipynb nor .md exists")


def prepare_stage(config: BuildConfig) -> Path:
    """A fresh staging folder holding the book sources; returns the book source folder."""
    if config.stage.exists():
        shutil.rmtree(config.stage)
    source = config.stage / "book"
    (config.stage / "data").mkdir(parents=True)
    source.mkdir()
    for name in BOOK_FILES:
        shutil.copy2(config.root / name, source / name)
    static = config.root / "_static"
    if static.is_dir():
        shutil.copytree(static, source / "_static")
    (source / "_static").mkdir(exist_ok=True)
    # Vega, Vega-Lite and vega-embed, vendored so that charts draw offline (no CDN).
    (source / "_static" / VEGA_BUNDLE).write_text(vega_bundle(config), encoding="utf-8")
    return source


def vega_bundle(config: BuildConfig) -> str:
    """The JavaScript of Vega, Vega-Lite and vega-embed, from vl-convert (cached per version)."""
    cached = config.build_dir / "cache" / f"vega-{vlc.__version__}-{VEGA_LITE_VERSION}.js"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    bundle = vlc.javascript_bundle(
        snippet="window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;",
        vl_version=VEGA_LITE_VERSION,
    )
    # Wrapped in a function: the bundle's top-level names (e.g. `_`) clash with Sphinx's globals.
    text = "(function () {\n" + bundle + "\n})();\n"
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text


def extract_data(config: BuildConfig, source: Path) -> list:
    """Read the seeds, extract the tables and write them, the seed BibTeX and the manifest."""
    from analysis.corpus import load_corpus
    from analysis.extraction import extract, write_tables

    data_dir = config.stage / "data"
    started = time.perf_counter()
    corpus = load_corpus(config.seeds)
    config.timings["extract: reading"] = time.perf_counter() - started
    for message in corpus.messages:
        log(f"seed problem: {message}")
    if config.strict and corpus.messages:
        raise BuildError(f"STRICT=1 and {len(corpus.messages)} seed problem(s), listed above")
    usable = [d for d in corpus.documents if d.usable]
    skipped = len(corpus.documents) - len(usable)
    log(
        f"{len(corpus.documents)} seed file(s) read in {config.timings['extract: reading']:.1f} s:"
        f" {len(usable)} usable, {skipped} skipped ({corpus.timing_summary()})"
    )
    tables = extract(
        corpus.documents,
        cache_dir=config.build_dir / "cache" / "extraction",
        scheduler=config.dask_scheduler or None,
    )
    log(
        f"{tables.stats.summary()}; {tables.stats.ner_summary()}; "
        f"{tables.stats.seconds:.1f} s ({tables.stats.where})"
    )
    started = time.perf_counter()
    # Extraction adds problems the reader cannot see (no actor found, unsupported language).
    messages = [*corpus.messages, *extraction_messages(config, corpus.documents, tables)]
    if config.strict and len(messages) > len(corpus.messages):
        raise BuildError(f"STRICT=1 and {len(messages)} seed problem(s), listed above")
    write_tables(tables, data_dir)
    (data_dir / "messages.txt").write_text("".join(f"{m}\n" for m in messages), encoding="utf-8")
    write_sources(corpus.documents, data_dir / "sources.csv")
    write_scores(tables, config.root / GOLD_DIR, data_dir / "scores.csv")
    bibliography.write_seed_bib(corpus.documents, source / SEED_BIB)
    log(f"tables, sources and BibTeX written in {time.perf_counter() - started:.1f} s")
    return corpus.documents


def extraction_messages(config: BuildConfig, documents: list, tables) -> list[str]:
    """One message per seed whose status the extraction changed; statuses kept in step."""
    status = dict(zip(tables.documents["document"], tables.documents["status"], strict=True))
    messages = []
    for document in documents:
        new = status.get(document.id, document.status)
        if new != document.status:
            document.status = new
            messages.append(f"{config.seeds.name}/{document.path.name}: {new}")
            log(f"seed problem: {messages[-1]}")
    return messages


def write_scores(tables, gold_dir: Path, path: Path) -> Path | None:
    """Score the extraction against the hand-made gold, on the seeds the gold covers.

    Seeds the gold does not cover are left out (their extractions cannot be judged);
    with none covered, no score file is written and the appendix says so.
    """
    from analysis.extraction import evaluate

    if not (gold_dir / "actors.csv").exists():
        return None
    gold_docs = set(pd.read_csv(gold_dir / "actors.csv", dtype=str)["document"])
    for name in ("relations.csv", "figures.csv"):
        if (gold_dir / name).exists():
            gold_docs |= set(pd.read_csv(gold_dir / name, dtype=str)["document"])
    covered = sorted(gold_docs & set(tables.documents["document"]))
    if not covered:
        return None

    def only(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["document"].isin(covered)].reset_index(drop=True)

    scored = dataclasses.replace(
        tables,
        documents=only(tables.documents),
        mentions=only(tables.mentions),
        relations=only(tables.relations),
        figures=only(tables.figures),
    )
    scores = evaluate(scored, gold_dir)
    scores.insert(0, "documents", len(covered))
    scores.to_csv(path, index=False, lineterminator="\n")
    return path


SOURCE_COLUMNS = ("publisher", "url", "events_date", "date_precision", "original_reporting")


def write_sources(documents: list, path: Path) -> Path:
    """What the provenance sidecar says of each seed (empty cells where it says nothing)."""
    rows = [
        {"document": d.id, **{c: d.metadata.get(c, "") for c in SOURCE_COLUMNS}}
        for d in sorted(documents, key=lambda d: d.id)
    ]
    pd.DataFrame(rows, columns=["document", *SOURCE_COLUMNS]).to_csv(
        path, index=False, lineterminator="\n"
    )
    return path


def notebook_parameters(config: BuildConfig) -> dict[str, object]:
    return {
        "seeds_dir": str(config.seeds),
        "data_dir": str(config.stage / "data"),
        "focus_countries": list(config.focus_countries),
        "min_mentions": config.min_mentions,
    }


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class _NotebookJob:
    docname: str
    path: Path  # the source notebook
    target: Path  # where the executed copy goes in the book source
    key: str  # its notebook-cache key


def execute_notebooks(config: BuildConfig, source: Path) -> incremental.NotebookCache:
    """Execute every chapter notebook with papermill into the book source folder.

    A chapter whose inputs did not change (see ``analysis.incremental``) is restored
    from the notebook cache instead of being executed again. The others run side by
    side, one kernel per available core (each reads the tables and writes only its own
    files); a failure is reported for the first failing chapter in table-of-contents order.
    """
    parameters = notebook_parameters(config)
    docnames = toc_files(config.root / "_toc.yml")
    cache = incremental.NotebookCache(config.build_dir / "cache" / "notebooks")
    data_key = incremental.data_digest(config.stage / "data")
    code_key = incremental.analysis_digest()
    # Chapter kernels import the project's package from the project root.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(config.root), os.environ.get("PYTHONPATH", "")) if p
    )
    jobs: list[_NotebookJob] = []
    for docname in docnames:
        path = _source_file(config.root, docname)
        target = source / path.relative_to(config.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".ipynb":
            copy_page(path, target, config.stage / "data")
            continue
        key = incremental.notebook_key(path, parameters, data_key, code_key)
        if not cache.restore(key, target, docname):
            jobs.append(_NotebookJob(docname, path, target, key))
    if jobs:
        _run_jobs(config, jobs, parameters, cache)
    log(cache.summary())
    return cache


def _run_jobs(
    config: BuildConfig,
    jobs: list[_NotebookJob],
    parameters: dict,
    cache: incremental.NotebookCache,
) -> None:
    # Processes, not threads: papermill changes the process's working directory.
    workers = min(len(jobs), available_cores())
    bar = tqdm(total=len(jobs), desc="notebooks", unit="nb", file=sys.stderr, disable=None)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_run_job, config, job, parameters) for job in jobs]
        names = {future: job.docname for future, job in zip(futures, jobs, strict=True)}
        try:
            for future in as_completed(futures):
                bar.update(1)
                if future.exception() is not None:  # stop queued chapters, let running end
                    for other in futures:
                        other.cancel()
                    break
                log(f"notebook {names[future]}: executed in {future.result()[1]:.1f} s")
        except KeyboardInterrupt:
            for other in futures:
                other.cancel()
            _stop_kernels()  # the running chapters stop instead of running on
            raise
        finally:
            bar.close()
    for job, future in zip(jobs, futures, strict=True):  # the first failure in toc order
        error = None if future.cancelled() else future.exception()
        if isinstance(error, BuildError):
            raise error
        if error is not None:  # e.g. a worker process killed
            raise BuildError(f"notebook {job.docname} failed: {error!r}")
    for job, future in zip(jobs, futures, strict=True):
        written, seconds = future.result()
        cache.store(job.key, job.target, written, job.target.parent)
        config.timings[f"notebook {job.docname}"] = seconds


def _stop_kernels() -> None:
    """Terminate this process's children (notebook workers and their kernels)."""
    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=10)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()


def _run_job(config: BuildConfig, job: _NotebookJob, parameters: dict) -> tuple[list[Path], float]:
    """Execute one notebook in a folder of its own, then move it and what it wrote into
    the book source; return the files written (besides the notebook) and the seconds."""
    started = time.perf_counter()
    workdir = config.stage / "run" / job.docname
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    executed = workdir / job.path.name
    run_notebook(config, job.path, executed, parameters)
    hide_code(executed)
    written = []
    for path in sorted(p for p in workdir.rglob("*") if p.is_file() and p != executed):
        destination = job.target.parent / path.relative_to(workdir)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, destination)
        written.append(destination)
    shutil.move(executed, job.target)
    shutil.rmtree(workdir, ignore_errors=True)
    return written, time.perf_counter() - started


def copy_page(path: Path, target: Path, data_dir: Path) -> None:
    """Copy a Markdown page; the change-report page gets this build's change table, the
    bibliography its selection of seeds (all of them, or the cited ones when many)."""
    text = path.read_text(encoding="utf-8")
    if CHANGES_MARKER in text:
        text = text.replace(CHANGES_MARKER, incremental.changes_markdown(data_dir, myst.escape))
    if BIBLIOGRAPHY_MARKER in text:
        seeds = len(pd.read_csv(data_dir / "sources.csv", usecols=["document"]))
        text = text.replace(BIBLIOGRAPHY_MARKER, bibliography.bibliography_markdown(seeds))
    target.write_text(text, encoding="utf-8")


def run_notebook(config: BuildConfig, path: Path, target: Path, parameters: dict) -> None:
    try:
        papermill.execute_notebook(
            str(path),
            str(target),
            parameters=parameters,
            cwd=str(target.parent),
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
        )
    except papermill.PapermillExecutionError as error:
        number = _source_cell_number(target, error.cell_index)
        first_line = (error.source or "").strip().splitlines()[:1]
        raise BuildError(
            f"notebook {_relative(path, config.root)} failed in cell {number} "
            f"(counting from 1, starting {first_line[0][:60]!r}): "
            f"{error.ename}: {error.evalue}"
            if first_line
            else f"notebook {_relative(path, config.root)} failed in cell {number}: "
            f"{error.ename}: {error.evalue}"
        ) from None
    except Exception as error:  # kernel died, bad notebook JSON, missing parameters cell…
        raise BuildError(f"notebook {_relative(path, config.root)} failed: {error}") from None


def _source_cell_number(executed: Path, index: int) -> int:
    """1-based number, in the source notebook, of cell ``index`` of the executed copy.

    papermill inserts its injected-parameters cell, which the source does not have.
    """
    try:
        cells = nbformat.read(executed, as_version=4).cells[:index]
    except (OSError, ValueError):
        return index + 1
    injected = sum("injected-parameters" in c.metadata.get("tags", []) for c in cells)
    return index - injected + 1


def hide_code(path: Path) -> None:
    """Readers see results, not code: remove code inputs and papermill's injected cell.

    The code stays in the notebook sources in ``chapters/`` and in ``analysis/``.
    """
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        if tags & {"injected-parameters", "parameters"}:
            tags.add("remove-cell")
        else:
            tags.add("remove-input")
        cell.metadata["tags"] = sorted(tags)
    nbformat.write(notebook, path)


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
    needed = {"html": config.build_dir / "html" / "index.html", "pdf": config.build_dir / "pdf"}
    return all(
        (needed[f] if f == "html" else needed[f] / "book.pdf").exists() for f in config.formats
    )


def build_outputs(config: BuildConfig, source: Path) -> None:
    """HTML and PDF, built at the same time (each Sphinx run takes one core)."""
    if "pdf" in config.formats and (
        shutil.which("xelatex") is None or shutil.which("latexmk") is None
    ):
        raise BuildError(
            "xelatex/latexmk not found: install TeX Live (make book does it with apt-get)"
        )
    builders = [b for f, b in (("html", "html"), ("pdf", "pdflatex")) if f in config.formats]
    name = " and ".join(f for f in ("html", "pdf") if f in config.formats)
    with _Timer(config, name.replace(" and ", "+")):
        started = [(b, *start_jupyter_book(config, source, b)) for b in builders]
        try:
            built = {b: finish_jupyter_book(config, b, proc, path) for b, proc, path in started}
        finally:
            for _, process, _ in started:  # on failure or interruption, stop the other
                if process.poll() is None:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(process.pid, signal.SIGTERM)
                    process.wait()
        if "html" in built:
            shutil.copytree(built["html"] / "html", config.stage / "html")
        if "pdflatex" in built:
            pdfs = sorted((built["pdflatex"] / "latex").glob("*.pdf"))
            if not pdfs:
                raise BuildError("the LaTeX build produced no PDF")
            (config.stage / "pdf").mkdir()
            shutil.copy2(pdfs[0], config.stage / "pdf" / "book.pdf")


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


def build(config: BuildConfig) -> None:
    if not config.seeds.is_dir():
        raise BuildError(f"seeds folder not found: {config.seeds}")
    with buildlock.exclusive(config.build_dir, config.seeds):
        _build(config)


def _build(config: BuildConfig) -> None:
    with _Timer(config, "prepare"):
        source = prepare_stage(config)
    with _Timer(config, "extract"):
        documents = extract_data(config, source)
    parameters = notebook_parameters(config)
    shown = {
        **parameters,
        "seeds_dir": _relative(config.seeds, config.root),
        "data_dir": _relative(config.build_dir / "data", config.root),
    }
    data_dir = config.stage / "data"
    previous_data = config.build_dir / "data"
    manifest.write_manifest(manifest.build_manifest(shown, documents), data_dir)
    incremental.write_changes(previous_data if previous_data.is_dir() else None, data_dir)
    with _Timer(config, "notebooks"):
        execute_notebooks(config, source)
    fingerprint = incremental.book_fingerprint(source) + ":" + ",".join(sorted(config.formats))
    if outputs_current(config, fingerprint):
        log("book sources unchanged since the published book: HTML and PDF kept as they are")
    else:
        build_outputs(config, source)
    publish(config)
    incremental.write_fingerprint(config.build_dir, fingerprint)
    usable = sum(d.usable for d in documents)
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in config.timings.items() if " " not in k)
    log(
        f"book built in {config.build_dir}: {len(documents)} seed(s), "
        f"{len(documents) - usable} skipped; {stages}"
    )


def parse_args(argv: list[str] | None = None) -> BuildConfig:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root")
    parser.add_argument("--seeds", type=Path, default=None, help="seeds folder (default: seeds/)")
    parser.add_argument("--build-dir", type=Path, default=None, help="default: <root>/_build")
    parser.add_argument("--formats", default="html,pdf", help="comma-separated: html,pdf")
    parser.add_argument("--strict", action="store_true", help="any seed problem fails the build")
    parser.add_argument("--focus-countries", default="RU,CN,KZ")
    parser.add_argument("--min-mentions", type=int, default=1)
    parser.add_argument(
        "--dask-scheduler",
        default="",
        help="address of a Dask scheduler (tcp://host:8786) to run the extraction on",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = set(formats) - {"html", "pdf"}
    if unknown:
        parser.error(f"unknown format(s): {', '.join(sorted(unknown))}")
    return BuildConfig(
        root=root,
        seeds=(args.seeds or root / "seeds").resolve(),
        build_dir=(args.build_dir or root / "_build").resolve(),
        formats=formats,
        strict=args.strict,
        focus_countries=tuple(c.strip().upper() for c in args.focus_countries.split(",") if c),
        min_mentions=args.min_mentions,
        dask_scheduler=args.dask_scheduler,
    )


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    try:
        build(config)
    except (BuildError, buildlock.BuildLocked) as error:
        print(f"[build] FAILED: {error}", file=sys.stderr, flush=True)
        print("[build] the previous book (if any) was left unchanged", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("[build] interrupted; the previous book was left unchanged", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
