"""A short form one article defines ("Tobolsk Lanfeng Motors (TLM)") is that firm in the
other articles of the folder too, where it stands alone ("TLM buys its packs from ...");
unless two articles define it for two firms. Invented firms and towns; the expected
rows were written before the extractor ran on these texts."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import entities_and_relations, tables_for


@pytest.mark.parametrize(
    ("texts", "full", "short", "expected"),
    [
        (
            {
                "a": (
                    "Tobolsk Lanfeng Motors (TLM), a joint venture of Zhejiang Lanfeng Auto "
                    "and Irtysh Motors, assembles Lanfeng crossovers at Tobolsk.",
                    "en",
                ),
                "b": ("TLM buys its battery packs from Ishim Power LLC.", "en"),
            },
            "Tobolsk Lanfeng Motors",
            "TLM",
            ("Ishim Power LLC", "Tobolsk Lanfeng Motors", "supply"),
        ),
        (
            {
                "a": (
                    "La coentreprise Kostanaï Varkon Trucks (KVT) a été créée en 2023 par "
                    "Varkon Industries et Saryarka Holding.",
                    "fr",
                ),
                "b": ("Depuis mars, KVT assemble des camions à Roudny.", "fr"),
            },
            "Kostanaï Varkon Trucks",
            "KVT",
            ("Kostanaï Varkon Trucks", "Roudny", "production"),
        ),
        (
            {
                "a": ("KVT assembles trucks at Rudny.", "en"),
                "b": (
                    "Kostanay Varkon Trucks (KVT) is a joint venture of Varkon Industries and "
                    "Saryarka Holding.",
                    "en",
                ),
            },
            "Kostanay Varkon Trucks",
            "KVT",
            ("Kostanay Varkon Trucks", "Rudny", "production"),
        ),
    ],
)
def test_a_short_form_defined_in_another_article_is_the_firm(texts, full, short, expected):
    entities, relations = entities_and_relations(texts)
    assert full in entities, entities
    assert short not in entities, entities
    assert expected in relations, relations


def test_a_short_form_two_articles_define_for_two_firms_stays_apart() -> None:
    entities, _ = entities_and_relations(
        {
            "a": ("Tobolsk Lanfeng Motors (TLM) assembles crossovers at Tobolsk.", "en"),
            "b": ("Tara Lithium Materials (TLM) refines lithium carbonate at Tara.", "en"),
            "c": ("TLM buys its battery packs from Ishim Power LLC.", "en"),
        }
    )
    assert {"Tobolsk Lanfeng Motors", "Tara Lithium Materials"} <= entities, entities
    assert "TLM" in entities, entities


def test_the_defining_sentence_is_the_short_forms_evidence() -> None:
    tables = tables_for(
        {
            "a": ("Tobolsk Lanfeng Motors (TLM) assembles crossovers at Tobolsk.", "en"),
            "b": ("TLM buys its battery packs from Ishim Power LLC.", "en"),
        }
    )
    evidence = tables.details["actor_evidence"]
    rows = evidence[evidence["attribute"] == "short form"]
    assert list(zip(rows["entity"], rows["value"], rows["document"], strict=True)) == [
        ("Tobolsk Lanfeng Motors", "TLM", "a")
    ]
