"""Small text helpers shared by the corpus modules: typography, words, sentences, shingles."""

from __future__ import annotations

import re
import unicodedata

# Apostrophe look-alikes. spaCy's French tokenizer only splits elisions (qu', s', l') on "'".
_APOSTROPHES = "\u2019\u2018\u201a\u201b\u2032\u02bc\u00b4\u0060"
# English-style double quotes become '"'; French guillemets « » are kept as they are.
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"
# Non-breaking, narrow, thin and other fixed-width spaces.
_SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u205f\u3000\t"
# Zero-width characters, BOM and soft hyphen: invisible, but they split or glue words.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_TRANSLATION = str.maketrans(
    {
        **{c: "'" for c in _APOSTROPHES},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: " " for c in _SPACES},
        **{c: None for c in _INVISIBLE},
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
# Other control characters (keep only "\n").
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_MULTI_SPACE = re.compile(r" {2,}")

WORD_RE = re.compile(r"\w+(?:['\-]\w+)*")


def normalize_typography(text: str) -> str:
    """Normalise line endings, quotes, apostrophes, spaces and invisible characters; then NFC.

    Runs before any other processing so that every later rule sees one spelling of
    ``qu'il`` and one kind of space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATION)
    text = _CONTROL.sub("", text)
    lines = (_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return unicodedata.normalize("NFC", "\n".join(lines))


def words(text: str) -> list[str]:
    """Word tokens (elisions such as ``qu'il`` and hyphenated words count as one word)."""
    return WORD_RE.findall(text)


def word_count(text: str) -> int:
    """Number of word tokens in ``text``."""
    return len(WORD_RE.findall(text))


def match_key(text: str) -> str:
    """Comparison form of a line: case-folded words joined by single spaces."""
    return " ".join(WORD_RE.findall(text.casefold()))


# Sentence boundary: end punctuation, spaces, then something that can start a sentence.
#: A line or an item that ends a sentence (its last mark, maybe inside quotes or brackets).
LINE_END = re.compile(r"[.!?…][\"»)']?$")
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…][\"»)])|(?<=[.!?…] »))\s+(?=[«\"(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mme|Mlle|Dr|St|Mr|Mrs|Ms|Prof|etc|cf|p|vol|no|n°)|\b[A-Z])\.$"
)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences with a simple punctuation rule.

    Good enough for measuring repetition; it does not try to be a full segmenter.
    """
    parts: list[str] = []
    buffer = ""
    for piece in _SENTENCE_END.split(text):
        buffer = f"{buffer} {piece}".strip() if buffer else piece.strip()
        if not _ABBREVIATION.search(buffer):
            parts.append(buffer)
            buffer = ""
    if buffer:
        parts.append(buffer)
    return [p for p in parts if p]


def shingles(text: str, size: int = 3) -> set[str]:
    """Set of case-folded word ``size``-grams; a text shorter than ``size`` is one shingle."""
    return shingles_of(match_key(text).split(), size)


def shingles_of(tokens: list[str], size: int = 3) -> set[str]:
    """:func:`shingles` of a text already split into match-key words."""
    if not tokens:
        return set()
    if len(tokens) < size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
