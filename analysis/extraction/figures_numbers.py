"""Numbers of a sentence: value, multiplier, currency, unit and rate; what is not a figure.

See steps 1 and 2 of :mod:`analysis.extraction.figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from analysis.extraction.figures_lexicon import (
    _LETTER,
    _SP,
    _UPPER,
    _key,
    _Lexicon,
    decimal_comma_languages,
)


@dataclass
class _Candidate:
    """A number being parsed, before clause-level features are added."""

    start: int
    end: int
    count: float
    scale: float = 1.0
    unit: str = ""
    has_scale: bool = False
    approx_after: str = ""

    @property
    def bare(self) -> bool:
        return not self.unit and not self.has_scale


def _parse_digits(text: str, lang: str) -> float:
    """Value of a digit string written with the language's separators."""
    text = re.sub(r"[ \u00a0\u202f\u2009]", "", text)
    if lang in decimal_comma_languages():
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
            text = text.replace(".", "")
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


def _is_currency(unit: str, lex: _Lexicon) -> bool:
    return unit in lex.currency_symbols.values() or unit in lex.currency_codes.values()


def _parse_tail(sentence: str, cand: _Candidate, lex: _Lexicon) -> bool:
    """Extend a number with multiplier, currency, percent, unit and rate.

    Returns False when the number turns out to be part of a code or an ordinal.
    """
    pos = cand.end
    glued = pos < len(sentence) and re.match(_LETTER, sentence[pos]) is not None

    m = lex.scale_word.match(sentence, pos)
    if m and not cand.has_scale:
        cand.scale, cand.has_scale, pos = lex.scales[_key(m["s"])], True, m.end()
    elif m := lex.symbol_scale.match(sentence, pos):
        cand.scale, cand.has_scale, pos = lex.symbol_scales[m["s"]], True, m.end()
    elif glued and (m := _attached_scale(sentence, cand, pos, lex)):
        cand.scale, cand.has_scale, pos = lex.attached_scales[m["s"].lower()], True, m.end()
    elif (m := lex.spaced_scale.match(sentence, pos)) and (
        cand.unit or _unit_right_after(sentence, m.end(), lex)
    ):
        # "$5 m", "1.8 m vehicles": a spaced letter after a currency or before a unit is a
        # multiplier, not metres.
        cand.scale, cand.has_scale, pos = lex.attached_scales[m["s"].lower()], True, m.end()
    if cand.has_scale and (m := lex.half.match(sentence, pos)):
        cand.count += 0.5
        pos = m.end()

    glued = pos < len(sentence) and re.match(_LETTER, sentence[pos]) is not None
    if glued and pos == cand.end and lex.ordinal_after.match(sentence, pos):
        return False  # "2e", "1er", "3rd": ordinals, not quantities
    if cand.unit:  # a currency before the number ("$115"): no other unit after it
        if glued:
            return False
    elif m := lex.currency_after.match(sentence, pos):
        symbol = m["c"]
        cand.unit = (
            lex.currency_symbols[symbol] if symbol else lex.currency_codes[m["code"].lower()]
        )
        pos = m.end()
    elif m := lex.points.match(sentence, pos):
        cand.unit, pos = "pp", m.end()
    elif m := lex.percent.match(sentence, pos):
        cand.unit, pos = "%", m.end()
    elif m := lex.unit.match(sentence, pos):
        cand.unit, pos = lex.units[_key(m["u"])], m.end()
    elif glued:
        return False  # "30C", "4x4", "5G": a code, not a quantity
    if _is_currency(cand.unit, lex) and (m := lex.per_unit.match(sentence, pos)):
        cand.unit, pos = f"{cand.unit}/{lex.units[_key(m['d'])]}", m.end()  # "$115/kWh"

    if m := lex.rate.match(sentence, pos):
        cand.unit = f"{cand.unit}/{lex.rates[_key(m['r'])]}"
        pos = m.end()
    if m := lex.approx_after.match(sentence, pos):
        cand.approx_after = _key(m["a"])
    cand.end = pos
    return True


def _unit_right_after(sentence: str, pos: int, lex: _Lexicon) -> bool:
    """A unit noun right after ``pos`` (no adjective in between: "5 m long buses")."""
    m = lex.unit.match(sentence, pos)
    return bool(m and re.fullmatch(r"\W*(?:de|d['’]|of)?\W*", sentence[pos : m.start("u")]))


def _attached_scale(
    sentence: str, cand: _Candidate, pos: int, lex: _Lexicon
) -> re.Match[str] | None:
    """A glued multiplier ("3bn", "5k"), only when a unit or currency makes it plausible."""
    m = lex.attached_scale.match(sentence, pos)
    if m and (lex.unit.match(sentence, m.end()) or cand.unit or _currency_near(sentence, cand, m)):
        return m
    return None


def _currency_near(sentence: str, cand: _Candidate, m: re.Match[str]) -> bool:
    """A currency symbol right before the number or right after the glued multiplier."""
    before = sentence[max(0, cand.start - 1) : cand.start]
    after = sentence[m.end() : m.end() + 2]
    return bool(re.search(r"[$€£₽₸]", before + after)) or sentence[cand.start] in "$€£₽₸"


def _is_not_a_figure(sentence: str, cand: _Candidate, lex: _Lexicon, raw_digits: str) -> str:
    """Why a bare number is not a figure ("year", "date", ...) or "" if it is one."""
    if not cand.bare:
        return ""
    after = cand.end
    left = sentence[max(0, cand.start - 25) : cand.start]
    if re.fullmatch(r"\d{4}", raw_digits) and 1800 <= int(raw_digits) <= 2100:
        return "year"
    if lex.month_after.match(sentence, after) or lex.month_before.search(left):
        return "date"  # "4 octobre", "du 22 au 25 août", "Oct. 4", "March 3 and 5"
    if re.fullmatch(r"\d{1,2}", raw_digits) and re.search(r"\d{4}-(?:\d{1,2}-)?$", left):
        return "date"  # "2024-03-01"
    if sentence[cand.start - 1 : cand.start] == "[" and sentence[after : after + 1] == "]":
        return "note marker"  # "has not come back.[3]", "[6]", "[1] Geological ..."
    if sentence[max(0, cand.start - 2) : cand.start] == "[^":
        return "note marker"  # Markdown footnotes: "[^1]: ..."
    if lex.time_after.match(sentence, after) or lex.time_before.search(left):
        return "time"  # "10 h 30", "14 h", "9 am"
    if lex.duration_after.match(sentence, after):
        return "duration"
    if re.match(r"(?:h\d|:\d|[/.]\d|-[^\W\d])", sentence[after : after + 2]):
        return "time or code"
    if lex.identifier_before.search(left):
        return "identifier"
    prev = re.search(rf"({_UPPER}[\w\-]*){_SP}+$", left)
    if prev and cand.start - len(prev.group(0)) > 0 and _key(prev[1]) not in lex.name_stopwords:
        return "model name"  # "Model 3", "Renault 5", but not sentence-initial "Environ 600"
    return ""


def _numbers(
    sentence: str, lex: _Lexicon, skip: tuple[tuple[int, int], ...] = ()
) -> tuple[list[_Candidate], list[tuple[int, int, int]]]:
    """Figure candidates and year mentions (start, end, year) of a sentence.

    Numbers starting inside a ``skip`` span (table labels) are years or nothing.
    """
    figures: list[_Candidate] = []
    years: list[tuple[int, int, int]] = []
    for m in lex.number.finditer(sentence):
        if m["digits"]:
            count = _parse_digits(m["digits"], lex.lang)
        else:
            value = lex.word_values.get(_key(m["word"]))
            if value is None:
                continue  # "plusieurs millions": a vague quantity
            count = value + (0.5 if m["whalf"] else 0.0)
        cand = _Candidate(start=m.start(), end=m.end(), count=count)
        if m["cur"]:
            symbol = m["cur"]
            cand.unit = lex.currency_symbols.get(symbol) or lex.currency_codes[symbol.lower()]
        skipped = any(a <= cand.start < b for a, b in skip)
        if skipped and re.fullmatch(r"\d{4}", m["digits"] or "") and 1800 <= count <= 2100:
            years.append((cand.start, cand.end, int(count)))
            continue
        if skipped or not _parse_tail(sentence, cand, lex):
            continue
        reason = _is_not_a_figure(sentence, cand, lex, m["digits"] or "")
        if reason == "year":
            years.append((cand.start, cand.end, int(m["digits"])))
        elif not reason:
            figures.append(cand)
    for m in lex.fraction.finditer(sentence):
        before = re.findall(r"[\w’']+", sentence[max(0, m.start() - 20) : m.start()])
        if before and _key(before[-1]) in lex.fraction_blockers:
            continue  # "the first half of 2024" is a period
        if any(a <= m.start() < b for a, b in skip):
            continue
        value = lex.fractions[_key(m["f"])]
        figures.append(_Candidate(m.start(), m.end(), value, unit="%", has_scale=True))
    figures.sort(key=lambda c: c.start)
    _spread_ranges(sentence, figures)
    return figures, years


def _spread_ranges(sentence: str, figures: list[_Candidate]) -> None:
    """'entre 2 et 3 millions de voitures': the first bound takes the second's unit."""
    for first, second in pairwise(figures):
        gap = sentence[first.end : second.start]
        if first.bare and re.fullmatch(rf"{_SP}*(?:et|à|and|to|-|–|ou|or){_SP}*\$?€?", gap):
            first.unit, first.scale, first.has_scale = second.unit, second.scale, second.has_scale
