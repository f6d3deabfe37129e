"""The project's hedge and attribution words (``analysis/data/lexicons/hedges.yaml``).

Read once, here only: the figures extractor (approximators, modal and evidential cues,
"selon" qualifiers, sources and reporting verbs), the attribution column of the
extraction (:data:`ATTRIBUTION_LEADS`…), the relation rules' filters of what unnamed
sources and press reports say (:func:`unnamed_source`, :func:`reported`) and the report's
hedge notes on relations (:data:`SENTENCE_HEDGES`) all take their cues from this file.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HEDGES_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "hedges.yaml"


@cache
def raw() -> dict[str, Any]:
    """The whole YAML (the figures extractor compiles its sections itself)."""
    with HEDGES_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _words(key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in raw()[key])


#: Words before a source ("selon X"), matched in any case.
ATTRIBUTION_LEADS = _words("attribution_leads")
#: Reporting verbs after a comma and before a name (", a indiqué X"), matched as written.
ATTRIBUTION_VERBS = _words("attribution_verbs")
#: Reporting verbs of every language, lower case ("said", "a indiqué", "сообщал").
REPORTING_VERBS = frozenset(
    str(w).lower()
    for key in ("reporting_participles", "reporting_present")
    for words in raw()[key].values()
    for w in words
)
#: Phrases that name an unnamed source, matched in any case.
ATTRIBUTION_ANONYMOUS = _words("attribution_anonymous")
#: Language → cues that make a relation's sentence second-hand, uncertain or intended.
SENTENCE_HEDGES: dict[str, tuple[str, ...]] = {
    str(lang): tuple(str(c) for c in cues) for lang, cues in raw()["sentence_hedges"].items()
}
#: Cues that only say the claim is second-hand.
SECOND_HAND = frozenset(_words("second_hand"))
#: Stems that make an attribution an unnamed source ("anonym", "familiar").
ANONYMOUS_STEMS = _words("anonymous_stems")
_UNNAMED = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(p) for p in ATTRIBUTION_ANONYMOUS + _words("unnamed_sources"))
    + r")(?!\w)",
    re.IGNORECASE,
)


_NAMED = re.compile(
    r"(?<!\w)(?i:"
    + "|".join(re.escape(p) for p in ATTRIBUTION_LEADS + _words("source_leads"))
    + r")\s+(?:[\w'’-]+\s+){0,3}?[«\"“]?[A-ZÀ-ÖØ-ÞА-ЯЁ]"
)


_PRESS = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in _words("press_reports")) + r")(?!\w)",
    re.IGNORECASE,
)


def reported(sentence: str, offset: int) -> bool:
    """Does the word at character ``offset`` of ``sentence`` follow press reports
    (``press_reports``), with no outlet named by a source lead ("according to press
    reports in Vedomosti" names one)? What they say is no fact the text states: the
    relation rules drop its rows."""
    found = _PRESS.search(sentence)
    return found is not None and offset >= found.end() and _NAMED.search(sentence) is None


def unnamed_source(sentence: str) -> bool:
    """Does the sentence report what only unnamed sources say ("two people familiar with
    the discussions said", "selon des sources proches du dossier")? Its relations are
    then no fact the text states. A named source that cites them ("selon Reuters, qui a
    cité des sources anonymes") makes it that source's report instead."""
    if _UNNAMED.search(sentence) is None:
        return False
    return _NAMED.search(sentence) is None
