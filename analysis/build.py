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
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis import buildlock, nochange
from analysis.buildconfig import BuildConfig, BuildError, Timer, log, relative
from analysis.corpus.study import StudyError, read_study

# Only light modules at the top: a build with nothing to do (see ``nochange``) must not
# pay for importing pandas, spaCy, papermill or Sphinx. The stages are imported in _build.
from analysis.english import plural

#: Files copied from the project root into the book source folder.
BOOK_FILES = ("_config.yml", "_toc.yml", "references.bib")
VEGA_BUNDLE = "vega-bundle.js"


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
    import vl_convert as vlc

    from analysis.charts import VEGA_LITE_VERSION

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


@dataclass(frozen=True)
class BuildReport:
    """What a build did: the seeds with their final status, and each stage's seconds."""

    documents: list
    timings: dict[str, float]


def build(config: BuildConfig) -> BuildReport:
    if not config.seeds.is_dir():
        raise BuildError(f"seeds folder not found: {config.seeds}")
    with buildlock.exclusive(config.build_dir, config.seeds):
        digest = nochange.inputs_digest(config)
        if nochange.unchanged(config, digest):
            log(
                f"nothing changed since the book in {config.build_dir} was built (same seeds, "
                "code, data, chapters, parameters and packages): it is kept as it is"
            )
            return BuildReport([], {})
        report = _build(config)
        nochange.record(config, digest)
        return report


def _build(config: BuildConfig) -> BuildReport:
    import pandas as pd

    from analysis import bookmeta, datastage, incremental, jupyterbook, manifest, notebooks

    timings: dict[str, float] = {}
    with Timer(timings, "prepare"):
        source = prepare_stage(config)
    with Timer(timings, "extract"):
        documents = datastage.extract_data(config, source)
    entities = pd.read_csv(config.stage / "data" / "entities.csv", dtype=str)
    title = bookmeta.write_book_meta(
        source,
        config.study,
        entities,
        with_pdf="pdf" in config.formats,
        seeds=[d.id for d in documents],
    )
    log(f"title: {title}" + ("" if config.study.given else " (no study.yaml: a generic title)"))
    parameters = notebooks.notebook_parameters(config)
    shown = {
        **parameters,
        "seeds_dir": relative(config.seeds, config.root),
        "data_dir": relative(config.build_dir / "data", config.root),
    }
    data_dir = config.stage / "data"
    previous_data = config.build_dir / "data"
    manifest.write_manifest(manifest.build_manifest(shown, documents), data_dir)
    incremental.write_changes(previous_data if previous_data.is_dir() else None, data_dir)
    with Timer(timings, "notebooks"):
        notebooks.execute_notebooks(config, source)
    fingerprint = incremental.book_fingerprint(source) + ":" + ",".join(sorted(config.formats))
    if jupyterbook.outputs_current(config, fingerprint):
        log("book sources unchanged since the published book: HTML and PDF kept as they are")
    else:
        with Timer(timings, "+".join(f for f in ("html", "pdf") if f in config.formats)):
            jupyterbook.build_outputs(config, source)
    jupyterbook.publish(config)
    incremental.write_fingerprint(config.build_dir, fingerprint)
    usable = sum(d.usable for d in documents)
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
    log(
        f"book built in {config.build_dir}: {plural(len(documents), 'seed')}, "
        f"{len(documents) - usable} skipped; {stages}"
    )
    return BuildReport(documents, timings)


def parse_args(argv: list[str] | None = None) -> BuildConfig:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.build",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "`make book` passes the same options, named in capitals: SEEDS, BUILD_DIR,\n"
            "FORMATS, STRICT=1, FOCUS_COUNTRIES, MIN_MENTIONS, DASK_SCHEDULER.\n"
            "Example: make book SEEDS=~/articles FORMATS=html FOCUS_COUNTRIES=UZ,CN"
        ),
    )
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), metavar="DIR",
        help="the project folder, with _config.yml, _toc.yml and chapters/ "
        "(default: the current folder)",
    )  # fmt: skip
    parser.add_argument(
        "--seeds", type=Path, default=None, metavar="DIR",
        help="the folder of articles to analyse; it is only read, never written "
        "(default: <root>/seeds)",
    )  # fmt: skip
    parser.add_argument(
        "--build-dir", type=Path, default=None, metavar="DIR",
        help="where the book, its data and its caches go (default: <root>/_build)",
    )  # fmt: skip
    parser.add_argument(
        "--formats", default="html,pdf", metavar="LIST",
        help="comma-separated formats to build, html and/or pdf (default: html,pdf; "
        "pdf needs TeX Live)",
    )  # fmt: skip
    parser.add_argument(
        "--strict", action="store_true",
        help="fail the build on any seed problem (unreadable, empty, duplicate or "
        "flawed file) instead of reporting it in the book",
    )  # fmt: skip
    parser.add_argument(
        "--focus-countries", default=None, metavar="CODES",
        help="comma-separated ISO 3166 alpha-2 codes of the countries the chapters "
        "focus on, e.g. RU,CN,KZ (default: the seeds folder's study.yaml, else RU,CN,KZ)",
    )  # fmt: skip
    parser.add_argument(
        "--min-mentions", type=int, default=1, metavar="N",
        help="draw an actor that takes part in a relation in the actor network only "
        "when the seeds mention it at least N times; raise it to thin a crowded "
        "network (default: 1)",
    )  # fmt: skip
    parser.add_argument(
        "--dask-scheduler", default="", metavar="ADDRESS",
        help="run the extraction on an existing Dask cluster at ADDRESS "
        "(e.g. tcp://host:8786) instead of local processes",
    )  # fmt: skip
    args = parser.parse_args(argv)
    root = args.root.resolve()
    seeds = (args.seeds or root / "seeds").resolve()
    study = read_study(seeds)  # raises StudyError, naming the file and the key
    focus = (
        tuple(c.strip().upper() for c in args.focus_countries.split(",") if c.strip())
        if args.focus_countries
        else study.focus_countries
    )
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = set(formats) - {"html", "pdf"}
    if unknown:
        parser.error(f"unknown formats: {', '.join(sorted(unknown))} (use html and/or pdf)")
    return BuildConfig(
        root=root,
        seeds=seeds,
        build_dir=(args.build_dir or root / "_build").resolve(),
        formats=formats,
        strict=args.strict,
        focus_countries=focus,
        min_mentions=args.min_mentions,
        dask_scheduler=args.dask_scheduler,
        study=study,
    )


def main(argv: list[str] | None = None) -> int:
    try:
        config = parse_args(argv)
    except StudyError as error:
        print(f"[build] FAILED: {error}", file=sys.stderr, flush=True)
        return 2
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
