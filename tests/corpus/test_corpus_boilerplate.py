"""Requirement 5: boilerplate removed by general rules, counted, content kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_samples import ENGLISH_BODY, ENGLISH_TITLE, FRENCH_BODY, FRENCH_TITLE

from analysis.corpus import load_corpus
from analysis.corpus.clean import boilerplate_reason, remove_boilerplate

# Lines of kinds seen on French and English news sites, none copied from the seeds.
FRENCH_JUNK = [
    "Partager sur Facebook",
    "Tweeter",
    "WhatsApp",
    "Laissez un commentaire",
    "Votre adresse e-mail ne sera pas publiée.",
    "Cliquez ici pour commenter cet article",
    "Abonnez-vous gratuitement à notre lettre d'information",
    "Restez informés avec AutoActu !",
    "Suivez-nous sur Instagram et LinkedIn",
    "À lire aussi : Renault vend ses parts d'Avtovaz",
    "Voir aussi",
    "Sommaire",
    "Retour en haut de la page",
    "usine-geely-2024.webp",
    "https://www.example.org/auto/geely",
    "Photo : AFP",
    "Crédit photo © Shutterstock",
    "Vidéo YouTube",
    "***",
]
ENGLISH_JUNK = [
    "Share this article",
    "Share on LinkedIn",
    "Subscribe to our newsletter",
    "Sign up for our newsletter",
    "Leave a comment",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Read more",
    "Related articles",
    "Back to top",
    "Table of contents",
    "Follow us on Twitter",
    "Image credit: Getty Images",
]
CONTENT = [
    FRENCH_TITLE,
    ENGLISH_TITLE,
    "Des enjeux géopolitiques et économiques forts",
    "Un partenariat stratégique pour l'innovation",
    "Twitter shares tumble after the takeover",
    "Les abonnés de la plateforme ont doublé en un an",
    "Nissan, allié de Renault, rachète un spécialiste des batteries",
    "La production reprendra en 2025.",
    *FRENCH_BODY,
    *ENGLISH_BODY,
]


@pytest.mark.parametrize("line", FRENCH_JUNK + ENGLISH_JUNK)
def test_junk_lines_are_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize("line", CONTENT)
def test_content_lines_are_kept(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_stray_fragment_only_at_block_end() -> None:
    assert boilerplate_reason("in") == "stray fragment"
    # The last short line of a hard-wrapped sentence is not a stray fragment.
    assert boilerplate_reason("plus tard", last_in_block=False) is None


def test_counts_lines_and_word_share() -> None:
    text = "\n\n".join([FRENCH_TITLE, *FRENCH_BODY, "Partager sur Facebook", "Newsletter"])
    cleaned = remove_boilerplate(text)
    assert cleaned.removed_lines == 2
    assert cleaned.removed_words == 4
    assert cleaned.share == pytest.approx(4 / cleaned.total_words)


def test_lines_repeated_across_documents_are_removed(seeds: Path, write) -> None:
    footer = "Le Courrier de Tachkent vous remercie"  # no call-to-action word at all
    bodies = [FRENCH_BODY, ENGLISH_BODY, [FRENCH_BODY[0], ENGLISH_BODY[1]]]
    for n, body in enumerate(bodies):
        title = f"Titre numéro {n} de ce test de corpus"
        write(f"{n}.txt", "\n\n".join([title, *body, footer]))
    corpus = load_corpus(seeds)
    for doc in corpus.documents:
        assert footer not in doc.text
        assert doc.boilerplate_lines == 1
        assert 0 < doc.boilerplate_share < 0.2


def test_in_load_corpus(seeds: Path, write) -> None:
    lines = ["in", FRENCH_TITLE, *FRENCH_BODY, *FRENCH_JUNK]
    write("a.txt", "\n\n".join(lines))
    (doc,) = load_corpus(seeds).documents
    assert [p.text for p in doc.paragraphs] == [FRENCH_TITLE, *FRENCH_BODY]
    assert doc.boilerplate_lines == len(FRENCH_JUNK) + 1
    assert doc.paragraphs[0].heading
