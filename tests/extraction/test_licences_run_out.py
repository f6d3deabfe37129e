"""A licence or contract said to have run out, or not to have been renewed, ends the
supply it states, in the sentence that names it. Sentences written for these tests
("Tarvel Motors", "Hubei Kestrel Motor" and "Borey" are invented)."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Tarvel Motors has stopped building Borey crossovers after a licence from "
            "Hubei Kestrel Motor ran out at the end of March and was not renewed.",
            "en",
        ),
        (
            "Tarvel Motors assemblait des Borey sous licence de Hubei Kestrel Motor, mais "
            "la licence n'a pas été renouvelée.",
            "fr",
        ),
    ],
)
def test_a_licence_that_ran_out_supplies_nothing(text, lang) -> None:
    found = extracted_relations(text, lang)
    assert not {r for r in found if r[2] == "supply"}, found


def test_a_licence_renewed_still_supplies() -> None:
    found = extracted_relations(
        "Tarvel Motors assembles crossovers under a licence from Hubei Kestrel Motor, "
        "which was renewed in March.",
        "en",
    )
    assert ("Hubei Kestrel Motor", "Tarvel Motors", "supply") in found, found
