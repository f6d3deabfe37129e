"""A flow written as two names and an arrow ("Huayue → Uralelektroprivod.", a bold
run-in head of a trade brief) is two actors, not one. Sentences written for this test
with invented firms; the expected rows were written before the code."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import entities_and_relations


@pytest.mark.parametrize("arrow", ["→", "->"])
def test_two_names_joined_by_an_arrow_are_no_name(arrow) -> None:
    entities, _ = entities_and_relations(
        {
            "t": (
                f"Qirong {arrow} Tarvel Motors. Hunan Qirong Magnetics ships sintered magnets "
                "from Ganzhou to Tarvel Motors, which builds traction motors in Kazan.",
                "en",
            )
        }
    )
    assert not {e for e in entities if arrow in e}, entities
    assert "Tarvel Motors" in entities, entities
