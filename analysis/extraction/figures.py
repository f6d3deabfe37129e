"""Quantitative claims: numbers with unit, value, year, kind, hedging and attribution.

The extractor works on one plain-text sentence at a time with compiled regular
expressions over the cue lexicons of ``analysis/data/lexicons/figures.yaml`` (French and
English). It loads no language model, so the pipeline can call it on every sentence for
a small fraction of the cost of the spaCy parse.

Method, in order:

1. **Numbers.** Digits with the language's separators (French ``100 000`` with normal,
   no-break U+00A0 or narrow no-break U+202F spaces and decimal comma ``58,7``; English
   ``270,000`` and ``1.5``), or a number word in front of a multiplier (``un million``).
   A multiplier (``million``, ``milliards``, ``bn``), ``et demi`` / ``and a half``,
   a currency, a percent sign, a unit noun (optionally after ``de`` / ``of`` and, in
   English, one adjective) and a rate (``par an``) may follow. Fractions with a
   complement (``la moitié de``) are percentages.
2. **Not figures.** Bare numbers (no unit, multiplier or currency) are dropped when they
   are years (1800-2100, kept as year mentions), days of a date (``7 septembre``),
   durations (``3 ans``), ordinals (``2e``), times, identifiers (``n° 5``) or model
   names (``Model 3``, ``C30``: a number glued to or right after a capitalised word).
   Quantity words without a number (``des MILLIARDS de roubles``) are never figures;
   :func:`find_vague_quantities` reports them separately.
3. **Clause window.** The sentence is cut at punctuation and conjunctions into clauses.
   A figure's *window* runs from the last strong boundary before it (``;``, ``mais``,
   ``contre``, ``while``...) to the end of its own clause, leaving out relative clauses
   (``, qui ...,``) that do not contain it, so a cue in the main clause reaches a figure
   in a complement (``Kamaz ... s'attendait à produire environ 600 voitures``) but not
   a figure in a later coordinated clause.
4. **Year.** The nearest explicit year in the figure's clause; else a relative year
   (``cette année``, ``next year``) resolved with ``sentence_year_hint``; else the single
   year of the window.
5. **Kind.** ``target`` when the window holds a plan / expectation / capacity cue, a
   French future (``produira``) or ``va`` + infinitive, or when the year is later than
   ``sentence_year_hint``; ``fact`` otherwise.
6. **Hedges.** Approximators right before or after the number (``environ``, ``up to``,
   ``plus de``), modal and expectation cues and French conditionals in the window, and
   evidential cues (``selon``, ``according to``, ``sources anonymes``) anywhere in the
   sentence.
7. **Attribution.** ``selon X`` / ``according to X``, inverted ``, a indiqué X`` /
   ``, said X``, or ``X a déclaré`` / ``X said``; the occurrence nearest the figure wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "Figure",
    "assign_subject",
    "extract_figures",
    "find_vague_quantities",
    "supported_languages",
]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "figures.yaml"

_SP = "[ \u00a0\u202f\u2009]"  # any single space, incl. no-break and narrow no-break
_LETTER = r"[^\W\d_]"
_UPPER = "[A-ZÀ-ÖØ-Þ]"


@dataclass(frozen=True)
class Figure:
    """One quantitative claim found in a sentence.

    ``start`` / ``end`` are character offsets of ``text`` in the sentence. ``unit`` comes
    from the controlled vocabulary of the lexicon (``vehicles``, ``vehicles/year``,
    ``%``, ``MW``, ``RUB``...), ``""`` for a bare count.
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


@dataclass(frozen=True)
class _Lexicon:
    """Compiled patterns and lookup tables of one language."""

    lang: str
    number: re.Pattern[str]
    word_values: dict[str, float | None]
    scale_word: re.Pattern[str]
    scales: dict[str, float]
    attached_scale: re.Pattern[str]
    symbol_scale: re.Pattern[str]
    symbol_scales: dict[str, float]
    attached_scales: dict[str, float]
    half: re.Pattern[str]
    currency_after: re.Pattern[str]
    currency_symbols: dict[str, str]
    currency_codes: dict[str, str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    unit: re.Pattern[str]
    units: dict[str, str]
    rate: re.Pattern[str]
    rates: dict[str, str]
    fraction: re.Pattern[str]
    fractions: dict[str, float]
    fraction_blockers: frozenset[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    duration_after: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    identifier_before: re.Pattern[str]
    approx_before: re.Pattern[str]
    approx_after: re.Pattern[str]
    modal: re.Pattern[str]
    evidential: re.Pattern[str]
    target: re.Pattern[str]
    future: re.Pattern[str] | None
    conditional: re.Pattern[str] | None
    near_future: re.Pattern[str] | None
    future_stopwords: frozenset[str]
    months: frozenset[str]
    relative_year: re.Pattern[str]
    relative_years: dict[str, int]
    boundary: re.Pattern[str]
    strong_boundary: re.Pattern[str]
    clause_opening: re.Pattern[str]
    continuation: re.Pattern[str]
    subject_starters: frozenset[str]
    relative_opening: re.Pattern[str]
    elliptic_figure: re.Pattern[str]
    relative_year_blocker: re.Pattern[str]
    attributions: tuple[re.Pattern[str], ...]
    anonymous: dict[str, str]
    name_stopwords: frozenset[str]
    vague: re.Pattern[str]


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _raw_lexicon() -> dict[str, Any]:
    """The YAML lexicon, read once per process."""
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def supported_languages() -> tuple[str, ...]:
    """Languages that have unit lexicons (ISO 639-1 codes)."""
    return tuple(sorted(_raw_lexicon()["units"]))


def _key(text: str) -> str:
    """Lookup key of a matched phrase: lower case, straight apostrophe, single spaces."""
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text.strip().lower())


def _phrase(phrase: str) -> str:
    """Regex for one lexicon phrase: flexible spaces and apostrophes, word boundaries."""
    parts = []
    for char in phrase:
        if char == " ":
            parts.append(_SP + "+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    # Boundaries only where the phrase starts / ends with a word character ("%" has none).
    left = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    right = r"(?!\w)" if re.search(r"\w$", phrase) else ""
    return left + body + right


def _alternation(phrases: Any) -> str:
    """Non-capturing alternation of phrases, longest first so that it is greedy."""
    unique = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(_phrase(p) for p in unique) + ")"


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _by_lang(raw: dict[str, Any], section: str, lang: str) -> Any:
    value = raw.get(section, {})
    return value.get(lang, []) if isinstance(value, dict) else value


@cache
def _lexicon(lang: str) -> _Lexicon:
    """Compile every pattern of one language once."""
    raw = _raw_lexicon()
    get = lambda section: _by_lang(raw, section, lang)  # noqa: E731

    scales = {_key(k): float(v) for k, v in get("scales").items()}
    word_values = {
        _key(k): (None if v is None else float(v)) for k, v in get("number_words").items()
    }
    symbols = dict(raw["currency_symbols"])
    aliases = raw.get("currency_code_alias", {})
    codes = {c.lower(): aliases.get(c, c) for c in raw["currency_codes"]}
    units = {_key(s): canon for canon, forms in get("units").items() for s in forms}
    rates = {_key(k): v for k, v in get("rates").items()}
    fractions = {_key(k): float(v) for k, v in get("fractions").items()}
    relative_years = {_key(k): int(v) for k, v in get("relative_years").items()}
    months = frozenset(_key(m) for m in get("months"))

    symbol_alt = (
        "(?:" + "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True)) + ")"
    )
    code_alt = "(?:" + "|".join(sorted(raw["currency_codes"])) + ")"
    if lang == "fr":
        # Space or dot thousands, decimal comma (a lone "2.5" is still read as a decimal).
        digits = (
            rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)(?:,\d+)?"
            r"|\d{1,3}(?:\.\d{3})+(?!\d|\.\d)(?:,\d+)?"
            r"|\d+(?:[,.]\d+)?"
        )
    else:
        digits = (
            r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?"
            r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)(?:\.\d+)?"
            r"|\d+(?:\.\d+)?"
        )
    words = list(word_values)
    half = _alternation(get("half_suffix"))
    scale_words = _alternation(scales)
    number = (
        rf"(?<![\w.,/:])(?<!{_LETTER}-)"
        rf"(?:(?P<cur>{symbol_alt}|{code_alt}(?={_SP}?\d)){_SP}?)?"
        rf"(?:(?P<digits>{digits})"
        rf"|(?P<word>{_alternation(words)})(?P<whalf>{_SP}+{half})?(?={_SP}+{scale_words}))"
    )

    unit_forms = _alternation(units)
    prep = r"(?:de|d['’]|of)"
    # One optional lower-case adjective, tried last ("20 GWh battery" is GWh, not batteries).
    adjective = rf"(?-i:[a-z][a-z\-]{{2,}}{_SP}+)??" if lang == "en" else ""
    tail = _alternation(get("fraction_tail"))
    reporting = _attribution_patterns(raw, lang)
    conj = _alternation(get("clause_conjunctions"))
    strong = _alternation(get("strong_boundaries"))
    future_re = conditional_re = near_re = None
    if lang == "fr":
        # French simple future / conditional by suffix; lower case only (names are capitalised).
        lower = "[a-zàâçéèêëîïôûùüÿœ]"
        future_re = re.compile(rf"(?<!\w){lower}{{2,}}r(?:a|ont)(?!\w)")
        conditional_re = re.compile(rf"(?<!\w){lower}{{2,}}r(?:ait|aient)(?!\w)")
        aux = _alternation(get("near_future_aux"))
        near_re = _compile(rf"{aux}{_SP}+(?:\w+{_SP}+)?{lower}+(?:er|ir|re|oir)(?!\w)")

    return _Lexicon(
        lang=lang,
        number=re.compile(number, re.IGNORECASE),
        word_values=word_values,
        scale_word=_compile(rf"{_SP}*(?P<s>{scale_words})"),
        scales=scales,
        attached_scale=re.compile(
            r"(?P<s>" + "|".join(sorted(raw["attached_scales"], key=len, reverse=True)) + r")"
            r"(?![A-Za-z])",
            re.IGNORECASE,
        ),
        attached_scales={k.lower(): float(v) for k, v in raw["attached_scales"].items()},
        symbol_scale=re.compile(
            rf"{_SP}?(?P<s>"
            + "|".join(sorted(raw["symbol_scales"], key=len, reverse=True))
            + rf")(?={_SP}?{symbol_alt})"
        ),
        symbol_scales={k: float(v) for k, v in raw["symbol_scales"].items()},
        half=_compile(rf"{_SP}+{half}"),
        currency_after=_compile(rf"{_SP}?(?P<c>{symbol_alt})|{_SP}(?P<code>{code_alt})(?!\w)"),
        currency_symbols=symbols,
        currency_codes=codes,
        percent=_compile(rf"{_SP}?{_alternation(get('percent'))}"),
        points=_compile(rf"{_SP}*{_alternation(get('percentage_points'))}"),
        unit=_compile(rf"{_SP}*(?:{prep}{_SP}*)?{adjective}(?P<u>{unit_forms})"),
        units=units,
        rate=_compile(rf"(?:{_SP}+{_LETTER}[\w\-]*){{0,2}}?{_SP}*(?P<r>{_alternation(rates)})"),
        rates=rates,
        fraction=_compile(
            rf"(?P<f>{_alternation(fractions)})(?={_SP}+{tail}|{_SP}+d['’])"
            if lang == "fr"
            else rf"(?P<f>{_alternation(fractions)})(?={_SP}+{tail})"
        ),
        fractions=fractions,
        fraction_blockers=frozenset(_key(w) for w in raw["fraction_blockers"]),
        month_after=_compile(rf"{_SP}+{_alternation(get('months'))}"),
        month_before=_compile(rf"{_alternation(get('months'))}{_SP}+$"),
        duration_after=_compile(rf"{_SP}*(?:-{_SP}*)?{_alternation(get('durations'))}"),
        ordinal_after=_compile(
            "(?:" + "|".join(re.escape(s) for s in raw["ordinal_suffixes"]) + r")(?!\w)"
        ),
        identifier_before=_compile(rf"(?:{_alternation(raw['identifier_words'])}){_SP}*$"),
        approx_before=_compile(rf"(?P<a>{_alternation(get('approximators'))}){_SP}*$"),
        approx_after=_compile(rf"{_SP}+(?P<a>{_alternation(get('approximators_after'))})"),
        modal=_compile(_alternation(get("modal_hedges"))),
        evidential=_compile(_alternation(get("evidential_hedges"))),
        target=_compile(_alternation(get("target_cues"))),
        future=future_re,
        conditional=conditional_re,
        near_future=near_re,
        future_stopwords=frozenset(_key(w) for w in raw["future_stopwords"]),
        months=months,
        relative_year=_compile(_alternation(relative_years)),
        relative_years=relative_years,
        boundary=_compile(rf"[;:()\[\]—–]|,(?=\s)|{_SP}-{_SP}|(?<=\s){conj}(?=\s)", re.IGNORECASE),
        strong_boundary=_compile(rf";|(?<=\s){strong}(?=\s)"),
        clause_opening=_compile(rf"[\s;:,()\[\]—–-]*(?P<conj>{conj}|{strong})?\s*"),
        continuation=_compile(_alternation(get("continuation_words"))),
        subject_starters=frozenset(_key(w) for w in get("subject_starters")),
        elliptic_figure=_compile(
            rf"(?:{_alternation(get('approximators'))}{_SP}*)?(?:[\d$€£₽₸]|{_alternation(words)}"
            rf"{_SP}+{scale_words})"
        ),
        relative_opening=_compile(rf"[\s,]*{_alternation(get('relative_pronouns'))}"),
        relative_year_blocker=_compile(
            rf"{_alternation(get('relative_year_blockers'))}\W*(?:(?:en|in|à|au|l['’]an){_SP}*)?$"
        ),
        attributions=reporting,
        anonymous={_key(k): v for k, v in get("anonymous_sources").items()},
        name_stopwords=frozenset(_key(w) for w in raw["name_stopwords"]),
        vague=_compile(_alternation(get("vague_quantities"))),
    )


def _attribution_patterns(raw: dict[str, Any], lang: str) -> tuple[re.Pattern[str], ...]:
    """Patterns with a ``name`` (or ``anon``) group naming who a figure comes from."""
    name = (
        rf"(?<!\w)(?P<name>{_UPPER}[\w&.\-'’]*"
        rf"(?:{_SP}+(?:(?:de|du|des|of|the|&|and){_SP}+)?{_UPPER}[\w&.\-]*)*)"
    )
    desc = rf"(?i:(?:l['’]|la{_SP}+|le{_SP}+|les{_SP}+|the{_SP}+|des{_SP}+)?"
    desc += rf"(?:{_alternation(raw['source_descriptors'])}{_SP}+)?)"
    anon = _alternation(_by_lang(raw, "anonymous_sources", lang))
    preps = "(?i:" + _alternation(_by_lang(raw, "source_prepositions", lang)) + ")"
    participles = _by_lang(raw, "reporting_participles", lang)
    present = _by_lang(raw, "reporting_present", lang)
    aux = _alternation(_by_lang(raw, "reporting_aux", lang))
    verbs = _alternation(list(participles) + list(present))
    patterns = [
        rf"{preps}{_SP}+(?:(?i:(?:des{_SP}+|de{_SP}+)?(?P<anon>{anon}))|{desc}{name})",
        rf"[,»”\"]{_SP}*(?:{aux}{_SP}+)?{verbs}{_SP}+{desc}{name}",
        rf"{name}(?:{_SP}+\([^()]{{1,20}}\))?{_SP}+(?:{aux}{_SP}+)?{verbs}(?!\w)",
    ]
    # Case-sensitive: names must be capitalised; cue words are lower case in running text.
    return tuple(re.compile(p) for p in patterns)


# --------------------------------------------------------------------------- numbers


def _parse_digits(text: str, lang: str) -> float:
    """Value of a digit string written with the language's separators."""
    text = re.sub(r"[ \u00a0\u202f\u2009]", "", text)
    if lang == "fr":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
            text = text.replace(".", "")
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


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
    if cand.has_scale and (m := lex.half.match(sentence, pos)):
        cand.count += 0.5
        pos = m.end()

    glued = pos < len(sentence) and re.match(_LETTER, sentence[pos]) is not None
    if glued and pos == cand.end and lex.ordinal_after.match(sentence, pos):
        return False  # "2e", "1er", "3rd": ordinals, not quantities
    if m := lex.currency_after.match(sentence, pos):
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

    if m := lex.rate.match(sentence, pos):
        cand.unit = f"{cand.unit}/{lex.rates[_key(m['r'])]}"
        pos = m.end()
    if m := lex.approx_after.match(sentence, pos):
        cand.approx_after = _key(m["a"])
    cand.end = pos
    return True


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
        return "date"
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


def _numbers(sentence: str, lex: _Lexicon) -> tuple[list[_Candidate], list[tuple[int, int, int]]]:
    """Figure candidates and year mentions (start, end, year) of a sentence."""
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
        if not _parse_tail(sentence, cand, lex):
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


# --------------------------------------------------------------------------- clauses


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
) -> tuple[list[tuple[int, int]], int, int]:
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
    years: list[tuple[int, int, int]],
    clause: tuple[int, int],
    window: list[tuple[int, int]],
    lex: _Lexicon,
    hint: int | None,
) -> int | None:
    """Year a figure refers to (explicit, then relative, then the window's only year).

    Years given as a comparison base ("qu'en 2022", "up from ... since 2019") are skipped.
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
    for scope in (window, [(0, len(sentence))]):
        distinct = {y[2] for y in years if any(a <= y[0] and y[1] <= b for a, b in scope)}
        if len(distinct) == 1:
            return distinct.pop()
    if hint is not None:
        for span in window:
            if (offset := _relative_year(sentence, span, lex)) is not None:
                return hint + offset
    return None


def _relative_year(sentence: str, span: tuple[int, int], lex: _Lexicon) -> int | None:
    """Offset of a relative year phrase in a span ("l'an prochain" = +1), if any.

    Phrases used as a comparison base ("up 10% from last year") are skipped.
    """
    for m in lex.relative_year.finditer(sentence, span[0], span[1]):
        if not lex.relative_year_blocker.search(sentence, max(0, m.start() - 25), m.start()):
            return lex.relative_years[_key(m.group(0))]
    return None


def _cues(pattern: re.Pattern[str] | None, text: str, lex: _Lexicon) -> list[str]:
    """Lower-case cue words of a pattern found in a text (month 'May' is not 'may')."""
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        word = _key(m.group(0))
        if word in lex.future_stopwords:
            continue
        if word in lex.months and m.group(0)[0].isupper() and m.start() > 0:
            continue
        found.append(word)
    return found


def _attributions(sentence: str, lex: _Lexicon) -> list[tuple[str, int, int, bool]]:
    """(source, start, end, is_source_phrase) of every attribution in a sentence."""
    found = []
    for index, pattern in enumerate(lex.attributions):
        for m in pattern.finditer(sentence):
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


# --------------------------------------------------------------------------- API


def extract_figures(
    sentence: str, lang: str, sentence_year_hint: int | None = None
) -> list[Figure]:
    """Quantitative claims of one sentence, in order of appearance.

    ``lang`` is an ISO 639-1 code (``"fr"``, ``"en"``; a region suffix is ignored); an
    unsupported language gives ``[]``. ``sentence_year_hint`` is the year of the
    document's date: it resolves ``cette année`` / ``next year`` and marks figures
    about a later year as targets.
    """
    lang = lang.lower()[:2]
    if lang not in supported_languages() or not re.search(r"\d|[^\W\d_]", sentence):
        return []
    lex = _lexicon(lang)
    candidates, years = _numbers(sentence, lex)
    if not candidates:
        return []
    strong = set(_spans(lex.strong_boundary, sentence, candidates))
    bounds = sorted(set(_spans(lex.boundary, sentence, candidates)) | strong)
    evidential = _cues(lex.evidential, sentence, lex)
    attributions = _attributions(sentence, lex)

    figures = []
    for cand in candidates:
        spans, c_start, c_end = _window(sentence, cand, bounds, strong, lex)
        window = " ".join(sentence[a:b] for a, b in spans)
        year = _year(sentence, cand, years, (c_start, c_end), spans, lex, sentence_year_hint)

        target_cues = _cues(lex.target, window, lex) + _cues(lex.future, window, lex)
        target_cues += _cues(lex.near_future, window, lex)
        later = year is not None and sentence_year_hint is not None and year > sentence_year_hint
        kind = "target" if target_cues or later else "fact"

        hedges: list[str] = []
        if m := lex.approx_before.search(sentence, max(0, cand.start - 40), cand.start):
            hedges.append(_key(m["a"]))
        if cand.approx_after:
            hedges.append(cand.approx_after)
        hedges += _cues(lex.modal, window, lex) + _cues(lex.conditional, window, lex)
        hedges += evidential
        hedges = list(dict.fromkeys(hedges))

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


def assign_subject(figure: Figure, sentence: str, actors: list[tuple[str, int, int]]) -> str:
    """The actor a figure is about, or ``""``.

    ``actors`` are ``(canonical name, start, end)`` spans found in the same sentence.
    Rule (no parse needed), first match wins:

    1. the nearest actor *before* the figure that is not a place complement;
    2. the nearest actor *after* it that is not a place complement
       (``500,000 cars ... built by Tesla``);
    3. the nearest place complement before, then after (``En Russie, les ventes ...``).

    Sources are never subjects (``selon Reuters``, ``, a indiqué Voltalia``), nor are
    actors inside a relative clause that does not hold the figure (``Kamaz, qui a signé
    avec Renault, produit ...`` gives Kamaz). A place complement is an actor right after
    a locative preposition (``à Pékin``, ``in Mexico``).
    """
    if not actors:
        return ""
    sources: list[tuple[int, int]] = []
    locatives: list[re.Pattern[str]] = []
    for lang in supported_languages():
        lex = _lexicon(lang)
        sources += [(s, e) for _, s, e, is_source in _attributions(sentence, lex) if is_source]
        raw = _by_lang(_raw_lexicon(), "locative_prepositions", lang)
        locatives.append(_locative_pattern(tuple(raw)))

    def is_source(actor: tuple[str, int, int]) -> bool:
        return any(s <= actor[1] and actor[2] <= e for s, e in sources)

    def is_locative(actor: tuple[str, int, int]) -> bool:
        return any(p.search(sentence[max(0, actor[1] - 30) : actor[1]]) for p in locatives)

    def in_relative_clause(actor: tuple[str, int, int]) -> bool:
        for m in re.finditer(r",\s*(?:qui|que|qu['’]|dont|which|who)\b[^,]*,", sentence):
            if m.start() <= actor[1] < m.end() and not m.start() <= figure.start < m.end():
                return True
        return False

    usable = [a for a in actors if not is_source(a)]
    before = [a for a in usable if a[2] <= figure.start and not in_relative_clause(a)]
    after = sorted((a for a in usable if a[1] >= figure.end), key=lambda a: a[1])
    ranked = (
        sorted((a for a in before if not is_locative(a)), key=lambda a: -a[2])
        + [a for a in after if not is_locative(a)]
        + sorted(before, key=lambda a: -a[2])
        + after
    )
    return ranked[0][0] if ranked else ""


@cache
def _locative_pattern(prepositions: tuple[str, ...]) -> re.Pattern[str]:
    """'... à (la|le|l')?' right before an actor."""
    article = rf"(?:(?:le|la|les|l['’]|the){_SP}*)?"
    return _compile(rf"{_alternation(prepositions)}{_SP}+{article}$")
