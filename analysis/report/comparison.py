"""Seed figures set against the context figures, only where they measure the same thing.

A seed figure (``figures.csv``) is compared with a figure of ``analysis/data/context/``
only when unit, measure, subject and year all agree (:func:`compare`; the measure and
product vocabulary is in ``analysis/data/lexicons/supply_chain.yaml``). No chart and no
prose here: the supply-chain chapter words the comparisons.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd

from analysis.extraction import hedges
from analysis.extraction.units import CAPACITY_UNITS, UNIT_FAMILIES
from analysis.report.lexicon import for_language, normal, pattern
from analysis.report.stages import Lexicon, Terms
from analysis.report.wording import country_name

#: Relative tolerance for "about" figures and for unqualified figures.
ABOUT_TOLERANCE = 0.10


EXACT_TOLERANCE = 0.02


#: Entity types whose figures are a firm's, not a country's.
FIRM_TYPES = frozenset({"company", "brand"})


#: Labels of unlinked names (``candidate_mentions``) that may name a firm.
FIRM_LABELS = frozenset({"ORG", "PROPN", "MISC"})


PERCENT = "percent"


#: Characters before a name searched for a source cue ("according to …").
SOURCE_SPAN = 40


#: What the book says of the matching rules, wherever it says that nothing was compared.
MATCHING_RULE = (
    "figures are only compared when their unit (after conversion), measure (sales, "
    "production, capacity, a mining or refining share…), subject (the same country or "
    "company, and the same material, such as gallium or battery cells) and year all agree"
)


def unit_family(unit: str) -> tuple[str, float] | None:
    return UNIT_FAMILIES.get(unit)


#: A table's patterns by first word, and its normalised terms → names.
_Compiled = tuple[dict[str, re.Pattern[str]], dict[str, str]]


_WORDS_ONLY = re.compile(r"\w+")


class Vocabulary:
    """The lexicon's comparison terms as patterns, built once per table and language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._built: dict[tuple[str, str], _Compiled] = {}

    def _compiled(self, key: str, table: Mapping[str, Terms], language: str) -> _Compiled:
        built = self._built.get((key, language))
        if built is None:
            labels: dict[str, str] = {}
            for name, terms in table.items():
                for term in for_language(terms, language):
                    labels.setdefault(normal(term), name)
            by_first: dict[str, list[str]] = {}
            for term in labels:
                # A term not starting with a word character could never match here.
                if first := _WORDS_ONLY.match(term):
                    by_first.setdefault(first.group(0), []).append(term)
            built = self._built[(key, language)] = (
                {first: pattern(terms) for first, terms in by_first.items()},
                labels,
            )
        return built

    def names(self, key: str, table: Mapping[str, Terms], text: str, language: str) -> list[str]:
        """The names of ``table`` whose terms occur in ``text`` (in order, unique).

        All terms are matched together, longest first: "mine production" is found as one
        term, not as "mine" and "production"."""
        patterns, labels = self._compiled(key, table, language)
        found: list[str] = []
        end = 0
        # Every term starts at a word: only the words that begin a term are tried (the
        # terms starting with that word, longest first), as one alternation would.
        for word in _WORDS_ONLY.finditer(text):
            if word.start() < end or (pattern := patterns.get(word.group(0).lower())) is None:
                continue
            match = pattern.match(text, word.start())
            if match is None:
                continue
            end = match.end()
            name = labels.get(normal(match.group(0)))
            if name and name not in found:
                found.append(name)
        return found

    def measures(self, text: str, language: str) -> list[str]:
        return self.names("measures", self.lexicon.measures, text, language)

    def products(self, text: str, language: str) -> list[str]:
        return self.names("products", self.lexicon.products, text, language)

    def has(self, key: str, text: str, language: str) -> bool:
        """Whether ``text`` holds a term of a one-list table (``shares``, ``firm_words``…)."""
        return bool(self.names(key, {key: getattr(self.lexicon, key)}, text, language))

    def is_source(self, window: str, position: int, language: str) -> bool:
        """Whether a source cue ("according to", "selon") shortly precedes ``position``."""
        return self.has("source_cues", window[max(0, position - SOURCE_SPAN) : position], language)

    def qualifies_firm(self, window: str, surface: str, language: str) -> bool:
        """Whether ``surface`` (a country's name or adjective) qualifies a firm noun in
        ``window``: a firm word among the two words before or after it ("Chinese brands",
        "les constructeurs automobiles chinois")."""
        for match in _name_pattern(surface).finditer(window):
            before = _WORDS.findall(window[: match.start()])[-2:]
            after = _WORDS.findall(window[match.end() :])[:2]
            if self.has("firm_words", " ".join([*before, *after]), language):
                return True
        return False


_WORDS = re.compile(r"[\w'’-]+")


@cache
def _name_pattern(surface: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w-])")


def metrics_in(text: str, lexicon: Lexicon, language: str) -> set[str]:
    """The measures (sales, production…) whose terms occur in ``text``."""
    return set(Vocabulary(lexicon).measures(text, language))


def measure_of(
    text: str, family: str | None, vocabulary: Vocabulary, language: str
) -> tuple[str | None, str]:
    """What a figure in unit ``family`` measures, read from ``text``, or None and why.

    One measure must be named (none or two: unknown). A percentage is a share only with
    a share word; it is then the share of its measure (``mining share``; a share of sales
    is a ``market share``)."""
    if family == PERCENT and not vocabulary.has("shares", text, language):
        return None, "a percentage that is not a share (a change or a rate)"
    names = vocabulary.measures(text, language)
    if not names:
        return None, "its sentence names no measure (sales, production, capacity…)"
    if len(names) > 1:
        return None, f"its sentence names several measures ({', '.join(names)})"
    if family == PERCENT:
        return ("market share" if names[0] == "sales" else f"{names[0]} share"), ""
    return names[0], ""


def product_of(text: str, vocabulary: Vocabulary, language: str) -> str | None:
    """The one product (material, component, kind of vehicle) ``text`` names, "" if none,
    None if several."""
    names = vocabulary.products(text, language)
    if len(names) > 1:
        return None
    return names[0] if names else ""


def unit_reading(
    unit: str, sentence: str, vocabulary: Vocabulary, language: str
) -> tuple[tuple[str, float] | None, str]:
    """The unit family of a seed figure and, when its unit is read, how (``scope``).

    A bare number or a count of "units" is a count of vehicles when its sentence names
    vehicles ("les ventes de voitures … un million"); otherwise a bare number has no
    family and is never compared. (Its measure, product and subject, read closer to the
    figure, must still match.)"""
    family = unit_family(unit)
    if (not unit or (family and family[0] == "units")) and vocabulary.has(
        "vehicle_words", sentence, language
    ):
        return UNIT_FAMILIES["vehicles"], "bare number" if not unit else "units as vehicles"
    return family, ""


#: A figure's bound (``figures.csv``) as the consistency check reads it.
_BOUND_READINGS = {"lower": "at_least", "upper": "at_most"}


@cache
def _approximators() -> frozenset[str]:
    """The approximators of ``hedges.yaml``, every language, normalised."""
    raw = hedges.raw()
    words = [
        w
        for key in ("approximators", "approximators_after")
        for ws in raw[key].values()
        for w in ws
    ]
    return frozenset(normal(str(w)) for w in words)


def bound_of(claim: Mapping[str, Any]) -> str:
    """``at_most``, ``at_least``, ``about`` or ``exact``: the claim's bound (``lower``,
    ``upper``), else ``about`` when an approximator hedges it."""
    reading = _BOUND_READINGS.get(str(claim.get("bound", "") or ""))
    if reading:
        return reading
    if any(normal(str(h)) in _approximators() for h in claim.get("hedges") or ()):
        return "about"
    return "exact"


def _window_bounds(
    sentence: str, start: float, end: float, before: int = 60, after: int = 40
) -> tuple[int, int]:
    """Bounds of a figure's neighbourhood in its sentence, widened to whole words."""
    if not sentence or math.isnan(start) or math.isnan(end):
        return 0, len(sentence)
    low, high = max(0, int(start) - before), min(len(sentence), int(end) + after)
    while low > 0 and sentence[low - 1].isalnum():
        low -= 1
    while high < len(sentence) and sentence[high].isalnum():
        high += 1
    return low, high


def _window(sentence: str, start: float, end: float, before: int = 60, after: int = 40) -> str:
    low, high = _window_bounds(sentence, start, end, before, after)
    return sentence[low:high]


@dataclass(frozen=True)
class Subject:
    """Whom a figure is about: ``kind`` "country" (``key`` its ISO code), an actor type
    ("company", "brand"…; ``key`` its name), or "" when no comparable subject is known
    (``reason`` says why)."""

    kind: str
    key: str
    reason: str = ""
    #: True when a country subject was set aside because of firms near the figure.
    near_firm: bool = False

    def same(self, other: Subject) -> bool:
        return bool(self.kind) and (self.kind, self.key) == (other.kind, other.key)


class ActorCountries:
    """Countries and types of known actors, and the names in each sentence, indexed once."""

    def __init__(
        self,
        entities: pd.DataFrame,
        mentions: pd.DataFrame,
        candidates: pd.DataFrame | None = None,
    ) -> None:
        known = entities.drop_duplicates("entity")
        self.country = dict(zip(known["entity"], known["country"], strict=True))
        self.type = dict(zip(known["entity"], known["type"], strict=True))
        #: Sentence → (entity, surface form) of its actor mentions.
        self.named: dict[str, list[tuple[str, str]]] = {}
        texts = mentions["text"] if "text" in mentions else [""] * len(mentions)
        for sid, entity, text in zip(
            mentions["sentence_id"], mentions["entity"], texts, strict=True
        ):
            self.named.setdefault(sid, []).append((entity, str(text or "")))
        #: Sentence → names found by NER but not linked to an actor, that may be firms.
        self.unlinked: dict[str, list[str]] = {}
        if candidates is not None and not candidates.empty:
            linked = candidates["actor"] if "actor" in candidates else [""] * len(candidates)
            columns = (candidates["sentence_id"], candidates["text"], candidates["label"], linked)
            for sid, text, label, actor in zip(*columns, strict=True):
                if label in FIRM_LABELS and not (isinstance(actor, str) and actor) and text:
                    self.unlinked.setdefault(str(sid), []).append(str(text))

    def subject(
        self,
        claim: Mapping[str, Any],
        window: str,
        vocabulary: Vocabulary,
        language: str,
        percent: bool = False,
    ) -> Subject:
        """The subject of a claim, read from its ``subject`` and its neighbourhood.

        A country subject holds only if nothing near the figure makes it a firm's figure:
        a known firm or an unlinked organisation name (not cited as a source), the
        country's name qualifying a firm noun ("Chinese brands"), or, for a share, any
        firm noun ("les marques chinoises ont représenté 60 %")."""
        name = str(claim["subject"] or "")
        if not name:
            return Subject("", "", "the seed names no subject for it")
        kind = self.type.get(name)
        if kind is None:
            return Subject("", "", f"its subject, {name}, is not a known actor")
        if kind != "country":
            return Subject(str(kind), name)
        code = str(self.country.get(name) or "")
        why = self._firms_near(claim, name, window, vocabulary, language, percent)
        if why:
            return Subject("", "", why(country_name(code, missing="unknown")), near_firm=True)
        return Subject("country", code)

    def _firms_near(
        self,
        claim: Mapping[str, Any],
        name: str,
        window: str,
        vocabulary: Vocabulary,
        language: str,
        percent: bool,
    ) -> Callable[[str], str] | None:
        """Why a country's figure may be firms' (a reason, given the country's name), or
        None. Called for every country figure: the country's name is only looked up when
        a reason is written."""
        named = self.named.get(str(claim["sentence_id"]), [])
        for entity, surface in named:
            firm = self.type.get(entity) in FIRM_TYPES and surface
            if firm and self._near(surface, window, vocabulary, language):
                return lambda place: (
                    f"it is next to a firm, {entity}, so it may be the firm's, not {place}'s"
                )
        surfaces = {s for _, s in named if s}
        for text in self.unlinked.get(str(claim["sentence_id"]), []):
            if text not in surfaces and self._near(text, window, vocabulary, language):
                return lambda place: (
                    f"it is next to {text}, possibly a firm, so it may not be {place}'s"
                )
        own = {s for e, s in named if e == name and s}
        if any(vocabulary.qualifies_firm(window, s, language) for s in own):
            return lambda place: f"it concerns firms of {place}, not {place} as a whole"
        if percent and vocabulary.has("firm_words", window, language):
            return lambda place: "it is a share held by firms, not by a country"
        return None

    @staticmethod
    def _near(name: str, window: str, vocabulary: Vocabulary, language: str) -> bool:
        """Whether ``name`` occurs in ``window`` other than as a cited source."""
        return any(
            not vocabulary.is_source(window, m.start(), language)
            for m in _name_pattern(name).finditer(window)
        )


@dataclass(frozen=True)
class ContextFigure:
    """A context row as :func:`compare` reads it."""

    index: Any
    family: tuple[str, float] | None
    measure: str | None
    product: str | None
    subject: Subject
    year: int
    value: float


def context_figure(index: Any, row: Mapping[str, Any], vocabulary: Vocabulary) -> ContextFigure:
    """Unit family, measure, product and subject of a context row, read with the lexicon
    from its dataset name and metric ("rare_earth_share", "share of world mining" →
    mining share of rare earths). A row about firms ("Chinese brands' share") has no
    comparable subject."""
    text = f"{str(row['dataset']).replace('_', ' ')} {row['metric']}"
    family = unit_family(str(row["unit"]))
    measure, _ = measure_of(text, family[0] if family else None, vocabulary, "en")
    if vocabulary.has("firm_words", text, "en"):
        subject = Subject("", "", "a figure of firms")
    else:
        subject = Subject("country", str(row["country"]))
    return ContextFigure(
        index=index,
        family=family,
        measure=measure,
        product=product_of(text, vocabulary, "en"),
        subject=subject,
        year=int(row["year"]),
        value=float(row["value"]),
    )


COMPARISON_COLUMNS = [
    "claim",
    "document",
    "sentence_id",
    "verdict",
    "context_index",
    "ratio",
    "scope",
    "partial_index",
    "measure",
    "reason",
]


def compare(
    claims: pd.DataFrame,
    ctx: pd.DataFrame,
    entities: pd.DataFrame,
    mentions: pd.DataFrame,
    lexicon: Lexicon,
    languages: dict[str, str] | None = None,
    candidates: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Match each seed claim with the context figures of the same unit family, measure,
    subject (country or firm, and product) and year (the rules at the top of this section).

    One row per (claim, matching context row), verdict ``consistent`` or ``disagrees``; a
    claim with no match gets one row with verdict ``no context``, in ``reason`` the first
    rule that rules it out ("" when it is only the context that lacks a figure) and, in
    ``partial_index``, context rows that match in everything but the year (near misses
    worth naming; a row of another measure is never named, not to invite the comparison).
    ``candidates`` are the unlinked names of ``candidate_mentions`` (optional). ``claim``
    is the claim's index in ``claims``; ``context_index`` the row's index in ``ctx``;
    ``measure`` the claim's.
    """
    languages = languages or {}
    vocabulary = Vocabulary(lexicon)
    figures = [
        context_figure(i, row, vocabulary)
        for i, row in zip(ctx.index, ctx.to_dict("records"), strict=True)
    ]
    actors = ActorCountries(entities, mentions, candidates)
    rows = []
    # Plain dicts: iterrows is slow on large corpora.
    for index, claim in zip(claims.index, claims.to_dict("records"), strict=True):
        value = claim["value"]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        language = languages.get(claim["document"], "")
        window = _window(
            str(claim["sentence"]), claim.get("start", math.nan), claim.get("end", math.nan)
        )
        family, scope = unit_reading(
            str(claim["unit"]), str(claim["sentence"]), vocabulary, language
        )
        measure, measure_reason = measure_of(
            window, family[0] if family else None, vocabulary, language
        )
        product = product_of(window, vocabulary, language)
        subject = actors.subject(
            claim, window, vocabulary, language, percent=bool(family and family[0] == PERCENT)
        )
        year = _year(claim["year"])
        bound = bound_of(claim)
        matches, partial = [], []
        if subject.kind and family is not None and product is not None:
            for figure in figures:
                if not subject.same(figure.subject) or figure.product != product:
                    continue
                if figure.family is None or figure.family[0] != family[0]:
                    continue
                if measure is None or figure.measure != measure or year is None:
                    continue
                if year == figure.year:
                    matches.append((figure, value * family[1], figure.value * figure.family[1]))
                else:
                    partial.append(figure.index)
        base_row = {
            "claim": index,
            "document": claim["document"],
            "sentence_id": claim["sentence_id"],
            "measure": measure or "",
        }
        if not matches:
            reason = _reason(claim, year, subject, family, measure_reason, product)
            rows.append(
                {
                    **base_row,
                    "verdict": "no context",
                    "context_index": None,
                    "ratio": None,
                    "scope": "",
                    "partial_index": partial,
                    "reason": reason,
                }
            )
            continue
        for figure, seed_value, ctx_value in matches:
            rows.append(
                {
                    **base_row,
                    "verdict": _verdict(seed_value, ctx_value, bound),
                    "context_index": figure.index,
                    "ratio": seed_value / ctx_value if ctx_value else None,
                    "scope": scope,
                    "partial_index": [],
                    "reason": "",
                }
            )
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def _year(value: Any) -> int | None:
    """A claim's year as an integer, None when missing (None or NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def _reason(
    claim: Mapping[str, Any],
    year: int | None,
    subject: Subject,
    family: tuple[str, float] | None,
    measure_reason: str,
    product: str | None,
) -> str:
    """The first rule that rules a claim out ("" if none does): the subject when it is not
    a country or unknown, then the year, the unit, the measure, firms near the figure and
    the product."""
    if subject.kind and subject.kind != "country":
        return (
            f"its subject, {subject.key}, is a {subject.kind}, and the context has no figure "
            "of it, only figures of whole countries"
        )
    if not subject.kind and not subject.near_firm:
        return subject.reason
    if year is None:
        return "the seed gives no year"
    if family is None:
        if not claim["unit"]:
            return "the number has no unit and its sentence names no vehicles"
        return f"no context figure is in {claim['unit']} or a unit convertible to it"
    if measure_reason:
        return measure_reason
    if subject.near_firm:
        return subject.reason
    if product is None:
        return "its sentence names several materials or products"
    return ""


def _verdict(seed: float, ctx: float, bound: str) -> str:
    if bound == "at_most":
        return "consistent" if ctx <= seed else "disagrees"
    if bound == "at_least":
        return "consistent" if ctx >= seed else "disagrees"
    tolerance = ABOUT_TOLERANCE if bound == "about" else EXACT_TOLERANCE
    return "consistent" if abs(seed - ctx) <= tolerance * abs(ctx) else "disagrees"


def checked_claims(comparisons: pd.DataFrame) -> set[Any]:
    """Claims that at least one context figure matches (whatever the verdict)."""
    return set(comparisons.loc[comparisons["verdict"] != "no context", "claim"])


def comparison_claims(claims: pd.DataFrame, comparisons: pd.DataFrame) -> pd.DataFrame:
    """Comparisons worth a paragraph: capacity-like or bare-number claims, and every match;
    claims with a match first, then the others (each in seed order)."""
    if comparisons.empty:
        return comparisons
    units = claims["unit"].to_dict()  # a dict: one .loc per row is slow on large corpora
    keep = [
        verdict != "no context" or units[c] in CAPACITY_UNITS or not units[c]
        for c, verdict in zip(comparisons["claim"], comparisons["verdict"], strict=True)
    ]
    kept = comparisons[keep]
    matched = kept["claim"].isin(checked_claims(kept))
    return pd.concat([kept[matched], kept[~matched]]).reset_index(drop=True)
