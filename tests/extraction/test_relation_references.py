"""Relations read through a reference word ("la société", "the company", "elle") leave
the tables unless a sentence naming both ends states them too (``relation_references``).
The firms are invented; no sentence is taken from a seed or a test folder."""

from __future__ import annotations

from analysis.extraction.relation_references import (
    REFERENCE,
    REFERENCE_MARK,
    split_references,
    through_reference,
)
from tests.fixtures.extraction_shared import tables_for


def _row(source: str, target: str, relation: str, rule: str, sid: str = "d:1:0") -> dict:
    return dict(source=source, target=target, relation=relation, rule=rule, sentence_id=sid)


def test_a_row_read_through_a_reference_word_alone_is_set_aside() -> None:
    rows = [
        _row("Varkon Cells", "Tver", "production", "production"),
        _row("Varkon Cells", "Quellon Motors", "supply", "supply" + REFERENCE_MARK, "d:2:0"),
    ]
    kept, aside = split_references(rows)
    assert kept == [rows[0]]
    assert aside == [{**rows[1], "reason": REFERENCE}]


def test_a_row_the_text_also_states_with_both_names_stays() -> None:
    rows = [
        _row("Varkon Cells", "Quellon Motors", "supply", "supply"),
        _row("Varkon Cells", "Quellon Motors", "supply", "supply" + REFERENCE_MARK, "d:2:0"),
        # the other direction is another relation: not confirmed
        _row("Quellon Motors", "Varkon Cells", "supply", "supply" + REFERENCE_MARK, "d:3:0"),
        # a partnership has no direction
        _row("Quellon Motors", "Varkon Cells", "partnership", "partnership", "d:4:0"),
        _row("Varkon Cells", "Quellon Motors", "partnership", "partnership (anaphora)", "d:5:0"),
    ]
    kept, aside = split_references(rows)
    assert [r["sentence_id"] for r in kept] == ["d:1:0", "d:2:0", "d:4:0", "d:5:0"]
    assert [r["sentence_id"] for r in aside] == ["d:3:0"]


def test_the_country_a_sentence_takes_up_is_no_reference_to_an_actor() -> None:
    # "... a quitté le pays": the exit reads the country named before; both firms named.
    assert not through_reference({"rule": "exit (country named before)"})
    assert through_reference({"rule": "exit (country named before)" + REFERENCE_MARK})


def test_the_tables_list_the_row_set_aside_with_its_reason() -> None:
    tables = tables_for(
        {
            "t": (
                "Varkon Industries makes battery packs in Tver. The company is owned by "
                "Quellon Holding.",
                "en",
            )
        }
    )
    final = set(zip(tables.relations["source"], tables.relations["target"], strict=True))
    assert ("Quellon Holding", "Varkon Industries") not in final
    aside = tables.details["relations_set_aside"]
    row = aside[aside["source"] == "Quellon Holding"].iloc[0]
    assert (row["target"], row["relation"], row["reason"]) == (
        "Varkon Industries",
        "ownership",
        REFERENCE,
    )
    assert row["rule"].endswith(REFERENCE_MARK) and row["p_none"] is None


def test_a_reference_the_text_confirms_keeps_its_sentence() -> None:
    tables = tables_for(
        {
            "t": (
                "Quellon Holding owns Varkon Industries. Varkon Industries makes battery "
                "packs in Tver. The company is owned by Quellon Holding.",
                "en",
            )
        }
    )
    rel = tables.relations
    owned = rel[(rel["source"] == "Quellon Holding") & (rel["relation"] == "ownership")]
    assert len(set(owned["sentence_id"])) == 2, owned
