"""Finding a document's headline, or deriving a short title when it has none.

Rules (after boilerplate removal, so junk lines such as a stray "in" are gone):

1. HTML: the page's title metadata (trafilatura, ``<h1>``, ``<title>``) when given.
2. Otherwise only the lines *before the first body paragraph* are candidates (a section
   heading further down is not a headline). A candidate looks like a headline: 3 to 30
   words, starts with a capital or a digit, does not end with a full stop, is not a
   greeting. Among the first few candidates, one that is repeated later as a whole
   paragraph wins (sites often repeat the headline); else the first candidate.
3. No candidate: the title is derived from the first sentence that is not a greeting,
   cut at a word boundary to at most :data:`MAX_DERIVED` characters with "…".
"""

from __future__ import annotations

import re

from .text import match_key, sentences, word_count

MAX_DERIVED = 100
#: A paragraph longer than this (in words) is body text: the headline comes before it.
BODY_WORDS = 30
#: Number of leading candidates among which a repeated one is preferred.
CANDIDATES = 4

GREETING = re.compile(
    r"^(?:bonjour|bonsoir|salut|coucou|bienvenue|chers? (?:lecteurs|amis|auditeurs)|"
    r"hello|hi|hey|welcome|good (?:morning|evening|afternoon)|dear (?:readers|friends))\b",
    re.IGNORECASE,
)


def is_greeting(sentence: str) -> bool:
    """A salutation such as "Bonjour à tous et bienvenue !" or "Hello everyone"."""
    return bool(GREETING.match(sentence.strip(" «\"'")))


def _headline_like(line: str) -> bool:
    n = word_count(line)
    first = next((c for c in line if c.isalnum()), "")
    return (
        3 <= n <= BODY_WORDS
        and len(line) <= 250
        and (first.isupper() or first.isdigit())
        and not line.rstrip().endswith((".", ",", ";", ":"))
        and not is_greeting(line)
    )


def find_headline(paragraphs: list[str]) -> str:
    """The headline among the leading paragraphs, or ``""`` if there is none."""
    candidates: list[str] = []
    for paragraph in paragraphs:
        line = paragraph.split("\n", 1)[0]
        if word_count(paragraph) > BODY_WORDS and not _headline_like(line):
            break  # body text starts: anything after it is a section heading at best
        if _headline_like(line):
            candidates.append(line)
        if len(candidates) >= CANDIDATES:
            break
    if not candidates:
        return ""
    keys = [match_key(p) for p in paragraphs]
    for candidate in candidates:
        if keys.count(match_key(candidate)) >= 2:
            return candidate
    return candidates[0]


def truncate(text: str, limit: int = MAX_DERIVED) -> str:
    """Cut ``text`` at a word boundary so that, with "…", it has at most ``limit`` chars."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def derive_title(paragraphs: list[str]) -> str:
    """A short title from the first sentence that is not a greeting."""
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if not is_greeting(sentence) and word_count(sentence) >= 3:
                return truncate(sentence.rstrip(" .!?"))
    return truncate(paragraphs[0]) if paragraphs else ""


def choose_title(paragraphs: list[str], html_title: str = "") -> tuple[str, bool]:
    """The title and whether it was derived (``True``) rather than found."""
    if html_title.strip():
        return " ".join(html_title.split()), False
    headline = find_headline(paragraphs)
    if headline:
        return headline, False
    return derive_title(paragraphs), True
