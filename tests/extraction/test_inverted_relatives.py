"""French object relatives whose subject follows the verb: "des kits que lui expédie X"
names X as the supplier and the clause's subject as the recipient. Invented firms;
sentences written for these tests."""

from __future__ import annotations

from tests.fixtures.extraction_shared import extracted_relations


def test_the_subject_after_the_verb_of_an_object_relative_supplies() -> None:
    found = extracted_relations(
        "Haldorf Motors est un constructeur chinois. Depuis 2023, Kestrov Avto assemble ses "
        "camions à partir de kits que lui expédie Haldorf Motors depuis son usine de Baoji.",
        "fr",
    )
    assert ("Haldorf Motors", "Kestrov Avto", "supply") in found, found
    assert ("Kestrov Avto", "Haldorf Motors", "supply") not in found, found
    found = extracted_relations(
        "Kestrov Avto monte des packs à partir de cellules que fournit le chinois Haldorf Cells.",
        "fr",
    )
    assert ("Haldorf Cells", "Kestrov Avto", "supply") in found, found
