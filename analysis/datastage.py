"""The data stage of a build: seeds → corpus → extraction → the CSV tables.

Reads and cleans the seeds, extracts actors, relations and figures, and writes the
tables, the provenance table (``sources.csv``) and, when the seeds are the annotated
default seeds, the gold scores (``scores.csv``).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pandas as pd

from analysis import bibliography, events
from analysis.buildconfig import SEED_BIB, BuildConfig, BuildError, log
from analysis.english import plural
from analysis.tables import SOURCE_COLUMNS, read_csv, write_csv

#: Hand-made annotations of the original seeds (scored when the seeds folder has them).
GOLD_DIR = Path("analysis") / "data" / "gold"


def extract_data(config: BuildConfig, source: Path) -> list:
    """Read the seeds, extract the tables and write them, the seed BibTeX and the manifest."""
    from analysis.corpus import load_corpus
    from analysis.extraction import extract, write_tables

    data_dir = config.stage / "data"
    started = time.perf_counter()
    corpus = load_corpus(config.seeds)
    reading = time.perf_counter() - started
    corpus_messages = [*corpus.messages, *flaw_messages(config, corpus.documents)]
    for message in corpus_messages:
        log(f"seed problem: {message}")
    if config.strict and corpus_messages:
        problems = plural(len(corpus_messages), "seed problem")
        raise BuildError(f"STRICT=1 and {problems}, listed above")
    usable = [d for d in corpus.documents if d.usable]
    skipped = len(corpus.documents) - len(usable)
    log(
        f"{plural(len(corpus.documents), 'seed file')} read in {reading:.1f} s:"
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
    documents, found = with_extraction_status(config, corpus.documents, tables)
    messages = [*corpus_messages, *found]
    if config.strict and len(messages) > len(corpus_messages):
        raise BuildError(f"STRICT=1 and {plural(len(messages), 'seed problem')}, listed above")
    write_tables(tables, data_dir)
    (data_dir / "messages.txt").write_text("".join(f"{m}\n" for m in messages), encoding="utf-8")
    write_sources(documents, data_dir / "sources.csv")
    events.write_events(data_dir)
    write_scores(tables, config.root / GOLD_DIR, data_dir / "scores.csv")
    bibliography.write_seed_bib(documents, source / SEED_BIB)
    log(f"tables, sources and BibTeX written in {time.perf_counter() - started:.1f} s")
    return documents


def flaw_messages(config: BuildConfig, documents: list) -> list[str]:
    """One message per flaw code of the sidecar's ``known_flaws`` column that
    ``seed_flaws.yaml`` does not define (the flaw is then ignored)."""
    messages = []
    for document in documents:
        for problem in events.parse_flaws(document.metadata.get("known_flaws", ""))[1]:
            messages.append(f"{config.seeds.name}/provenance.csv: seed {document.id}: {problem}")
    return messages


def with_extraction_status(config: BuildConfig, documents: list, tables) -> tuple[list, list[str]]:
    """The documents with the status the extraction gave them (copies: the corpus's are
    left as read), and one message per seed whose status changed."""
    status = dict(zip(tables.documents["document"], tables.documents["status"], strict=True))
    updated, messages = [], []
    for document in documents:
        new = status.get(document.id, document.status)
        if new != document.status:
            document = dataclasses.replace(document, status=new)
            messages.append(f"{config.seeds.name}/{document.path.name}: {new}")
            log(f"seed problem: {messages[-1]}")
        updated.append(document)
    return updated, messages


def write_scores(tables, gold_dir: Path, path: Path) -> Path | None:
    """Score the extraction against the hand-made gold, on the seeds the gold covers.

    Seeds the gold does not cover are left out (their extractions cannot be judged);
    with none covered, no score file is written and the appendix says so.
    """
    from analysis.extraction import evaluate

    if not (gold_dir / "actors.csv").exists():
        return None
    gold_docs = set(read_csv(gold_dir / "actors.csv", text=True)["document"])
    for name in ("relations.csv", "figures.csv"):
        if (gold_dir / name).exists():
            gold_docs |= set(read_csv(gold_dir / name, text=True)["document"])
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


def write_sources(documents: list, path: Path) -> Path:
    """What the provenance sidecar says of each seed (empty cells where it says nothing)."""
    fields = SOURCE_COLUMNS[1:]
    rows = [
        [d.id, *(d.metadata.get(c, "") for c in fields)]
        for d in sorted(documents, key=lambda d: d.id)
    ]
    return write_csv(pd.DataFrame(rows, columns=list(SOURCE_COLUMNS)), path)
