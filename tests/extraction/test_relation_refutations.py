"""A sentence that opens by refuting the one before takes its relations back.

Firms here are invented; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from analysis.extraction.relation_refutations import (
    REFUTED,
    refuted_sentences,
    refutes,
    split_refuted,
)
from tests.fixtures.extraction_shared import extracted_relations, tables_for


@pytest.mark.parametrize(
    "text",
    [
        "It does not.",
        "It does not; Quillet Batteries is owned by Marrow Holdings.",
        "That is wrong. Marrow Holdings owns all of it.",
        "That report is wrong.",
        "« C'est inexact. »",
        "C’est faux : nous n'avons aucun client en Russie.",
        "That is wrong - the ministry said so on Monday.",
        "Это не так: у «Марроу» 49 процентов.",
        "*That is not true.*",
    ],
)
def test_a_refutation_opens_the_sentence(text) -> None:
    assert refutes(text)


@pytest.mark.parametrize(
    "text",
    [
        "It does not make batteries in Russia.",  # a negated statement of its own
        "Not quite: the stake is 49%.",  # a partial correction
        "That is wrongly described as a venture.",  # the phrase runs on
        "The company says that is wrong.",  # not at the opening
        "C'est inexactement rapporté.",
        "It does not, however, disclose the price.",  # a fact of its own goes on
        "Ce n'est pas le cas, en revanche, de Chery.",
        "",
    ],
)
def test_other_openings_refute_nothing(text) -> None:
    assert not refutes(text)


def test_rows_of_the_refuted_sentence_are_set_aside_and_the_next_ones_kept() -> None:
    sentences = [
        {"sentence_id": "a1", "document": "a", "text": "X said Y held a stake in Z."},
        {"sentence_id": "a2", "document": "a", "text": "It does not; W owns Z."},
        {"sentence_id": "b1", "document": "b", "text": "Y holds 20% of Z."},
        {"sentence_id": "b2", "document": "b", "text": "Y also supplies Z."},
    ]
    # A refutation opening another document's first sentence refutes nothing.
    sentences.append({"sentence_id": "c1", "document": "c", "text": "That is wrong."})
    assert refuted_sentences(sentences) == {"a1"}
    rows = [
        {"sentence_id": "a1", "source": "Y", "target": "Z", "relation": "ownership"},
        {"sentence_id": "a2", "source": "W", "target": "Z", "relation": "ownership"},
        {"sentence_id": "b1", "source": "Y", "target": "Z", "relation": "ownership"},
        # (a plant's place is presupposed by the claim, not refuted with it)
        {"sentence_id": "a1", "source": "Z", "target": "Tula", "relation": "production"},
    ]
    kept, aside = split_refuted(rows, sentences)
    assert [r["sentence_id"] for r in kept] == ["a2", "b1", "a1"]
    assert [(r["sentence_id"], r["reason"]) for r in aside] == [("a1", REFUTED)]


@pytest.mark.parametrize(
    ("text", "lang", "refuted", "stated"),
    [
        (
            "Last week's newsletter said that Dorvane Motors held a stake in Quillet "
            "Batteries. It does not. Quillet Batteries is wholly owned by Marrow Holdings.",
            "en",
            ("Dorvane Motors", "Quillet Batteries"),
            ("Marrow Holdings", "Quillet Batteries", "ownership"),
        ),
        (
            "Dans notre édition de lundi, nous écrivions que Varkon Industries livrait des "
            "cellules à Quellon Motors. C'est inexact. Quellon Motors achète ses cellules "
            "à Brisault Énergie.",
            "fr",
            ("Varkon Industries", "Quellon Motors"),
            ("Brisault Énergie", "Quellon Motors", "supply"),
        ),
    ],
)
def test_a_statement_taken_back_gives_no_relation(text, lang, refuted, stated) -> None:
    found = extracted_relations(text, lang)
    assert stated in found, found
    assert not [r for r in found if {r[0], r[1]} == set(refuted)], found


def test_the_refuted_rows_are_listed_as_set_aside() -> None:
    tables = tables_for(
        {
            "t": (
                "Le mois dernier, nous avons écrit que Varkon Industries avait racheté "
                "Quellon Motors. C'est faux.",
                "fr",
            )
        }
    )
    aside = tables.details["relations_set_aside"]
    rows = aside[aside["reason"] == REFUTED]
    assert {"Varkon Industries", "Quellon Motors"} <= set(rows["source"]) | set(rows["target"])
