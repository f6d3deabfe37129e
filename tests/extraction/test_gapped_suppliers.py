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


@pytest.mark.parametrize(
    "text",
    [
        # the goods first, each clause's subject after them ("Стёкла поставляет X,
        # электромоторы — Y")
        "Стёкла поставляет китайская Kestrel Drive, электромоторы — Tarvel Cells.",
        "Стёкла для «Иделя» поставляет Kestrel Drive, а электромоторы — Tarvel Cells.",
        # the subject first, its goods after the dash (a known name's dative: the tagger
        # cannot tell an invented name's case)
        "Стёкла «КАМАЗу» поставляет Kestrel Drive, Tarvel Cells — электромоторы.",
    ],
)
def test_a_russian_gapped_clause_names_a_second_supplier(text) -> None:
    """A dash stands for the verb left out: the name beside it supplies other goods, and
    neither supplier supplies the other."""
    found = extracted_relations(text, "ru")
    pairs = {frozenset(r[:2]) for r in found if r[2] == "supply"}
    assert frozenset(("Kestrel Drive", "Tarvel Cells")) not in pairs, found
    assert not {r for r in found if r[1] == "Kestrel Drive"}, found  # it receives nothing
