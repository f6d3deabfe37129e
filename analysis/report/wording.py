"""Shared wording of the chapters: plurals, verb agreement, lists, country names, citations.

Every chapter writes its numbers and names through these helpers, so that "1 seed" and
"2 seeds", "a, b and c" and a country's English name read the same everywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import pandas as pd
import pycountry
from babel import Locale

from analysis import myst
from analysis.english import plural  # noqa: F401  (re-exported for the chapters)

#: Label used when an actor has no country in the knowledge base.
NO_COUNTRY = "No country"
#: Codes that are not ISO 3166 countries, with the names the book uses for them.
SPECIAL_CODES = {"WORLD": "World", "EU": "European Union", "EUROPE": "Europe", "SU": "USSR"}


def verb(count: int, singular: str, many: str) -> str:
    """The verb form agreeing with ``count``: ``verb(1, "links", "link")`` → "links"."""
    return singular if count == 1 else many


def join_and(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


#: English names of the seeds' languages, for tables and prose.
LANGUAGE_NAMES = {"fr": "French", "en": "English", "ru": "Russian"}
#: Languages whose quotes the book's reader is expected to read without a note.
PLAIN_LANGUAGES = frozenset({"fr", "en", ""})


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def quote(text: str, language: str = "", limit: int = 240, keep: Sequence[str] = ()) -> str:
    """``« text »`` on one line, cut at ``limit`` around the words of ``keep`` (see
    :func:`shorten`); a quote in another language than French or English says which
    ("« … » (Russian)"): the book has no translation."""
    note = "" if str(language or "") in PLAIN_LANGUAGES else f" ({language_name(language)})"
    return f"« {shorten(text, limit, keep)} »{note}"


def shorten(text: str, limit: int = 240, keep: Sequence[str] = ()) -> str:
    """``text`` on one line, at most ``limit`` characters, cut at words with ellipses.

    A long text is cut around the first occurrences of the words of ``keep`` (the actors
    a relation links), so that the quote never stops just before them ("…le constructeur
    automobile chinois…" without "JAC"); without any of them, its start is kept.
    """
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    found = [
        (m.start(), m.end())
        for word in keep
        if word and (m := re.search(re.escape(str(word)), flat, re.IGNORECASE))
    ]
    room = limit - 2  # two ellipses at most
    if not found:
        return flat[: limit - 1].rsplit(" ", 1)[0].rstrip() + "…"
    first, last = min(s for s, _ in found), max(e for _, e in found)
    if last - first > room:
        last = max(e for s, e in found if s == first)  # the first kept word, at least
    start = max(0, min(first - (room - (last - first)) // 2, len(flat) - room))
    end = min(len(flat), start + room)
    if start > 0 and " " in flat[start:first]:
        start = flat.index(" ", start) + 1  # a whole word first
    if end < len(flat) and " " in flat[last:end]:
        end = flat.rindex(" ", last, end)  # and a whole word last
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def country_name(code: object, missing: str = NO_COUNTRY) -> str:
    """English name of an ISO 3166 alpha-2 code (Babel, then pycountry's historic states),
    of a code of :data:`SPECIAL_CODES`, or ``missing`` for no code."""
    text = "" if code is None or (isinstance(code, float) and pd.isna(code)) else str(code)
    text = text.strip().upper()
    return _country_name(text) if text else missing


@functools.cache  # called once per relation side: Babel's lookup is slow at that rate
def _country_name(text: str) -> str:
    if text in SPECIAL_CODES:
        return SPECIAL_CODES[text]
    name = Locale("en").territories.get(text)
    if name:  # "Myanmar (Burma)" → "Myanmar"
        return str(name).split(" (")[0]
    historic = pycountry.historic_countries.get(alpha_2=text)
    if historic is not None:
        return str(historic.name).split(",")[0]
    current = pycountry.countries.get(alpha_2=text)
    return str(current.name) if current is not None else text


def cite_documents(documents: Iterable[object]) -> str:
    """Citations of the distinct seeds in ``documents`` (sorted; at most
    :data:`myst.CITE_LIMIT`, then "and N others"), or ``""``."""
    return myst.cite_documents(documents)


def qualifier(attributed_to: str, hedges: str) -> str:
    """Plain words for a sentence's hedges (escaped): "according to …", "hedged: …"."""
    parts = []
    if attributed_to:
        parts.append("according to " + myst.escape(attributed_to.replace("; ", " and ")))
    if hedges:
        parts.append("hedged or intended in the seed (" + myst.escape(hedges) + ")")
    return ", ".join(parts)


def reporting_note(attributed_to: str, hedges: str) -> str:
    """Plain text (not escaped) for a table cell: "according to X; hedge: “could”"."""
    parts = []
    if attributed_to:
        parts.append("according to " + attributed_to.replace("; ", " and "))
    if hedges:
        parts.append("hedge: " + ", ".join(f"“{h}”" for h in hedges.split("; ")))
    return "; ".join(parts)


def link_label(source: str, relation: str, target: str, stage: str = "") -> str:
    """ "A → B (production)"; symmetric partnerships read "A ↔ B (partnership)"; with a
    stage other than "stated": "A ↔ B (partnership, at the proposal stage)"."""
    arrow = "↔" if relation == "partnership" else "→"
    at = f", at the {stage} stage" if stage and stage != "stated" else ""
    return f"{source} {arrow} {target} ({relation}{at})"
