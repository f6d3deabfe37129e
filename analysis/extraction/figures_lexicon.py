"""Compiled cue lexicons of the figures extractor (``analysis/data/lexicons/figures.yaml``).

Everything language-specific is read from the YAML file; this module only turns its
phrase lists into regular expressions, once per language and process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from analysis.extraction import hedges, units

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "figures.yaml"

_SP = "[ \u00a0\u202f\u2009]"  # any single space, incl. no-break and narrow no-break
_LETTER = r"[^\W\d_]"
_UPPER = "[A-ZÀ-ÖØ-ÞА-ЯЁ]"  # Latin and Cyrillic capitals
_LOWER = "[a-zàâçéèêëîïôûùüÿœа-яё]"


@dataclass(frozen=True)
class _Lexicon:
    """Compiled patterns and lookup tables of one language."""

    lang: str
    number: re.Pattern[str]
    word_values: dict[str, float | None]
    scale_word: re.Pattern[str]
    scales: dict[str, float]
    attached_scale: re.Pattern[str]
    spaced_scale: re.Pattern[str]
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
    per_unit: re.Pattern[str]
    rate: re.Pattern[str]
    rates: dict[str, str]
    fraction: re.Pattern[str]
    fractions: dict[str, float]
    fraction_blockers: frozenset[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    time_after: re.Pattern[str]
    time_before: re.Pattern[str]
    duration_after: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    identifier_before: re.Pattern[str]
    approx_before: re.Pattern[str]
    approx_after: re.Pattern[str]
    lower_bounds: frozenset[str]
    counted_noun: re.Pattern[str] | None
    counted_units: dict[str, str]
    upper_bounds: frozenset[str]
    modal: re.Pattern[str]
    evidential: re.Pattern[str]
    qualifier: re.Pattern[str]
    source_prepositions: frozenset[str]
    target: re.Pattern[str]
    forecast: re.Pattern[str]
    forecast_modal: re.Pattern[str]
    contract: re.Pattern[str]
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
    label_unit: re.Pattern[str]
    label_scale: re.Pattern[str]
    label_scales: dict[str, float]


@lru_cache(maxsize=1)
def _raw_lexicon() -> dict[str, Any]:
    """The YAML lexicon, read once per process, with the hedges and attribution words of
    ``hedges.yaml`` and the unit table of ``units.yaml``."""
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return {
        **raw,
        **hedges.raw(),
        "units": units.forms(),
        "counted_nouns": units.counted_nouns(),
        "spaced_unit_symbols": units.spaced_symbols(),
        "price_denominators": units.price_denominators(),
    }


def decimal_comma_languages() -> frozenset[str]:
    """Languages that write 166,8 for 166.8 and 1 000 for 1,000 (``decimal_comma``)."""
    return frozenset(_raw_lexicon().get("decimal_comma", ["fr"]))


def supported_languages() -> tuple[str, ...]:
    """Languages that have unit lexicons (ISO 639-1 codes)."""
    return tuple(sorted(_raw_lexicon()["units"]))


def currency_codes() -> frozenset[str]:
    """The ISO currency codes figures read ("KZT", "USD"): amounts, never names."""
    return frozenset(_raw_lexicon()["currency_codes"])


def controlled_units() -> frozenset[str]:
    """Every unit name a figure can carry alone (compound units join two with ``/``)."""
    raw = _raw_lexicon()
    names = {canon for forms in raw["units"].values() for canon in forms}
    names |= set(raw["currency_symbols"].values())
    names |= {raw.get("currency_code_alias", {}).get(c, c) for c in raw["currency_codes"]}
    names |= set(raw.get("label_unit_aliases", {}).values())
    return frozenset(names | {"%", "pp"})


@cache
def near_future_auxiliaries() -> frozenset[str]:
    """Every language's auxiliaries of the near future ("va", "allait", "going"), which
    make a figure a forecast and a relation a plan."""
    return frozenset(_both("near_future_aux"))


@cache
def month_names() -> frozenset[str]:
    """Every language's month names and abbreviations, lower-cased (``months``)."""
    return frozenset(_key(m) for names in _raw_lexicon()["months"].values() for m in names)


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
    if not unique:
        return "(?!)"  # an empty list matches nothing (not the empty string everywhere)
    return "(?:" + "|".join(_phrase(p) for p in unique) + ")"


def _compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _by_lang(raw: dict[str, Any], section: str, lang: str) -> Any:
    value = raw.get(section, {})
    return value.get(lang, []) if isinstance(value, dict) else value


def _both(section: str) -> list[str]:
    """A per-language phrase list of every language at once."""
    value = _raw_lexicon().get(section, {})
    return [p for lang in sorted(value) for p in value[lang]]


def _unit_forms(units: dict[str, str], spaced: list[str], lookbehind: str) -> str:
    """Unit surface forms; single-letter symbols in lower case only, after ``lookbehind``."""
    plain = _alternation(f for f in units if f not in spaced)
    symbols = "|".join(re.escape(s) for s in spaced)
    return rf"{plain}|{lookbehind}(?-i:{symbols})(?![\w²])"


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
    qualifiers = [*get("approximators"), *get("lower_bounds"), *get("upper_bounds")]
    counted = dict(get("counted_nouns") or {})
    label_scales = {**scales, **{_key(k): float(v) for k, v in get("label_scales").items()}}

    symbol_alt = (
        "(?:" + "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True)) + ")"
    )
    code_alt = "(?:" + "|".join(sorted(raw["currency_codes"])) + ")"
    if lang in decimal_comma_languages():
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

    spaced = [str(s) for s in raw.get("spaced_unit_symbols", [])]
    unit_forms = _unit_forms(units, spaced, rf"(?<={_SP})")
    prep = r"(?:de|d['’]|of)"
    # One optional lower-case adjective, tried last ("20 GWh battery" is GWh, not batteries).
    adjective = rf"(?-i:[a-z][a-z\-]{{2,}}{_SP}+)??" if lang == "en" else ""
    denominators = {f for f, canon in units.items() if canon in raw["price_denominators"]}
    tail = _alternation(get("fraction_tail"))
    conj = _alternation(get("clause_conjunctions"))
    strong = _alternation(get("strong_boundaries"))
    future_re = conditional_re = near_re = None
    if lang == "fr":
        # French simple future / conditional by suffix; lower case only (names are capitalised).
        future_re = re.compile(rf"(?<!\w){_LOWER}{{2,}}r(?:a|ont)(?!\w)")
        conditional_re = re.compile(rf"(?<!\w){_LOWER}{{2,}}r(?:ait|aient)(?!\w)")
        aux = _alternation(get("near_future_aux"))
        near_re = _compile(rf"{aux}{_SP}+(?:\w+{_SP}+)?{_LOWER}+(?:er|ir|re|oir)(?!\w)")
    label_units = _unit_forms(units, spaced, r"(?<!\w)")
    symbol_scale_alt = "|".join(sorted(raw["symbol_scales"], key=len, reverse=True))
    month_alt = _alternation(get("months"))
    attached_alt = "|".join(sorted(raw["attached_scales"], key=len, reverse=True))
    joiner = rf"{_SP}*{_alternation(get('date_range_joiners'))}{_SP}*"
    time_alt = _alternation(get("time_suffixes"))

    return _Lexicon(
        lang=lang,
        number=re.compile(number, re.IGNORECASE),
        word_values=word_values,
        scale_word=_compile(rf"{_SP}*(?P<s>{scale_words})"),
        scales=scales,
        attached_scale=re.compile(
            r"(?P<s>" + attached_alt + r")(?![A-Za-z])",
            re.IGNORECASE,
        ),
        spaced_scale=re.compile(rf"{_SP}(?P<s>{attached_alt})(?!\w)"),
        attached_scales={k.lower(): float(v) for k, v in raw["attached_scales"].items()},
        symbol_scale=re.compile(rf"{_SP}?(?P<s>{symbol_scale_alt})(?={_SP}?{symbol_alt})"),
        symbol_scales={k: float(v) for k, v in raw["symbol_scales"].items()},
        half=_compile(rf"{_SP}+{half}"),
        currency_after=_compile(rf"{_SP}?(?P<c>{symbol_alt})|{_SP}(?P<code>{code_alt})(?!\w)"),
        currency_symbols=symbols,
        currency_codes=codes,
        percent=_compile(rf"{_SP}?{_alternation(get('percent'))}"),
        points=_compile(rf"{_SP}*{_alternation(get('percentage_points'))}"),
        unit=_compile(rf"{_SP}*(?:{prep}{_SP}*)?{adjective}(?P<u>{unit_forms})"),
        units=units,
        per_unit=_compile(
            rf"{_SP}*(?:/|{_alternation(w for w in get('per_unit_words') if w != '/')}{_SP}*)"
            rf"(?P<d>{_alternation(denominators)})"
        ),
        rate=_compile(rf"(?:{_SP}+{_LETTER}[\w\-]*){{0,2}}?{_SP}*(?P<r>{_alternation(rates)})"),
        rates=rates,
        fraction=_compile(
            rf"(?P<f>{_alternation(fractions)})(?={_SP}+{tail}|{_SP}+d['’])"
            if lang == "fr"
            else rf"(?P<f>{_alternation(fractions)})(?={_SP}+{tail})"
        ),
        fractions=fractions,
        fraction_blockers=frozenset(_key(w) for w in raw["fraction_blockers"]),
        month_after=_compile(rf"(?:{joiner}\d{{1,2}}(?:er)?)*{_SP}+{month_alt}"),
        month_before=_compile(rf"{month_alt}\.?{_SP}+(?:\d{{1,2}}(?:er)?{joiner})*$"),
        time_after=_compile(rf"{_SP}*{time_alt}"),
        time_before=_compile(rf"(?<!\d)\d{{1,2}}{_SP}*{time_alt}{_SP}*$"),
        duration_after=_compile(rf"{_SP}*(?:-{_SP}*)?{_alternation(get('durations'))}"),
        ordinal_after=_compile(
            "(?:" + "|".join(re.escape(s) for s in raw["ordinal_suffixes"]) + r")(?!\w)"
        ),
        identifier_before=_compile(rf"(?:{_alternation(raw['identifier_words'])}){_SP}*$"),
        approx_before=_compile(rf"(?P<a>{_alternation(qualifiers)}){_SP}*$"),
        approx_after=_compile(rf"{_SP}+(?P<a>{_alternation(get('approximators_after'))})"),
        lower_bounds=frozenset(_key(w) for w in get("lower_bounds")),
        counted_noun=_compile(rf"\b(?P<n>{_alternation(list(counted))})\b") if counted else None,
        counted_units={_key(n): u for n, u in counted.items()},
        upper_bounds=frozenset(_key(w) for w in get("upper_bounds")),
        modal=_compile(_alternation(get("modal_hedges"))),
        evidential=_compile(_alternation(get("evidential_hedges"))),
        qualifier=_qualifier_pattern(raw, lang),
        source_prepositions=frozenset(_key(p) for p in get("source_prepositions")),
        target=_compile(_alternation(get("target_cues"))),
        forecast=_compile(_alternation(get("forecast_cues"))),
        forecast_modal=_compile(_alternation(get("forecast_modals"))),
        contract=_compile(_alternation(get("contract_cues"))),
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
            rf"(?:{_alternation(qualifiers)}{_SP}*)?(?:[\d$€£₽₸]|{_alternation(words)}"
            rf"{_SP}+{scale_words})"
        ),
        relative_opening=_compile(rf"[\s,]*{_alternation(get('relative_pronouns'))}"),
        relative_year_blocker=_compile(
            rf"{_alternation(get('relative_year_blockers'))}\W*(?:(?:en|in|à|au|l['’]an){_SP}*)?$"
        ),
        attributions=_attribution_patterns(raw, lang),
        anonymous={_key(k): v for k, v in get("anonymous_sources").items()},
        name_stopwords=frozenset(_key(w) for w in raw["name_stopwords"]),
        vague=_compile(_alternation(get("vague_quantities"))),
        label_unit=_compile(
            rf"(?P<p>{_alternation(get('percent'))})|(?P<c>{symbol_alt})|(?<!\w)(?P<code>{code_alt})"
            rf"(?!\w)|(?P<u>{label_units})(?:{_SP}*(?P<r>{_alternation(rates)}))?"
        ),
        label_scale=_compile(
            rf"(?P<s>{_alternation(label_scales)})"
            rf"|(?-i:(?<!\w)(?P<sym>{symbol_scale_alt})(?={_SP}?{symbol_alt}))"
        ),
        label_scales=label_scales,
    )


def _qualifier_pattern(raw: dict[str, Any], lang: str) -> re.Pattern[str]:
    """What makes a source preposition a qualifier, matched right after it."""
    get = lambda section: _by_lang(raw, section, lang)  # noqa: E731
    determiners = [d for d in get("qualifier_determiners") if not d.endswith("'")]
    elided = "|".join(_phrase(d) for d in get("qualifier_determiners") if d.endswith("'"))
    listed = [re.escape(n) for n in get("qualifier_nouns")]
    nouns = "(?:" + "|".join(listed) + ")" if listed else "(?!)"  # none: never a qualifier
    determiner = rf"(?:{_alternation(determiners)}{_SP}+" + (f"|{elided}" if elided else "") + ")"
    return _compile(
        rf"{_SP}*(?:{_alternation(get('qualifier_conjunctions'))}"
        rf"|{determiner}?(?-i:{_LOWER}[\w\-]*{_SP}+)?{nouns}[sx]?(?!\w))"
    )


def _attribution_patterns(raw: dict[str, Any], lang: str) -> tuple[re.Pattern[str], ...]:
    """Patterns with a ``name`` (or ``anon``) group naming who a figure comes from.

    The first pattern (``selon X``) also has a ``prep`` group ending at the preposition.
    """
    get = lambda section: _by_lang(raw, section, lang)  # noqa: E731
    name = (
        rf"(?<!\w)(?P<name>{_UPPER}[\w&.\-'’]*"
        rf"(?:{_SP}+(?:(?:de|du|des|of|the|&|and){_SP}+)?{_UPPER}[\w&.\-]*)*)"
    )
    article = rf"(?:l['’]|la{_SP}+|le{_SP}+|les{_SP}+|the{_SP}+|des{_SP}+)"
    noun = rf"(?:{article}?{_alternation(get('source_nouns'))}{_SP}+"
    noun += rf"{_alternation(get('source_noun_joiners'))}{_SP}*)?"
    desc = rf"(?i:{noun}{article}?(?:{_alternation(raw['source_descriptors'])}{_SP}+)?)"
    anon = _alternation(get("anonymous_sources"))
    preps = "(?i:" + _alternation(get("source_prepositions")) + ")"
    aux = _alternation(get("reporting_aux"))
    verbs = _alternation(list(get("reporting_participles")) + list(get("reporting_present")))
    patterns = [
        rf"(?P<prep>{preps}){_SP}+(?:(?i:(?:des{_SP}+|de{_SP}+)?(?P<anon>{anon}))|{desc}{name})",
        rf"[,»”\"]{_SP}*(?:{aux}{_SP}+)?{verbs}{_SP}+{desc}{name}",
        rf"{name}(?:{_SP}+\([^()]{{1,20}}\))?{_SP}+(?:{aux}{_SP}+)?{verbs}(?!\w)",
    ]
    # Case-sensitive: names must be capitalised; cue words are lower case in running text.
    return tuple(re.compile(p) for p in patterns)
