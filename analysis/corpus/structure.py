"""Markdown markup, tables and lists: one paragraph per table row and per list item.

Seeds copied from the web often hold a table (sales by carmaker, capacity by plant) or
a bulleted list. Left as they are, a table becomes one long "sentence" of pipes whose
header words look like names to NER, and list items run together. Here:

* :func:`strip_markdown` (``.md`` seeds) removes headings, links, images, emphasis,
  quotes and fences, and leaves table and list lines for :func:`mark_structure`;
* :func:`mark_structure` (every seed, after typography normalisation) recognises pipe
  tables and list items and rewrites each table row and list item as a line of its own
  block, so that it becomes its own paragraph. A data row carries the header labels as
  context (``Haval — ventes 2024 (unités) : 170 000 ; part de marché : 10,5 %.``);
  the header row itself is never emitted. In plain text (and in the text extracted from
  HTML, where trafilatura writes tables and lists the same way) only lines that are
  clearly Markdown count: ``|`` at both ends, or a list marker (``-``, ``*``, ``+``,
  ``1.``, ``1)``, ``•``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import KIND_LIST_ITEM, KIND_TABLE_ROW
from .text import LINE_END
from .wrapping import continues

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BREAK = re.compile(r"\s*([-*_=]\s*){3,}")
_MD_MARKERS = re.compile(r"(\*\*|__|`)")
# Single-character emphasis, *mot* or _mot_; "_" only at word edges (snake_case stays).
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")

# List markers; numbers have at most 3 digits so that "2024. Une année" is not an item.
_LIST_ITEM = re.compile(r"^(?:[-*+]\s+|\d{1,3}[.)]\s+|•\s*)(?=\S)")
# Delimiter row of a table: |---|:--:| (outer pipes optional in Markdown files).
_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# Quick test: only texts with a possible marker or a pipe are examined line by line.
_MAYBE = re.compile(r"^\s*(?:[-*+•|]|\d{1,3}[.)])", re.MULTILINE)
_WORD = re.compile(r"\w+")
_INNER_END = re.compile(r"\s*(?:;+|(?<!\.\w)(?<!\b[A-Z])\.+)$")


@dataclass(frozen=True)
class Structured:
    """What :func:`mark_structure` knows of a line it wrote: its paragraph kind, and the
    text to compare with other paragraphs for repetition (a row's cells without the
    header labels, which repeat in every row by construction)."""

    kind: str
    compare: str
    #: A table row's first column header, as a label ("client"; "" if none): what the
    #: row's subject is, which the row sentence does not write.
    row_header: str = ""


#: A note marker glued to the word or punctuation before it ("Lishen[11].", "en
#: 2023.[3]", "Fast Gear[réf. nécessaire]", "X[^2]"), a bracketed number glued to a
#: letter before a space or a stop, as a PDF prints its notes ("Beitan Graphite(1).";
#: not code such as "alert(1)>"), or a superscript a Markdown page keeps as HTML ("la
#: Russie<sup>[1]</sup>"): references, not text.
_NOTE_MARKER = re.compile(
    r"(?<=[\w.,;:!?)»\"'])\[(?:\^?\d{1,3}|[a-z]|notes? \d{1,3}|réf\. (?:nécessaire|souhaitée)"
    r"|citation needed|ref\. needed|source needed)\]"
    r"|(?<=[^\W\d_])\(\d{1,2}\)(?=[\s.,;:]|$)"
    r"|<sup>[^<>]{1,20}</sup>",
    re.IGNORECASE,
)
#: A Markdown footnote's label at the start of its line ("[^1]: ...").
_MD_FOOTNOTE = re.compile(r"^\s{0,3}\[\^\w+\]:\s*")


def strip_note_markers(text: str) -> str:
    """Drop note markers glued to the text ("Lishen[11]" -> "Lishen"), which would
    otherwise become part of names and figures."""
    return _NOTE_MARKER.sub("", text)


def strip_inline(text: str) -> str:
    """Drop emphasis markers and backticks, keeping the words they surround."""
    text = _MD_MARKERS.sub("", text)
    text = _MD_EMPHASIS.sub(r"\1", text)
    text = _MD_UNDERSCORE.sub(r"\1", text)
    return " ".join(text.split())


def strip_markdown(text: str) -> str:
    """Reduce Markdown to plain text: headings, links, images, emphasis, quotes, fences.

    Headings are put in their own block so that they become their own paragraph. List
    markers and table pipes are left for :func:`mark_structure`, which needs them.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip().startswith(("```", "~~~")) or _MD_BREAK.fullmatch(line):
            out.append("")
            continue
        heading = bool(_MD_HEADING.match(line))
        line = _MD_HEADING.sub("", line)
        line = _MD_QUOTE.sub("", line)
        line = _MD_FOOTNOTE.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_MARKERS.sub("", line).rstrip("#").strip()
        line = _MD_UNDERSCORE.sub(r"\1", _MD_EMPHASIS.sub(r"\1", line))
        out.extend(["", line, ""] if heading else [line])
    return "\n".join(out)


def is_table_line(line: str) -> bool:
    """A line that is clearly a Markdown table row: a pipe at both ends."""
    line = line.strip()
    return len(line) >= 2 and line.startswith("|") and line.endswith("|")


def _is_separator(line: str) -> bool:
    line = line.strip()
    return "|" in line and "-" in line and bool(_SEPARATOR.match(line))


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [strip_inline(cell.replace("\\|", "|")) for cell in _CELL_SPLIT.split(line)]


def _label(header: str) -> str:
    """A header cell in lower case, except acronyms and words with inner capitals (GWh,
    EV, CO2) and a lone capital inside the label ("catégorie A")."""

    def lower(match: re.Match[str]) -> str:
        word = match.group(0)
        if any(c.isupper() for c in word[1:]) or (len(word) == 1 and match.start() > 0):
            return word
        return word.lower()

    return _WORD.sub(lower, header)


def _end(text: str) -> str:
    return text if LINE_END.search(text) else f"{text}."


def _inner(value: str) -> str:
    # A full stop or semicolon inside the row would end its sentence or double a " ; "
    # (abbreviations such as "n.d." or "S.A." keep theirs).
    return _INNER_END.sub("", value)


#: Sets a table row's subject apart from its labelled cells (the extraction reads it).
ROW_DASH = "—"

#: Header labels of a column of row numbers ("| # | Exporter | ..."), lower-cased.
_NUMBER_LABELS = frozenset({"", "#", "no", "no.", "n°", "nº", "№", "rank", "rang", "ранг"})
_ROW_NUMBER = re.compile(r"\d{1,4}\.?")


def _numbered(cells: list[str], labels: list[str] | None) -> bool:
    """Is the row's first column one of row numbers ("| # | Exporter |")?"""
    return bool(
        labels
        and len(cells) > 2
        and labels[0].strip().lower() in _NUMBER_LABELS
        and _ROW_NUMBER.fullmatch(cells[0].strip())
    )


def _row_sentence(cells: list[str], labels: list[str] | None) -> str:
    """``subject — label : value ; label : value.``, or ``a ; b ; c.`` without a header.
    A first column of row numbers ("| # | Exporter |") is left out: the row's subject is
    the next cell."""
    if _numbered(cells, labels):
        cells, labels = cells[1:], labels[1:]
    if labels is None:
        values = [c for c in cells if c]
        return _end(" ; ".join([*map(_inner, values[:-1]), values[-1]]))
    pairs: list[str] = []
    for i, value in enumerate(cells[1:], start=1):
        if value:
            label = labels[i] if i < len(labels) else ""
            pairs.append(f"{label} : {value}" if label else value)
    pairs = [*map(_inner, pairs[:-1]), *pairs[-1:]]
    subject = cells[0]
    if subject and pairs:
        return _end(f"{_inner(subject)} {ROW_DASH} {' ; '.join(pairs)}")
    return _end(subject or " ; ".join(pairs))


def _render_table(lines: list[str]) -> list[tuple[str, Structured | None]]:
    """Lines to write for a table: one per data row. A row followed by a delimiter row is
    a header: its labels apply to the rows below it and it is not written. A one-cell
    header directly replaced by another one is a caption (trafilatura writes
    ``<caption>`` so): it is written as plain text."""
    out: list[tuple[str, Structured | None]] = []
    labels: list[str] | None = None
    header: list[str] = []
    header_used = True
    for j, line in enumerate(lines):
        if _is_separator(line):
            continue
        cells = _cells(line)
        if j + 1 < len(lines) and _is_separator(lines[j + 1]):
            filled = [c for c in header if c]
            if not header_used and len(filled) == 1:
                out.append((filled[0], None))
            header, header_used = cells, False
            labels = [_label(c) for c in cells] if any(cells) else None
            continue
        if not any(cells):
            continue
        header_used = True
        compare = _end(" ; ".join(c for c in cells if c))
        first = (labels[1:] if _numbered(cells, labels) else labels or [""])[0]
        row = Structured(KIND_TABLE_ROW, compare, first.strip())
        out.append((_row_sentence(cells, labels), row))
    return out


def _table_length(lines: list[str], start: int, markdown: bool) -> int:
    """Number of lines of the table starting at ``lines[start]`` (0: no table there).
    Markdown files also have tables without outer pipes, known by their delimiter row."""
    n = len(lines)
    if is_table_line(lines[start]):
        end = start
        while end < n and is_table_line(lines[end]):
            end += 1
        return end - start
    if markdown and "|" in lines[start] and start + 1 < n and _is_separator(lines[start + 1]):
        end = start
        while end < n and "|" in lines[end] and lines[end].strip():
            end += 1
        return end - start
    return 0


def mark_structure(text: str, *, markdown: bool) -> tuple[str, dict[str, Structured]]:
    """Rewrite table rows and list items of ``text`` as lines in blocks of their own.

    Returns the new text and, for each line written here, what it is. Other lines are
    kept as they are (a text without tables or lists comes back unchanged). A line that
    follows a list item continues it: in Markdown any line of the same block (a lazy
    continuation), in plain text an indented one (a hanging indent) or one that
    ``wrapping.continues`` (a hard wrap).
    """
    if not _MAYBE.search(text) and not (markdown and "|" in text):
        return text, {}
    lines = text.split("\n")
    out: list[str] = []
    found: dict[str, Structured] = {}
    item: str | None = None

    def write(line: str, what: Structured | None) -> None:
        out.extend(["", line, ""])
        if what is not None:
            found[line] = what

    def end_item() -> None:
        nonlocal item
        if item is not None and (plain := strip_inline(item)):
            write(plain, Structured(KIND_LIST_ITEM, plain))
        item = None

    i = 0
    while i < len(lines):
        line = lines[i].strip()
        size = _table_length(lines, i, markdown) if line else 0
        marker = _LIST_ITEM.match(line)
        if size:
            end_item()
            for row, what in _render_table(lines[i : i + size]):
                write(row, what)
            i += size
            continue
        if marker:
            end_item()
            item = line[marker.end() :]
        elif (
            item is not None
            and line
            and (
                markdown
                # (a hanging indent under the item's text, or a hard wrap)
                or lines[i][:1] in (" ", "\t")
                or continues(item, line, None)
            )
        ):
            item = f"{item} {line}"
        else:
            end_item()
            out.append(lines[i])
        i += 1
    end_item()
    return "\n".join(out), found  # split and join: unchanged lines come back as they were


def paragraph_kinds(
    paragraphs: list[str], structure: dict[str, Structured]
) -> tuple[list[str], list[str], list[str]]:
    """The kind of each paragraph (``""`` when it is not a table row or a list item),
    the text to compare it with others (a table row without the labels, which repeat in
    every row and would make rows look like copies of one another) and its row header
    (``""`` when it is no table row or its first column has none)."""
    found = [structure.get(p) for p in paragraphs]
    kinds = [what.kind if what else "" for what in found]
    compare = [what.compare if what else p for p, what in zip(paragraphs, found, strict=True)]
    return kinds, compare, [what.row_header if what else "" for what in found]
