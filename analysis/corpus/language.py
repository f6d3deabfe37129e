"""Language identification per document with py3langid.

py3langid scores all of its ~97 languages (no restriction), so that a German or
Russian seed is *reported* as such instead of being parsed as French.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from .text import word_count

#: Languages the extraction supports end to end, in the order a build extracts them (the
#: one list of them: extraction and its lexicons read it from here).
SUPPORTED = ("fr", "en", "ru")
#: The languages an unsure guess falls back to (the corpus's usual languages).
FALLBACK = ("fr", "en")
#: Below this many words, language identification is not attempted.
MIN_WORDS = 5
#: Above this probability, an unsupported language is trusted; below, we fall back to fr/en.
CONFIDENT = 0.9


@dataclass(frozen=True)
class LanguageGuess:
    """Result of :func:`identify_language`: a code, its probability, and a problem if any."""

    language: str
    probability: float
    problem: str = ""  # "" or a skip reason


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Loaded once per process; normalised probabilities make the threshold meaningful.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> LanguageGuess:
    """Guess the language of ``text``; report unsupported languages and too-short texts."""
    n = word_count(text)
    if n < MIN_WORDS:
        return LanguageGuess("", 0.0, f"too little text to identify the language ({n} words)")
    ranking = _identifier().rank(text[:20000])
    top, probability = ranking[0]
    if top in SUPPORTED:
        return LanguageGuess(top, float(probability))
    if probability >= CONFIDENT:
        return LanguageGuess(top, float(probability), f"unsupported language {top}")
    # Not sure and not supported: take the better of fr/en if it is plausible at all.
    scores = {lang: float(p) for lang, p in ranking if lang in FALLBACK}
    best = max(FALLBACK, key=lambda lang: scores.get(lang, 0.0))
    if scores.get(best, 0.0) >= 0.05:
        return LanguageGuess(best, scores[best])
    return LanguageGuess("", float(probability), f"language not identified (best guess {top})")
