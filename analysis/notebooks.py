"""Executing the chapter notebooks: papermill, in parallel, each in a folder of its own.

Each chapter listed in ``_toc.yml`` runs with the build's parameters into the staging
book folder (the sources are never modified); a notebook whose inputs did not change is
taken from the cache (:mod:`~analysis.incremental`). Code cells are hidden afterwards.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.util
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill
import psutil
import yaml
from tqdm import tqdm

from analysis import incremental
from analysis.buildconfig import BuildConfig, BuildError, log, relative
from analysis.extraction.parallel import available_cores


def notebook_parameters(config: BuildConfig) -> dict[str, object]:
    return {
        "seeds_dir": str(config.seeds),
        "data_dir": str(config.stage / "data"),
        "focus_countries": list(config.focus_countries),
        "partner_country": config.study.partner_country,
        "home_country": config.study.home_country,
        "min_mentions": config.min_mentions,
    }


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
    jobs: list[_NotebookJob] = []
    for docname in docnames:
        path = _source_file(config.root, docname)
        target = source / path.relative_to(config.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".ipynb":  # a Markdown page, copied as it is
            shutil.copyfile(path, target)
            continue
        key = incremental.notebook_key(path, parameters, data_key, code_key, config.stage / "data")
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
        written, _ = future.result()
        cache.store(job.key, job.target, written, job.target.parent)


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
    # This worker's kernels import the project's package from the project root (set here,
    # in the worker process, not for the whole build).
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(config.root), os.environ.get("PYTHONPATH", "")) if p
    )
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


#: This worker process's kernel, reused by the chapters it executes (see :func:`_kernel`).
_KERNEL = None
#: Run in the kernel before each chapter: an empty namespace, the chapter's folder as the
#: working directory, and cell numbers from 1, as in a kernel of its own.
_FRESH = (
    # The folder first: %reset reads the working directory, and the last chapter's is gone.
    "import os as _os\n_os.chdir({cwd!r})\ndel _os\n%reset -f\nget_ipython().execution_count = 1"
)


def _kernel(cwd: Path):
    """This worker's kernel, started on its first chapter and reused by the next ones,
    made fresh for each (:data:`_FRESH`).

    A kernel's start and the imports of pandas, Altair and the report's modules cost
    about a second and a half a chapter; a chapter's own work is often less. The
    namespace is reset, so a chapter cannot use what another defined; modules stay
    imported, which is the saving. The kernel stops with the worker.
    """
    global _KERNEL
    from jupyter_client.manager import KernelManager

    if _KERNEL is None or not _KERNEL.is_alive():
        # Local sockets, not TCP on localhost: nothing to listen on a port, and no
        # "running over TCP without encryption" warning from each kernel in the log.
        sockets = Path(tempfile.mkdtemp(prefix="analysis-kernel-"))
        _KERNEL = KernelManager(kernel_name="python3", transport="ipc", ip=str(sockets / "ipc"))
        _KERNEL.start_kernel()
        multiprocessing.util.Finalize(
            None, shutil.rmtree, args=(sockets,), kwargs={"ignore_errors": True}, exitpriority=9
        )
        multiprocessing.util.Finalize(
            None, _KERNEL.shutdown_kernel, kwargs={"now": True}, exitpriority=10
        )
    client = _KERNEL.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        reply = client.execute_interactive(
            _FRESH.format(cwd=str(cwd)), store_history=False, timeout=60
        )
    finally:
        client.stop_channels()
    if reply["content"]["status"] != "ok":
        raise BuildError(f"the notebook kernel could not be reset: {reply['content']}")
    return _KERNEL


def run_notebook(config: BuildConfig, path: Path, target: Path, parameters: dict) -> None:
    try:
        papermill.execute_notebook(
            str(path),
            str(target),
            parameters=parameters,
            cwd=str(target.parent),
            kernel_name="python3",
            km=_kernel(target.parent),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
        )
    except papermill.PapermillExecutionError as error:
        number = _source_cell_number(target, error.cell_index)
        first_line = (error.source or "").strip().splitlines()[:1]
        raise BuildError(
            f"notebook {relative(path, config.root)} failed in cell {number} "
            f"(counting from 1, starting {first_line[0][:60]!r}): "
            f"{error.ename}: {error.evalue}"
            if first_line
            else f"notebook {relative(path, config.root)} failed in cell {number}: "
            f"{error.ename}: {error.evalue}"
        ) from None
    except Exception as error:  # kernel died, bad notebook JSON, missing parameters cell…
        raise BuildError(f"notebook {relative(path, config.root)} failed: {error}") from None


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
