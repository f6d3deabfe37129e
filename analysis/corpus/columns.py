"""Tables set in columns of spaces: plain text's tables, rewritten as pipe tables.

A report or a filing pasted as plain text sets its tables in columns: a header line and
rows whose cells start at the same character positions, separated by runs of spaces
("Carvallon Deutschland GmbH      Allemagne    100 %     Distribution"). Read as prose,
a row is one run-on "sentence" and a name runs into the next cell ("... GmbH
Allemagne"). Before spaces are collapsed, such a table is rewritten as a pipe table
("| Société | Pays | Détention | Activité |"), which ``structure`` renders row by row
like a Markdown table.

A table is a header line with at least :data:`MIN_COLUMNS` cells, each after a run of
at least two spaces, followed by at least :data:`MIN_ROWS` lines (rules of dashes or
underscores aside) whose cells start where the header's do. A line that starts with
spaces and has no first cell continues the row above it, cell by cell ("  Co., Ltd."
under "Carvallon Beitan (Jixi) Anode Materials"), and before the first row it continues
the header ("Place of" / "incorporation"); a word broken by a hyphen at a cell's end is
joined again. A line with its first cell alone labels the group of rows after it
("Subsidiaries", "Associates") and is no row.
"""

from __future__ import annotations

import re

#: A cell's start: a character after a run of two spaces or more (or at the line's start).
_CELL = re.compile(r"(?:^|(?<=\s{2}))\S")
#: A rule line under or over a table.
_RULE = re.compile(r"^\s*[-_=─━]{5,}(?:\s+[-_=─━]{2,})*\s*$")
#: How many columns a table has at least, and how many rows.
MIN_COLUMNS = 3
MIN_ROWS = 2
#: How far (characters) a cell may start from its header's column.
SLACK = 2


def _starts(line: str) -> list[int]:
    return [m.start() for m in _CELL.finditer(line)]


def _aligned(starts: list[int], columns: list[int]) -> bool:
    """Does every cell of a row start at a column of the header (the first at 0)?"""
    return bool(starts) and all(any(abs(s - c) <= SLACK for c in columns) for s in starts)


def _cells(line: str, columns: list[int]) -> list[str]:
    bounds = [*columns[1:], len(line) + 1]
    return [line[a:b].strip() for a, b in zip(columns, bounds, strict=True)]


def _continued(lines: list[str], i: int) -> bool:
    """Does line ``i`` continue the row above it (indented, not blank)?"""
    return i < len(lines) and lines[i][:1].isspace() and bool(lines[i].strip())


def _joined(previous: str, more: str) -> str:
    if not more:
        return previous
    if previous.endswith("-") and previous[-2:-1].isalpha() and more[:1].islower():
        return previous[:-1] + more  # "sphé-" / "roïdisé"
    return f"{previous} {more}".strip()


def _table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """The rows (header first) of a table whose header is ``lines[start]``, and the
    index after its last line; no rows if none starts there."""
    columns = _starts(lines[start])
    if len(columns) < MIN_COLUMNS or columns[0] != 0:
        return [], start
    rows = [_cells(lines[start], columns)]
    body = False  # (no row read yet: an indented line still continues the header)
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if _RULE.match(line) or (not body and not line.strip() and i == start + 1):
            i += 1  # (a rule, or one blank line between the header and its rows)
            continue
        starts = _starts(line)
        if not line.strip() or not _aligned(starts, columns):
            break
        cells = _cells(line, columns)
        if line[:1].isspace() and (len(rows) > 1 or not body):
            # (a row's next line, or the header's: "Place of" / "incorporation")
            rows[-1] = [_joined(a, b) for a, b in zip(rows[-1], cells, strict=True)]
        elif line[:1].isspace():
            break
        elif len(starts) == 1 and not _continued(lines, i + 1):
            pass  # a group's label across the table ("Subsidiaries", "Associates")
        else:
            rows.append(cells)
            body = True
        i += 1
    if len(rows) - 1 < MIN_ROWS:
        return [], start
    return rows, i


def pipe_tables(text: str) -> str:
    """``text`` with its tables set in columns of spaces rewritten as pipe tables (the
    header, a delimiter row, the rows); other lines as they were."""
    if "   " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows, end = _table(lines, i) if "  " in lines[i] else ([], i)
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        header, *body = rows
        if out and _continued(lines, i - 1) and _aligned(_starts(out[-1]), _starts(lines[i])[1:]):
            # the header's first line, with no first cell ("        Power    Energy")
            above = _cells(out.pop(), _starts(lines[i]))
            header = [_joined(a, b) for a, b in zip(above, header, strict=True)]
        out += ["", f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
        out += [f"| {' | '.join(r)} |" for r in body]
        out.append("")
        i = end
    return "\n".join(out)
