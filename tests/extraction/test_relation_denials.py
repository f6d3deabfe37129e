"""A relation the folder denies in another sentence is set aside where it is stated.

Firms here are invented; the sentences are written for these tests, and what each test
expects was written before the extraction was run on them."""

from __future__ import annotations

import pytest

from analysis.extraction.relation_denials import DENIED, denied_relations, split_denied
from tests.fixtures.extraction_shared import tables_for


def _row(source, target, relation, sid):
    return {"source": source, "target": target, "relation": relation, "sentence_id": sid}


def test_a_denial_in_another_sentence_sets_the_row_aside() -> None:
    rows = [_row("A", "B", "acquisition", "d1:1"), _row("A", "C", "acquisition", "d1:2")]
    kept, aside = split_denied(rows, [_row("B", "A", "acquisition", "d2:4")])
    assert [(r["target"], r["reason"]) for r in aside] == [("B", DENIED)]
    assert [r["target"] for r in kept] == ["C"]


def test_a_denial_in_the_row_s_own_sentence_leaves_it() -> None:
    kept, aside = split_denied(
        [_row("A", "B", "supply", "d1:1")], [_row("A", "B", "supply", "d1:1")]
    )
    assert (len(kept), aside) == (1, [])


def test_a_denial_takes_back_its_own_relation_and_a_holding_its_purchase() -> None:
    denied = denied_relations([_row("A", "B", "ownership", "s"), _row("A", "C", "supply", "t")])
    assert set(denied) == {
        (frozenset("AB"), "ownership"),
        (frozenset("AB"), "acquisition"),
        (frozenset("AC"), "supply"),
    }
    kept, aside = split_denied([_row("A", "C", "ownership", "u")], [_row("A", "C", "supply", "t")])
    assert (len(kept), aside) == (1, [])


def _relations(tables) -> set[tuple[str, str, str]]:
    rel = tables.relations
    return set(zip(rel["source"], rel["target"], rel["relation"], strict=True))


def _denied(tables) -> set[frozenset]:
    aside = tables.details["relations_set_aside"]
    rows = aside[aside["reason"] == DENIED]
    return {frozenset(p) for p in zip(rows["source"], rows["target"], strict=True)}


@pytest.mark.parametrize(
    ("stated", "denial", "lang", "pair", "relation"),
    [
        (
            "Volterra Motors bought Kestrel Batteries in March, a Telegram channel wrote.",
            "Volterra Motors has not bought Kestrel Batteries, the company said.",
            "en",
            ("Volterra Motors", "Kestrel Batteries"),
            "acquisition",
        ),
        (
            "Arvanto Industries détient une participation de 20 % dans Sibelec Composants.",
            "Arvanto Industries ne détient aucune participation dans Sibelec Composants.",
            "fr",
            ("Arvanto Industries", "Sibelec Composants"),
            "ownership",
        ),
    ],
)
def test_a_relation_denied_in_another_article_is_set_aside(
    stated, denial, lang, pair, relation
) -> None:
    alone = tables_for({"a": (stated, lang)})
    assert (*pair, relation) in _relations(alone)
    tables = tables_for({"a": (stated, lang), "b": (denial, lang)})
    assert not {r for r in _relations(tables) if {r[0], r[1]} == set(pair)}
    assert frozenset(pair) in _denied(tables)


def test_a_denial_of_another_pair_or_relation_leaves_the_statement() -> None:
    tables = tables_for(
        {
            "a": ("Volterra Motors bought Kestrel Batteries in 2023.", "en"),
            "b": (
                "Volterra Motors has not bought Orion Cells. Kestrel Batteries does not "
                "supply Volterra Motors with cells.",
                "en",
            ),
        }
    )
    assert ("Volterra Motors", "Kestrel Batteries", "acquisition") in _relations(tables)
    assert not _denied(tables)
