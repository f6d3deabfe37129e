"""BibTeX for the seeds: one entry per seed, generated at each build.

Seed titles and sidecar metadata are untrusted text, so every field is
LaTeX-escaped before pybtex writes it; sphinxcontrib-bibtex decodes the escapes
back to the literal characters for HTML and the LaTeX writer re-escapes them for
the PDF. Addresses are only kept when they are plain ``http(s)`` URLs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from pybtex.database import BibliographyData, Entry, parse_file

from analysis.corpus.model import Document

SEED_KEY_PREFIX = "seed_"
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
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


def latex_escape(text: str) -> str:
    """Escape text so that BibTeX/LaTeX read it back literally."""
    flat = re.sub(r"\s+", " ", text).strip()
    return "".join(_LATEX_SPECIALS.get(char, char) for char in flat)


def safe_url(url: str) -> str:
    """The URL when it is a plain http(s) address, else an empty string."""
    url = url.strip()
    return url if _SAFE_URL.fullmatch(url) and not re.search(r"[{}\\\s]", url) else ""


def seed_entry(document: Document) -> Entry:
    """A ``@misc`` entry describing one seed (title, publisher, address, dates)."""
    meta = document.metadata
    title = document.title or document.id
    fields: dict[str, str] = {"title": latex_escape(title)}
    publisher = meta.get("publisher", "").strip()
    if publisher:
        fields["author"] = "{" + latex_escape(publisher) + "}"
    url = safe_url(meta.get("url", ""))
    if url:
        fields["url"] = url
    notes = [f"Seed article {latex_escape(document.id)}"]
    if meta.get("events_date"):
        precision = meta.get("date_precision", "")
        when = latex_escape(meta["events_date"])
        notes.append(f"events reported: {when}" + (f" ({latex_escape(precision)})" if precision else ""))
    else:
        notes.append("undated")
    if meta.get("original_reporting"):
        notes.append("original reporting: " + latex_escape(meta["original_reporting"]))
    fields["note"] = "; ".join(notes)
    return Entry("misc", fields=fields)


def write_seed_bib(documents: Iterable[Document], path: Path) -> Path:
    """Write one entry per seed (skipped seeds included: they are still cited in the corpus table)."""
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
