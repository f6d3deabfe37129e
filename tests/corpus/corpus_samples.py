"""Sample texts and helpers for the corpus reader tests (all written for these tests)."""

from __future__ import annotations

import hashlib
from pathlib import Path

FRENCH_TITLE = "Le constructeur chinois Geely ouvre une usine en Ouzbékistan"
FRENCH_BODY = [
    "Le groupe chinois Geely a inauguré mardi à Djizak une usine d'assemblage de voitures "
    "électriques, qu'il exploitera avec la société ouzbèke UzAuto pendant au moins dix ans.",
    "Selon le ministère de l'Industrie, l'usine pourra produire 40 000 véhicules par an dès "
    "l'année prochaine, dont une partie sera exportée vers le Kazakhstan et la Russie.",
    "Les deux partenaires n'ont pas précisé le montant de l'investissement, mais la presse "
    "locale évoque près de 300 millions de dollars et la création de deux mille emplois.",
]
ENGLISH_TITLE = "Chinese carmaker Geely opens a factory in Uzbekistan"
ENGLISH_BODY = [
    "China's Geely opened an electric car assembly plant in Jizzakh on Tuesday, which it will "
    "run with the Uzbek company UzAuto for at least ten years.",
    "According to the industry ministry, the plant could build 40,000 vehicles a year from next "
    "year, some of them for export to Kazakhstan and Russia.",
    "The partners did not disclose the size of the investment, but local media put it at close "
    "to 300 million dollars with two thousand new jobs.",
]


def article(title: str = FRENCH_TITLE, body: list[str] | None = None) -> str:
    """A plain-text article: headline, blank line, paragraphs separated by blank lines."""
    return "\n\n".join([title, *(FRENCH_BODY if body is None else body)]) + "\n"


def tree_digest(folder: Path) -> dict[str, str]:
    """Name -> SHA-256 (or link target) of every entry under ``folder``."""
    digest = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            digest[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            digest[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            digest[rel] = "dir"
    return digest
