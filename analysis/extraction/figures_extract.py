"""The figures of one sentence (see :mod:`analysis.extraction.figures` for the method)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extraction.figures_clauses import _attributions, _cues, _spans, _window, _year
from analysis.extraction.figures_lexicon import _key, _Lexicon, _lexicon, supported_languages
from analysis.extraction.figures_numbers import _Candidate, _numbers
from analysis.extraction.figures_table import TableRow, apply_label, table_row


@dataclass(frozen=True)
class Figure:
    """One quantitative claim found in a sentence.

    ``start`` / ``end`` are character offsets of ``text`` in the sentence. ``unit`` comes
    from the controlled vocabulary of the lexicon (``vehicles``, ``vehicles/year``,
    ``%``, ``MW``, ``kg``, ``USD/kWh``, ``RUB``...), ``""`` for a bare count.
    """

    text: str
    value: float
    unit: str
    year: int | None
    kind: str
    hedged: bool
    hedges: tuple[str, ...]
    attribution: str
    start: int
    end: int


def extract_figures(
    sentence: str, lang: str, sentence_year_hint: int | None = None
) -> list[Figure]:
    """Quantitative claims of one sentence, in order of appearance.

    ``lang`` is an ISO 639-1 code (``"fr"``, ``"en"``; a region suffix is ignored); an
    unsupported language gives ``[]``. ``sentence_year_hint`` is the year of the
    document's date: it resolves ``cette année`` / ``next year`` and marks figures
    about a later year as targets. A table row (``Haval — ventes 2024 (unités) :
    170 000 ; ...``) is read cell by cell, each value with its label.
    """
    lang = lang.lower()[:2]
    if lang not in supported_languages() or not re.search(r"\d|[^\W\d_]", sentence):
        return []
    lex = _lexicon(lang)
    row = table_row(sentence)
    skip = (row.head, *row.labels) if row else ()
    candidates, years = _numbers(sentence, lex, skip)
    if not candidates:
        return []
    strong = set(_spans(lex.strong_boundary, sentence, candidates))
    bounds = sorted(set(_spans(lex.boundary, sentence, candidates)) | strong)
    evidential = _cues(lex.evidential, sentence, lex)
    attributions = _attributions(sentence, lex)

    figures = []
    for cand in candidates:
        cell = row.cell_at(cand.start) if row else None
        if row and cell:
            apply_label(cand, sentence[cell[0][0] : cell[0][1]], lex)
            spans, clause = _cell_window(row, cell)
            year = _year(sentence, cand, years, clause, spans, lex, sentence_year_hint, [spans])
        else:
            spans, c_start, c_end = _window(sentence, cand, bounds, strong, lex)
            clause = (c_start, c_end)
            year = _year(sentence, cand, years, clause, spans, lex, sentence_year_hint)
        window = " ".join(sentence[a:b] for a, b in spans)

        target_cues = _cues(lex.target, window, lex) + _cues(lex.future, window, lex)
        target_cues += _cues(lex.near_future, window, lex)
        later = year is not None and sentence_year_hint is not None and year > sentence_year_hint
        kind = "target" if target_cues or later else "fact"

        hedges = _hedges(sentence, cand, window, evidential, lex)
        source = ""
        if attributions:
            nearest = min(
                attributions, key=lambda a: min(abs(a[1] - cand.end), abs(cand.start - a[2]))
            )
            source = nearest[0]
        figures.append(
            Figure(
                text=sentence[cand.start : cand.end],
                value=round(cand.count * cand.scale, 6),
                unit=cand.unit,
                year=year,
                kind=kind,
                hedged=bool(hedges),
                hedges=tuple(hedges),
                attribution=source,
                start=cand.start,
                end=cand.end,
            )
        )
    return figures


def _cell_window(
    row: TableRow, cell: tuple[tuple[int, int], tuple[int, int]]
) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """Window (head, label + value) and clause (label + value) of a table value."""
    (label_start, _), (_, value_end) = cell
    return [row.head, (label_start, value_end)], (label_start, value_end)


def _hedges(
    sentence: str, cand: _Candidate, window: str, evidential: list[str], lex: _Lexicon
) -> list[str]:
    """Approximators next to the figure, modal cues of its window, evidential cues."""
    hedges: list[str] = []
    if m := lex.approx_before.search(sentence, max(0, cand.start - 40), cand.start):
        hedges.append(_key(m["a"]))
    if cand.approx_after:
        hedges.append(cand.approx_after)
    hedges += _cues(lex.modal, window, lex) + _cues(lex.conditional, window, lex)
    hedges += evidential
    return list(dict.fromkeys(hedges))


def find_vague_quantities(sentence: str, lang: str) -> list[tuple[str, int, int]]:
    """Quantity words without a number ('des MILLIARDS de roubles'): (text, start, end).

    They are not figures (no value can be given) but count towards a text's vagueness.
    """
    lang = lang.lower()[:2]
    if lang not in supported_languages():
        return []
    lex = _lexicon(lang)
    found = []
    for m in lex.vague.finditer(sentence):
        before = sentence[max(0, m.start() - 12) : m.start()]
        words = re.findall(r"[\w’']+", before)
        if re.search(r"\d[\s\u00a0\u202f]*$", before) or (
            words
            and _key(words[-1]) in lex.word_values
            and lex.word_values[_key(words[-1])] is not None
        ):
            continue  # "3 millions", "deux milliards": a real number
        found.append((m.group(0), m.start(), m.end()))
    return found
