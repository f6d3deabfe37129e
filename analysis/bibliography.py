r"""BibTeX for the seeds: one entry per seed, generated at each build.

Seed titles and sidecar metadata are untrusted text. pybtex's writer already
escapes ``% & # _ ~`` and sphinxcontrib-bibtex renders fields as text (the
LaTeX writer escapes them again for the PDF), so only the characters that BibTeX
itself interprets need care: a backslash becomes ``{\textbackslash}`` and braces
become parentheses (an unbalanced brace would break the file, and pybtex has no
escape for a literal one). LaTeX ligatures still apply (``--`` reads as a dash).
Addresses are only kept when they are plain ``http(s)`` URLs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from pybtex.database import BibliographyData, Entry, parse_file

from analysis.corpus.model import Document

SEED_KEY_PREFIX = "seed_"
#: Up to this many seeds, the bibliography lists every one; above, only those the chapters
#: cite (10,000 entries made a 2.4 MB page and 260 PDF pages). Every seed stays in the
#: corpus chapter's table of sources and its CSV.
SEED_LIST_LIMIT = 200
_BIBTEX_SPECIALS = {"{": "(", "}": ")", "\\": r"{\textbackslash}"}
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def seed_key(document_id: str) -> str:
    """Stable BibTeX key of a seed, from its file name.

    Non-ASCII or unusual characters are replaced, and a short hash of the full
    name keeps two names that only differ in such characters apart.
    """
    slug = re.sub(r"[^A-Za-z0-9]+", "_", document_id).strip("_")
    if slug == document_id:
        return SEED_KEY_PREFIX + slug
    digest = hashlib.sha256(document_id.encode("utf-8")).hexdigest()[:6]
    return f"{SEED_KEY_PREFIX}{slug or 'x'}_{digest}"


def bib_text(text: str) -> str:
    """Untrusted text as a BibTeX field value that pybtex reads back as the same text."""
    flat = re.sub(r"\s+", " ", text).strip()
    return "".join(_BIBTEX_SPECIALS.get(char, char) for char in flat)


def safe_url(url: str) -> str:
    """The URL when it is a plain http(s) address, else an empty string."""
    url = url.strip()
    return url if _SAFE_URL.fullmatch(url) and not re.search(r"[{}\\\s]", url) else ""


def seed_entry(document: Document) -> Entry:
    """A ``@misc`` entry describing one seed (title, publisher, address, dates)."""
    meta = document.metadata
    title = document.title or document.id
    # Braced: bibliography styles lower-case unprotected titles ("CATL" would read "catl").
    fields: dict[str, str] = {"title": "{" + bib_text(title) + "}"}
    publisher = meta.get("publisher", "").strip()
    if publisher:
        fields["author"] = "{" + bib_text(publisher) + "}"
    url = safe_url(meta.get("url", ""))
    if url:
        fields["url"] = url
    notes = [f"Seed article {bib_text(document.id)}"]
    if meta.get("events_date"):
        precision = meta.get("date_precision", "")
        when = bib_text(meta["events_date"])
        notes.append(
            f"events reported: {when}" + (f" ({bib_text(precision)})" if precision else "")
        )
    else:
        notes.append("undated")
    if meta.get("original_reporting"):
        notes.append("original reporting: " + bib_text(meta["original_reporting"]))
    fields["note"] = "; ".join(notes)
    return Entry("misc", fields=fields)


def write_seed_bib(documents: Iterable[Document], path: Path) -> Path:
    """Write one entry per seed, skipped seeds included (the corpus table cites them too)."""
    data = BibliographyData()
    for document in sorted(documents, key=lambda d: d.id):
        data.add_entry(seed_key(document.id), seed_entry(document))
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data.to_string("bibtex") if data.entries else "% no seeds\n"
    path.write_text(text, encoding="utf-8")
    return path


def reference_keys(path: Path) -> set[str]:
    """Keys of a curated BibTeX file (to check that context data cites known sources)."""
    return set(parse_file(str(path), bib_format="bibtex").entries.keys())


def bibliography_markdown(seeds: int) -> str:
    """The bibliography page's text and directive for a build of ``seeds`` seed files."""
    if seeds <= SEED_LIST_LIMIT:
        intro = (
            "Every seed article analysed by this build (one entry per file of the seeds "
            "folder) and every source the chapters cite."
        )
        selection = f'cited or key % "^{SEED_KEY_PREFIX}"'
    else:
        intro = (
            f"This build read {seeds:,} seed files. Above {SEED_LIST_LIMIT}, this page lists "
            "only the seeds that the chapters cite, with every other source they cite. Every "
            "seed is in the table of sources of the {doc}`corpus chapter <corpus>`, whose CSV "
            "lists them all."
        )
        selection = "cited"
    return f"{intro}\n\n```{{bibliography}}\n:filter: {selection}\n```\n"
