"""Requirement 6: repeated paragraphs, restated sentences and duplicate documents."""

from __future__ import annotations

from pathlib import Path

from corpus_samples import ENGLISH_BODY, ENGLISH_TITLE, FRENCH_BODY, FRENCH_TITLE, article

from analysis.corpus import load_corpus
from analysis.corpus.dedup import find_duplicate_paragraphs, restated_sentence_words
from analysis.corpus.text import word_count


def docs_of(seeds: Path) -> dict:
    return {d.id: d for d in load_corpus(seeds).documents}


def test_exact_near_and_prefix_paragraphs_within_a_document(seeds: Path, write) -> None:
    near = FRENCH_BODY[1].replace("l'année prochaine", "l'an prochain")
    fragment = FRENCH_BODY[2][:60].rsplit(" ", 1)[0]  # an early cut of a later paragraph
    write("a.txt", "\n\n".join([FRENCH_TITLE, FRENCH_TITLE, *FRENCH_BODY[:2], fragment,
                                FRENCH_BODY[2], near]))  # fmt: skip
    doc = docs_of(seeds)["a"]
    dup = {p.index: p.duplicate_of for p in doc.paragraphs}
    assert dup == {0: None, 1: "a:0", 2: None, 3: None, 4: "a:5", 5: None, 6: "a:3"}
    assert [p.index for p in doc.unique_paragraphs] == [0, 2, 3, 5]
    dup_words = sum(word_count(p.text) for p in doc.paragraphs if p.duplicate_of)
    assert doc.duplicate_paragraph_share > 0
    assert doc.repetition_share >= doc.duplicate_paragraph_share
    assert doc.duplicate_paragraph_share == round(dup_words / doc.words, 4)


def test_paragraph_repeated_across_documents(seeds: Path, write) -> None:
    write("a.txt", article())
    other_title = "Autre titre pour un autre article de test"
    write("b.txt", article(other_title, [ENGLISH_BODY[0], FRENCH_BODY[1]]))
    docs = docs_of(seeds)
    assert docs["b"].paragraphs[2].duplicate_of == "a:2"
    assert docs["b"].paragraphs[1].duplicate_of is None
    assert all(p.duplicate_of is None for p in docs["a"].paragraphs)


def test_short_paragraphs_only_match_as_prefixes() -> None:
    found = find_duplicate_paragraphs(
        [("a", ["Les enjeux économiques", "Le texte parle des enjeux économiques du pays."])]
    )
    assert found == {}
    found = find_duplicate_paragraphs(
        [("a", ["« Les enjeux économiques »", "« Les enjeux économiques » Le texte suit ici."])]
    )
    assert found == {(0, 0): "a:1"}


def test_restated_sentences_count_paraphrase() -> None:
    plain = ["Renault a vendu son usine de Moscou.", "Les salariés ont été transférés à Kamaz."]
    said_twice = [
        "Rosatom va construire une deuxième gigafactory de batteries pour voitures électriques.",
        "Cette usine créera des emplois dans la région.",
        "Alors, Rosatom va bientôt construire sa deuxième gigafactory de batteries électriques !",
    ]
    assert restated_sentence_words(plain) == 0
    assert restated_sentence_words(said_twice) == word_count(said_twice[2])


def test_near_and_exact_duplicate_documents(seeds: Path, write) -> None:
    write("a.txt", article())
    write("b.txt", article().replace("mardi", "lundi"))  # near copy
    write("c.txt", article().replace("\n\n", "\n\n\n"))  # same text once cleaned
    write("d.txt", article())  # byte-for-byte copy
    write("e.txt", article(ENGLISH_TITLE, ENGLISH_BODY))
    corpus = load_corpus(seeds)
    status = {d.id: d.status for d in corpus.documents}
    assert status == {
        "a": "ok",
        "b": "flagged: near duplicate of a",
        "c": "skipped: exact duplicate of a",
        "d": "skipped: exact duplicate of a",
        "e": "ok",
    }
    assert "seeds/b.txt: flagged: near duplicate of a" in corpus.messages
    # The flagged copy stays usable, its repeated paragraphs point to the original.
    b = {d.id: d for d in corpus.documents}["b"]
    assert b.usable and b.paragraphs[0].duplicate_of == "a:0"


def test_a_paragraph_copied_more_often_than_a_shingle_is_indexed_is_still_found() -> None:
    # Shingles found in more than MAX_POSTINGS paragraphs stop suggesting candidates;
    # exact copies are found by their key, however many there are.
    from analysis.corpus import dedup

    footer = "Abonnez-vous à notre lettre pour recevoir chaque matin les nouvelles du secteur."
    docs = [
        (f"d{i:04d}", [f"Article numéro {i} sur un sujet différent des autres.", footer])
        for i in range(dedup.MAX_POSTINGS + 50)
    ]
    found = find_duplicate_paragraphs(docs)
    copies = {key for key, original in found.items() if original == "d0000:1"}
    assert copies == {(i, 1) for i in range(1, dedup.MAX_POSTINGS + 50)}


def test_parallel_reading_gives_the_same_corpus(seeds: Path, write, monkeypatch) -> None:
    """Large folders are read by worker processes; the documents must not change."""
    from analysis.corpus import loader

    write("a.txt", article())
    write("b.txt", article("Autre titre pour un autre article de test", [ENGLISH_BODY[0]]))
    write("c.txt", article())  # a byte-for-byte copy of a
    write("d.txt", "\n\n".join([FRENCH_TITLE, *FRENCH_BODY, FRENCH_BODY[1]]))
    serial = load_corpus(seeds)
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(loader.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    parallel = load_corpus(seeds)
    assert parallel.documents == serial.documents
    assert parallel.messages == serial.messages
    assert any(d.status.startswith("skipped: exact duplicate") for d in parallel.documents)
