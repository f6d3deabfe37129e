"""A sentence states a supply between two actors one way. When two of its cues read it
both ways, the cue nearest before the later-named actor governs ("using a platform ...
supplied by X": "supplied", not "platform"). Texts written for these tests with invented
firms ("Kesar Motors", "Lanmu Automobile"); the unit cases use stand-in mentions."""

from __future__ import annotations

from types import SimpleNamespace

from analysis.extraction.cue_filters import one_way
from tests.fixtures.extraction_shared import extracted_relations


def _cue(relation: str, start: int) -> SimpleNamespace:
    return SimpleNamespace(relation=relation, start=start, end=start + 1)


def _part(entity: str, start: int) -> SimpleNamespace:
    return SimpleNamespace(entity=entity, start=start, end=start + 1)


def test_the_nearer_cue_wins_and_the_other_reading_goes() -> None:
    parts = [_part("A", 0), _part("B", 10)]
    far, near = ("A", "B", _cue("supply", 3), "supply"), ("B", "A", _cue("supply", 8), "supply")
    assert one_way([far, near], parts) == [near]


def test_equally_near_cues_and_other_relations_are_left_alone() -> None:
    parts = [_part("A", 0), _part("B", 10)]
    both = [("A", "B", _cue("supply", 8), "x"), ("B", "A", _cue("supply", 8), "y")]
    assert one_way(both, parts) == both
    other = [("A", "B", _cue("partnership", 3), "x"), ("B", "A", _cue("supply", 8), "y")]
    assert one_way(other, parts) == other


def test_a_platform_supplied_by_a_partner_runs_one_way() -> None:
    found = extracted_relations(
        "Kesar Motors LLC began series assembly of its crossover in Ulyanovsk on Monday, "
        "using a platform, engines and gearboxes supplied by China's Lanmu Automobile Co., "
        "Ltd.",
        "en",
    )
    assert ("Lanmu Automobile Co., Ltd.", "Kesar Motors LLC", "supply") in found, found
    assert ("Kesar Motors LLC", "Lanmu Automobile Co., Ltd.", "supply") not in found, found


def test_a_licence_and_kit_contract_with_a_partner_runs_one_way() -> None:
    found = extracted_relations(
        "En mai 2025, Kesar Motors a signé un contrat de licence et de fourniture de kits "
        "avec Lanmu Automobile, le constructeur public de Hefei.",
        "fr",
    )
    assert ("Lanmu Automobile", "Kesar Motors", "supply") in found, found
    assert ("Kesar Motors", "Lanmu Automobile", "supply") not in found, found
