"""The figures of one sentence (see :mod:`analysis.extraction.figures` for the method)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extraction.figures_clauses import _attributions, _cues, _spans, _window, _year
from analysis.extraction.figures_lexicon import _key, _Lexicon, _lexicon, supported_languages
from analysis.extraction.figures_numbers import _Candidate, _numbers
from analysis.extraction.figures_table import TableRow, apply_label, table_row
from analysis.extraction.units import UNIT_FAMILIES


@dataclass(frozen=True)
class Figure:
    """One quantitative claim found in a sentence.

    ``start`` / ``end`` are character offsets of ``text`` in the sentence. ``unit`` comes
    from the controlled vocabulary of the lexicon (``vehicles``, ``vehicles/year``,
    ``%``, ``MW``, ``kg``, ``USD/kWh``, ``RUB``...), ``""`` for a bare count. ``kind`` is
    ``fact``, ``target`` (a plan, goal or capacity) or ``forecast`` (an expectation);
    ``bound`` is ``lower`` (``plus de``, ``at least``), ``upper`` (``jusqu'à``, ``below``)
    or ``""``: a bound is not a hedge. ``phrase`` is the figure's clause as written ("les
    ventes pourraient chuter en dessous d'un million"): what the figure counts.
    """

    text: str
    value: float
    unit: str
    year: int | None
    kind: str
    bound: str
    hedged: bool
    hedges: tuple[str, ...]
    attribution: str
    start: int
    end: int
    phrase: str = ""


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

        later = year is not None and sentence_year_hint is not None and year > sentence_year_hint
        kind = _kind(window, later, lex)
        if kind == "fact" and _contracted(cand.unit, window, lex):
            kind = "target"
        if not cand.unit and lex.counted_noun and (noun := lex.counted_noun.search(window)):
            cand.unit = lex.counted_units[_key(noun["n"])]
        bound, hedges = _bound_and_hedges(sentence, cand, window, evidential, lex)
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
                bound=bound,
                hedged=bool(hedges),
                hedges=tuple(hedges),
                attribution=source,
                start=cand.start,
                end=cand.end,
                phrase=_phrase(sentence, clause, cand, lex),
            )
        )
    return figures


#: How many characters of its clause a figure's phrase keeps on each side of it.
PHRASE_REACH = 80


def _phrase(sentence: str, clause: tuple[int, int], cand: _Candidate, lex: _Lexicon) -> str:
    """The figure's clause, cut to :data:`PHRASE_REACH` characters on each side at a word,
    without the conjunction that opens it ("et les ventes ..." reads "les ventes ...")."""
    start = max(clause[0], cand.start - PHRASE_REACH)
    end = min(clause[1], cand.end + PHRASE_REACH)
    if 0 < start < cand.start and (start > clause[0] or sentence[start - 1].isalnum()):
        start = sentence.find(" ", start, cand.start) + 1 or start  # at a word
    if end < clause[1] and (space := sentence.rfind(" ", cand.end, end)) > 0:
        end = space
    if (opening := lex.clause_opening.match(sentence, start)) and opening.end() <= cand.start:
        start = opening.end()
    return sentence[start:end].strip(' ,;:.«»"“”')


def _cell_window(
    row: TableRow, cell: tuple[tuple[int, int], tuple[int, int]]
) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """Window (head, label + value) and clause (label + value) of a table value."""
    (label_start, _), (_, value_end) = cell
    return [row.head, (label_start, value_end)], (label_start, value_end)


def _kind(window: str, later: bool, lex: _Lexicon) -> str:
    """``forecast``, ``target`` or ``fact``, from the cues of the figure's window (see
    ``forecast_cues`` in ``figures.yaml`` for the order)."""
    if _cues(lex.forecast, window, lex):
        return "forecast"
    if _cues(lex.target, window, lex):
        return "target"
    if _cues(lex.forecast_modal, window, lex) or _cues(lex.conditional, window, lex):
        return "forecast"
    if _cues(lex.future, window, lex) or _cues(lex.near_future, window, lex) or later:
        return "target"
    return "fact"


#: Unit families whose figure in a contract is capacity contracted, not yet delivered.
_CONTRACTED_FAMILIES = frozenset({"power (MW)", "energy (GWh)"})


def _contracted(unit: str, window: str, lex: _Lexicon) -> bool:
    """A power or energy figure in a contract's clause (see ``contract_cues``)."""
    family = UNIT_FAMILIES.get(unit, ("", 1.0))[0]
    return family in _CONTRACTED_FAMILIES and bool(_cues(lex.contract, window, lex))


def _bound_and_hedges(
    sentence: str, cand: _Candidate, window: str, evidential: list[str], lex: _Lexicon
) -> tuple[str, list[str]]:
    """The figure's bound, and its hedges: approximators next to it, modal cues of its
    window, evidential cues. A bound word is the bound, not a hedge."""
    bound, hedges = "", []
    words = []
    if m := lex.approx_before.search(sentence, max(0, cand.start - 40), cand.start):
        words.append(_key(m["a"]))
    if cand.approx_after:
        words.append(cand.approx_after)
    for word in words:
        if word in lex.lower_bounds:
            bound = bound or "lower"
        elif word in lex.upper_bounds:
            bound = bound or "upper"
        else:
            hedges.append(word)
    hedges += _cues(lex.modal, window, lex) + _cues(lex.conditional, window, lex)
    hedges += evidential
    return bound, list(dict.fromkeys(hedges))


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
