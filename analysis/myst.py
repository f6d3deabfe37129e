"""MyST rendering helpers shared by every chapter notebook.

The notebooks are narrative: they call these helpers to show Markdown (with
citations), tables and charts. Seed text is untrusted, so every piece of it
that reaches a Markdown output goes through :func:`escape` first: myst-nb parses
Markdown outputs as MyST (``nb_render_markdown_format: myst``), and an unescaped
seed line such as a ``{raw} html`` directive would otherwise reach the book.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

from analysis.bibliography import seed_key

__all__ = [
    "cite",
    "cite_documents",
    "cite_some",
    "escape",
    "markdown_table",
    "seed_key",
    "show",
    "show_table",
]

# Every ASCII punctuation character can be backslash-escaped in CommonMark/MyST,
# and an escaped character is always literal text. Escaping all of them (rather
# than a hand-picked list) also neutralises roles, directives, math, HTML,
# links, emphasis, substitutions and list/heading markers.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")


def escape(text: object) -> str:
    """Return ``text`` as inline MyST that renders literally, on one line.

    Whitespace runs (including newlines) collapse to one space so that seed text
    can never start a block (heading, fence, table row, indented code).
    """
    flat = _WHITESPACE.sub(" ", "" if text is None else str(text)).strip()
    return _PUNCTUATION.sub(r"\\\1", flat)


def cite(*keys: str) -> str:
    """A MyST citation role for BibTeX ``keys`` (which come from our own generated bib)."""
    clean = [k for k in keys if k]
    for key in clean:
        if not re.fullmatch(r"[A-Za-z0-9_:.\-]+", key):
            raise ValueError(f"not a safe citation key: {key!r}")
    return "{cite}`" + ",".join(clean) + "`" if clean else ""


#: Citations listed inline before the rest are summarised ("and 990 others").
CITE_LIMIT = 10


def cite_some(keys: Iterable[str], limit: int = CITE_LIMIT) -> str:
    """A citation role for at most ``limit`` of ``keys``, then "and N others".

    ``keys`` keep their order (duplicates and empty keys dropped). With more than
    ``limit`` distinct keys, the first ``limit`` are cited and the sentence says how many
    others there are: every seed is in the corpus chapter's table of sources (and in the
    bibliography up to ``bibliography.SEED_LIST_LIMIT`` seeds), so a caption over 1,000
    seeds stays one line. ``""`` when there is no key.
    """
    distinct = list(dict.fromkeys(k for k in keys if k))
    if len(distinct) <= limit:
        return cite(*distinct)
    rest = len(distinct) - limit
    other = "other" if rest == 1 else "others"
    return f"{cite(*distinct[:limit])} and {rest:,} {other} (all in the table of sources)"


def cite_documents(documents: Iterable[object], limit: int = CITE_LIMIT) -> str:
    """Citations of the distinct seeds in ``documents`` (ids, sorted), via :func:`cite_some`."""
    keys = sorted({seed_key(str(d)) for d in documents if str(d)})
    return cite_some(keys, limit)


def show(markdown: str) -> None:
    """Display MyST Markdown that *we* wrote (seed text inside must already be escaped)."""
    display(Markdown(markdown))


def markdown_table(
    frame: pd.DataFrame,
    *,
    trusted: Sequence[str] = (),
    align: dict[str, str] | None = None,
) -> str:
    """Render ``frame`` as a MyST pipe table.

    Every cell is escaped except the columns named in ``trusted`` (used for
    citation roles the code generated itself). ``align`` maps column → ``l``/``r``/``c``.
    """
    align = align or {}
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    header = "| " + " | ".join(escape(c) for c in frame.columns) + " |"
    rule = "| " + " | ".join(marks.get(align.get(c, "l"), ":--") for c in frame.columns) + " |"
    rows = []
    for record in frame.itertuples(index=False):
        cells = [
            str(value) if column in trusted else escape(_format_cell(value))
            for column, value in zip(frame.columns, record, strict=True)
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join([header, rule, *rows])


def _format_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


#: Rows of a table shown in the PDF; longer tables are cut there, with a note.
PDF_ROWS = 25
#: Rows of a table shown in the HTML book; longer tables are cut there too, with a note.
HTML_ROWS = 100
#: Folder, relative to the notebook being executed, where page data files are written.
DATA_FOLDER = Path("data")


def write_data(frame: pd.DataFrame, name: str, folder: Path = DATA_FOLDER) -> Path:
    """Write the data behind a table or chart as CSV next to the page; return its path."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", name):
        raise ValueError(f"data names are lower-case slugs, got {name!r}")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


_CITE_ROLE = re.compile(r"\{cite\}`([^`]*)`")


def plain_citations(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` with the citation roles of ``columns`` (our own markup, in trusted
    columns only) replaced by their keys, for readers of the CSV."""
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = [
                _CITE_ROLE.sub(r"\1", v) if isinstance(v, str) else v for v in out[column]
            ]
    return out


#: What :func:`show_table` shows for a table without rows.
EMPTY_TABLE = "*No row in this build.*"


def show_table(
    frame: pd.DataFrame,
    *,
    caption: str = "",
    trusted: Sequence[str] = (),
    align: dict[str, str] | None = None,
    name: str | None = None,
    data: pd.DataFrame | None = None,
    pdf_rows: int = PDF_ROWS,
    html_rows: int = HTML_ROWS,
    order: str = "",
) -> None:
    """Display a table with an optional caption (our own MyST).

    With ``name``, the table's data (``data``, or the table itself with its citation
    roles reduced to their keys) is written as CSV next to the page and linked. A table
    longer than ``pdf_rows`` is cut to its first rows in the PDF, and one longer than
    ``html_rows`` to its first rows in the HTML, each with a note pointing to the CSV
    (Sphinx's ``only`` directive picks the builder); shorter tables are shown whole.
    ``order`` says how the rows are sorted ("most sentences first"), so that "first rows"
    means something; it goes in the note.
    """
    parts = [caption + "\n"] if caption else []
    link = in_note = ""
    if name:
        path = write_data(plain_citations(frame, trusted) if data is None else data, name)
        link = download_link(path)
        in_note = download_link(path, path.name)  # "the full table is in … and x.csv"
    html_rows = max(html_rows, pdf_rows)
    if frame.empty:
        # A table with a header and no row stops Sphinx's LaTeX writer (StopIteration in
        # depart_table): say so in words instead, in every format.
        parts.append(EMPTY_TABLE)
    elif len(frame) <= pdf_rows:
        parts.append(
            _breakable(markdown_table(frame, trusted=trusted, align=align), frame, trusted)
        )
    else:
        below = "the CSV linked below" if link else ""
        html = _cut_table(frame, html_rows, trusted, align, [below], order)
        # The HTML book has every row only when it is not cut itself.
        if len(frame) <= html_rows:
            places = ["the HTML book", in_note]
        else:
            places = [f"{below} the table in the HTML book" if link else ""]
        latex = _cut_table(frame, pdf_rows, trusted, align, places, order)
        parts.append(f"::::{{only}} html\n{html}\n::::\n\n::::{{only}} latex\n{latex}\n::::")
    if link:
        parts.append("\n" + link)
    show("\n".join(parts))


def _cut_table(
    frame: pd.DataFrame,
    rows: int,
    trusted: Sequence[str],
    align: dict[str, str] | None,
    places: Sequence[str],
    order: str = "",
) -> str:
    """The table cut to ``rows`` rows with a note saying where the rest is, or whole."""
    shown = frame.head(rows)
    table = _breakable(markdown_table(shown, trusted=trusted, align=align), shown, trusted)
    if len(frame) <= rows:
        return table
    return f"{table}\n\n{table_note(rows, len(frame), places, order)}"


def table_note(shown: int, total: int, places: Sequence[str] = (), order: str = "") -> str:
    """*First 25 of 1,000 rows (order); the full table is in …* (the note under a cut table)."""
    where = " and ".join(p for p in places if p)
    text = f"First {shown:,} of {total:,} rows" + (f" ({order})" if order else "")
    return f"*{text}; the full table is in {where}.*" if where else f"*{text}.*"


#: About how many characters of table text a PDF line holds (the widths' scale), in the
#: tables' smaller type (``\small`` in ``_config.yml``'s LaTeX preamble).
LINE_CHARACTERS = 104
#: The longest word a column is widened for; a longer one (a hash, an address) wraps
#: at its break points.
LONGEST_WORD = 24
#: Header words are set in bold sans serif, wider than the cells' text.
HEADER_SCALE = 1.25
#: A column's padding (both sides), in characters.
PADDING = 2


def column_widths(frame: pd.DataFrame, trusted: Sequence[str] = ()) -> list[int]:
    """Relative column widths from the text each column holds (header included).

    Explicit widths make the LaTeX writer emit wrapping columns; without them a long
    cell would run off the PDF page. Each column first gets its longest word (the
    header's counted wider, as it is set in bold; at most :data:`LONGEST_WORD`
    characters) and its padding, so that no header is clipped or runs into the next
    ("SeedTitle") and no column wraps a syllable per line; the rest of the line goes to
    the columns whose typical cell is longer than that, in proportion. Trusted columns
    hold short rendered roles ("[3]").
    """
    floors, wants = [], []
    for column in frame.columns:
        header = round(HEADER_SCALE * _longest_word(str(column)))
        texts = [_format_cell(v) for v in frame[column]] or [""]
        if column in trusted:
            # a citation role prints as "[12]" or "[3, 14]": size the column for that
            texts = [_CITE_ROLE.sub(lambda m: _printed_citation(m.group(1)), t) for t in texts]
        lengths = sorted(len(t) for t in texts)
        typical = lengths[int(0.9 * (len(lengths) - 1))]
        words = max([header, *(_longest_word(t) for t in texts)])
        floors.append(max(4, min(LONGEST_WORD, words)) + PADDING)
        wants.append(min(80, max(4, header, typical)) + PADDING)
    spare = LINE_CHARACTERS - sum(floors)
    extra = [max(0, w - f) for w, f in zip(wants, floors, strict=True)]
    if spare <= 0 or not sum(extra):
        return floors
    # no column grows past what it wants: the widths are relative, so a table whose
    # columns all fit is scaled to the line in proportion to its content
    return [f + min(e, round(spare * e / sum(extra))) for f, e in zip(floors, extra, strict=True)]


def _printed_citation(keys: str) -> str:
    return "[" + ", ".join("00" for _ in keys.split(",")) + "]"


def _longest_word(text: str) -> int:
    return max((len(w) for w in str(text).split()), default=0)


def _breakable(table: str, frame: pd.DataFrame, trusted: Sequence[str] = ()) -> str:
    """A table the PDF may break across pages (LaTeX longtable), with wrapping columns."""
    widths = " ".join(str(w) for w in column_widths(frame, trusted))
    return f":::{{table}}\n:class: longtable\n:widths: {widths}\n\n{table}\n:::"


def download_link(path: Path, label: str = "") -> str:
    """A MyST ``{download}`` role for a file written next to the page.

    The default label names the file ("Data: actors-relations.csv"): in the HTML it is a
    link; in the PDF, where nothing can be downloaded, it is the name under which the
    file is in the book's data archive (:mod:`analysis.downloads`)."""
    relative = path.as_posix()
    if not re.fullmatch(r"[A-Za-z0-9_./\-]+", relative):
        raise ValueError(f"unsafe download path: {relative!r}")
    return "{download}`" + (label or f"Data: {path.name}") + " <" + relative + ">`"


def bullet_list(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def capped_list(
    items: Sequence[str],
    limit: int = HTML_ROWS,
    *,
    what: str = "items",
    where: str = "",
    order: str = "",
) -> str:
    """:func:`bullet_list` of the first ``limit`` items, then a note saying how many there are.

    ``where`` (MyST, e.g. a download link) says where the rest is; ``order`` how the items
    are sorted. A list of ``limit`` items or fewer is the plain bullet list.
    """
    if len(items) <= limit:
        return bullet_list(items)
    text = f"First {limit:,} of {len(items):,} {what}" + (f" ({order})" if order else "")
    text += f"; all are in {where}" if where else ""
    return f"{bullet_list(items[:limit])}\n\n*{text}.*"


def json_for_script(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element, whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
