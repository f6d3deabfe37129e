"""Clause windows, years, cue words and attributions of figures.

See steps 3 to 7 of :mod:`analysis.extraction.figures`.
"""

from __future__ import annotations

import re

from analysis.extraction.figures_lexicon import _key, _Lexicon
from analysis.extraction.figures_numbers import _Candidate

Span = tuple[int, int]
Year = tuple[int, int, int]


def _spans(pattern: re.Pattern[str], sentence: str, protected: list[_Candidate]) -> list[int]:
    """Start offsets of boundary matches that do not fall inside a figure."""
    return [
        m.start()
        for m in pattern.finditer(sentence)
        if not any(c.start <= m.start() < c.end for c in protected)
    ]


def _continues(sentence: str, start: int, lex: _Lexicon) -> bool:
    """Does the clause starting at ``start`` continue the clause before it?

    True for an infinitival or prepositional complement (``, de produire``), an elliptic
    figure (``et 2 millions en 2030``) or a coordinated verb sharing the subject
    (``et produit``); False when the clause brings its own subject.
    """
    m = lex.clause_opening.match(sentence, start)
    rest = sentence[m.end() :] if m else sentence[start:]
    if lex.continuation.match(rest) or lex.elliptic_figure.match(rest):
        return True
    word = re.match(r"[\w’']+", rest)
    if not (m and m["conj"] and word):
        return False
    first = _key(word.group(0))
    return word.group(0)[0].islower() and first not in lex.subject_starters


def _window(
    sentence: str, cand: _Candidate, bounds: list[int], strong: set[int], lex: _Lexicon
) -> tuple[list[Span], int, int]:
    """(window spans, clause_start, clause_end) of a figure.

    The clause runs between the boundaries around the figure; the window extends it
    leftwards over the clauses it continues (see :func:`_continues`), never over a strong
    boundary (``;``, ``mais``, ``contre``, ``while``...), and steps over relative clauses
    on the way (``..., which could make ..., to a local firm for 10,000 roubles``).
    """
    clause_start = max((b for b in bounds if b < cand.start), default=0)
    clause_end = min((b for b in bounds if b >= cand.end), default=len(sentence))
    spans = [(clause_start, clause_end)]
    start = clause_start
    extend = start > 0 and start not in strong and _continues(sentence, start, lex)
    while extend:
        prev = max((b for b in bounds if b < start), default=0)
        relative = prev > 0 and lex.relative_opening.match(sentence, prev) is not None
        if not relative:
            spans.insert(0, (prev, start))
        start = prev
        extend = start > 0 and start not in strong
        extend = extend and (relative or _continues(sentence, start, lex))
    return spans, clause_start, clause_end


def _year(
    sentence: str,
    cand: _Candidate,
    years: list[Year],
    clause: Span,
    window: list[Span],
    lex: _Lexicon,
    hint: int | None,
    scopes: list[list[Span]] | None = None,
) -> int | None:
    """Year a figure refers to (explicit, then relative, then the window's only year).

    Years given as a comparison base ("qu'en 2022", "up from ... since 2019") are skipped.
    ``scopes`` are where a single year is looked for after the clause (default: the
    window, then the whole sentence).
    """
    years = [
        y for y in years if not lex.relative_year_blocker.search(sentence, max(0, y[0] - 25), y[0])
    ]
    inside = [y for y in years if clause[0] <= y[0] and y[1] <= clause[1]]
    if inside:
        return min(inside, key=lambda y: min(abs(y[0] - cand.end), abs(cand.start - y[1])))[2]
    if hint is not None and (offset := _relative_year(sentence, clause, lex)) is not None:
        return hint + offset
    # Else the only year of the window, then the only year of the sentence ("En 2023, ...").
    for scope in scopes if scopes is not None else [window, [(0, len(sentence))]]:
        distinct = {y[2] for y in years if any(a <= y[0] and y[1] <= b for a, b in scope)}
        if len(distinct) == 1:
            return distinct.pop()
    if hint is not None:
        for span in window:
            if (offset := _relative_year(sentence, span, lex)) is not None:
                return hint + offset
    return None


def _relative_year(sentence: str, span: Span, lex: _Lexicon) -> int | None:
    """Offset of a relative year phrase in a span ("l'an prochain" = +1), if any.

    Phrases used as a comparison base ("up 10% from last year") are skipped.
    """
    for m in lex.relative_year.finditer(sentence, span[0], span[1]):
        if not lex.relative_year_blocker.search(sentence, max(0, m.start() - 25), m.start()):
            return lex.relative_years[_key(m.group(0))]
    return None


def _cues(pattern: re.Pattern[str] | None, text: str, lex: _Lexicon) -> list[str]:
    """Lower-case cue words of a pattern found in a text (month 'May' is not 'may').

    A source preposition introducing a qualifier ("selon le modèle", "according to
    category", "selon que") is not a cue.
    """
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        word = _key(m.group(0))
        if word in lex.future_stopwords:
            continue
        if word in lex.months and m.group(0)[0].isupper() and m.start() > 0:
            continue
        if word in lex.source_prepositions and lex.qualifier.match(text, m.end()):
            continue
        found.append(word)
    return found


def _attributions(sentence: str, lex: _Lexicon) -> list[tuple[str, int, int, bool]]:
    """(source, start, end, is_source_phrase) of every attribution in a sentence."""
    found = []
    for index, pattern in enumerate(lex.attributions):
        for m in pattern.finditer(sentence):
            if index == 0 and lex.qualifier.match(sentence, m.end("prep")):
                continue  # "selon la version Haval Jolion": a qualifier, not a source
            if m.groupdict().get("anon"):
                found.append((lex.anonymous[_key(m["anon"])], m.start(), m.end(), True))
                continue
            words = m["name"].split()
            while words and _key(words[0]) in lex.name_stopwords:
                words.pop(0)
            name = " ".join(words).rstrip(".’'")
            if name:
                found.append((name, m.start(), m.end(), index < 2))
    return found
