"""A firm named after "for" in a sentence of a receiving cue ("fits", "uses", "équipe")
is whom the goods are made for, not their supplier: "X fits the magnets into motors built
for KAMAZ buses" is X's supply to KAMAZ. Sentences written for this test with invented
firms; the expected rows were written before the code."""

from __future__ import annotations

from tests.fixtures.extraction_shared import rule_relations


def test_a_firm_after_for_receives() -> None:
    found = rule_relations(
        "Tarvel Motors fits the magnets into traction motors built in Kazan for Kamaz and "
        "MAZ electric buses.",
        "en",
    )
    assert ("Kamaz", "Tarvel Motors", "supply") not in found, found
    assert ("MAZ", "Tarvel Motors", "supply") not in found, found
    assert ("Tarvel Motors", "Kamaz", "supply") in found, found


def test_the_maker_of_what_is_used_still_supplies() -> None:
    found = rule_relations("Tarvel Motors uses CATL cells for Kamaz buses.", "en")
    assert ("CATL", "Tarvel Motors", "supply") in found, found
    assert ("Kamaz", "Tarvel Motors", "supply") not in found, found
