"""``load_corpus``: from a seeds folder to cleaned :class:`Document` objects.

Steps, in order: discover files; read and decode each one (size, links, file type,
encoding, binary data); extract HTML, strip Markdown, or rewrite plain text's tables set in
columns of spaces as pipe tables (``columns.py``); normalise typography; rewrite
table rows and list items (``structure.py``); skip exact byte-for-byte copies; join
subtitles' cues (``subtitles.py``) and drop e-mails' quote markers; remove boilerplate
(with lines repeated across documents); split paragraphs; identify the language; flag
duplicate documents; mark repeated paragraphs and measure restated sentences; find the
title.

Problems never raise: they become a document status and a one-line message.

The per-document steps (reading, cleaning, language, title, repetition measures) run in
a pool of worker processes when there are at least :data:`PARALLEL_MIN_FILES` files; the
steps that compare documents (lines repeated across sources, duplicates) run in this
process. The result is the same either way.
"""

from __future__ import annotations

import functools
import math
import multiprocessing
import os
import time
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .clean import (
    looks_like_heading,
    paragraphs_from_blocks,
    remove_boilerplate,
    repeated_keys,
    short_line_keys,
)
from .columns import pipe_tables
from .dedup import (
    DocumentSignature,
    ParagraphSignature,
    find_duplicate_documents,
    find_duplicate_paragraphs,
    restated_sentence_words,
    signatures,
)
from .htmltext import html_title, html_to_text
from .language import identify_language
from .metadata import read_metadata
from .model import (
    KIND_HEADING,
    KIND_LIST_ITEM,
    KIND_TABLE_ROW,
    KIND_TEXT,
    STATUS_OK,
    Document,
    Paragraph,
)
from .reader import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    discover,
    link_problem,
    read_file,
    sha256_of,
)
from .structure import (
    Structured,
    mark_structure,
    paragraph_kinds,
    strip_markdown,
    strip_note_markers,
)
from .subtitles import cues_to_prose, is_subtitles
from .text import normalize_typography, word_count
from .titles import choose_title
from .wrapping import without_quote_markers

#: A short line must occur in at least this many documents to count as site furniture.
REPEATED_LINE_DOCUMENTS = 3
#: From this many files on, per-document steps run in one worker process per core.
PARALLEL_MIN_FILES = 500
_NOT_RESTATING = (KIND_HEADING, KIND_TABLE_ROW)


@dataclass
class Corpus:
    """All candidate documents (skipped ones included, sorted by id) and the problems met."""

    documents: list[Document] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    #: Seconds per reading step ("read", "clean", "duplicates", "finish"), for the build
    #: log; not part of equality (two readings of the same folder are equal).
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def timing_summary(self) -> str:
        """E.g. ``read 20.1 s, clean 31.0 s, duplicates 48.2 s, finish 9.9 s``."""
        return ", ".join(f"{step} {seconds:.1f} s" for step, seconds in self.timings.items())

    @property
    def usable(self) -> list[Document]:
        """Documents extraction should run on (status ``ok`` or ``flagged: ...``)."""
        return [d for d in self.documents if d.usable]


@dataclass
class _Work:
    """A document while it is being built."""

    doc: Document
    suffix: str
    text: str = ""
    html_title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    # Lines written by mark_structure, then each paragraph's kind ("" if not one of them).
    structure: dict[str, Structured] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)
    row_headers: list[str] = field(default_factory=list)
    read_warning: str = ""
    # For duplicate detection, computed with the cleaning and dropped once used.
    signature: DocumentSignature | None = None
    paragraph_signatures: list[ParagraphSignature] = field(default_factory=list)


def _skip(work: _Work, reason: str) -> None:
    if work.doc.status == STATUS_OK:
        work.doc.status = f"skipped: {reason}"


def _read(path: Path, seeds_dir: Path, max_bytes: int) -> _Work:
    """Read one candidate file into a :class:`_Work` (status set if it cannot be used)."""
    doc_id = unicodedata.normalize("NFC", path.stem)
    suffix = path.suffix.lower()
    work = _Work(Document(id=doc_id, path=path, sha256=""), suffix)
    problem = link_problem(path, seeds_dir)
    if problem:
        _skip(work, problem)  # not followed: no hash, no read
        return work
    if suffix not in SUPPORTED_SUFFIXES:
        _skip(work, f"unsupported file type {suffix or '(no suffix)'}")
        return work
    try:
        work.doc.sha256 = sha256_of(path)
        raw = read_file(path, max_bytes)
    except OSError as error:
        _skip(work, f"unreadable ({error.strerror or error})")
        return work
    if raw.problem:
        _skip(work, raw.problem)
        return work
    work.doc.encoding = raw.encoding
    work.read_warning = raw.warning
    text = raw.text
    if suffix in (".html", ".htm"):
        work.html_title = normalize_typography(html_title(text))
        text = html_to_text(text)
    elif suffix == ".md":
        text = strip_markdown(text)
    else:
        text = pipe_tables(text)  # (before spaces are collapsed: they set the columns)
    # After normalisation, so that the lines written here are the paragraphs' final text.
    text = strip_note_markers(normalize_typography(text))
    work.text, work.structure = mark_structure(text, markdown=suffix == ".md")
    if not work.text.strip():
        _skip(work, "no text")
    return work


def _assign_ids(works: list[_Work]) -> None:
    """Keep ids unique: a second file with the same stem is skipped under its full name."""
    owners: dict[str, str] = {}
    for work in works:
        doc = work.doc
        if doc.id in owners:
            other = owners[doc.id]
            doc.id = unicodedata.normalize("NFC", doc.path.name)
            _skip(work, f"same id as {other}")
        else:
            owners[doc.id] = doc.path.name


def _clean_one(work: _Work, repeated: set[str]) -> _Work:
    """Remove boilerplate, split paragraphs and identify the language of one document."""
    if work.doc.status != STATUS_OK:
        return work
    # (subtitles: cues joined back into the sentences they cut; an e-mail's quoted lines)
    text = cues_to_prose(work.text) if is_subtitles(work.text) else work.text
    text = text if work.suffix == ".md" else without_quote_markers(text)
    cleaned = remove_boilerplate(text, repeated, work.structure)
    work.doc.boilerplate_lines = cleaned.removed_lines
    work.doc.boilerplate_share = round(cleaned.share, 4)
    work.paragraphs = paragraphs_from_blocks(cleaned.blocks, markdown=work.suffix == ".md")
    work.kinds, compared, work.row_headers = paragraph_kinds(work.paragraphs, work.structure)
    work.structure = {}
    if not work.paragraphs:
        _skip(work, "no text left after removing boilerplate")
        return work
    guess = identify_language("\n".join(work.paragraphs))
    work.doc.language = guess.language
    if guess.problem:
        _skip(work, guess.problem)
        return work
    work.signature, work.paragraph_signatures = signatures(compared)
    work.text = ""  # no longer needed: the paragraphs hold the cleaned text
    return work


def _line_keys(work: _Work) -> set[str]:
    return short_line_keys(work.text) if work.doc.status == STATUS_OK else set()


def _mark_duplicates(works: list[_Work]) -> dict[str, dict[int, str]]:
    """Flag duplicate documents; return the paragraph duplicates of usable documents
    (document id -> paragraph index -> the ``doc:paragraph`` it repeats)."""
    readable = [w for w in works if w.doc.status == STATUS_OK]
    same = find_duplicate_documents([(w.doc.id, w.signature) for w in readable if w.signature])
    for work in readable:
        if work.doc.id in same:
            original, exact = same[work.doc.id]
            if exact:
                _skip(work, f"exact duplicate of {original}")
            else:
                work.doc.status = f"flagged: near duplicate of {original}"
    usable = [w for w in works if w.doc.usable and w.paragraphs]
    found = find_duplicate_paragraphs([(w.doc.id, w.paragraph_signatures) for w in usable])
    for work in works:  # not sent to the workers again
        work.signature, work.paragraph_signatures = None, []
    by_document: dict[str, dict[int, str]] = {}
    for (n, i), original in found.items():
        by_document.setdefault(usable[n].doc.id, {})[i] = original
    return by_document


def _finish_with(item: tuple[_Work, dict[int, str]]) -> _Work:
    return _finish(*item)


_T = TypeVar("_T")
_R = TypeVar("_R")


@contextmanager
def _mapper(files: int) -> Iterator[Callable[[Callable[[_T], _R], list[_T]], list[_R]]]:
    """A ``map`` returning a list: over worker processes for large folders, else here."""
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if files < PARALLEL_MIN_FILES or workers < 2:
        yield lambda func, items: [func(item) for item in items]
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield functools.partial(_pool_map, pool, workers)


def _pool_map(pool: Executor, workers: int, func: Callable[[_T], _R], items: list[_T]) -> list[_R]:
    chunk = max(1, math.ceil(len(items) / (workers * 8)))
    return list(pool.map(func, items, chunksize=chunk))


#: Paragraph kinds a heading may open without repeating them.
STRUCTURED = frozenset([KIND_TABLE_ROW, KIND_LIST_ITEM])


def _repeated(doc_id: str, i: int, kinds: list[str], duplicates: dict[int, str]) -> str | None:
    """What paragraph ``i`` repeats. A heading that only opens a table row or a list item
    of its document ("BelGee" over a factsheet, "BelGee — ville : Borissov" in a table)
    repeats nothing: it announces a section, and extraction reads it as one."""
    original = duplicates.get(i)
    if original is None or kinds[i] != KIND_HEADING:
        return original
    source, _, index = original.rpartition(":")
    same_document = source == doc_id and index.isdigit() and int(index) < len(kinds)
    return None if same_document and kinds[int(index)] in STRUCTURED else original


def _finish(work: _Work, duplicates: dict[int, str]) -> _Work:
    """Build paragraphs, counts, shares and the title of one document; ``duplicates``
    maps its paragraph indexes to the paragraph they repeat."""
    doc = work.doc
    if not work.paragraphs:
        return work
    title, derived = choose_title(work.paragraphs, work.html_title)
    doc.title, doc.title_derived = title, derived
    kinds = [
        kind or (KIND_HEADING if looks_like_heading(text) else KIND_TEXT)
        for text, kind in zip(work.paragraphs, work.kinds, strict=True)
    ]
    doc.paragraphs = [
        Paragraph(
            index=i,
            text=text,
            duplicate_of=_repeated(doc.id, i, kinds, duplicates),
            kind=kinds[i],
            row_header=work.row_headers[i],
        )  # ``heading`` follows ``kind``
        for i, text in enumerate(work.paragraphs)
    ]
    doc.words = word_count(doc.text)
    if not doc.words:
        return work
    dup_words = sum(word_count(p.text) for p in doc.paragraphs if p.duplicate_of)
    # Table rows share their labels by construction: that is not restating.
    skip = {p.index for p in doc.paragraphs if p.duplicate_of or p.kind in _NOT_RESTATING}
    restated = restated_sentence_words(work.paragraphs, skip)
    doc.duplicate_paragraph_share = round(dup_words / doc.words, 4)
    doc.restated_share = round(restated / doc.words, 4)
    doc.repetition_share = round((dup_words + restated) / doc.words, 4)
    return work


def load_corpus(
    seeds_dir: Path,
    *,
    metadata_name: str = "provenance.csv",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus:
    """Read every seed of ``seeds_dir`` (not recursively) into a :class:`Corpus`.

    Raises ``ValueError`` only when ``seeds_dir`` does not exist or is not a folder.
    Files over ``max_bytes`` are skipped without being read.
    """
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.exists():
        raise ValueError(f"seeds folder {seeds_dir} does not exist")
    if not seeds_dir.is_dir():
        raise ValueError(f"seeds folder {seeds_dir} is not a folder")
    metadata, messages = read_metadata(seeds_dir / metadata_name)

    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[step] = now - clock
        clock = now

    paths = discover(seeds_dir, metadata_name)
    with _mapper(len(paths)) as each:
        works = each(functools.partial(_read, seeds_dir=seeds_dir, max_bytes=max_bytes), paths)
        works.sort(key=lambda w: w.doc.id)
        _assign_ids(works)
        first_by_hash: dict[str, str] = {}
        for work in works:  # byte-for-byte copies: the later id is the copy
            digest = work.doc.sha256
            if work.doc.status == STATUS_OK and digest:
                if digest in first_by_hash:
                    _skip(work, f"exact duplicate of {first_by_hash[digest]}")
                else:
                    first_by_hash[digest] = work.doc.id
        lap("read")
        repeated = repeated_keys(each(_line_keys, works), REPEATED_LINE_DOCUMENTS)
        works = each(functools.partial(_clean_one, repeated=repeated), works)
        lap("clean")
        duplicates = _mark_duplicates(works)
        lap("duplicates")
        works = each(_finish_with, [(w, duplicates.get(w.doc.id, {})) for w in works])
    for work in works:
        if work.read_warning and work.doc.status == STATUS_OK:
            work.doc.status = f"flagged: {work.read_warning}"
        work.doc.metadata = dict(metadata.get(work.doc.id, {}))
        if work.doc.status != STATUS_OK:
            messages.append(f"{seeds_dir.name}/{work.doc.path.name}: {work.doc.status}")
    known = {w.doc.id for w in works}
    for seed in sorted(set(metadata) - known):
        messages.append(f"{seeds_dir.name}/{metadata_name}: row for unknown seed {seed}")
    documents = sorted((w.doc for w in works), key=lambda d: d.id)
    lap("finish")
    return Corpus(documents=documents, messages=messages, timings=timings)
