"""The keys names merge on: case, accents, punctuation and spacing folded
(``name_key``), and Latin transliteration variants too (``spelling_key``)."""

from __future__ import annotations

import re
import unicodedata


def name_key(name: str) -> str:
    """Case, accents, punctuation and spacing folded: the key aliases merge on."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", letters)


#: Spelling variants of Russian and Chinese names in Latin script, folded for merging:
#: French and German transliterations ("Toula", "Moskwitsch") and y/i ("Uzlovaya").
_SPELLINGS = (
    ("tsch", "ch"),
    ("tch", "ch"),
    ("ou", "u"),
    ("kh", "h"),
    ("ck", "k"),
    ("w", "v"),
    ("y", "i"),
    ("ii", "i"),
)


def spelling_key(name: str) -> str:
    """``name_key`` with transliteration variants folded: "Toula" and "Tula",
    "Moskvitch" and "Moskvich" share it. Used to merge names, never to score them."""
    key = name_key(name)
    for old, new in _SPELLINGS:
        key = key.replace(old, new)
    return key
