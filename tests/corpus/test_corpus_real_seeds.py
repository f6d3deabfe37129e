"""The five real seeds of the project, read from the repository (never written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_samples import tree_digest

from analysis.corpus import load_corpus

SEEDS = Path(__file__).parents[2] / "seeds"

TITLES = {
    "000_1a0e151e3db47431": (
        "La Russie défie l'embargo avec la sortie de sa première voiture électrique !"
    ),
    "001_7683eca13aca55e2": (
        "Auto: Russie relance la fabrication de voitures dans l'ancienne fabricant de "
        "Renault Factory"
    ),
    "003_78b0a1ccdff967a6": "Xiaomi s'entend avec BAIC pour la production de voitures électriques",
    "004_2ac71f9bedce3d1f": "La Chine souhaite produire des véhicules électriques au Kazakhstan",
}
REMOVED = [
    "Laisser un commentaire",
    "Restez toujours informé avec TECHNPLAY.COM !",
    "Cliquez pour commenter",
    "Votre adresse e-mail ne sera pas publiée",
    "YouTube video",
    "xiaomi-car.jpg",
    "Rate this post",
    "Table des matières",
    "Retour en haut",
    "Illustration www.freepik.com",
    "Nous vous invitons à nous suivre",
]


@pytest.fixture(scope="module")
def corpus():
    before = tree_digest(SEEDS)
    result = load_corpus(SEEDS)
    assert tree_digest(SEEDS) == before, "the seeds folder must not change"
    return result


def test_all_ok_and_french(corpus) -> None:
    assert corpus.messages == []
    assert len(corpus.documents) == 5
    for doc in corpus.documents:
        assert (doc.status, doc.language, doc.encoding) == ("ok", "fr", "utf-8")
        assert doc.metadata["seed"] == doc.id
        assert doc.words > 200


def test_titles(corpus) -> None:
    docs = {d.id: d for d in corpus.documents}
    for doc_id, title in TITLES.items():
        assert (docs[doc_id].title, docs[doc_id].title_derived) == (title, False)
    derived = docs["002_a9226e6ab3d17201"]
    assert derived.title_derived and not derived.title.startswith("Bonjour")
    assert len(derived.title) <= 100 and derived.title.endswith("…")


def test_boilerplate_removed_content_kept(corpus) -> None:
    text = "\n".join(d.text for d in corpus.documents)
    for line in REMOVED:
        assert line not in text
    assert "Des enjeux géopolitiques et économiques forts" in text
    assert "Un partenariat stratégique pour l'innovation" in text
    docs = {d.id: d for d in corpus.documents}
    assert docs["000_1a0e151e3db47431"].paragraphs[0].text == TITLES["000_1a0e151e3db47431"]
    assert docs["003_78b0a1ccdff967a6"].boilerplate_lines >= 10
    assert docs["002_a9226e6ab3d17201"].boilerplate_lines == 0


def test_typography(corpus) -> None:
    text = "\n".join(d.text for d in corpus.documents)
    assert "qu'il" in text and "’" not in text and "\u00a0" not in text


def test_repetition(corpus) -> None:
    docs = {d.id: d for d in corpus.documents}
    seed_000 = docs["000_1a0e151e3db47431"]
    assert [p.duplicate_of for p in seed_000.paragraphs if p.duplicate_of] == [
        "000_1a0e151e3db47431:0",
        "000_1a0e151e3db47431:0",
    ]
    # Seed 001: a fragment that starts a later paragraph.
    seed_001 = docs["001_7683eca13aca55e2"]
    assert seed_001.paragraphs[1].duplicate_of == "001_7683eca13aca55e2:2"
    shares = {d.id: d.repetition_share for d in corpus.documents}
    top = shares.pop("002_a9226e6ab3d17201")
    assert top > 1.5 * max(shares.values())
