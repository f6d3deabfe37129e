"""French object relatives whose subject follows the verb ("des kits que lui expédie X"
names X as the supplier, the clause's subject as the recipient), and the apposition
before an exit verb: its head leaves, a firm it names as a complement does not. Invented
firms beside known ones; sentences written for these tests."""

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


def test_a_firm_named_in_an_apposition_before_an_exit_does_not_leave() -> None:
    found = extracted_relations(
        "OrAZ est un constructeur russe d'autobus. Hallberg Motorenwerke est un motoriste "
        "allemand. Le motoriste allemand Hallberg Motorenwerke, longtemps fournisseur "
        "d'OrAZ, a quitté la Russie en 2022.",
        "fr",
    )
    assert ("OrAZ", "Russia", "exit") not in found, found
    found = extracted_relations(
        "Cummins, the US engine maker whose diesel powered most Gazelle trucks, left Russia "
        "in 2022. Scania, like Volvo and Daimler Truck, left Russia in 2022.",
        "en",
    )
    assert {("Cummins", "Russia", "exit"), ("Scania", "Russia", "exit")} <= found, found
    assert ("Daimler Truck", "Russia", "exit") in found, found
