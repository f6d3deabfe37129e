"""Table rows rendered as sentences: ``Head — label : value ; label : value.``

The corpus renders a Markdown / HTML table row as its first cell, an em dash, then
``label : value`` pairs (the column header and the cell) separated by ``;``. The head
names what the row is about (the subject of every figure in it); a label gives its value
the unit, multiplier, year and cue words the value does not repeat
(``ventes 2024 (unités) : 170 000`` is 170,000 vehicles in 2024).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extraction.figures_lexicon import _key, _Lexicon, _raw_lexicon
from analysis.extraction.figures_numbers import _Candidate

Span = tuple[int, int]

_HEAD = re.compile(r"\s*(?P<head>[^—:;]{1,80}?)\s+—\s+")
_CELL = re.compile(r"\s*(?P<label>[^:;—]{1,80}?)\s*:\s+(?P<value>\S[^;]*?)\s*")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class TableRow:
    """Spans of a row's head and of each cell's label and value."""

    head: Span
    cells: tuple[tuple[Span, Span], ...]

    @property
    def labels(self) -> tuple[Span, ...]:
        return tuple(label for label, _ in self.cells)

    def cell_at(self, pos: int) -> tuple[Span, Span] | None:
        """(label, value) of the cell whose value holds offset ``pos``."""
        for label, value in self.cells:
            if value[0] <= pos < value[1]:
                return label, value
        return None


def table_row(sentence: str) -> TableRow | None:
    """The row structure of a sentence, or None for running text.

    With a first cell (``Head — ...``), a part may be a bare value (a column without a
    header), but one part at least must be a ``label : value`` pair (a colon followed by
    a space, so that ``10:30`` is no pair). A row whose first cell is empty is written
    without it (``label : value ; label : value.``): it needs two pairs or more and
    nothing else; its head is the empty span ``(0, 0)``.
    """
    m = _HEAD.match(sentence)
    start, head = (m.end(), m.span("head")) if m else (0, (0, 0))
    end = len(sentence.rstrip())
    if end and sentence[end - 1] == ".":
        end -= 1
    cells = []
    for part in re.finditer(r"[^;]+", sentence[start:end]):
        offset = start + part.start()
        if cell := _CELL.fullmatch(part.group(0)):
            label = (offset + cell.start("label"), offset + cell.end("label"))
            value = (offset + cell.start("value"), offset + cell.end("value"))
        elif m and "—" not in part.group(0) and part.group(0).strip():
            text = part.group(0)  # a value without a label
            value = (offset + len(text) - len(text.lstrip()), offset + len(text.rstrip()))
            label = (value[0], value[0])
        else:
            return None
        cells.append((label, value))
    labelled = sum(label[1] > label[0] for label, _ in cells)
    if labelled < (1 if m else 2):
        return None
    return TableRow(head, tuple(cells))


def label_unit(label: str, lex: _Lexicon) -> tuple[str, float | None]:
    """(unit, multiplier) a column label gives its values; ``""`` / None when it gives none.

    The parenthesised part of the label is read first (``ventes 2024 (unités)``), then
    the whole label (``staff``). Units are renamed by ``label_unit_aliases``.
    """
    parts = [*_PARENTHESIS.findall(label), label]
    unit, scale = "", None
    for text in parts:
        if not unit and (m := lex.label_unit.search(text)):
            unit = _unit_of(m, lex)
        if scale is None and (m := lex.label_scale.search(text)):
            scale = lex.symbol_scales[m["sym"]] if m["sym"] else lex.label_scales[_key(m["s"])]
    return unit, scale


def _unit_of(m: re.Match[str], lex: _Lexicon) -> str:
    if m["p"]:
        return "%"
    if m["c"]:
        return lex.currency_symbols[m["c"]]
    if m["code"]:
        return lex.currency_codes[m["code"].lower()]
    unit = lex.units[_key(m["u"])]
    unit = _raw_lexicon().get("label_unit_aliases", {}).get(unit, unit)
    return f"{unit}/{lex.rates[_key(m['r'])]}" if m["r"] else unit


def apply_label(cand: _Candidate, label: str, lex: _Lexicon) -> None:
    """Give a value the label's unit and multiplier when it does not write its own."""
    unit, scale = label_unit(label, lex)
    if scale is not None and not cand.has_scale and cand.unit in ("", unit):
        cand.scale, cand.has_scale = scale, True
    if unit and not cand.unit:
        cand.unit = unit
