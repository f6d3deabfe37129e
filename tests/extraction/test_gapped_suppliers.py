"""Two suppliers in one sentence with the second verb left out ("X supplies the motors
and Y the packs") supply their goods; neither supplies the other. Sentences written for
these tests ("Kestrel Drive", "Tarvel Cells", "Idel" are invented)."""

from __future__ import annotations

import pytest

from tests.fixtures.extraction_shared import extracted_relations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Idel builds the buses; Kestrel Drive supplies the motors and Tarvel Cells the packs.",
            "en",
        ),
        ("Kestrel Drive fournit les moteurs et Tarvel Cells les batteries.", "fr"),
        ("Kestrel Drive поставляет двигатели, а Tarvel Cells — батареи.", "ru"),
    ],
)
def test_a_second_supplier_with_its_verb_left_out_is_no_recipient(text, lang) -> None:
    found = extracted_relations(text, lang)
    assert ("Kestrel Drive", "Tarvel Cells", "supply") not in found, found


def test_two_recipients_after_the_verb_still_receive() -> None:
    found = extracted_relations("Kestrel Drive supplies motors to Idel and Tarvel Cells.", "en")
    assert ("Kestrel Drive", "Idel", "supply") in found, found
    assert ("Kestrel Drive", "Tarvel Cells", "supply") in found, found
