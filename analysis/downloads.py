"""What the HTML book offers for download from its first page: the PDF and the data.

After Jupyter Book has built the HTML (and the PDF), the build puts beside the HTML
pages:

- ``book.pdf``, the PDF of the same build (when the PDF was built);
- ``data.zip``, every CSV table of ``data/`` with a ``README.md`` of their columns, taken
  from :mod:`analysis.tables` (the one home of the tables' schema), and under
  ``data/chapters/`` the data behind each chart and table of the chapters, under the
  name the book prints below it ("Data: actors-relations.csv"), with their columns
  listed from their header rows.

The archive is byte-identical across builds of the same data: names are sorted and
every entry has the same fixed timestamp. The first page links both
(:func:`links_block`, included through ``_generated/study.md``).
"""

from __future__ import annotations

import csv
import inspect
import shutil
import zipfile
from pathlib import Path

from analysis import tables

PDF_NAME = "book.pdf"
ARCHIVE_NAME = "data.zip"
#: The timestamp of every archive entry (the ZIP format's earliest), for identical bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def data_readme(chapter_files: list[Path] = ()) -> str:
    """The archive's README: what each table holds, from :mod:`analysis.tables`, then the
    chapters' files with their columns."""
    text = (
        "# The data tables of this book\n\n"
        "Each CSV is UTF-8 with a header row; sentence ids are "
        "`document:paragraph:sentence`.\n\n" + inspect.cleandoc(tables.__doc__ or "") + "\n"
    )
    if chapter_files:
        text += (
            "\n## The chapters' data (`chapters/`)\n\n"
            "The data behind each chart and table of the chapters, named as the book names "
            'it below the chart or table ("Data: <file>"):\n\n'
        )
        text += "".join(
            f"- `{p.name}`: {', '.join(_header(p)) or '(empty)'}\n" for p in chapter_files
        )
    return text


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle), [])


def write_archive(data_dir: Path, target: Path, chapter_dir: Path | None = None) -> Path:
    """Zip every CSV of ``data_dir`` and of ``chapter_dir`` (sorted, fixed timestamps)
    with the README."""
    chapter_files = sorted(chapter_dir.glob("*.csv")) if chapter_dir else []
    entries = [("README.md", data_readme(chapter_files).encode("utf-8"))]
    entries += [(p.name, p.read_bytes()) for p in sorted(data_dir.glob("*.csv"))]
    entries += [(f"chapters/{p.name}", p.read_bytes()) for p in chapter_files]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(f"data/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target


def add_downloads(
    html_dir: Path, data_dir: Path, pdf: Path | None, chapter_dir: Path | None = None
) -> None:
    """Put the PDF (if built) and the data archive beside the HTML pages."""
    write_archive(data_dir, html_dir / ARCHIVE_NAME, chapter_dir)
    if pdf is not None:
        shutil.copy2(pdf, html_dir / PDF_NAME)


def links_block(with_pdf: bool, depth: int = 1) -> str:
    """The first page's download links, as a raw-HTML block (the PDF does not link
    itself). ``depth`` is how many folders the page lies below the HTML root."""
    up = "../" * depth
    links = []
    if with_pdf:
        links.append(f'<a href="{up}{PDF_NAME}">the book as PDF</a>')
    links.append(
        f'<a href="{up}{ARCHIVE_NAME}">every data table (CSV, zipped) with a README of '
        "their columns</a>"
    )
    return "```{raw} html\n<p><strong>Download:</strong> " + " · ".join(links) + ".</p>\n```\n"
